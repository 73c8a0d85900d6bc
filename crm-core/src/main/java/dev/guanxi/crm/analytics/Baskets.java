package dev.guanxi.crm.analytics;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.sales.Order;
import dev.guanxi.crm.sales.OrderLine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * A growable, columnar collection of market baskets (transactions), the input of {@link AssociationRules}: one
 * row per order line with an {@code int} basket index and an {@code int} item id, and a dictionary from product
 * codes to item ids.
 *
 * <p><b>Baskets.</b> A basket is whatever the caller's key groups: pass an order's id or number to get one
 * basket per order ("bought in the same order"), or a customer's id to get one basket per customer ("bought by
 * the same customer", over any period). {@link #fromOrders(Iterable)} and {@link #fromOrdersByCustomer(Iterable)}
 * do either from {@link Order}s. Baskets are dense indices {@code 0..basketCount()-1}, assigned to keys in order
 * of first appearance ({@link #basketIndex(Object)}); a host may also use its own indices ({@link #add(int,
 * int)}). Every index below {@link #basketCount()} is a transaction, also one without items (a skipped index or
 * a key registered without lines): it counts in the denominator of every support.
 *
 * <p><b>Items.</b> Product codes get dense item ids {@code 0..itemCount()-1} in order of first appearance
 * ({@link #itemId(String)}); codes are compared exactly (case and white space matter). A product that appears
 * more than once in one basket (two lines of the same product, or the same product in two orders of one
 * customer) <em>counts once</em> for that basket: {@link #lineCount()} counts rows as added, {@link
 * #basketSize(int)} and the mining count distinct items.
 *
 * <p>Memory: two {@code int} columns (8 bytes per line) plus the dictionaries; mining adds a compacted copy (4
 * bytes per distinct line and 4 per basket), built once and cached until the next {@link #add}.
 *
 * <p>Not thread-safe: fill it from one thread, then share it read-only (after a happens-before edge); reads
 * build the compacted copy lazily, so concurrent readers of a collection that was never read need external
 * synchronisation or one read (e.g. {@link #basketSize(int)}) before it is shared.
 */
@Beta
public final class Baskets {
    private int[] basketColumn = new int[16];
    private int[] itemColumn = new int[16];
    private int lines;
    private int basketCount;
    private final Map<Object, Integer> indexByKey = new HashMap<>();
    private final List<Object> keys = new ArrayList<>();
    private final Map<String, Integer> idByCode = new HashMap<>();
    private final List<String> codes = new ArrayList<>();
    private Compacted compacted;

    /** Creates an empty collection. */
    public Baskets() {}

    /**
     * One basket per placed order: the distinct product codes of its {@link Order#lines() lines}, keyed by its
     * {@link dev.guanxi.crm.sales.OrderId}. Cancelled orders are skipped. O(lines).
     *
     * @param orders the orders (e.g. the pages of {@code Sales.listOrders} one after another); not null, no null
     *     element
     * @return the baskets
     */
    public static Baskets fromOrders(Iterable<Order> orders) {
        Objects.requireNonNull(orders, "orders");
        Baskets baskets = new Baskets();
        for (Order order : orders) {
            Objects.requireNonNull(order, "order");
            if (order.isPlaced()) {
                baskets.addLines(order.id(), order);
            }
        }
        return baskets;
    }

    /**
     * One basket per customer: the distinct product codes of all the customer's placed orders, keyed by the
     * {@link dev.guanxi.crm.customer.CustomerId}. Cancelled orders are skipped. O(lines).
     *
     * @param orders the orders, in any order; not null, no null element
     * @return the baskets
     */
    public static Baskets fromOrdersByCustomer(Iterable<Order> orders) {
        Objects.requireNonNull(orders, "orders");
        Baskets baskets = new Baskets();
        for (Order order : orders) {
            Objects.requireNonNull(order, "order");
            if (order.isPlaced()) {
                baskets.addLines(order.customerId(), order);
            }
        }
        return baskets;
    }

    private void addLines(Object key, Order order) {
        int basket = basketIndex(key);
        for (OrderLine line : order.lines()) {
            add(basket, itemId(line.productCode()));
        }
    }

    /**
     * Returns the index of a basket key, assigning the next free index on first sight.
     *
     * @param key the host's basket key (an order id or number, a customer id, ...), not null
     * @return the dense index
     */
    public int basketIndex(Object key) {
        Objects.requireNonNull(key, "key");
        Integer index = indexByKey.get(key);
        if (index != null) {
            return index;
        }
        int next = basketCount;
        indexByKey.put(key, next);
        while (keys.size() < next) {
            keys.add(null);
        }
        keys.add(key);
        basketCount = next + 1;
        compacted = null;
        return next;
    }

    /**
     * Returns the key a basket index was assigned to by {@link #basketIndex(Object)}.
     *
     * @param index a basket index
     * @return the key, or empty if the index was used directly by {@link #add(int, int)}
     * @throws IndexOutOfBoundsException if the index is not below {@link #basketCount()}
     */
    public Optional<Object> basketKey(int index) {
        Objects.checkIndex(index, basketCount);
        return index < keys.size() ? Optional.ofNullable(keys.get(index)) : Optional.empty();
    }

    /**
     * Returns the item id of a product code, assigning the next free id on first sight.
     *
     * @param productCode the product code, not blank
     * @return the dense item id
     * @throws ValidationException with field {@code productCode} and rule {@code REQUIRED} if it is null, {@code
     *     BLANK} if it is empty or white space
     */
    public int itemId(String productCode) {
        Integer id = idByCode.get(checkCode(productCode));
        if (id != null) {
            return id;
        }
        int next = codes.size();
        idByCode.put(productCode, next);
        codes.add(productCode);
        return next;
    }

    /**
     * Looks up a product code without assigning an id.
     *
     * @param productCode the product code, not null
     * @return its item id, or empty if it was never added
     */
    public OptionalInt findItemId(String productCode) {
        Objects.requireNonNull(productCode, "productCode");
        Integer id = idByCode.get(productCode);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    /**
     * @param itemId an item id below {@link #itemCount()}
     * @return the product code it stands for
     */
    public String productCode(int itemId) {
        Objects.checkIndex(itemId, codes.size());
        return codes.get(itemId);
    }

    /**
     * Adds an order line: a product bought in a keyed basket. Amortised O(1).
     *
     * @param basketKey the basket's key (see {@link #basketIndex(Object)}), not null
     * @param productCode the product code, not blank
     * @return this collection
     * @throws ValidationException with field {@code productCode} if the code is null or blank
     */
    public Baskets add(Object basketKey, String productCode) {
        Objects.requireNonNull(basketKey, "basketKey");
        int item = itemId(productCode);
        return add(basketIndex(basketKey), item);
    }

    /**
     * Adds an order line by basket index and item id. Amortised O(1), no allocation except when a column grows.
     *
     * @param basket the basket index, at least 0 (indices up to it that were never used become empty baskets)
     * @param itemId an item id from {@link #itemId(String)}
     * @return this collection
     * @throws ValidationException with field {@code basket} if the index is negative, with field {@code itemId}
     *     if the id was not assigned by {@link #itemId(String)}
     */
    public Baskets add(int basket, int itemId) {
        if (basket < 0) {
            throw new ValidationException(
                    "basket", ValidationRule.OUT_OF_RANGE, "basket index must be at least 0: " + basket);
        }
        if (itemId < 0 || itemId >= codes.size()) {
            throw new ValidationException(
                    "itemId",
                    ValidationRule.OUT_OF_RANGE,
                    "item id " + itemId + " was not assigned (there are " + codes.size() + " items)");
        }
        if (lines == basketColumn.length) {
            int capacity = Math.max(16, lines + (lines >> 1));
            basketColumn = Arrays.copyOf(basketColumn, capacity);
            itemColumn = Arrays.copyOf(itemColumn, capacity);
        }
        basketColumn[lines] = basket;
        itemColumn[lines] = itemId;
        lines++;
        if (basket >= basketCount) {
            basketCount = basket + 1;
        }
        compacted = null;
        return this;
    }

    private static String checkCode(String productCode) {
        if (productCode == null) {
            throw new ValidationException("productCode", ValidationRule.REQUIRED, "productCode is required");
        }
        if (productCode.isBlank()) {
            throw new ValidationException("productCode", ValidationRule.BLANK, "productCode must not be blank");
        }
        return productCode;
    }

    /** @return how many baskets (transactions) there are, empty ones included: the denominator of a support */
    public int basketCount() {
        return basketCount;
    }

    /** @return how many distinct products (item ids) there are */
    public int itemCount() {
        return codes.size();
    }

    /** @return how many lines were added, repeats of a product within a basket included */
    public int lineCount() {
        return lines;
    }

    /**
     * @param basket a basket index below {@link #basketCount()}
     * @return how many distinct products the basket holds
     */
    public int basketSize(int basket) {
        Objects.checkIndex(basket, basketCount);
        Compacted c = compacted();
        return c.offsets[basket + 1] - c.offsets[basket];
    }

    /**
     * @param basket a basket index below {@link #basketCount()}
     * @return the distinct item ids of the basket, ascending; a new array
     */
    public int[] items(int basket) {
        Objects.checkIndex(basket, basketCount);
        Compacted c = compacted();
        int[] items = Arrays.copyOfRange(c.items, c.offsets[basket], c.offsets[basket + 1]);
        Arrays.sort(items);
        return items;
    }

    /**
     * The distinct products of a keyed basket, e.g. what a customer bought (with baskets per customer), to pass to
     * {@link AssociationRules#recommend(Set, int)}.
     *
     * @param basketKey the basket's key, not null
     * @return the product codes in ascending order (immutable); empty if the key is unknown
     */
    public Set<String> products(Object basketKey) {
        Objects.requireNonNull(basketKey, "basketKey");
        Integer index = indexByKey.get(basketKey);
        if (index == null) {
            return Set.of();
        }
        TreeSet<String> products = new TreeSet<>();
        for (int item : items(index)) {
            products.add(codes.get(item));
        }
        return Collections.unmodifiableSet(products);
    }

    /** The baskets in compressed-row form with repeats removed; built on demand, cached until the next add. */
    Compacted compacted() {
        Compacted c = compacted;
        if (c == null) {
            c = compact();
            compacted = c;
        }
        return c;
    }

    private Compacted compact() {
        int n = basketCount;
        int[] offsets = new int[n + 1];
        for (int row = 0; row < lines; row++) {
            offsets[basketColumn[row] + 1]++;
        }
        for (int b = 0; b < n; b++) {
            offsets[b + 1] += offsets[b];
        }
        // counting sort of the rows by basket, keeping the order of arrival within a basket
        int[] next = Arrays.copyOf(offsets, n);
        int[] sorted = new int[lines];
        for (int row = 0; row < lines; row++) {
            sorted[next[basketColumn[row]]++] = itemColumn[row];
        }
        // drop repeats within a basket: lastBasket[item] is the last basket the item was kept for
        int[] lastBasket = new int[codes.size()];
        Arrays.fill(lastBasket, -1);
        int[] items = sorted;
        int write = 0;
        int from = 0;
        for (int b = 0; b < n; b++) {
            int to = offsets[b + 1];
            offsets[b] = write;
            for (int k = from; k < to; k++) {
                int item = items[k];
                if (lastBasket[item] != b) {
                    lastBasket[item] = b;
                    items[write++] = item;
                }
            }
            from = to;
        }
        offsets[n] = write;
        return new Compacted(offsets, write == items.length ? items : Arrays.copyOf(items, write));
    }

    /**
     * Baskets in compressed-row form: basket {@code b} holds {@code items[offsets[b] .. offsets[b + 1])},
     * distinct, in order of arrival.
     */
    static final class Compacted {
        final int[] offsets;
        final int[] items;

        Compacted(int[] offsets, int[] items) {
            this.offsets = offsets;
            this.items = items;
        }
    }
}
