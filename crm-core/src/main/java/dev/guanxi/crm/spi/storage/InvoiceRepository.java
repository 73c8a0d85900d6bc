package dev.guanxi.crm.spi.storage;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.Invoice;
import dev.guanxi.crm.sales.InvoiceId;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Stores the tenant's invoices (receivables). The invoice number is unique per tenant ({@link
 * dev.guanxi.crm.DuplicateKeyException} with field {@code invoiceNumber}). Ties in every list are broken by
 * id, ascending by the UUID's lower-case string form.
 *
 * <p>Belongs to one {@link UnitOfWork} and is called only on the thread running its work; implementations
 * need not be thread-safe.
 */
public interface InvoiceRepository extends AggregateRepository<InvoiceId, Invoice> {
    /**
     * Finds an invoice by its number.
     *
     * @param invoiceNumber the invoice number
     * @return the invoice, or empty if this tenant has none with that number
     */
    Optional<Invoice> findByInvoiceNumber(String invoiceNumber);

    /**
     * Lists a customer's invoices of every status by due date ascending, then by id.
     *
     * @param customerId the customer
     * @param page which slice
     * @return the page
     */
    Page<Invoice> listByCustomer(CustomerId customerId, PageRequest page);

    /**
     * Lists a customer's open invoices (status {@code OPEN} or {@code PARTIALLY_PAID}) by due date ascending,
     * then by id.
     *
     * @param customerId the customer
     * @param page which slice
     * @return the page
     */
    Page<Invoice> listOpenByCustomer(CustomerId customerId, PageRequest page);

    /**
     * Lists the tenant's open invoices due before a day (overdue on that day) by due date ascending, then by
     * id.
     *
     * @param asOf the day to judge on; invoices due on {@code asOf} are not overdue yet
     * @param page which slice
     * @return the page
     */
    Page<Invoice> listOverdue(LocalDate asOf, PageRequest page);
}
