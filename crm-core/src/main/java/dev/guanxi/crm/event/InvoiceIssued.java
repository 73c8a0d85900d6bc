package dev.guanxi.crm.event;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.InvoiceId;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An invoice (a receivable) was issued.
 *
 * <p>Immutable and thread-safe.
 *
 * @param metadata the event's id, tenant and time
 * @param customerId the customer who owes the amount, not null
 * @param invoiceId the new invoice, not null
 * @param invoiceNumber the invoice's number, as the host gave it, not null
 * @param amount the amount owed
 * @param dueDate the day payment is due
 */
public record InvoiceIssued(
        EventMetadata metadata,
        CustomerId customerId,
        InvoiceId invoiceId,
        String invoiceNumber,
        Money amount,
        LocalDate dueDate)
        implements SalesEvent {
    /**
     * Rejects nulls.
     *
     * @param metadata the event's id, tenant and time
     * @param customerId the customer who owes the amount, not null
     * @param invoiceId the new invoice, not null
     * @param invoiceNumber the invoice's number, as the host gave it, not null
     * @param amount the amount owed
     * @param dueDate the day payment is due
     */
    public InvoiceIssued {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(invoiceNumber, "invoiceNumber");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(dueDate, "dueDate");
    }
}
