package dev.guanxi.crm.sales;

import dev.guanxi.crm.Aggregate;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.money.Money;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Money received from a customer, against an invoice or on account. Payments are recorded once and never
 * changed (a refund or correction is the host's own booking).
 *
 * <p>Immutable and thread-safe. Created by {@link Sales#recordPayment(NewPayment)}; storage adapters and tests
 * may use the canonical constructor or {@link #receive(PaymentId, NewPayment, Instant)}.
 *
 * @param id the payment's id, assigned by the CRM when it is recorded, required
 * @param customerId the paying customer
 * @param invoiceId the invoice paid, or {@code null} for a payment on account
 * @param amount the amount received, greater than zero
 * @param receivedOn the day it was received
 * @param method how it was paid
 * @param reference the bank's or provider's reference, or {@code null} if there is none
 * @param version 1 (payments do not change)
 * @param createdAt when it was recorded
 * @param updatedAt when it was last changed (equal to {@code createdAt})
 */
public record Payment(
        PaymentId id,
        CustomerId customerId,
        InvoiceId invoiceId,
        Money amount,
        LocalDate receivedOn,
        PaymentMethod method,
        String reference,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Aggregate<PaymentId> {
    /**
     * Validates the components.
     *
     * @param id the payment's id, assigned by the CRM when it is recorded, required
     * @param customerId the paying customer
     * @param invoiceId the invoice paid, or {@code null} for a payment on account
     * @param amount the amount received, greater than zero
     * @param receivedOn the day it was received
     * @param method how it was paid
     * @param reference the bank's or provider's reference, or {@code null} if there is none
     * @param version 1 (payments do not change)
     * @param createdAt when it was recorded
     * @param updatedAt when it was last changed (equal to {@code createdAt})
     * @throws ValidationException naming the field and the rule
     */
    public Payment {
        Check.required("id", id);
        Check.required("customerId", customerId);
        Check.positive("amount", amount);
        Check.required("receivedOn", receivedOn);
        Check.required("method", method);
        Check.optionalText("reference", reference, Check.NAME_MAX);
        SalesChecks.bookkeeping(version, createdAt, updatedAt);
    }

    /**
     * Creates a payment from a draft, at version 1.
     *
     * @param id the new payment's id
     * @param draft what was received
     * @param now when it is recorded
     * @return the payment
     */
    public static Payment receive(PaymentId id, NewPayment draft, Instant now) {
        Check.required("payment", draft);
        return new Payment(
                id,
                draft.customerId(),
                draft.invoiceId(),
                draft.amount(),
                draft.receivedOn(),
                draft.method(),
                draft.reference(),
                1,
                now,
                now);
    }
}
