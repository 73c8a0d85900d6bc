package dev.guanxi.crm.event;

import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerId;
import java.util.Objects;
import java.util.function.Function;

/**
 * A customer was changed.
 *
 * <p>Immutable and thread-safe.
 *
 * @param metadata the event's id, tenant and time
 * @param before the customer as it was
 * @param customer the customer as stored now, at {@code before.version() + 1}
 */
public record CustomerUpdated(EventMetadata metadata, Customer before, Customer customer) implements CustomerEvent {
    /**
     * Rejects nulls and a pair of different customers.
     *
     * @param metadata the event's id, tenant and time
     * @param before the customer as it was
     * @param customer the customer as stored now, at {@code before.version() + 1}
     */
    public CustomerUpdated {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(customer, "customer");
        if (!before.id().equals(customer.id())) {
            throw new IllegalArgumentException("before and after are different customers");
        }
    }

    @Override
    public CustomerId customerId() {
        return customer.id();
    }

    /**
     * Tells whether a property changed, e.g. {@code event.changed(Customer::region)}.
     *
     * @param property reads the property from a customer
     * @return {@code true} if its value before and after differ
     */
    public boolean changed(Function<Customer, ?> property) {
        Objects.requireNonNull(property, "property");
        return !Objects.equals(property.apply(before), property.apply(customer));
    }
}
