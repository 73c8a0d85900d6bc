package dev.guanxi.crm.analytics;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.sales.PurchaseScan;
import dev.guanxi.crm.sales.Sales;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A growable, columnar log of purchases: one row per purchase with an {@code int} customer index, an
 * {@code int} day (the epoch day of {@link LocalDate#toEpochDay()}) and a {@code long} amount in <em>minor
 * units</em> of one currency (cents for USD; exact, no rounding). The analytics read these primitive columns
 * directly ({@link CustomerSummaries}, {@link PurchaseTracking}).
 *
 * <p>Customers are dense indices {@code 0..customerCount()-1}. A host either uses its own indices ({@link
 * #add(int, int, long)}) or lets the log assign them to external keys ({@link #customerIndex(Object)}: any
 * object with {@code equals}/{@code hashCode}, e.g. a {@code CustomerId} or a {@code String}); indices are
 * assigned in order of first appearance. Rows may arrive in any order and same-day purchases may repeat; the
 * summaries merge them.
 *
 * <p>{@link #amountFractionDigits()} says how many decimals a minor unit has (2 by default, the currency's
 * default fraction digits when built from the purchase scan): {@link CustomerSummaries} reports monetary
 * values in major units (amount / 10<sup>digits</sup>).
 *
 * <p>Not thread-safe: fill it from one thread, then share it read-only (after a happens-before edge).
 */
@Beta
public final class TransactionLog {
    private int[] customers;
    private int[] days;
    private long[] amounts;
    private int size;
    private int customerCount;
    private final int fractionDigits;
    private Currency currency;
    private final Map<Object, Integer> indexByKey = new HashMap<>();
    private final List<Object> keys = new ArrayList<>();

    /** Creates an empty log whose amounts have 2 decimals (cents). */
    public TransactionLog() {
        this(2);
    }

    /**
     * Creates an empty log.
     *
     * @param amountFractionDigits how many decimals one minor unit of the amounts has (0..9)
     * @throws IllegalArgumentException if {@code amountFractionDigits} is outside 0..9
     */
    public TransactionLog(int amountFractionDigits) {
        if (amountFractionDigits < 0 || amountFractionDigits > 9) {
            throw new IllegalArgumentException("amountFractionDigits must be in 0..9: " + amountFractionDigits);
        }
        this.fractionDigits = amountFractionDigits;
        this.customers = new int[16];
        this.days = new int[16];
        this.amounts = new long[16];
    }

    /**
     * Builds the log of every purchase (order not cancelled) of a tenant from the storage's streaming purchase
     * scan; customers get indices in scan order and their {@link dev.guanxi.crm.customer.CustomerId} as key. O(n) in the orders.
     *
     * @param sales the tenant's sales API
     * @return the log, with the purchases' currency and its default fraction digits
     * @throws ValidationException with field {@code currency} and rule {@code CURRENCY_MISMATCH} if the
     *     purchases are in more than one currency
     */
    public static TransactionLog fromPurchases(Sales sales) {
        Objects.requireNonNull(sales, "sales");
        Currency[] seen = new Currency[1];
        // first pass is the scan itself: the fraction digits are known only at the first purchase
        TransactionLog[] log = new TransactionLog[1];
        sales.scanPurchases(PurchaseScan.all(), (customer, date, amountMinorUnits, currency) -> {
            if (seen[0] == null) {
                seen[0] = currency;
                int digits = Math.max(0, currency.getDefaultFractionDigits());
                log[0] = new TransactionLog(digits);
                log[0].currency = currency;
            } else if (!seen[0].equals(currency)) {
                throw new ValidationException(
                        "currency",
                        ValidationRule.CURRENCY_MISMATCH,
                        "purchases in " + seen[0] + " and " + currency + " cannot be analysed together");
            }
            log[0].add(customer, date, amountMinorUnits);
        });
        return log[0] == null ? new TransactionLog() : log[0];
    }

    /**
     * Builds the log of every purchase of a tenant; see {@link #fromPurchases(Sales)}.
     *
     * @param tenant the tenant
     * @return the log
     * @throws ValidationException with field {@code currency} if the purchases are in more than one currency
     */
    public static TransactionLog fromPurchases(TenantCrm tenant) {
        Objects.requireNonNull(tenant, "tenant");
        return fromPurchases(tenant.sales());
    }

    /**
     * Returns the index of a customer key, assigning the next free index on first sight.
     *
     * @param key the host's customer key (e.g. a {@code CustomerId} or a {@code String}), not null
     * @return the dense index
     */
    public int customerIndex(Object key) {
        Objects.requireNonNull(key, "key");
        Integer index = indexByKey.get(key);
        if (index != null) {
            return index;
        }
        int next = customerCount;
        indexByKey.put(key, next);
        while (keys.size() < next) {
            keys.add(null);
        }
        keys.add(key);
        customerCount = next + 1;
        return next;
    }

    /**
     * Returns the key a customer index was assigned to by {@link #customerIndex(Object)}.
     *
     * @param index a customer index
     * @return the key, or empty if the index was used directly by {@link #add(int, int, long)}
     * @throws IndexOutOfBoundsException if the index is not below {@link #customerCount()}
     */
    public Optional<Object> customerKey(int index) {
        Objects.checkIndex(index, customerCount);
        return index < keys.size() ? Optional.ofNullable(keys.get(index)) : Optional.empty();
    }

    /**
     * Appends a purchase of a keyed customer.
     *
     * @param customerKey the host's customer key
     * @param date the purchase date
     * @param amountMinorUnits the amount in minor units, at least 0
     * @return this log
     * @throws ValidationException with field {@code amount} if the amount is negative
     */
    public TransactionLog add(Object customerKey, LocalDate date, long amountMinorUnits) {
        Objects.requireNonNull(date, "date");
        long epochDay = date.toEpochDay();
        if (epochDay < Integer.MIN_VALUE || epochDay > Integer.MAX_VALUE) {
            throw new ValidationException("date", ValidationRule.OUT_OF_RANGE, "date out of range: " + date);
        }
        checkAmount(amountMinorUnits);
        return add(customerIndex(customerKey), (int) epochDay, amountMinorUnits);
    }

    /**
     * Appends a purchase by customer index. Amortised O(1), no allocation except when a column grows.
     *
     * @param customer the customer index, at least 0
     * @param epochDay the purchase date as {@link LocalDate#toEpochDay()}
     * @param amountMinorUnits the amount in minor units, at least 0
     * @return this log
     * @throws ValidationException with field {@code customer} if the index is negative, with field {@code
     *     amount} if the amount is negative
     */
    public TransactionLog add(int customer, int epochDay, long amountMinorUnits) {
        if (customer < 0) {
            throw new ValidationException(
                    "customer", ValidationRule.OUT_OF_RANGE, "customer index must be at least 0: " + customer);
        }
        checkAmount(amountMinorUnits);
        if (size == customers.length) {
            int capacity = Math.max(16, size + (size >> 1));
            customers = Arrays.copyOf(customers, capacity);
            days = Arrays.copyOf(days, capacity);
            amounts = Arrays.copyOf(amounts, capacity);
        }
        customers[size] = customer;
        days[size] = epochDay;
        amounts[size] = amountMinorUnits;
        size++;
        if (customer >= customerCount) {
            customerCount = customer + 1;
        }
        return this;
    }

    private static void checkAmount(long amount) {
        if (amount < 0) {
            throw new ValidationException(
                    "amount", ValidationRule.OUT_OF_RANGE, "amount must be at least 0: " + amount);
        }
    }

    /** @return how many purchases (rows) the log holds */
    public int size() {
        return size;
    }

    /** @return one more than the largest customer index used (customers without rows count too) */
    public int customerCount() {
        return customerCount;
    }

    /** @return how many decimals one minor unit of the amounts has */
    public int amountFractionDigits() {
        return fractionDigits;
    }

    /** @return the currency of the amounts when known (set by {@link #fromPurchases(Sales)}) */
    public Optional<Currency> currency() {
        return Optional.ofNullable(currency);
    }

    /**
     * @param row a row index below {@link #size()}
     * @return the customer index of the row
     */
    public int customer(int row) {
        Objects.checkIndex(row, size);
        return customers[row];
    }

    /**
     * @param row a row index below {@link #size()}
     * @return the epoch day of the row
     */
    public int day(int row) {
        Objects.checkIndex(row, size);
        return days[row];
    }

    /**
     * @param row a row index below {@link #size()}
     * @return the amount of the row in minor units
     */
    public long amount(int row) {
        Objects.checkIndex(row, size);
        return amounts[row];
    }

    // package-private raw column access for the analytics (no copies); only the first size() entries are valid
    int[] customerColumn() {
        return customers;
    }

    int[] dayColumn() {
        return days;
    }

    long[] amountColumn() {
        return amounts;
    }
}
