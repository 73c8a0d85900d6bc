package dev.guanxi.crm.spi.storage;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.InvoiceId;
import dev.guanxi.crm.sales.Payment;
import dev.guanxi.crm.sales.PaymentId;
import java.util.List;

/**
 * Stores the tenant's payments. Ties in every list are broken by id, ascending by the UUID's lower-case
 * string form.
 *
 * <p>Belongs to one {@link UnitOfWork} and is called only on the thread running its work; implementations
 * need not be thread-safe.
 */
public interface PaymentRepository extends AggregateRepository<PaymentId, Payment> {
    /**
     * Lists a customer's payments, newest first: by receipt date descending, then by {@code createdAt}
     * descending, then by id.
     *
     * @param customerId the customer
     * @param page which slice
     * @return the page
     */
    Page<Payment> listByCustomer(CustomerId customerId, PageRequest page);

    /**
     * Lists the payments made against an invoice, oldest first: by receipt date, then by {@code createdAt},
     * then by id. An invoice has few payments, so the list is not paged.
     *
     * @param invoiceId the invoice
     * @return the payments, possibly none
     */
    List<Payment> listByInvoice(InvoiceId invoiceId);
}
