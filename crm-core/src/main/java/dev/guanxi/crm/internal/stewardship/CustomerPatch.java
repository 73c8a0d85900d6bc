package dev.guanxi.crm.internal.stewardship;

import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.stewardship.ImportedCustomer;

/** What a customer row does to a customer: create it, or change a stored one. Immutable. */
interface CustomerPatch {
    /**
     * Applies the row.
     *
     * @param current the stored customer's values, or {@code null} for a new customer
     * @return the values to store
     * @throws dev.guanxi.crm.ValidationException if the result breaks a rule of {@link CustomerDraft}
     */
    CustomerDraft apply(CustomerDraft current);

    /**
     * @param path a violation's path in a draft (e.g. {@code displayName}, {@code customFields.erp.segment})
     * @return the field a row error names
     */
    String field(String path);

    /** A whole draft from an iterable: replaces every value. */
    record Whole(ImportedCustomer record) implements CustomerPatch {
        @Override
        public CustomerDraft apply(CustomerDraft current) {
            return record.draft();
        }

        @Override
        public String field(String path) {
            return "draft." + path;
        }
    }
}
