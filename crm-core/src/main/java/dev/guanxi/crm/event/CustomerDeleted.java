package dev.guanxi.crm.event;

import dev.guanxi.crm.customer.CustomerId;
import java.util.Objects;

/**
 * A customer was deleted.
 *
 * <p>Immutable and thread-safe.
 *
 * @param metadata the event's id, tenant and time
 * @param customerId the deleted customer
 * @param version the version the customer had when it was deleted
 */
public record CustomerDeleted(EventMetadata metadata, CustomerId customerId, long version) implements CustomerEvent {
    /**
     * Rejects nulls.
     *
     * @param metadata the event's id, tenant and time
     * @param customerId the deleted customer
     * @param version the version the customer had when it was deleted
     */
    public CustomerDeleted {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(customerId, "customerId");
    }
}
