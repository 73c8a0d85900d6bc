package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.internal.Check;

/**
 * A customer to import: a whole {@link CustomerDraft}, keyed by its external id. If a customer with that external
 * id is stored, the draft replaces every value of it (a draft equal to the stored values writes nothing).
 *
 * <p>Immutable and thread-safe.
 *
 * @param draft the customer's values; its external id is required
 * @since 0.1.0
 */
@Beta
public record ImportedCustomer(CustomerDraft draft) implements ImportedRecord {
    /**
     * Validates the record.
     *
     * @param draft the customer's values; its external id is required
     * @throws ValidationException on {@code draft} ({@link ValidationRule#REQUIRED}) if it is missing, on {@code
     *     draft.externalId} ({@link ValidationRule#REQUIRED}) if it has no external id
     */
    public ImportedCustomer {
        Check.required("draft", draft);
        if (draft.externalId() == null) {
            throw new ValidationException(
                    "draft.externalId", ValidationRule.REQUIRED, "an imported customer needs an external id");
        }
    }

    @Override
    public ImportKind kind() {
        return ImportKind.CUSTOMERS;
    }

    @Override
    public String externalId() {
        return draft.externalId();
    }
}
