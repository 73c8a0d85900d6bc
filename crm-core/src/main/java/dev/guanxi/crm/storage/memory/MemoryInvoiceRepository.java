package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.Invoice;
import dev.guanxi.crm.sales.InvoiceId;
import dev.guanxi.crm.spi.storage.InvoiceRepository;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/** In-memory {@link InvoiceRepository}. Used by one unit of work at a time; not thread-safe on its own. */
final class MemoryInvoiceRepository extends MemoryRepository<InvoiceId, Invoice> implements InvoiceRepository {
    private static final Comparator<Invoice> BY_DUE_DATE = Comparator.comparing(Invoice::dueDate);

    MemoryInvoiceRepository(MemoryTransaction tx) {
        super(tx, Invoice.class);
        unique("invoiceNumber", i -> Optional.of(i.invoiceNumber()));
    }

    @Override
    public Optional<Invoice> findByInvoiceNumber(String invoiceNumber) {
        Objects.requireNonNull(invoiceNumber, "invoiceNumber");
        return findUnique("invoiceNumber", invoiceNumber);
    }

    @Override
    public Page<Invoice> listByCustomer(CustomerId customerId, PageRequest page) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(page, "page");
        return Page.slice(select(i -> i.customerId().equals(customerId), BY_DUE_DATE), page);
    }

    @Override
    public Page<Invoice> listOpenByCustomer(CustomerId customerId, PageRequest page) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(page, "page");
        return Page.slice(
                select(i -> i.customerId().equals(customerId) && i.status().isOpen(), BY_DUE_DATE), page);
    }

    @Override
    public Page<Invoice> listOverdue(LocalDate asOf, PageRequest page) {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(page, "page");
        return Page.slice(select(i -> i.isOverdue(asOf), BY_DUE_DATE), page);
    }
}
