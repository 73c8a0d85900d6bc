package dev.guanxi.crm.event;

import dev.guanxi.crm.customer.CustomerId;
import java.util.Objects;

/**
 * A customer's personal data was erased. Carries no personal data.
 *
 * @param metadata the event metadata
 * @param customerId the erased customer
 * @since 0.1.0
 */
public record CustomerErased(EventMetadata metadata, CustomerId customerId) implements CustomerEvent {
    /**
     * Rejects nulls.
     *
     * @param metadata the event metadata
     * @param customerId the erased customer
     */
    public CustomerErased {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(customerId, "customerId");
    }
}
