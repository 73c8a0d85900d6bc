package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.Order;
import dev.guanxi.crm.sales.OrderId;
import dev.guanxi.crm.sales.PurchaseScan;
import dev.guanxi.crm.sales.PurchaseVisitor;
import dev.guanxi.crm.spi.storage.OrderRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** In-memory {@link OrderRepository}. Used by one unit of work at a time; not thread-safe on its own. */
final class MemoryOrderRepository extends MemoryRepository<OrderId, Order> implements OrderRepository {
    private static final Comparator<Order> NEWEST_FIRST = Comparator.comparing(Order::orderDate)
            .thenComparing(Order::createdAt)
            .reversed();
    private static final Comparator<Order> BY_CUSTOMER_THEN_DATE = Comparator.<Order, UUID>comparing(
                    o -> o.customerId().value(), MemoryRepository::compareAsText)
            .thenComparing(Order::orderDate);

    MemoryOrderRepository(MemoryTransaction tx) {
        super(tx, Order.class);
        unique("orderNumber", o -> Optional.ofNullable(o.orderNumber()));
    }

    @Override
    public Optional<Order> findByOrderNumber(String orderNumber) {
        Objects.requireNonNull(orderNumber, "orderNumber");
        return findUnique("orderNumber", orderNumber);
    }

    @Override
    public Page<Order> listByCustomer(CustomerId customerId, PageRequest page) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(page, "page");
        return Page.slice(select(o -> o.customerId().equals(customerId), NEWEST_FIRST), page);
    }

    @Override
    public long scanPurchases(PurchaseScan scan, PurchaseVisitor visitor) {
        Objects.requireNonNull(scan, "scan");
        Objects.requireNonNull(visitor, "visitor");
        List<Order> purchases = select(o -> o.isPlaced() && scan.includes(o.orderDate()), BY_CUSTOMER_THEN_DATE);
        for (Order o : purchases) {
            visitor.purchase(o.customerId(), o.orderDate(), o.total().minorUnits(), o.currency());
        }
        return purchases.size();
    }
}
