package dev.guanxi.crm.internal.stewardship;

import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.internal.CrmContext;
import dev.guanxi.crm.internal.MergeTrail;
import dev.guanxi.crm.stewardship.MergeOptions;
import dev.guanxi.crm.stewardship.MergeResult;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How an import merges a new customer row into the stored customer it duplicates ({@link
 * dev.guanxi.crm.stewardship.DuplicatePolicy#MERGE}): the one seam between the import and the merge engine, wired
 * by {@code TenantCrm.imports()} to {@link #engine}. {@link #unavailable()} refuses MERGE before any row is read
 * (for a store without a merge log). Implementations must be thread-safe.
 */
public interface ImportMerge {
    /**
     * Merges a row into a stored customer, in the batch's unit of work: what the merge writes commits or rolls
     * back with the batch, and its events are published through the scope. The row is stored as a customer
     * through {@code register}, then merged into {@code duplicateOf}, which survives; the merge log records it as
     * an API merge, so it can be undone.
     *
     * @param scope the batch's unit of work
     * @param duplicateOf the stored customer the row resembles most
     * @param row the row as a new customer, not stored (external id included)
     * @param options the survivorship rules
     * @param register stores the new customer with its ledger line and events
     * @return the merge (its survivor is {@code duplicateOf})
     * @throws ValidationException if the row cannot be merged, thrown before anything is written (a row error:
     *     the other rows go on)
     */
    MergeResult merge(
            CrmContext.WriteScope scope,
            CustomerId duplicateOf,
            Customer row,
            MergeOptions options,
            Consumer<Customer> register);

    /**
     * Checks, before an import with MERGE reads any row, that merging is possible.
     *
     * @throws ValidationException on {@code duplicatePolicy} ({@link ValidationRule#INVALID_STATE}) if it is not
     */
    void requireAvailable();

    /**
     * @param context the CRM's context
     * @param tenant the tenant
     * @return the seam backed by the merge engine of {@code Stewardship.merge}; MERGE is refused (as by {@link
     *     #unavailable()}) if the store keeps no merge log
     */
    static ImportMerge engine(CrmContext context, TenantId tenant) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(tenant, "tenant");
        CustomerMerger merger = new CustomerMerger(context, tenant);
        return new ImportMerge() {
            @Override
            public MergeResult merge(
                    CrmContext.WriteScope scope,
                    CustomerId duplicateOf,
                    Customer row,
                    MergeOptions options,
                    Consumer<Customer> register) {
                return merger.mergeNew(scope, duplicateOf, row, options, register);
            }

            @Override
            public void requireAvailable() {
                if (!context.read(tenant, uow -> MergeTrail.logOrNull(uow) != null)) {
                    unavailable().requireAvailable();
                }
            }
        };
    }

    /** @return the seam without a merge engine: MERGE is refused with a typed error saying so */
    static ImportMerge unavailable() {
        return new ImportMerge() {
            @Override
            public MergeResult merge(
                    CrmContext.WriteScope scope,
                    CustomerId duplicateOf,
                    Customer row,
                    MergeOptions options,
                    Consumer<Customer> register) {
                requireAvailable();
                throw new IllegalStateException("unreachable");
            }

            @Override
            public void requireAvailable() {
                throw new ValidationException(
                        "duplicatePolicy",
                        ValidationRule.INVALID_STATE,
                        "merge is not available: this store keeps no merge log; use SKIP or FLAG");
            }
        };
    }
}
