package dev.guanxi.crm.jdbc.internal;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.Order;
import dev.guanxi.crm.sales.OrderId;
import dev.guanxi.crm.sales.PurchaseScan;
import dev.guanxi.crm.sales.PurchaseVisitor;
import dev.guanxi.crm.spi.storage.OrderRepository;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.Query;

/**
 * Orders with their lines (the lines also as rows of {@code guanxi_order_line}). The purchase scan streams
 * {@code (customer, date, minor units, currency)} from the order rows' projections with the storage's fetch
 * size, never reading the documents: memory stays bounded however many purchases there are.
 */
final class JdbcOrderRepository extends DocRepository<OrderId, Order> implements OrderRepository {
    JdbcOrderRepository(JdbcUnitOfWork uow) {
        super(uow, Tables.ORDER);
    }

    @Override
    OrderId idOf(UUID uuid) {
        return new OrderId(uuid);
    }

    @Override
    public Optional<Order> findByOrderNumber(String orderNumber) {
        Objects.requireNonNull(orderNumber, "orderNumber");
        return uow.queryOne(
                "SELECT doc FROM guanxi_order WHERE tenant_id = ? AND order_number = ?",
                List.of(sql.plain(orderNumber, String.class)),
                rs -> read(rs.getString(1)));
    }

    @Override
    public Page<Order> listByCustomer(CustomerId customerId, PageRequest page) {
        Objects.requireNonNull(customerId, "customerId");
        return page(
                pageSql("customer_id = ?", "order_date DESC, created_at DESC, id"),
                List.of(sql.id(customerId.value())),
                page);
    }

    @Override
    public long scanPurchases(PurchaseScan scan, PurchaseVisitor visitor) {
        Objects.requireNonNull(scan, "scan");
        Objects.requireNonNull(visitor, "visitor");
        StringBuilder statement =
                new StringBuilder("SELECT customer_id, order_date, total_minor, currency FROM guanxi_order"
                        + " WHERE tenant_id = ? AND status = 'PLACED'");
        List<Argument> args = new ArrayList<>();
        args.add(uow.tenantArg());
        if (scan.from() != null) {
            statement.append(" AND order_date >= ?");
            args.add(sql.plain(scan.from(), LocalDate.class));
        }
        if (scan.to() != null) {
            statement.append(" AND order_date <= ?");
            args.add(sql.plain(scan.to(), LocalDate.class));
        }
        // tenant_id first, although it is fixed: then the order is the index's, and no database sorts the rows.
        statement.append(" ORDER BY tenant_id, customer_id, order_date, id");
        int fetchSize = uow.state().fetchSize();
        return uow.translate(() -> {
            try (Query q = uow.handle().createQuery(statement.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    q.bind(i, args.get(i));
                }
                q.setFetchSize(fetchSize);
                return q.scanResultSet((supplier, ctx) -> {
                    ResultSet rs = supplier.get();
                    Map<String, Currency> currencies = new HashMap<>();
                    long n = 0;
                    UUID last = null;
                    CustomerId customer = null;
                    while (rs.next()) {
                        UUID id = sql.readUuid(rs, 1);
                        if (!id.equals(last)) {
                            last = id;
                            customer = new CustomerId(id);
                        }
                        LocalDate date = rs.getObject(2, LocalDate.class);
                        long minor = rs.getLong(3);
                        Currency currency = currencies.computeIfAbsent(rs.getString(4), Currency::getInstance);
                        visitor.purchase(customer, date, minor, currency);
                        n++;
                    }
                    return n;
                });
            }
        });
    }
}
