package dev.guanxi.crm.internal.stewardship;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.internal.CrmContext;

/**
 * How an import merges a new customer row into the stored customer it duplicates ({@link
 * dev.guanxi.crm.stewardship.DuplicatePolicy#MERGE}): the one seam between the import and the merge engine, wired
 * by {@code TenantCrm.imports()}. Until a merge engine is wired, {@link #unavailable()} refuses MERGE before any
 * row is read. Implementations must be thread-safe.
 */
public interface ImportMerge {
    /**
     * Merges a row into a stored customer, in the batch's unit of work: what the merge writes commits or rolls
     * back with the batch, and its events are published through the scope.
     *
     * @param scope the batch's unit of work
     * @param duplicateOf the stored customer the row resembles most
     * @param row the row's values (external id included)
     * @return the customer that survives
     * @throws ValidationException if the row cannot be merged, thrown before anything is written (a row error:
     *     the other rows go on)
     */
    CustomerId merge(CrmContext.WriteScope scope, CustomerId duplicateOf, CustomerDraft row);

    /**
     * Checks, before an import with MERGE reads any row, that merging is possible.
     *
     * @throws ValidationException on {@code duplicatePolicy} ({@link ValidationRule#INVALID_STATE}) if it is not
     */
    void requireAvailable();

    /** @return the seam without a merge engine: MERGE is refused with a typed error saying so */
    static ImportMerge unavailable() {
        return new ImportMerge() {
            @Override
            public CustomerId merge(CrmContext.WriteScope scope, CustomerId duplicateOf, CustomerDraft row) {
                requireAvailable();
                throw new IllegalStateException("unreachable");
            }

            @Override
            public void requireAvailable() {
                throw new ValidationException(
                        "duplicatePolicy",
                        ValidationRule.INVALID_STATE,
                        "merge is not available: this CRM has no merge engine wired to imports; use SKIP or FLAG");
            }
        };
    }
}
