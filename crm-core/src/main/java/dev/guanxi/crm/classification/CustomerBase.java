package dev.guanxi.crm.classification;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.money.Money;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The customers of one tenant as columns — the input every {@link ClassificationRule} reads. One row per
 * customer (index {@code 0 .. size()-1}); amounts in minor units of one base currency (converted before they
 * get here), days as epoch days. A scoring run fills it from storage by streaming; a test or a host fills it
 * directly with the {@link Builder}.
 *
 * <p>The built-in columns are those the built-in rules need: the purchases in the value period (amount, count,
 * first and last day, regularity, the amount in the recent window), gross margin if known, overdue
 * receivables, and P(alive) / CLV from the analytics models when available. A host adds its own numeric
 * columns by name ({@link Builder#column(String, double[])}) for its own rules and fit criteria.
 *
 * <p>Immutable and thread-safe once built; accessors do not copy (the arrays are private).
 */
@Beta
public final class CustomerBase {
    /** The day value of a customer who made no purchase. */
    public static final int NO_DAY = Integer.MIN_VALUE;

    private final LocalDate asOf;
    private final Currency currency;
    private final int size;
    private final CustomerId[] ids;
    private final String[] regions;
    private final String[] types;
    private final String[] owners;
    private final long[] sales;
    private final long[] margin;
    private final boolean hasMargin;
    private final int[] purchases;
    private final int[] firstDay;
    private final int[] lastDay;
    private final double[] regularity;
    private final long[] recentSales;
    private final long[] overdue;
    private final double[] pAlive;
    private final double[] clv;
    private final Map<String, double[]> columns;
    private final Map<Class<?>, Object> attachments;
    private final int recentDays;

    private CustomerBase(Builder b) {
        this.recentDays = b.recentDays;
        this.asOf = b.asOf;
        this.currency = b.currency;
        this.size = b.size;
        this.ids = Arrays.copyOf(b.ids, size);
        this.regions = Arrays.copyOf(b.regions, size);
        this.types = Arrays.copyOf(b.types, size);
        this.owners = Arrays.copyOf(b.owners, size);
        this.sales = Arrays.copyOf(b.sales, size);
        this.margin = Arrays.copyOf(b.margin, size);
        this.hasMargin = b.hasMargin;
        this.purchases = Arrays.copyOf(b.purchases, size);
        this.firstDay = Arrays.copyOf(b.firstDay, size);
        this.lastDay = Arrays.copyOf(b.lastDay, size);
        this.regularity = new double[size];
        for (int i = 0; i < size; i++) {
            regularity[i] = b.regularityOf(i);
        }
        this.recentSales = Arrays.copyOf(b.recentSales, size);
        this.overdue = Arrays.copyOf(b.overdue, size);
        this.pAlive = Arrays.copyOf(b.pAlive, size);
        this.clv = Arrays.copyOf(b.clv, size);
        TreeMap<String, double[]> copy = new TreeMap<>();
        b.columns.forEach((name, values) -> {
            if (values.length != size) {
                throw new ValidationException(
                        "columns." + name,
                        ValidationRule.OUT_OF_RANGE,
                        "column " + name + " has " + values.length + " values for " + size + " customers");
            }
            copy.put(name, values.clone());
        });
        this.columns = Collections.unmodifiableMap(copy);
        this.attachments = Map.copyOf(b.attachments);
    }

    /**
     * Starts an empty customer base.
     *
     * @param asOf the day the data describes (recency and "overdue" are measured at it)
     * @param currency the base currency of every amount
     * @return the builder
     */
    public static Builder builder(LocalDate asOf, Currency currency) {
        return new Builder(asOf, currency);
    }

    /** @return the day the data describes */
    public LocalDate asOf() {
        return asOf;
    }

    /** @return the currency of every amount */
    public Currency currency() {
        return currency;
    }

    /** @return the number of customers */
    public int size() {
        return size;
    }

    /**
     * @param i a customer index
     * @return the customer's id
     */
    public CustomerId customerId(int i) {
        return ids[i];
    }

    /**
     * @param i a customer index
     * @return the customer's region code, or {@code null}
     */
    public String region(int i) {
        return regions[i];
    }

    /**
     * @param i a customer index
     * @return the customer's type code, or {@code null}
     */
    public String customerType(int i) {
        return types[i];
    }

    /**
     * @param i a customer index
     * @return the customer's owner (staff id as text), or {@code null}
     */
    public String owner(int i) {
        return owners[i];
    }

    /**
     * @param i a customer index
     * @return the purchase amount in the value period, in minor units of {@link #currency()}
     */
    public long sales(int i) {
        return sales[i];
    }

    /** @return {@code true} if gross margins were supplied; otherwise {@link #margin(int)} is 0 for everyone */
    public boolean hasMargin() {
        return hasMargin;
    }

    /**
     * @param i a customer index
     * @return the gross margin of the purchases in the value period, minor units, may be negative
     */
    public long margin(int i) {
        return margin[i];
    }

    /**
     * @param i a customer index
     * @return the number of purchases in the value period
     */
    public int purchases(int i) {
        return purchases[i];
    }

    /**
     * @param i a customer index
     * @return the epoch day of the first purchase, or {@link #NO_DAY}
     */
    public int firstPurchaseDay(int i) {
        return firstDay[i];
    }

    /**
     * @param i a customer index
     * @return the epoch day of the latest purchase, or {@link #NO_DAY}
     */
    public int lastPurchaseDay(int i) {
        return lastDay[i];
    }

    /**
     * Purchase regularity: {@code 1 / (1 + cv)} where {@code cv} is the coefficient of variation of the days
     * between consecutive purchases (their population standard deviation over their mean; 1 = perfectly regular, towards 0 = erratic); {@code NaN} with fewer than
     * three purchases (fewer than two gaps).
     *
     * @param i a customer index
     * @return the regularity in (0, 1], or {@code NaN}
     */
    public double regularity(int i) {
        return regularity[i];
    }

    /** @return the length of the recent window in days, or 0 if none was set */
    public int recentDays() {
        return recentDays;
    }

    /**
     * @param i a customer index
     * @return the purchase amount in the recent window (as the builder was told), minor units
     */
    public long recentSales(int i) {
        return recentSales[i];
    }

    /**
     * @param i a customer index
     * @return the overdue receivables at {@link #asOf()}, minor units, zero or more
     */
    public long overdue(int i) {
        return overdue[i];
    }

    /**
     * @param i a customer index
     * @return the probability the customer is still active from a fitted model, or {@code NaN} if unknown
     */
    public double probabilityAlive(int i) {
        return pAlive[i];
    }

    /**
     * @param i a customer index
     * @return the customer lifetime value in units (not minor units) of {@link #currency()}, or {@code NaN}
     */
    public double lifetimeValue(int i) {
        return clv[i];
    }

    /**
     * Returns a host-supplied column.
     *
     * @param name the column's name
     * @return its values by customer index (a copy), or empty if there is no such column
     */
    public Optional<double[]> column(String name) {
        double[] values = columns.get(name);
        return values == null ? Optional.empty() : Optional.of(values.clone());
    }

    /**
     * Returns one value of a host-supplied column.
     *
     * @param name the column's name
     * @param i a customer index
     * @param absent the value if there is no such column
     * @return the value
     */
    public double columnValue(String name, int i, double absent) {
        double[] values = columns.get(name);
        return values == null ? absent : values[i];
    }

    /**
     * Returns an attachment: typed per-customer data a rule needs beyond the columns (the scoring run attaches
     * each customer's invoices for the credit rule and survey answers for the loyalty rule).
     *
     * @param type the attachment's type
     * @param <T> the type
     * @return the attachment, or empty if none of that type was attached
     */
    public <T> Optional<T> attachment(Class<T> type) {
        return Optional.ofNullable(type.cast(attachments.get(type)));
    }

    /**
     * @param minorUnits an amount of this base's currency
     * @return the amount as money, for explanations
     */
    Money money(long minorUnits) {
        return Money.ofMinor(minorUnits, currency);
    }

    /**
     * Builds a {@link CustomerBase}. Add customers, then their facts (by id or index); the purchases of one
     * customer must come in date order, as the purchase scan delivers them (customers may interleave). Not
     * thread-safe.
     */
    public static final class Builder {
        private final LocalDate asOf;
        private final Currency currency;
        /** The ids' halves by index, for the lookups of scans in id order (see {@link #indexOf}). */
        private long[] idHigh = new long[16];

        private long[] idLow = new long[16];
        /** Whether the customers were added in ascending id order (unsigned halves = the UUIDs' text order). */
        private boolean ascending = true;
        /** Where the last lookup found its customer: a scan in id order finds the next one at or just after it. */
        private int cursor;
        /** By id; built only once customers were added out of id order, then kept current. */
        private Map<CustomerId, Integer> index;

        private final Map<String, double[]> columns = new HashMap<>();
        private final Map<Class<?>, Object> attachments = new HashMap<>();
        private int size;
        private CustomerId[] ids = new CustomerId[16];
        private String[] regions = new String[16];
        private String[] types = new String[16];
        private String[] owners = new String[16];
        private long[] sales = new long[16];
        private long[] margin = new long[16];
        private boolean hasMargin;
        private int[] purchases = new int[16];
        private int[] firstDay = new int[16];
        private int[] lastDay = new int[16];
        private int[] previousDay = new int[16];
        private double[] gapMean = new double[16];
        private double[] gapM2 = new double[16];
        private int[] gaps = new int[16];
        private long[] recentSales = new long[16];
        private long[] overdue = new long[16];
        private double[] pAlive = new double[16];
        private double[] clv = new double[16];
        private int recentFromDay = Integer.MAX_VALUE;
        private int recentDays;
        private long purchaseCount;

        private Builder(LocalDate asOf, Currency currency) {
            this.asOf = Objects.requireNonNull(asOf, "asOf");
            this.currency = Objects.requireNonNull(currency, "currency");
        }

        /**
         * Sets the recent window: purchases on or after {@code asOf - days + 1} count into {@link
         * CustomerBase#recentSales(int)}. Default: no recent window (recent sales are 0). Set it before the first
         * purchase: purchases recorded earlier would not be counted.
         *
         * @param days the window's length, 1 or more
         * @return this builder
         * @throws ValidationException {@code recentDays}, {@link ValidationRule#OUT_OF_RANGE} if below 1
         * @throws IllegalStateException if a purchase was already recorded
         */
        public Builder recentDays(int days) {
            if (days < 1) {
                throw new ValidationException(
                        "recentDays", ValidationRule.OUT_OF_RANGE, "recentDays must be 1 or more");
            }
            if (purchaseCount > 0) {
                throw new IllegalStateException("set the recent window before the first purchase");
            }
            this.recentFromDay = (int) asOf.toEpochDay() - days + 1;
            this.recentDays = days;
            return this;
        }

        /**
         * Adds a customer, or returns its index if it was added before.
         *
         * @param id the customer
         * @return its index
         */
        public int customer(CustomerId id) {
            return customer(id, null, null, null);
        }

        /**
         * Adds a customer with its attributes, or returns its index if it was added before (the attributes
         * are then replaced by non-null arguments).
         *
         * @param id the customer
         * @param region its region code, or {@code null}
         * @param customerType its type code, or {@code null}
         * @param owner its owner, or {@code null}
         * @return its index
         */
        public int customer(CustomerId id, String region, String customerType, String owner) {
            Objects.requireNonNull(id, "id");
            java.util.UUID u = id.value();
            long high = u.getMostSignificantBits();
            long low = u.getLeastSignificantBits();
            int order = size == 0 ? 1 : compare(high, low, size - 1);
            // in ascending order so far, an id after the last one is new; otherwise the map decides
            int known = order == 0 ? size - 1 : order > 0 && ascending ? -1 : indexOf(id);
            int i;
            if (known < 0) {
                i = size++;
                grow();
                ids[i] = id;
                idHigh[i] = high;
                idLow[i] = low;
                if (order < 0) {
                    ascending = false;
                }
                if (index != null) {
                    index.put(id, i);
                }
                firstDay[i] = NO_DAY;
                lastDay[i] = NO_DAY;
                previousDay[i] = NO_DAY;
                pAlive[i] = Double.NaN;
                clv[i] = Double.NaN;
            } else {
                i = known;
            }
            if (region != null) {
                regions[i] = region;
            }
            if (customerType != null) {
                types[i] = customerType;
            }
            if (owner != null) {
                owners[i] = owner;
            }
            return i;
        }

        /**
         * Records a purchase of a customer (which is added if new).
         *
         * @param id the customer
         * @param epochDay the purchase day
         * @param minorUnits the amount in minor units of the base currency, zero or more
         * @return this builder
         * @throws ValidationException {@code amount}, {@link ValidationRule#OUT_OF_RANGE} if negative; {@code
         *     date}, {@link ValidationRule#FUTURE} if after {@code asOf}
         */
        public Builder purchase(CustomerId id, int epochDay, long minorUnits) {
            Objects.requireNonNull(id, "id");
            int known = indexOf(id);
            if (known < 0) {
                // validate before the customer is added, so that a refused purchase leaves nothing behind
                if (minorUnits < 0) {
                    throw new ValidationException(
                            "amount", ValidationRule.OUT_OF_RANGE, "a purchase amount is not negative");
                }
                if (epochDay > asOf.toEpochDay()) {
                    throw new ValidationException("date", ValidationRule.FUTURE, "a purchase lies after the as-of day");
                }
                known = customer(id);
            }
            return purchase(known, epochDay, minorUnits);
        }

        /**
         * Records a purchase of the customer at an index.
         *
         * @param i the customer's index
         * @param epochDay the purchase day
         * @param minorUnits the amount in minor units of the base currency, zero or more
         * @return this builder
         * @throws ValidationException {@code amount}, {@link ValidationRule#OUT_OF_RANGE} if negative; {@code
         *     date}, {@link ValidationRule#FUTURE} if after {@code asOf}, {@link ValidationRule#DATE_ORDER} if
         *     before the customer's previous purchase
         */
        public Builder purchase(int i, int epochDay, long minorUnits) {
            checkIndex(i);
            if (minorUnits < 0) {
                throw new ValidationException(
                        "amount", ValidationRule.OUT_OF_RANGE, "a purchase amount is not negative");
            }
            if (previousDay[i] != NO_DAY && epochDay < previousDay[i]) {
                throw new ValidationException(
                        "date", ValidationRule.DATE_ORDER, "a customer's purchases must come in date order");
            }
            if (epochDay > asOf.toEpochDay()) {
                throw new ValidationException("date", ValidationRule.FUTURE, "a purchase lies after the as-of day");
            }
            sales[i] = Math.addExact(sales[i], minorUnits);
            if (epochDay >= recentFromDay) {
                recentSales[i] = Math.addExact(recentSales[i], minorUnits);
            }
            purchases[i]++;
            purchaseCount++;
            if (firstDay[i] == NO_DAY || epochDay < firstDay[i]) {
                firstDay[i] = epochDay;
            }
            if (lastDay[i] == NO_DAY || epochDay > lastDay[i]) {
                lastDay[i] = epochDay;
            }
            if (previousDay[i] != NO_DAY) {
                // Welford's running mean and variance of the gaps between consecutive purchases.
                double gap = Math.abs(epochDay - previousDay[i]);
                int n = ++gaps[i];
                double delta = gap - gapMean[i];
                gapMean[i] += delta / n;
                gapM2[i] += delta * (gap - gapMean[i]);
            }
            previousDay[i] = epochDay;
            return this;
        }

        /**
         * Adds gross margin of a customer's purchases (may be negative); once called for anyone, {@link
         * CustomerBase#hasMargin()} is {@code true}.
         *
         * @param i the customer's index
         * @param minorUnits the margin in minor units
         * @return this builder
         */
        public Builder margin(int i, long minorUnits) {
            checkIndex(i);
            margin[i] = Math.addExact(margin[i], minorUnits);
            hasMargin = true;
            return this;
        }

        /**
         * Adds overdue receivables of a customer.
         *
         * @param i the customer's index
         * @param minorUnits the overdue amount in minor units, zero or more
         * @return this builder
         * @throws ValidationException {@code overdue}, {@link ValidationRule#OUT_OF_RANGE} if negative
         */
        public Builder overdue(int i, long minorUnits) {
            checkIndex(i);
            if (minorUnits < 0) {
                throw new ValidationException("overdue", ValidationRule.OUT_OF_RANGE, "overdue is not negative");
            }
            overdue[i] = Math.addExact(overdue[i], minorUnits);
            return this;
        }

        /**
         * Sets model outputs of a customer.
         *
         * @param i the customer's index
         * @param probabilityAlive P(alive) in [0, 1], or {@code NaN}
         * @param lifetimeValue CLV in currency units, or {@code NaN}
         * @return this builder
         * @throws ValidationException {@code probabilityAlive}, {@link ValidationRule#OUT_OF_RANGE} outside [0, 1]
         */
        public Builder model(int i, double probabilityAlive, double lifetimeValue) {
            checkIndex(i);
            if (!Double.isNaN(probabilityAlive) && !(probabilityAlive >= 0 && probabilityAlive <= 1)) {
                throw new ValidationException(
                        "probabilityAlive", ValidationRule.OUT_OF_RANGE, "P(alive) must lie in [0, 1]");
            }
            pAlive[i] = probabilityAlive;
            clv[i] = lifetimeValue;
            return this;
        }

        /**
         * Adds a host column (e.g. {@code "strategicFit"} for the selection matrix). Its length must equal the
         * number of customers when {@link #build()} is called.
         *
         * @param name the column's name, not blank
         * @param values the values by customer index (copied at build)
         * @return this builder
         */
        public Builder column(String name, double[] values) {
            Objects.requireNonNull(values, "values");
            if (name == null || name.isBlank()) {
                throw new ValidationException("columns", ValidationRule.BLANK, "a column needs a name");
            }
            columns.put(name, values);
            return this;
        }

        /**
         * Attaches typed data for rules (see {@link CustomerBase#attachment(Class)}), replacing an earlier
         * attachment of the same type. The value should be immutable.
         *
         * @param type the type rules look it up by
         * @param value the data
         * @param <T> the type
         * @return this builder
         */
        public <T> Builder attach(Class<T> type, T value) {
            attachments.put(Objects.requireNonNull(type, "type"), type.cast(Objects.requireNonNull(value, "value")));
            return this;
        }

        /**
         * Finds a customer's index.
         *
         * @param id the customer
         * @return the index, or -1 if the customer was not added
         */
        public int indexOf(CustomerId id) {
            if (size == 0) {
                return -1;
            }
            // the very object at or after the cursor (a scan of objects this builder was fed): no id is read
            int next = cursor + 1;
            if (next < size && ids[next] == id) {
                cursor = next;
                return next;
            }
            if (ids[cursor] == id) {
                return cursor;
            }
            if (ascending) {
                // a scan in id order (the storage scans' order) asks for the customer at or a few after the last
                // one found: compare the ids' halves there instead of hashing (no map is built for such scans)
                java.util.UUID u = id.value();
                long high = u.getMostSignificantBits();
                long low = u.getLeastSignificantBits();
                int c = compare(high, low, cursor);
                if (c == 0) {
                    return cursor;
                }
                int lo;
                int hi;
                if (c > 0) {
                    // galloping forward from the cursor: O(log d) for a customer d places further on
                    lo = cursor + 1;
                    hi = lo;
                    int step = 1;
                    while (hi < size && compare(high, low, hi) > 0) {
                        lo = hi + 1;
                        hi += step;
                        step <<= 1;
                    }
                    hi = Math.min(hi, size - 1);
                } else { // behind the cursor (a new scan starting over): binary search before it
                    lo = 0;
                    hi = cursor - 1;
                }
                while (lo <= hi) {
                    int mid = (lo + hi) >>> 1;
                    int m = compare(high, low, mid);
                    if (m == 0) {
                        cursor = mid;
                        return mid;
                    }
                    if (m > 0) {
                        lo = mid + 1;
                    } else {
                        hi = mid - 1;
                    }
                }
                return -1; // between two customers (or outside them): not added
            }
            return indexed(id);
        }

        /** The index of {@code id} by the map (built now if needed), moving the cursor there; -1 if absent. */
        private int indexed(CustomerId id) {
            if (index == null) {
                index = new HashMap<>(Math.max(16, size * 4 / 3 + 1));
                for (int k = 0; k < size; k++) {
                    index.put(ids[k], k);
                }
            }
            Integer i = index.get(id);
            if (i == null) {
                return -1;
            }
            cursor = i;
            return i;
        }

        /** Compares an id's halves with customer {@code k}'s as unsigned numbers (the UUIDs' text order). */
        private int compare(long high, long low, int k) {
            int c = Long.compareUnsigned(high, idHigh[k]);
            return c != 0 ? c : Long.compareUnsigned(low, idLow[k]);
        }

        /** @return the number of customers so far */
        public int size() {
            return size;
        }

        /** @return the customer base */
        public CustomerBase build() {
            return new CustomerBase(this);
        }

        private double regularityOf(int i) {
            if (gaps[i] < 2) {
                return Double.NaN;
            }
            double mean = gapMean[i];
            if (mean == 0) {
                return 1.0;
            }
            double cv = Math.sqrt(gapM2[i] / gaps[i]) / mean;
            return 1.0 / (1.0 + cv);
        }

        private void checkIndex(int i) {
            if (i < 0 || i >= size) {
                throw new IndexOutOfBoundsException("no customer at index " + i);
            }
        }

        private void grow() {
            if (size <= ids.length) {
                return;
            }
            int n = Math.max(16, ids.length * 2);
            ids = Arrays.copyOf(ids, n);
            idHigh = Arrays.copyOf(idHigh, n);
            idLow = Arrays.copyOf(idLow, n);
            regions = Arrays.copyOf(regions, n);
            types = Arrays.copyOf(types, n);
            owners = Arrays.copyOf(owners, n);
            sales = Arrays.copyOf(sales, n);
            margin = Arrays.copyOf(margin, n);
            purchases = Arrays.copyOf(purchases, n);
            firstDay = Arrays.copyOf(firstDay, n);
            lastDay = Arrays.copyOf(lastDay, n);
            previousDay = Arrays.copyOf(previousDay, n);
            gapMean = Arrays.copyOf(gapMean, n);
            gapM2 = Arrays.copyOf(gapM2, n);
            gaps = Arrays.copyOf(gaps, n);
            recentSales = Arrays.copyOf(recentSales, n);
            overdue = Arrays.copyOf(overdue, n);
            pAlive = Arrays.copyOf(pAlive, n);
            clv = Arrays.copyOf(clv, n);
        }
    }
}
