package dev.guanxi.crm.event;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.customer.CustomerId;
import java.util.Objects;
import java.util.UUID;

/**
 * A merge was undone: the survivor has its values from before the merge again, the loser is a customer again
 * and every moved row is back with it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param metadata the event's id, tenant and time
 * @param customerId the survivor of the undone merge
 * @param loserId the customer restored
 * @param mergeId the merge's id in the merge log
 * @param version the survivor's version after the undo
 * @since 0.1.0
 */
@Beta
public record CustomerMergeUndone(
        EventMetadata metadata, CustomerId customerId, CustomerId loserId, UUID mergeId, long version)
        implements CustomerEvent {
    /**
     * Rejects nulls.
     *
     * @param metadata the event's id, tenant and time
     * @param customerId the survivor of the undone merge
     * @param loserId the customer restored
     * @param mergeId the merge's id in the merge log
     * @param version the survivor's version after the undo
     */
    public CustomerMergeUndone {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(loserId, "loserId");
        Objects.requireNonNull(mergeId, "mergeId");
    }
}
