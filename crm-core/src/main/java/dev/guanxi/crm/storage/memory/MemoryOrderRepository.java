package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.Order;
import dev.guanxi.crm.sales.OrderId;
import dev.guanxi.crm.sales.PurchaseScan;
import dev.guanxi.crm.sales.PurchaseVisitor;
import dev.guanxi.crm.spi.storage.OrderRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

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
        long from = scan.from() == null ? Long.MIN_VALUE : scan.from().toEpochDay();
        long to = scan.to() == null ? Long.MAX_VALUE : scan.to().toEpochDay();
        long[] days = all.days();
        long n = 0;
        for (int k = 0; k < days.length; k++) {
            if (days[k] >= from && days[k] <= to) {
                visitor.purchase(all.customers()[k], all.dates()[k], all.minorUnits()[k], all.currencies()[k]);
                n++;
            }
        }
        return n;
    }

    /** The key of the placed orders in purchase-scan order in the table's cache of derived data. */
    private static final String PURCHASES = "purchases";

    /**
     * The placed orders in the order of the purchase scan, as columns read front to back by a scan (no order is
     * touched): one {@link CustomerId} object per customer and one {@link LocalDate} per day, shared by the rows.
     *
     * @param customers by customer id (text order), then order date, then order id (text order)
     * @param days the order dates as epoch days
     * @param dates the order dates
     * @param minorUnits the order totals in minor units
     * @param currencies the order currencies
     */
    private record Purchases(
            CustomerId[] customers, long[] days, LocalDate[] dates, long[] minorUnits, Currency[] currencies) {}

    /** A customer's slot with the two halves of its id, ordered as {@link #compareAsText}. */
    private record Slot(long hi, long lo, int slot) {
        static int compare(Slot x, Slot y) {
            int c = Long.compareUnsigned(x.hi, y.hi);
            return c != 0 ? c : Long.compareUnsigned(x.lo, y.lo);
        }
    }

    /**
     * Sorts the placed orders for the scan without comparing them all with each other: groups them by customer
     * (one hash lookup per order), sorts the customers, then each customer's few orders by day (an insertion sort
     * of indexes, the order id's text breaking ties). O(n + c log c + n k) for n orders of c customers with at most
     * k orders each (k log k above 32).
     */
    private Purchases purchases() {
        List<Order> rows = table().rows();
        Map<CustomerId, Integer> slots = new HashMap<>();
        List<CustomerId> customers = new ArrayList<>();
        int[] slotOf = new int[rows.size()];
        long[] dayOf = new long[rows.size()];
        Order[] placed = new Order[rows.size()];
        int n = 0;
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
            dayOf[n] = o.orderDate().toEpochDay();
            placed[n++] = o;
        }
        int c = customers.size();
        Slot[] byId = new Slot[c];
        for (int k = 0; k < c; k++) {
            UUID id = customers.get(k).value();
            byId[k] = new Slot(id.getMostSignificantBits(), id.getLeastSignificantBits(), k);
        }
        Arrays.sort(byId, Slot::compare);
        int[] rank = new int[c];
        for (int r = 0; r < c; r++) {
            rank[byId[r].slot()] = r;
        }
        int[] start = new int[c + 1];
        for (int k = 0; k < n; k++) {
            start[rank[slotOf[k]] + 1]++;
        }
        for (int r = 0; r < c; r++) {
            start[r + 1] += start[r];
        }
        int[] next = Arrays.copyOf(start, c);
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[next[rank[slotOf[k]]]++] = k;
        }
        Comparator<Integer> byDayThenId = (x, y) -> {
            int cmp = Long.compare(dayOf[x], dayOf[y]);
            return cmp != 0
                    ? cmp
                    : compareAsText(placed[x].id().value(), placed[y].id().value());
        };
        for (int r = 0; r < c; r++) {
            sortGroup(order, start[r], start[r + 1], dayOf, byDayThenId);
        }
        CustomerId[] customerColumn = new CustomerId[n];
        long[] days = new long[n];
        LocalDate[] dates = new LocalDate[n];
        long[] minor = new long[n];
        Currency[] currencies = new Currency[n];
        Map<Long, LocalDate> sharedDates = new HashMap<>();
        for (int r = 0; r < c; r++) {
            CustomerId customer = customers.get(byId[r].slot());
            for (int j = start[r]; j < start[r + 1]; j++) {
                Order o = placed[order[j]];
                customerColumn[j] = customer;
                days[j] = dayOf[order[j]];
                dates[j] = sharedDates.computeIfAbsent(days[j], d -> o.orderDate());
                minor[j] = o.total().minorUnits();
                currencies[j] = o.currency();
            }
        }
        return new Purchases(customerColumn, days, dates, minor, currencies);
    }

    /** Sorts {@code order[from, to)} by day, ties by the comparator: insertion sort, boxed sort above 32. */
    private static void sortGroup(int[] order, int from, int to, long[] dayOf, Comparator<Integer> byDayThenId) {
        if (to - from > 32) {
            Integer[] boxed = new Integer[to - from];
            for (int j = from; j < to; j++) {
                boxed[j - from] = order[j];
            }
            Arrays.sort(boxed, byDayThenId);
            for (int j = from; j < to; j++) {
                order[j] = boxed[j - from];
            }
            return;
        }
        for (int j = from + 1; j < to; j++) {
            int x = order[j];
            int k = j - 1;
            while (k >= from
                    && (dayOf[order[k]] > dayOf[x]
                            || (dayOf[order[k]] == dayOf[x] && byDayThenId.compare(order[k], x) > 0))) {
                order[k + 1] = order[k];
                k--;
            }
            order[k + 1] = x;
        }
    }
}
