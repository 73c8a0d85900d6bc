package dev.guanxi.crm.event;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.OrderId;
import java.util.Objects;

/**
 * An order was cancelled; it no longer counts as a purchase.
 *
 * <p>Immutable and thread-safe.
 *
 * @param metadata the event's id, tenant and time
 * @param customerId the customer who placed the order, not null
 * @param orderId the cancelled order, not null
 * @param total the total that no longer counts
 */
public record OrderCancelled(EventMetadata metadata, CustomerId customerId, OrderId orderId, Money total)
        implements SalesEvent {
    /**
     * Rejects nulls.
     *
     * @param metadata the event's id, tenant and time
     * @param customerId the customer who placed the order, not null
     * @param orderId the cancelled order, not null
     * @param total the total that no longer counts
     */
    public OrderCancelled {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(total, "total");
    }
}
