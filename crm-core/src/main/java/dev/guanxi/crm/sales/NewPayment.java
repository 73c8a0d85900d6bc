package dev.guanxi.crm.sales;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.money.Money;
import java.time.LocalDate;

/**
 * What a host supplies to record a payment with {@link Sales#recordPayment(NewPayment)}. Holds no id, version
 * or timestamps: those are the CRM's.
 *
 * <p>Immutable and thread-safe. Build with {@link #builder(CustomerId, Money, LocalDate)}.
 *
 * @param customerId the paying customer
 * @param invoiceId the invoice paid, or {@code null} for a payment on account; it must belong to the customer
 * @param amount the amount received, greater than zero
 * @param receivedOn the day it was received; {@link Sales#recordPayment} refuses a date in the future
 * @param method how it was paid
 * @param reference the bank's or payment provider's reference, at most 200 characters, or {@code null} if
 *     there is none
 */
public record NewPayment(
        CustomerId customerId,
        InvoiceId invoiceId,
        Money amount,
        LocalDate receivedOn,
        PaymentMethod method,
        String reference) {
    /**
     * Validates the components.
     *
     * @param customerId the paying customer
     * @param invoiceId the invoice paid, or {@code null} for a payment on account; it must belong to the customer
     * @param amount the amount received, greater than zero
     * @param receivedOn the day it was received; {@link Sales#recordPayment} refuses a date in the future
     * @param method how it was paid
     * @param reference the bank's or payment provider's reference, at most 200 characters, or {@code null} if there is
     *     none
     * @throws ValidationException naming the field and the rule
     */
    public NewPayment {
        Check.required("customerId", customerId);
        Check.positive("amount", amount);
        Check.required("receivedOn", receivedOn);
        Check.required("method", method);
        Check.optionalText("reference", reference, Check.NAME_MAX);
    }

    /**
     * Starts a draft; the method is {@link PaymentMethod#OTHER} unless set.
     *
     * @param customerId the paying customer
     * @param amount the amount received
     * @param receivedOn the day it was received
     * @return a builder
     */
    public static Builder builder(CustomerId customerId, Money amount, LocalDate receivedOn) {
        return new Builder(customerId, amount, receivedOn);
    }

    /** Builds a {@link NewPayment}. Not thread-safe. */
    public static final class Builder {
        private final CustomerId customerId;
        private final Money amount;
        private final LocalDate receivedOn;
        private InvoiceId invoiceId;
        private PaymentMethod method = PaymentMethod.OTHER;
        private String reference;

        private Builder(CustomerId customerId, Money amount, LocalDate receivedOn) {
            this.customerId = customerId;
            this.amount = amount;
            this.receivedOn = receivedOn;
        }

        /**
         * Applies the payment to an invoice.
         *
         * @param invoice the invoice, or {@code null} for a payment on account
         * @return this builder
         */
        public Builder forInvoice(InvoiceId invoice) {
            this.invoiceId = invoice;
            return this;
        }

        /**
         * Sets how it was paid.
         *
         * @param paymentMethod the method
         * @return this builder
         */
        public Builder method(PaymentMethod paymentMethod) {
            this.method = paymentMethod;
            return this;
        }

        /**
         * Sets the bank's or provider's reference.
         *
         * @param text one-line text, or {@code null} for none
         * @return this builder
         */
        public Builder reference(String text) {
            this.reference = text;
            return this;
        }

        /**
         * @return the draft
         * @throws ValidationException if a value breaks a rule
         */
        public NewPayment build() {
            return new NewPayment(customerId, invoiceId, amount, receivedOn, method, reference);
        }
    }
}
