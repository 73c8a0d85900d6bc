package dev.guanxi.crm.event;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.InvoiceId;
import dev.guanxi.crm.sales.InvoiceStatus;
import dev.guanxi.crm.sales.PaymentId;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A payment was received, against an invoice or on account.
 *
 * <p>Immutable and thread-safe.
 *
 * @param metadata the event's id, tenant and time
 * @param customerId the customer
 * @param paymentId the payment
 * @param invoiceId the invoice paid, if any
 * @param amount the amount received
 * @param receivedOn the day it was received
 * @param invoiceStatus the invoice's status after the payment, if it was against an invoice
 */
public record PaymentReceived(
        EventMetadata metadata,
        CustomerId customerId,
        PaymentId paymentId,
        Optional<InvoiceId> invoiceId,
        Money amount,
        LocalDate receivedOn,
        Optional<InvoiceStatus> invoiceStatus)
        implements SalesEvent {
    /** Rejects nulls. */
    public PaymentReceived {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(receivedOn, "receivedOn");
        Objects.requireNonNull(invoiceStatus, "invoiceStatus");
    }
}
