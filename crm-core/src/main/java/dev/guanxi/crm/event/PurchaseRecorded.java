package dev.guanxi.crm.event;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.OrderId;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A purchase was recorded: an order was placed ({@code Sales.recordPurchase}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param metadata the event's id, tenant and time
 * @param customerId the buying customer, not null
 * @param orderId the new order, not null
 * @param orderDate the day of the purchase
 * @param total the order total
 */
public record PurchaseRecorded(
        EventMetadata metadata, CustomerId customerId, OrderId orderId, LocalDate orderDate, Money total)
        implements SalesEvent {
    /**
     * Rejects nulls.
     *
     * @param metadata the event's id, tenant and time
     * @param customerId the buying customer, not null
     * @param orderId the new order, not null
     * @param orderDate the day of the purchase
     * @param total the order total
     */
    public PurchaseRecorded {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(orderDate, "orderDate");
        Objects.requireNonNull(total, "total");
    }
}
