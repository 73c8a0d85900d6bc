package dev.guanxi.crm.jdbc.internal;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.Invoice;
import dev.guanxi.crm.sales.InvoiceId;
import dev.guanxi.crm.spi.storage.InvoiceRepository;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Invoices, by due date. */
final class JdbcInvoiceRepository extends DocRepository<InvoiceId, Invoice> implements InvoiceRepository {
    JdbcInvoiceRepository(JdbcUnitOfWork uow) {
        super(uow, Tables.INVOICE);
    }

    @Override
    InvoiceId idOf(UUID uuid) {
        return new InvoiceId(uuid);
    }

    private static final String ORDER = "due_date, id";

    @Override
    public Optional<Invoice> findByInvoiceNumber(String invoiceNumber) {
        Objects.requireNonNull(invoiceNumber, "invoiceNumber");
        return uow.queryOne(
                "SELECT doc FROM guanxi_invoice WHERE tenant_id = ? AND invoice_number = ?",
                List.of(sql.plain(invoiceNumber, String.class)),
                rs -> read(rs.getString(1)));
    }

    @Override
    public Page<Invoice> listByCustomer(CustomerId customerId, PageRequest page) {
        Objects.requireNonNull(customerId, "customerId");
        return page(pageSql("customer_id = ?", ORDER), List.of(sql.id(customerId.value())), page);
    }

    @Override
    public Page<Invoice> listOpenByCustomer(CustomerId customerId, PageRequest page) {
        Objects.requireNonNull(customerId, "customerId");
        return page(pageSql("customer_id = ? AND open_flag = TRUE", ORDER), List.of(sql.id(customerId.value())), page);
    }

    @Override
    public Page<Invoice> listOverdue(LocalDate asOf, PageRequest page) {
        Objects.requireNonNull(asOf, "asOf");
        return page(
                pageSql("open_flag = TRUE AND due_date < ?", ORDER), List.of(sql.plain(asOf, LocalDate.class)), page);
    }
}
