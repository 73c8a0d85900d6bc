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
 * @param customerId the customer who owed the amount, not null
 * @param invoiceId the invoice written off, not null
 * @param writtenOff the amount written off
 * @param reason why the rest was written off, as the user gave it, not null
 */
public record InvoiceWrittenOff(
        EventMetadata metadata, CustomerId customerId, InvoiceId invoiceId, Money writtenOff, String reason)
        implements SalesEvent {
    /**
     * Rejects nulls.
     *
     * @param metadata the event's id, tenant and time
     * @param customerId the customer who owed the amount, not null
     * @param invoiceId the invoice written off, not null
     * @param writtenOff the amount written off
     * @param reason why the rest was written off, as the user gave it, not null
     */
    public InvoiceWrittenOff {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(writtenOff, "writtenOff");
        Objects.requireNonNull(reason, "reason");
    }
}
