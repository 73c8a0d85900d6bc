package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;

/**
 * What a {@linkplain Imports bulk import} does with a new customer row that resembles a stored customer (or an
 * earlier row of the same import), as judged by the import's {@link DuplicateDetector}. Only rows that would
 * create a customer are checked: a row whose external id is already stored updates that customer instead.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Beta
public enum DuplicatePolicy {
    /** The row is not stored; it counts as skipped and an {@link ImportFlag} names the customer it resembles. */
    SKIP,
    /**
     * The row is stored as a new customer; it counts as flagged and an {@link ImportFlag} names the customer it
     * resembles, for a data steward to review (and merge) later.
     */
    FLAG,
    /**
     * The row is merged into the customer it resembles, which survives: the row is stored as a customer and
     * merged at once by the engine of {@link Stewardship#merge}, in the row's batch (it commits or rolls back
     * with the batch, and an all-or-nothing import that is rejected merges nothing). The fields are decided by
     * {@link ImportOptions#mergeOptions()}; the merge log records the merge as any other, so {@link
     * Stewardship#undoMerge} restores both customers, and the row's external id resolves to the survivor. The
     * row counts as updated and an {@link ImportFlag} names the survivor. A row whose merged values break a rule
     * is a row error; the other rows go on. A re-import finds the row's external id merged and writes nothing
     * (counted unchanged). A store without a merge log refuses an import with this policy before reading any row
     * ({@link dev.guanxi.crm.ValidationException} on {@code duplicatePolicy}, rule {@link
     * dev.guanxi.crm.ValidationRule#INVALID_STATE}).
     */
    MERGE
}
