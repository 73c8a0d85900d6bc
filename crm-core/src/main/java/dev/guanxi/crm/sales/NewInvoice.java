package dev.guanxi.crm.sales;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.money.Money;
import java.time.LocalDate;

/**
 * What a host supplies to issue an invoice (a receivable) with {@link Sales#issueInvoice(NewInvoice)}. Holds
 * no id, paid amount, status, version or timestamps: those are the CRM's.
 *
 * <p>Immutable and thread-safe. Build with {@link #builder(CustomerId, String, Money)}.
 *
 * @param customerId the customer who owes the amount
 * @param invoiceNumber the invoice number, unique per tenant, 1 to 64 characters of one-line text
 * @param orderId the order invoiced, or {@code null} if the invoice bills no recorded order; it must belong to
 *     the same customer
 * @param issueDate the day the invoice was issued; {@link Sales#issueInvoice} refuses a date in the future
 * @param dueDate the day payment is due, not before the issue date and at most 100 years ahead
 * @param amount the amount owed, greater than zero
 */
public record NewInvoice(
        CustomerId customerId,
        String invoiceNumber,
        OrderId orderId,
        LocalDate issueDate,
        LocalDate dueDate,
        Money amount) {
    /**
     * Validates the components.
     *
     * @param customerId the customer who owes the amount
     * @param invoiceNumber the invoice number, unique per tenant, 1 to 64 characters of one-line text
     * @param orderId the order invoiced, or {@code null} if the invoice bills no recorded order; it must belong to the
     *     same customer
     * @param issueDate the day the invoice was issued; {@link Sales#issueInvoice} refuses a date in the future
     * @param dueDate the day payment is due, not before the issue date and at most 100 years ahead
     * @param amount the amount owed, greater than zero
     * @throws ValidationException naming the field and the rule
     */
    public NewInvoice {
        Check.required("customerId", customerId);
        Check.text("invoiceNumber", invoiceNumber, SalesChecks.NUMBER_MAX);
        Check.required("issueDate", issueDate);
        Check.required("dueDate", dueDate);
        Check.order("dueDate", issueDate, dueDate);
        Check.positive("amount", amount);
    }

    /**
     * Starts a draft. Without {@link Builder#issuedOn} the issue date is required; without {@link
     * Builder#dueOn} the due date is the issue date.
     *
     * @param customerId the customer who owes the amount
     * @param invoiceNumber the invoice number, unique per tenant
     * @param amount the amount owed
     * @return a builder
     */
    public static Builder builder(CustomerId customerId, String invoiceNumber, Money amount) {
        return new Builder(customerId, invoiceNumber, amount);
    }

    /** Builds a {@link NewInvoice}. Not thread-safe. */
    public static final class Builder {
        private final CustomerId customerId;
        private final String invoiceNumber;
        private final Money amount;
        private OrderId orderId;
        private LocalDate issueDate;
        private LocalDate dueDate;

        private Builder(CustomerId customerId, String invoiceNumber, Money amount) {
            this.customerId = customerId;
            this.invoiceNumber = invoiceNumber;
            this.amount = amount;
        }

        /**
         * Links the invoice to the order it bills.
         *
         * @param order the order, or {@code null} for none
         * @return this builder
         */
        public Builder forOrder(OrderId order) {
            this.orderId = order;
            return this;
        }

        /**
         * Sets the issue date.
         *
         * @param date the day the invoice was issued
         * @return this builder
         */
        public Builder issuedOn(LocalDate date) {
            this.issueDate = date;
            return this;
        }

        /**
         * Sets the due date.
         *
         * @param date the day payment is due
         * @return this builder
         */
        public Builder dueOn(LocalDate date) {
            this.dueDate = date;
            return this;
        }

        /**
         * @return the draft
         * @throws ValidationException if a value breaks a rule
         */
        public NewInvoice build() {
            return new NewInvoice(
                    customerId, invoiceNumber, orderId, issueDate, dueDate == null ? issueDate : dueDate, amount);
        }
    }
}
