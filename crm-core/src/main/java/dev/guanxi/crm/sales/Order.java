package dev.guanxi.crm.sales;

import dev.guanxi.crm.Aggregate;
import dev.guanxi.crm.IllegalTransitionException;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.money.CurrencyMismatchException;
import dev.guanxi.crm.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/**
 * A purchase: an order a customer placed, with its lines and total. Orders are what the customer-base
 * analytics count (frequency, recency, monetary value) through the purchase scan.
 *
 * <p>The total is the exact sum of the lines' totals; all lines are in one currency. An order is {@link
 * OrderStatus#PLACED} when recorded and may be {@link OrderStatus#CANCELLED} once; nothing else changes.
 *
 * <p>Immutable and thread-safe. Created by {@link Sales#recordPurchase(NewOrder)}; storage adapters and tests
 * may use the canonical constructor or {@link #place(OrderId, NewOrder, Instant)}.
 *
 * @param id the order's id, assigned by the CRM when the purchase is recorded, required
 * @param customerId the buying customer
 * @param orderNumber the order number, unique per tenant, or {@code null} if the order has none
 * @param orderDate the day of the purchase
 * @param lines one to {@value #MAX_LINES} lines, in the order given
 * @param total the exact sum of the lines' totals, in their currency
 * @param status placed or cancelled
 * @param cancelledAt when it was cancelled, or {@code null} if it was not; set exactly when the status is
 *     {@link OrderStatus#CANCELLED}
 * @param version 1 when recorded, +1 for every change
 * @param createdAt when it was recorded
 * @param updatedAt when it was last changed
 */
public record Order(
        OrderId id,
        CustomerId customerId,
        String orderNumber,
        LocalDate orderDate,
        List<OrderLine> lines,
        Money total,
        OrderStatus status,
        Instant cancelledAt,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Aggregate<OrderId> {
    /** The most lines an order may have. */
    public static final int MAX_LINES = 1_000;

    /**
     * Validates the components.
     *
     * @param id the order's id, assigned by the CRM when the purchase is recorded, required
     * @param customerId the buying customer
     * @param orderNumber the order number, unique per tenant, or {@code null} if the order has none
     * @param orderDate the day of the purchase
     * @param lines one to {@value #MAX_LINES} lines, in the order given
     * @param total the exact sum of the lines' totals, in their currency
     * @param status placed or cancelled
     * @param cancelledAt when it was cancelled, or {@code null} if it was not; set exactly when the status is {@link
     *     OrderStatus#CANCELLED}
     * @param version 1 when recorded, +1 for every change
     * @param createdAt when it was recorded
     * @param updatedAt when it was last changed
     * @throws ValidationException naming the field and the rule, e.g. {@code total} with {@link
     *     ValidationRule#OUT_OF_RANGE} when the total is not the sum of the lines
     * @throws CurrencyMismatchException if the lines are in different currencies
     */
    public Order {
        Check.required("id", id);
        Check.required("customerId", customerId);
        Check.optionalText("orderNumber", orderNumber, SalesChecks.NUMBER_MAX);
        Check.required("orderDate", orderDate);
        lines = Check.list("lines", lines, MAX_LINES);
        Money sum = OrderLine.sum(lines);
        Check.required("total", total);
        if (!total.equals(sum)) {
            throw Check.fail("total", ValidationRule.OUT_OF_RANGE, "total " + total + " is not the sum " + sum);
        }
        SalesChecks.fitsMinorUnits("total", total);
        Check.required("status", status);
        if ((cancelledAt != null) != (status == OrderStatus.CANCELLED)) {
            throw Check.fail(
                    "cancelledAt", ValidationRule.INVALID_STATE, "cancelledAt is set exactly for a cancelled order");
        }
        SalesChecks.bookkeeping(version, createdAt, updatedAt);
    }

    /**
     * Creates a newly placed order from a draft, at version 1.
     *
     * @param id the new order's id
     * @param draft what was bought
     * @param now when it is recorded
     * @return the order
     */
    public static Order place(OrderId id, NewOrder draft, Instant now) {
        Check.required("order", draft);
        return new Order(
                id,
                draft.customerId(),
                draft.orderNumber(),
                draft.orderDate(),
                draft.lines(),
                OrderLine.sum(draft.lines()),
                OrderStatus.PLACED,
                null,
                1,
                now,
                now);
    }

    /** @return the currency of the order's amounts */
    public Currency currency() {
        return total.currency();
    }

    /** @return {@code true} if the order counts as a purchase (it is not cancelled) */
    public boolean isPlaced() {
        return status == OrderStatus.PLACED;
    }

    /**
     * Returns this order cancelled, one version on.
     *
     * @param now when it is cancelled
     * @return the cancelled order
     * @throws IllegalTransitionException if it is already cancelled
     */
    public Order cancel(Instant now) {
        return new Order(
                id,
                customerId,
                orderNumber,
                orderDate,
                lines,
                total,
                status.transitionTo(OrderStatus.CANCELLED),
                now,
                version + 1,
                createdAt,
                now);
    }
}
