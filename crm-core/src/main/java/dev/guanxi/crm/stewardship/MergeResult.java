package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerId;
import java.util.Objects;

/**
 * What a merge did.
 *
 * <p>Immutable and thread-safe.
 *
 * @param mergeId the merge's id in the merge log, for {@link Stewardship#undoMerge}
 * @param survivor the survivor as stored after the merge (one version on)
 * @param loserId the merged customer, now a tombstone pointing to the survivor
 * @param rowsMoved how many rows moved to the survivor
 * @param rescoringNeeded whether the survivor's scores and lifecycle stage are stale until the next scoring run
 *     (see {@link MergePlan#rescoringNeeded()})
 * @since 0.1.0
 */
@Beta
public record MergeResult(
        MergeId mergeId, Customer survivor, CustomerId loserId, int rowsMoved, boolean rescoringNeeded) {
    /**
     * Rejects nulls and a negative count.
     *
     * @param mergeId the merge's id in the merge log, for {@link Stewardship#undoMerge}
     * @param survivor the survivor as stored after the merge (one version on)
     * @param loserId the merged customer, now a tombstone pointing to the survivor
     * @param rowsMoved how many rows moved to the survivor
     * @param rescoringNeeded whether the survivor's scores and lifecycle stage are stale until the next scoring run
     *     (see {@link MergePlan#rescoringNeeded()})
     * @throws IllegalArgumentException if {@code rowsMoved} is negative
     */
    public MergeResult {
        Objects.requireNonNull(mergeId, "mergeId");
        Objects.requireNonNull(survivor, "survivor");
        Objects.requireNonNull(loserId, "loserId");
        if (rowsMoved < 0) {
            throw new IllegalArgumentException("rowsMoved must not be negative, got " + rowsMoved);
        }
    }
}
