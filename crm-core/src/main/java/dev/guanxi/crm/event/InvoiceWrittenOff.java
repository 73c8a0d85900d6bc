package dev.guanxi.crm.event;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.InvoiceId;
import java.util.Objects;

/**
 * The unpaid rest of an invoice was written off.
 *
 * <p>Immutable and thread-safe.
 *
 * @param metadata the event's id, tenant and time
 * @param customerId the customer
 * @param invoiceId the invoice
 * @param writtenOff the amount written off
 * @param reason why
 */
public record InvoiceWrittenOff(
        EventMetadata metadata, CustomerId customerId, InvoiceId invoiceId, Money writtenOff, String reason)
        implements SalesEvent {
    /**
     * Rejects nulls.
     *
     * @param metadata the event's id, tenant and time
     * @param customerId the customer
     * @param invoiceId the invoice
     * @param writtenOff the amount written off
     * @param reason why
     */
    public InvoiceWrittenOff {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(writtenOff, "writtenOff");
        Objects.requireNonNull(reason, "reason");
    }
}
