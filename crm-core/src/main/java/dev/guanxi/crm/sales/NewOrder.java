package dev.guanxi.crm.sales;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.money.CurrencyMismatchException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What a host supplies to record a purchase with {@link Sales#recordPurchase(NewOrder)}. Holds no id, status,
 * version or timestamps: those are the CRM's. The currency is the lines' currency; the total is computed.
 *
 * <p>Immutable and thread-safe. Build with {@link #builder(CustomerId, LocalDate)}.
 *
 * @param customerId the buying customer
 * @param orderNumber the order number, unique per tenant (e.g. the ERP's), at most 64 characters, or {@code
 *     null} if the order has none
 * @param orderDate the day of the purchase; {@link Sales#recordPurchase} refuses a date in the future
 * @param lines one to {@value Order#MAX_LINES} lines, all in one currency
 */
public record NewOrder(CustomerId customerId, String orderNumber, LocalDate orderDate, List<OrderLine> lines) {
    /**
     * Validates the components.
     *
     * @param customerId the buying customer
     * @param orderNumber the order number, unique per tenant (e.g. the ERP's), at most 64 characters, or {@code null}
     *     if the order has none
     * @param orderDate the day of the purchase; {@link Sales#recordPurchase} refuses a date in the future
     * @param lines one to {@value Order#MAX_LINES} lines, all in one currency
     * @throws ValidationException naming the field and the rule
     * @throws CurrencyMismatchException if the lines are in different currencies
     */
    public NewOrder {
        Check.required("customerId", customerId);
        Check.optionalText("orderNumber", orderNumber, SalesChecks.NUMBER_MAX);
        Check.required("orderDate", orderDate);
        lines = Check.list("lines", lines, Order.MAX_LINES);
        SalesChecks.fitsMinorUnits("total", OrderLine.sum(lines));
    }

    /**
     * Starts a draft.
     *
     * @param customerId the buying customer
     * @param orderDate the day of the purchase
     * @return a builder
     */
    public static Builder builder(CustomerId customerId, LocalDate orderDate) {
        return new Builder(customerId, orderDate);
    }

    /** Builds a {@link NewOrder}. Not thread-safe. */
    public static final class Builder {
        private final CustomerId customerId;
        private final LocalDate orderDate;
        private String orderNumber;
        private final List<OrderLine> lines = new ArrayList<>();

        private Builder(CustomerId customerId, LocalDate orderDate) {
            this.customerId = customerId;
            this.orderDate = orderDate;
        }

        /**
         * Sets the order number.
         *
         * @param number unique per tenant, or {@code null} for none
         * @return this builder
         */
        public Builder orderNumber(String number) {
            this.orderNumber = number;
            return this;
        }

        /**
         * Adds a line.
         *
         * @param line the line
         * @return this builder
         */
        public Builder line(OrderLine line) {
            lines.add(line);
            return this;
        }

        /**
         * Adds lines, in order.
         *
         * @param more the lines
         * @return this builder
         */
        public Builder lines(Collection<OrderLine> more) {
            lines.addAll(more);
            return this;
        }

        /**
         * @return the draft
         * @throws ValidationException if a value breaks a rule
         */
        public NewOrder build() {
            return new NewOrder(customerId, orderNumber, orderDate, lines);
        }
    }
}
