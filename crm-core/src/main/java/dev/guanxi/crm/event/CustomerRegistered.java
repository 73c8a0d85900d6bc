package dev.guanxi.crm.event;

import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerId;
import java.util.Objects;

/**
 * A customer was registered.
 *
 * <p>Immutable and thread-safe.
 *
 * @param metadata the event's id, tenant and time
 * @param customer the customer as stored, at version 1
 */
public record CustomerRegistered(EventMetadata metadata, Customer customer) implements CustomerEvent {
    /**
     * Rejects nulls.
     *
     * @param metadata the event's id, tenant and time
     * @param customer the customer as stored, at version 1
     */
    public CustomerRegistered {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(customer, "customer");
    }

    @Override
    public CustomerId customerId() {
        return customer.id();
    }
}
