package dev.guanxi.crm.event;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.customer.CustomerId;
import java.util.Objects;
import java.util.UUID;

/**
 * A customer (the loser) was merged into another (the survivor): its rows moved to the survivor and it is now
 * a tombstone pointing there. The survivor's scores are stale until the next scoring run when {@code
 * rescoringNeeded} is set.
 *
 * <p>Immutable and thread-safe.
 *
 * @param metadata the event's id, tenant and time
 * @param customerId the survivor: the customer the loser was merged into, not null
 * @param loserId the merged customer
 * @param mergeId the merge's id in the merge log
 * @param version the survivor's version after the merge
 * @param rowsMoved how many rows moved to the survivor
 * @param rescoringNeeded whether the survivor should be re-scored
 * @since 0.1.0
 */
@Beta
public record CustomersMerged(
        EventMetadata metadata,
        CustomerId customerId,
        CustomerId loserId,
        UUID mergeId,
        long version,
        int rowsMoved,
        boolean rescoringNeeded)
        implements CustomerEvent {
    /**
     * Rejects nulls.
     *
     * @param metadata the event's id, tenant and time
     * @param customerId the survivor: the customer the loser was merged into, not null
     * @param loserId the merged customer
     * @param mergeId the merge's id in the merge log
     * @param version the survivor's version after the merge
     * @param rowsMoved how many rows moved to the survivor
     * @param rescoringNeeded whether the survivor should be re-scored
     */
    public CustomersMerged {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(loserId, "loserId");
        Objects.requireNonNull(mergeId, "mergeId");
    }
}
