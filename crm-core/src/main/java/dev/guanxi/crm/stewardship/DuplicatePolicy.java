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
     * The row is merged into the customer it resembles. Needs the merge engine: a CRM built without one refuses
     * an import with this policy before reading any row ({@link dev.guanxi.crm.ValidationException} on {@code
     * duplicatePolicy}, rule {@link dev.guanxi.crm.ValidationRule#INVALID_STATE}).
     */
    MERGE
}
