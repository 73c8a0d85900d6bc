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

    /**
     * Sorts the placed orders for the scan with one primitive sort instead of a comparator sort or a hash lookup
     * per order: each order becomes a {@code long} holding the top bits of its customer id (as an unsigned
     * number) above its row index, {@link Arrays#sort(long[])} orders those, and the runs that share the top
     * bits (one customer's orders, rarely two customers') are ordered exactly by customer id, day and order id
     * with an insertion sort. O(n log n) for n orders, reading each order once.
     */
    private Purchases purchases() {
        List<Order> rows = table().rows();
        int size = rows.size();
        // one pass over the orders (each is read once, in whatever order the table holds them), then only arrays
        Order[] placed = new Order[size];
        long[] hi = new long[size];
        long[] lo = new long[size];
        long[] day = new long[size];
        long[] minorOf = new long[size];
        CustomerId[] customerOf = new CustomerId[size];
        LocalDate[] dateOf = new LocalDate[size];
        Currency[] currencyOf = new Currency[size];
        int n = 0;
        for (Order o : rows) {
            if (!o.isPlaced()) {
                continue;
            }
            CustomerId customer = o.customerId();
            UUID id = customer.value();
            placed[n] = o;
            customerOf[n] = customer;
            hi[n] = id.getMostSignificantBits();
            lo[n] = id.getLeastSignificantBits();
            dateOf[n] = o.orderDate();
            day[n] = dateOf[n].toEpochDay();
            minorOf[n] = o.total().minorUnits();
            currencyOf[n] = o.currency();
            n++;
        }
        int indexBits = Math.max(1, 64 - Long.numberOfLeadingZeros(Math.max(1, n - 1)));
        long indexMask = (1L << indexBits) - 1;
        long[] keys = new long[n];
        for (int k = 0; k < n; k++) {
            // the sign bit flipped: the signed order of the keys is the unsigned order of the ids' top bits
            keys[k] = ((hi[k] ^ Long.MIN_VALUE) & ~indexMask) | k;
        }
        Arrays.sort(keys);
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = (int) (keys[k] & indexMask);
        }
        keys = null;
        for (int from = 0; from < n; ) {
            int to = from + 1;
            long prefix = (hi[order[from]] ^ Long.MIN_VALUE) & ~indexMask;
            while (to < n && ((hi[order[to]] ^ Long.MIN_VALUE) & ~indexMask) == prefix) {
                to++;
            }
            if (to - from > 1) {
                insertionSort(order, from, to, hi, lo, day, placed);
            }
            from = to;
        }
        CustomerId[] customers = new CustomerId[n];
        LocalDate[] dates = new LocalDate[n];
        long[] days = new long[n];
        long[] minor = new long[n];
        Currency[] currencies = new Currency[n];
        Map<Long, LocalDate> sharedDates = new HashMap<>();
        CustomerId customer = null;
        LocalDate date = null;
        for (int j = 0; j < n; j++) {
            int k = order[j];
            if (customer == null || hi[k] != hi[order[j - 1]] || lo[k] != lo[order[j - 1]]) {
                customer = customerOf[k]; // one object per customer: a visitor's lookups of it stay in cache
            }
            if (date == null || day[k] != days[j - 1]) {
                LocalDate d = dateOf[k];
                date = sharedDates.computeIfAbsent(day[k], x -> d); // and one per day
            }
            customers[j] = customer;
            days[j] = day[k];
            dates[j] = date;
            minor[j] = minorOf[k];
            currencies[j] = currencyOf[k];
        }
        return new Purchases(customers, days, dates, minor, currencies);
    }

    /** Orders {@code order[from, to)} by customer id (text order), day, order id (text order). */
    private static void insertionSort(int[] order, int from, int to, long[] hi, long[] lo, long[] day, Order[] placed) {
        for (int j = from + 1; j < to; j++) {
            int x = order[j];
            int k = j - 1;
            while (k >= from && compare(order[k], x, hi, lo, day, placed) > 0) {
                order[k + 1] = order[k];
                k--;
            }
            order[k + 1] = x;
        }
    }

    private static int compare(int a, int b, long[] hi, long[] lo, long[] day, Order[] placed) {
        int c = Long.compareUnsigned(hi[a], hi[b]);
        if (c == 0) {
            c = Long.compareUnsigned(lo[a], lo[b]);
        }
        if (c == 0) {
            c = Long.compare(day[a], day[b]);
        }
        return c != 0 ? c : compareAsText(placed[a].id().value(), placed[b].id().value());
    }
}
