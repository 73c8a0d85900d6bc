package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.Order;
import dev.guanxi.crm.sales.OrderId;
import dev.guanxi.crm.sales.PurchaseScan;
import dev.guanxi.crm.sales.PurchaseVisitor;
import dev.guanxi.crm.spi.storage.OrderRepository;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** In-memory {@link OrderRepository}. Used by one unit of work at a time; not thread-safe on its own. */
final class MemoryOrderRepository extends MemoryRepository<OrderId, Order> implements OrderRepository {
    private static final Comparator<Order> NEWEST_FIRST = Comparator.comparing(Order::orderDate)
            .thenComparing(Order::createdAt)
            .reversed();

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
        Purchases all = table().derived(PURCHASES, this::purchases);
        long n = 0;
        for (int k = 0; k < all.orders().length; k++) {
            Order o = all.orders()[k];
            if (scan.includes(o.orderDate())) {
                visitor.purchase(o.customerId(), o.orderDate(), all.minorUnits()[k], o.currency());
                n++;
            }
        }
        return n;
    }

    /** The key of the placed orders in purchase-scan order in the table's cache of derived data. */
    private static final String PURCHASES = "purchases";

    /**
     * The placed orders in the order of the purchase scan, with their totals in minor units.
     *
     * @param orders by customer id (text order), then order date, then order id (text order)
     * @param minorUnits each order's total in minor units
     */
    private record Purchases(Order[] orders, long[] minorUnits) {}

    /**
     * Sorts the placed orders for the scan without comparing them all with each other: groups them by customer
     * (one hash lookup per order), sorts the customers, then each customer's few orders. O(n + c log c + n log
     * k) for n orders of c customers with at most k orders each.
     */
    private Purchases purchases() {
        List<Order> rows = table().rows();
        Map<CustomerId, Integer> slots = new HashMap<>();
        List<CustomerId> customers = new ArrayList<>();
        int[] slotOf = new int[rows.size()];
        int n = 0;
        Order[] placed = new Order[rows.size()];
        for (Order o : rows) {
            if (!o.isPlaced()) {
                continue;
            }
            Integer slot = slots.get(o.customerId());
            if (slot == null) {
                slot = customers.size();
                slots.put(o.customerId(), slot);
                customers.add(o.customerId());
            }
            slotOf[n] = slot;
            placed[n++] = o;
        }
        Integer[] bySlot = new Integer[customers.size()];
        for (int c = 0; c < bySlot.length; c++) {
            bySlot[c] = c;
        }
        Arrays.sort(
                bySlot,
                (x, y) ->
                        compareAsText(customers.get(x).value(), customers.get(y).value()));
        int[] start = new int[bySlot.length + 1];
        int[] rank = new int[bySlot.length];
        for (int r = 0; r < bySlot.length; r++) {
            rank[bySlot[r]] = r;
        }
        for (int k = 0; k < n; k++) {
            start[rank[slotOf[k]] + 1]++;
        }
        for (int r = 0; r < bySlot.length; r++) {
            start[r + 1] += start[r];
        }
        int[] next = Arrays.copyOf(start, bySlot.length);
        Order[] sorted = new Order[n];
        for (int k = 0; k < n; k++) {
            sorted[next[rank[slotOf[k]]]++] = placed[k];
        }
        for (int r = 0; r < bySlot.length; r++) {
            if (start[r + 1] - start[r] > 1) {
                Arrays.sort(sorted, start[r], start[r + 1], BY_DATE_THEN_ID);
            }
        }
        long[] minor = new long[n];
        for (int k = 0; k < n; k++) {
            minor[k] = sorted[k].total().minorUnits();
        }
        return new Purchases(sorted, minor);
    }

    private static final Comparator<Order> BY_DATE_THEN_ID = Comparator.comparing(Order::orderDate)
            .thenComparing((x, y) -> compareAsText(x.id().value(), y.id().value()));
}
