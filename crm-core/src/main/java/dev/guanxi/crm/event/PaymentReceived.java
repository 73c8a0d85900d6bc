package dev.guanxi.crm.event;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.InvoiceId;
import dev.guanxi.crm.sales.InvoiceStatus;
import dev.guanxi.crm.sales.PaymentId;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A payment was received, against an invoice or on account.
 *
 * <p>Immutable and thread-safe.
 *
 * @param metadata the event's id, tenant and time
 * @param customerId the paying customer, not null
 * @param paymentId the new payment, not null
 * @param invoiceId the invoice paid, or {@code null} for a payment on account
 * @param amount the amount received
 * @param receivedOn the day it was received
 * @param invoiceStatus the invoice's status after the payment, or {@code null} for a payment on account
 */
public record PaymentReceived(
        EventMetadata metadata,
        CustomerId customerId,
        PaymentId paymentId,
        InvoiceId invoiceId,
        Money amount,
        LocalDate receivedOn,
        InvoiceStatus invoiceStatus)
        implements SalesEvent {
    /**
     * Rejects nulls (except {@code invoiceId} and {@code invoiceStatus}).
     *
     * @param metadata the event's id, tenant and time
     * @param customerId the paying customer, not null
     * @param paymentId the new payment, not null
     * @param invoiceId the invoice paid, or {@code null} for a payment on account
     * @param amount the amount received
     * @param receivedOn the day it was received
     * @param invoiceStatus the invoice's status after the payment, or {@code null} for a payment on account
     */
    public PaymentReceived {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(receivedOn, "receivedOn");
    }
}
