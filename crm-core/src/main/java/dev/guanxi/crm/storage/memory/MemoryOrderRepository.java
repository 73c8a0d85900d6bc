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
import java.util.BitSet;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** In-memory {@link OrderRepository}. Used by one unit of work at a time; not thread-safe on its own. */
final class MemoryOrderRepository extends MemoryRepository<OrderId, Order> implements OrderRepository {
    private static final Comparator<Order> NEWEST_FIRST = Comparator.comparing(Order::orderDate)
            .thenComparing(Order::createdAt)
            .reversed();

    MemoryOrderRepository(MemoryTransaction tx) {
        super(tx, Order.class);
        unique("orderNumber", o -> Optional.ofNullable(o.orderNumber()));
        table().maintained(PURCHASES, MemoryOrderRepository::maintain);
    }

    /** Drops the purchase view at commit, so no replaced order stays reachable from it (erasure). */
    void forgetViews() {
        table().transaction().forgetDerived(table().name());
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
        Object view = table().derived(PURCHASES, this::purchases);
        Purchases all;
        if (view instanceof Pending pending) {
            all = merge(pending);
            if (all == null) {
                all = purchases();
            }
            table().replaceDerived(PURCHASES, pending, all);
        } else {
            all = (Purchases) view;
        }
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

    /** Orders per task of the parallel pass over the table in {@link #purchases()}. */
    private static final int BLOCK = 16_384;

    /** The key of the placed orders in purchase-scan order in the table's cache of derived data. */
    private static final String PURCHASES = "purchases";

    /**
     * The placed orders in the order of the purchase scan, as columns read front to back by a scan (no order is
     * touched): one {@link CustomerId} object per customer and one {@link LocalDate} per day, shared by the rows.
     *
     * @param customers by customer id (text order), then order date, then order id (text order)
     * @param highs the customer ids' high halves (merges and lookups compare these, not the id objects)
     * @param lows the customer ids' low halves
     * @param days the order dates as epoch days
     * @param dates the order dates
     * @param minorUnits the order totals in minor units
     * @param currencies the order currencies
     * @param orders the orders themselves (to find a changed order's row)
     */
    private record Purchases(
            CustomerId[] customers,
            long[] highs,
            long[] lows,
            long[] days,
            LocalDate[] dates,
            long[] minorUnits,
            Currency[] currencies,
            Order[] orders) {}

    /**
     * A view and the changes committed since it was built, not merged yet: a commit that writes orders costs
     * O(orders written), and the next scan merges them, O(n + m log m), instead of sorting all n orders again.
     *
     * @param base the view
     * @param changes the latest commit's changes, linked to the earlier ones
     */
    private record Pending(Purchases base, Change changes) {}

    /**
     * One commit's changes to the placed orders.
     *
     * @param removed the placed orders replaced or deleted (the very objects the table held)
     * @param added the placed orders written
     * @param earlier the changes of the commits before, or null
     * @param count the number of changed orders in this and the earlier changes
     */
    private record Change(List<Order> removed, List<Order> added, Change earlier, long count) {}

    /**
     * Carries the view over a commit that writes orders: records the placed orders the commit replaced or deleted
     * and those it wrote. When more orders changed since the view was built than it holds, drops it instead (the
     * next scan builds it afresh). O(orders written).
     */
    private static Object maintain(Object before, List<Object> olds, List<Object> news) {
        Purchases base = before instanceof Pending p ? p.base() : (Purchases) before;
        Change earlier = before instanceof Pending p ? p.changes() : null;
        List<Order> removed = new ArrayList<>();
        List<Order> added = new ArrayList<>();
        for (int k = 0; k < olds.size(); k++) {
            if (olds.get(k) instanceof Order o && o.isPlaced()) {
                removed.add(o);
            }
            if (news.get(k) instanceof Order o && o.isPlaced()) {
                added.add(o);
            }
        }
        if (removed.isEmpty() && added.isEmpty()) {
            return before;
        }
        long count = (earlier == null ? 0 : earlier.count()) + removed.size() + added.size();
        if (count > Math.max(1024, base.orders().length)) {
            return null;
        }
        return new Pending(base, new Change(List.copyOf(removed), List.copyOf(added), earlier, count));
    }

    /**
     * Merges the pending changes into a new view: the base without the orders replaced or deleted since (found
     * by binary search on customer and day, then by identity), merged with the orders written since that are
     * still current, sorted as the scan orders them. O(n + m log m) for m changes; the result is the view a full
     * build gives. Null if an order to remove is not found (the caller then builds afresh).
     */
    private static Purchases merge(Pending pending) {
        Purchases base = pending.base();
        List<Change> changes = new ArrayList<>();
        for (Change c = pending.changes(); c != null; c = c.earlier()) {
            changes.add(c);
        }
        java.util.Collections.reverse(changes); // oldest first
        Set<Order> live = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<Order> fromBase = new ArrayList<>();
        for (Change c : changes) {
            for (Order o : c.removed()) {
                if (!live.remove(o)) {
                    fromBase.add(o);
                }
            }
            live.addAll(c.added());
        }
        int n = base.orders().length;
        BitSet gone = new BitSet(n);
        for (Order o : fromBase) {
            int k = find(base, o);
            if (k < 0) {
                return null;
            }
            gone.set(k);
        }
        // the added orders keyed by their sort columns, so that neither their sort nor the merge with the n rows of
        // the base reads an order object (the base is compared by its columns: id halves, day)
        List<Added> added = new ArrayList<>(live.size());
        for (Order o : live) {
            UUID id = o.customerId().value();
            added.add(new Added(
                    id.getMostSignificantBits(),
                    id.getLeastSignificantBits(),
                    o.orderDate().toEpochDay(),
                    o));
        }
        added.sort(Added::compare);
        int size = n - gone.cardinality() + added.size();
        CustomerId[] customers = new CustomerId[size];
        long[] highs = new long[size];
        long[] lows = new long[size];
        long[] days = new long[size];
        LocalDate[] dates = new LocalDate[size];
        long[] minor = new long[size];
        Currency[] currencies = new Currency[size];
        Order[] orders = new Order[size];
        int j = 0;
        int a = 0;
        int k = gone.nextClearBit(0);
        while (k < n || a < added.size()) {
            boolean fromAdded = k >= n || (a < added.size() && added.get(a).compareTo(base, k) < 0);
            if (fromAdded) {
                Added add = added.get(a++);
                Order o = add.order();
                CustomerId customer = o.customerId();
                // one object per customer and per day, as a full build shares them
                if (j > 0 && highs[j - 1] == add.hi() && lows[j - 1] == add.lo()) {
                    customer = customers[j - 1];
                } else if (k < n && base.highs()[k] == add.hi() && base.lows()[k] == add.lo()) {
                    customer = base.customers()[k];
                }
                LocalDate date = o.orderDate();
                if (j > 0 && days[j - 1] == date.toEpochDay()) {
                    date = dates[j - 1];
                }
                customers[j] = customer;
                highs[j] = add.hi();
                lows[j] = add.lo();
                days[j] = date.toEpochDay();
                dates[j] = date;
                minor[j] = o.total().minorUnits();
                currencies[j] = o.currency();
                orders[j] = o;
            } else {
                customers[j] = base.customers()[k];
                highs[j] = base.highs()[k];
                lows[j] = base.lows()[k];
                days[j] = base.days()[k];
                dates[j] = base.dates()[k];
                minor[j] = base.minorUnits()[k];
                currencies[j] = base.currencies()[k];
                orders[j] = base.orders()[k];
                k = gone.nextClearBit(k + 1);
            }
            j++;
        }
        return new Purchases(customers, highs, lows, days, dates, minor, currencies, orders);
    }

    /** An added order with its sort columns: customer id halves (unsigned order = text order) and day. */
    private record Added(long hi, long lo, long day, Order order) {
        static int compare(Added x, Added y) {
            int c = Long.compareUnsigned(x.hi, y.hi);
            if (c == 0) {
                c = Long.compareUnsigned(x.lo, y.lo);
            }
            if (c == 0) {
                c = Long.compare(x.day, y.day);
            }
            return c != 0 ? c : compareAsText(x.order.id().value(), y.order.id().value());
        }

        /** The scan's order of this order and row k of a view, reading the order of row k only on a tie. */
        int compareTo(Purchases view, int k) {
            int c = Long.compareUnsigned(hi, view.highs()[k]);
            if (c == 0) {
                c = Long.compareUnsigned(lo, view.lows()[k]);
            }
            if (c == 0) {
                c = Long.compare(day, view.days()[k]);
            }
            return c != 0
                    ? c
                    : compareAsText(order.id().value(), view.orders()[k].id().value());
        }
    }

    /** The row of an order in a view: binary search on customer and day, then the very object. -1 if absent. */
    private static int find(Purchases view, Order o) {
        UUID id = o.customerId().value();
        long high = id.getMostSignificantBits();
        long low = id.getLeastSignificantBits();
        long day = o.orderDate().toEpochDay();
        int lo = 0;
        int hi = view.orders().length;
        while (lo < hi) { // the first row not before (customer, day); unsigned halves = the ids' text order
            int mid = (lo + hi) >>> 1;
            int c = Long.compareUnsigned(view.highs()[mid], high);
            if (c == 0) {
                c = Long.compareUnsigned(view.lows()[mid], low);
            }
            if (c == 0) {
                c = Long.compare(view.days()[mid], day);
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int k = lo;
                k < view.orders().length && view.days()[k] == day && view.highs()[k] == high && view.lows()[k] == low;
                k++) {
            if (view.orders()[k] == o) {
                return k;
            }
        }
        return -1;
    }

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
        // one pass over the orders (each is read once, in whatever order the table holds them), then only arrays.
        // The pass waits on memory (the orders lie all over the heap), so it runs in blocks on the common
        // fork-join pool: each block fills its own slots from immutable orders, and the result is the same for
        // any split. The placed orders are then moved to the front, in row order.
        Order[] placed = new Order[size];
        long[] hi = new long[size];
        long[] lo = new long[size];
        long[] day = new long[size];
        long[] minorOf = new long[size];
        CustomerId[] customerOf = new CustomerId[size];
        LocalDate[] dateOf = new LocalDate[size];
        Currency[] currencyOf = new Currency[size];
        java.util.stream.IntStream.range(0, (size + BLOCK - 1) / BLOCK)
                .parallel()
                .forEach(block -> {
                    for (int r = block * BLOCK, end = Math.min(size, r + BLOCK); r < end; r++) {
                        Order o = rows.get(r);
                        if (!o.isPlaced()) {
                            continue;
                        }
                        CustomerId customer = o.customerId();
                        UUID id = customer.value();
                        placed[r] = o;
                        customerOf[r] = customer;
                        hi[r] = id.getMostSignificantBits();
                        lo[r] = id.getLeastSignificantBits();
                        dateOf[r] = o.orderDate();
                        day[r] = dateOf[r].toEpochDay();
                        minorOf[r] = o.total().minorUnits();
                        currencyOf[r] = o.currency();
                    }
                });
        int n = 0;
        for (int r = 0; r < size; r++) {
            if (placed[r] == null) {
                continue;
            }
            if (n != r) {
                placed[n] = placed[r];
                customerOf[n] = customerOf[r];
                hi[n] = hi[r];
                lo[n] = lo[r];
                dateOf[n] = dateOf[r];
                day[n] = day[r];
                minorOf[n] = minorOf[r];
                currencyOf[n] = currencyOf[r];
            }
            n++;
        }
        int indexBits = Math.max(1, 64 - Long.numberOfLeadingZeros(Math.max(1, n - 1)));
        long indexMask = (1L << indexBits) - 1;
        long[] keys = new long[n];
        for (int k = 0; k < n; k++) {
            // the sign bit flipped: the signed order of the keys is the unsigned order of the ids' top bits
            keys[k] = ((hi[k] ^ Long.MIN_VALUE) & ~indexMask) | k;
        }
        Arrays.parallelSort(keys);
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
        long[] highs = new long[n];
        long[] lows = new long[n];
        LocalDate[] dates = new LocalDate[n];
        long[] days = new long[n];
        long[] minor = new long[n];
        Currency[] currencies = new Currency[n];
        Order[] orders = new Order[n];
        // one LocalDate per day, by the day's offset from the first (orders span years, not millennia)
        long minDay = Long.MAX_VALUE;
        long maxDay = Long.MIN_VALUE;
        for (int k = 0; k < n; k++) {
            minDay = Math.min(minDay, day[k]);
            maxDay = Math.max(maxDay, day[k]);
        }
        LocalDate[] sharedDates =
                n == 0 || maxDay - minDay >= (1 << 20) ? null : new LocalDate[(int) (maxDay - minDay + 1)];
        Map<Long, LocalDate> otherDates = new HashMap<>();
        CustomerId customer = null;
        LocalDate date = null;
        for (int j = 0; j < n; j++) {
            int k = order[j];
            if (customer == null || hi[k] != hi[order[j - 1]] || lo[k] != lo[order[j - 1]]) {
                customer = customerOf[k]; // one object per customer: a visitor's lookups of it stay in cache
            }
            if (date == null || day[k] != days[j - 1]) {
                LocalDate d = dateOf[k];
                if (sharedDates != null) { // and one per day
                    int slot = (int) (day[k] - minDay);
                    if (sharedDates[slot] == null) {
                        sharedDates[slot] = d;
                    }
                    date = sharedDates[slot];
                } else {
                    date = otherDates.computeIfAbsent(day[k], x -> d);
                }
            }
            customers[j] = customer;
            highs[j] = hi[k];
            lows[j] = lo[k];
            days[j] = day[k];
            dates[j] = date;
            minor[j] = minorOf[k];
            currencies[j] = currencyOf[k];
            orders[j] = placed[k];
        }
        return new Purchases(customers, highs, lows, days, dates, minor, currencies, orders);
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
