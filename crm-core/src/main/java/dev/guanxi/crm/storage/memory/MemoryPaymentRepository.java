package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.InvoiceId;
import dev.guanxi.crm.sales.Payment;
import dev.guanxi.crm.sales.PaymentId;
import dev.guanxi.crm.spi.storage.PaymentRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** In-memory {@link PaymentRepository}. Used by one unit of work at a time; not thread-safe on its own. */
final class MemoryPaymentRepository extends MemoryRepository<PaymentId, Payment> implements PaymentRepository {
    private static final Comparator<Payment> OLDEST_FIRST =
            Comparator.comparing(Payment::receivedOn).thenComparing(Payment::createdAt);

    MemoryPaymentRepository(MemoryTransaction tx) {
        super(tx, Payment.class);
    }

    @Override
    public Page<Payment> listByCustomer(CustomerId customerId, PageRequest page) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(page, "page");
        return Page.slice(select(p -> p.customerId().equals(customerId), OLDEST_FIRST.reversed()), page);
    }

    @Override
    public List<Payment> listByInvoice(InvoiceId invoiceId) {
        Objects.requireNonNull(invoiceId, "invoiceId");
        return List.copyOf(select(p -> invoiceId.equals(p.invoiceId()), OLDEST_FIRST));
    }
}
