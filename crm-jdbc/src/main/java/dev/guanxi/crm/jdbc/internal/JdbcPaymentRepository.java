package dev.guanxi.crm.jdbc.internal;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.InvoiceId;
import dev.guanxi.crm.sales.Payment;
import dev.guanxi.crm.sales.PaymentId;
import dev.guanxi.crm.spi.storage.PaymentRepository;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Payments, newest first per customer, oldest first per invoice. */
final class JdbcPaymentRepository extends DocRepository<PaymentId, Payment> implements PaymentRepository {
    JdbcPaymentRepository(JdbcUnitOfWork uow) {
        super(uow, Tables.PAYMENT);
    }

    @Override
    PaymentId idOf(UUID uuid) {
        return new PaymentId(uuid);
    }

    @Override
    public Page<Payment> listByCustomer(CustomerId customerId, PageRequest page) {
        Objects.requireNonNull(customerId, "customerId");
        return page(
                pageSql("customer_id = ?", "received_on DESC, created_at DESC, id"),
                List.of(sql.id(customerId.value())),
                page);
    }

    @Override
    public List<Payment> listByInvoice(InvoiceId invoiceId) {
        Objects.requireNonNull(invoiceId, "invoiceId");
        return uow.query(
                "SELECT doc FROM guanxi_payment WHERE tenant_id = ? AND invoice_id = ?"
                        + " ORDER BY received_on, created_at, id",
                List.of(sql.id(invoiceId.value())),
                rs -> read(rs.getString(1)));
    }
}
