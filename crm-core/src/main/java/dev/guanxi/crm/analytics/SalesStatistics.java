package dev.guanxi.crm.analytics;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.marketing.CampaignResponse;
import dev.guanxi.crm.money.CurrencyConverter;
import dev.guanxi.crm.money.MissingExchangeRateException;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.Invoice;
import dev.guanxi.crm.sales.Order;
import dev.guanxi.crm.sales.OrderLine;
import dev.guanxi.crm.sales.OrderStatus;
import dev.guanxi.crm.sales.Payment;
import dev.guanxi.crm.service.ServiceCase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Sales statistics (销售统计): grouped totals and counts by owner, region, customer type, product and period,
 * computed in one pass over the stored data. Feed it every record once, <em>customers first</em>, then orders,
 * invoices, payments, service cases and campaign responses in any order, and read the {@link #table()}:
 *
 * <pre>{@code
 * SalesStatistics stats = SalesStatistics.of(StatisticsRequest.builder()
 *         .groupBy(StatisticsDimension.OWNER, StatisticsDimension.PERIOD)
 *         .period(StatisticsPeriod.QUARTER)
 *         .asOf(today)
 *         .converter(CurrencyConverter.to(cny, rates))
 *         .build());
 * customers.forEach(stats::add);
 * orders.forEach(stats::add);
 * payments.forEach(stats::add);
 * StatisticsTable table = stats.table();
 * }</pre>
 *
 * <p><b>What is counted.</b> Each record adds its facts, each dated by its own date and skipped when that date
 * lies outside the request's range:
 *
 * <ul>
 *   <li>an {@link Order} that is not cancelled: {@link StatisticsMeasure#SALES sales} (its line totals),
 *       {@link StatisticsMeasure#ORDERS one order} and its {@link StatisticsMeasure#UNITS units}, on its order
 *       date. Cancelled orders count nothing;
 *   <li>an {@link Invoice}: {@link StatisticsMeasure#INVOICES_ISSUED one invoice issued} on its issue date, and
 *       if it {@linkplain Invoice#isOverdue(LocalDate) is overdue} on the as-of day, its {@linkplain
 *       Invoice#outstanding() outstanding amount} as {@link StatisticsMeasure#OVERDUE overdue}. Overdue is a
 *       point-in-time measure: it is dated the as-of day (and falls in the as-of day's period). The invoice is
 *       judged as given (its current paid amount), so the as-of day should be the day the data was read;
 *   <li>a {@link Payment}: its amount as {@link StatisticsMeasure#PAYMENTS_COLLECTED collected} on its receipt
 *       day;
 *   <li>a {@link ServiceCase}: {@link StatisticsMeasure#CASES_OPENED one case opened} on the UTC day of
 *       {@code openedAt}, and if it is resolved or closed, {@link StatisticsMeasure#CASES_RESOLVED one case
 *       resolved} on the UTC day of {@code resolvedAt} (a reopened case counts when resolved again); the two may
 *       fall in different periods;
 *   <li>a {@link CampaignResponse} (one per campaign and customer): {@link StatisticsMeasure#CAMPAIGN_RESPONSES
 *       one response} on the UTC day the customer first responded.
 * </ul>
 *
 * <p><b>Customers.</b> {@link StatisticsDimension#OWNER Owner}, {@link StatisticsDimension#REGION region} and
 * {@link StatisticsDimension#CUSTOMER_TYPE customer type} come from the record's customer as it was {@linkplain
 * #add(Customer) added} (its current owner, not who made the sale). A record whose customer was not added
 * before it is grouped under {@value StatisticsDimension#UNKNOWN} in those columns (it is not revised when the
 * customer comes later; adding a customer again replaces its values for later records); a customer without the
 * value under {@value StatisticsDimension#NONE}. When no customer-derived dimension is requested, customers
 * are not needed and {@link #add(Customer)} does nothing.
 *
 * <p><b>Products.</b> Grouped by {@link StatisticsDimension#PRODUCT}, an order's sales and units are split by
 * the product codes of its lines; its order count and every other measure go to the product key {@value
 * StatisticsDimension#ALL_PRODUCTS}, so each column of the table still adds up to the grand total.
 *
 * <p><b>Money.</b> All amounts are exact, kept as {@code long} minor units of the base currency. An amount in
 * another currency is converted by the request's {@link CurrencyConverter} at its own day's rate (order date,
 * receipt day; the as-of day for overdue amounts), rounded half-even to the base currency's minor unit; an
 * order is converted line by line, so its sales are the same whether or not the table is split by product. A
 * missing rate is a {@link MissingExchangeRateException}; the record that needed it adds nothing, so the
 * accumulator stays consistent. Totals beyond {@link Long#MAX_VALUE} minor units (or micro-units of quantity)
 * are an {@link ArithmeticException}, again without adding anything.
 *
 * <p><b>Cost.</b> O(1) expected time per fact (O(lines) per order): one hash lookup of a small key of interned
 * codes and period index; no period is formatted before {@link #table()}. Memory is O(groups + distinct key
 * values), plus one map entry per customer when a customer-derived dimension is requested. {@link #table()}
 * sorts the groups: O(g log g).
 *
 * <p>Not thread-safe: feed it from one thread (or one per partition, and read each partition's table). {@link
 * #table()} returns an immutable snapshot; the accumulator may be fed further afterwards.
 */
@Beta
public final class SalesStatistics {
    // Measure columns of the accumulators, in StatisticsMeasure order.
    private static final int SALES = StatisticsMeasure.SALES.ordinal();
    private static final int ORDERS = StatisticsMeasure.ORDERS.ordinal();
    private static final int UNITS = StatisticsMeasure.UNITS.ordinal();
    private static final int COLLECTED = StatisticsMeasure.PAYMENTS_COLLECTED.ordinal();
    private static final int OVERDUE = StatisticsMeasure.OVERDUE.ordinal();
    private static final int INVOICES = StatisticsMeasure.INVOICES_ISSUED.ordinal();
    private static final int OPENED = StatisticsMeasure.CASES_OPENED.ordinal();
    private static final int RESOLVED = StatisticsMeasure.CASES_RESOLVED.ordinal();
    private static final int RESPONSES = StatisticsMeasure.CAMPAIGN_RESPONSES.ordinal();
    private static final int MEASURES = StatisticsMeasure.values().length;

    /** Quantities are kept exactly as micro-units: OrderLine allows at most 6 decimals. */
    private static final int UNITS_SCALE = OrderLine.QUANTITY_SCALE;

    // Codes of text key values; real values get FIRST_VALUE and up, in order of first appearance.
    private static final int UNKNOWN = 0;
    private static final int NONE = 1;
    private static final int ALL_PRODUCTS = 2;
    private static final int FIRST_VALUE = 3;

    private static final Profile UNKNOWN_CUSTOMER = new Profile(UNKNOWN, UNKNOWN, UNKNOWN);

    /** The customer-derived key values of a customer, interned so that customers share them. */
    private record Profile(int owner, int region, int customerType) {}

    /** A group's key: one code (text) or period index per dimension, zero where there is no dimension. */
    private record Key(long k0, long k1, long k2, long k3, long k4) {}

    /** The distinct values of one text dimension. */
    private static final class Values {
        final Map<String, Integer> codes = new HashMap<>();
        final List<String> names = new ArrayList<>();

        int code(String value) {
            if (value == null) {
                return NONE;
            }
            Integer code = codes.get(value);
            if (code == null) {
                code = FIRST_VALUE + names.size();
                codes.put(value, code);
                names.add(value);
            }
            return code;
        }

        String name(int code) {
            return switch (code) {
                case UNKNOWN -> StatisticsDimension.UNKNOWN;
                case NONE -> StatisticsDimension.NONE;
                case ALL_PRODUCTS -> StatisticsDimension.ALL_PRODUCTS;
                default -> names.get(code - FIRST_VALUE);
            };
        }

        /** Ranks of the codes: real values in {@link String} order, then "(none)", "(all products)", "(unknown)". */
        int[] ranks() {
            Integer[] order = new Integer[names.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparing(names::get));
            int[] rank = new int[FIRST_VALUE + names.size()];
            for (int r = 0; r < order.length; r++) {
                rank[FIRST_VALUE + order[r]] = r;
            }
            rank[NONE] = order.length;
            rank[ALL_PRODUCTS] = order.length + 1;
            rank[UNKNOWN] = order.length + 2;
            return rank;
        }
    }

    private final StatisticsRequest request;
    private final CurrencyConverter converter;
    private final Currency base;
    private final StatisticsPeriod period;
    private final StatisticsDimension[] dimensions;
    private final boolean byProduct;
    private final boolean byCustomer;
    private final boolean byOwner;
    private final boolean byRegion;
    private final boolean byCustomerType;
    private final long fromDay;
    private final long toDay;
    private final LocalDate asOf;
    private final long asOfDay;
    private final Values[] values = new Values[StatisticsDimension.values().length];
    private final Map<CustomerId, Profile> customers = new HashMap<>();
    private final Map<Profile, Profile> profiles = new HashMap<>();
    private final Map<Key, long[]> groups = new HashMap<>();
    private final long[] total = new long[MEASURES];
    private final long[] scratch = new long[5];
    private long factsCounted;
    private long factsOutsideRange;
    private long cancelledOrders;
    private long recordsWithoutCustomer;

    private SalesStatistics(StatisticsRequest request) {
        this.request = request;
        this.converter = request.converter();
        this.base = request.baseCurrency();
        this.period = request.period();
        this.dimensions = request.dimensions().toArray(new StatisticsDimension[0]);
        this.byProduct = request.groupsBy(StatisticsDimension.PRODUCT);
        this.byOwner = request.groupsBy(StatisticsDimension.OWNER);
        this.byRegion = request.groupsBy(StatisticsDimension.REGION);
        this.byCustomerType = request.groupsBy(StatisticsDimension.CUSTOMER_TYPE);
        this.byCustomer = byOwner || byRegion || byCustomerType;
        this.fromDay = request.from() == null ? Long.MIN_VALUE : request.from().toEpochDay();
        this.toDay = request.to() == null ? Long.MAX_VALUE : request.to().toEpochDay();
        this.asOf = request.asOf();
        this.asOfDay = asOf.toEpochDay();
        for (StatisticsDimension d : dimensions) {
            if (d != StatisticsDimension.PERIOD) {
                values[d.ordinal()] = new Values();
            }
        }
    }

    /**
     * Starts an empty accumulator.
     *
     * @param request what to compute
     * @return the accumulator
     */
    public static SalesStatistics of(StatisticsRequest request) {
        return new SalesStatistics(Objects.requireNonNull(request, "request"));
    }

    /** @return what this accumulator computes */
    public StatisticsRequest request() {
        return request;
    }

    /**
     * Records a customer's owner, region and type for the records that follow. Does nothing when no
     * customer-derived dimension is requested.
     *
     * @param customer the customer
     */
    public void add(Customer customer) {
        Objects.requireNonNull(customer, "customer");
        if (!byCustomer) {
            return;
        }
        Profile p = new Profile(
                byOwner
                        ? code(
                                StatisticsDimension.OWNER,
                                customer.owner() == null
                                        ? null
                                        : customer.owner().value())
                        : 0,
                byRegion ? code(StatisticsDimension.REGION, customer.region()) : 0,
                byCustomerType ? code(StatisticsDimension.CUSTOMER_TYPE, customer.customerType()) : 0);
        Profile shared = profiles.putIfAbsent(p, p);
        customers.put(customer.id(), shared == null ? p : shared);
    }

    /**
     * Counts an order that is not cancelled: its sales, one order and its units, on its order date.
     *
     * @param order the order
     * @throws MissingExchangeRateException if it is in another currency than the base and there is no rate for
     *     its order date; nothing is counted
     */
    public void add(Order order) {
        Objects.requireNonNull(order, "order");
        if (order.status() == OrderStatus.CANCELLED) {
            cancelledOrders++;
            return;
        }
        LocalDate day = order.orderDate();
        long epochDay = day.toEpochDay();
        if (!inRange(epochDay)) {
            factsOutsideRange++;
            return;
        }
        Currency currency = order.currency();
        boolean foreign = !currency.equals(base);
        if (foreign) {
            converter.rate(currency, day); // fails before anything is counted
        }
        List<OrderLine> lines = order.lines();
        long periodIndex = period.index(epochDay, day);
        Profile customer = customer(order.customerId());
        if (byProduct) {
            int n = lines.size();
            long[] sales = new long[n];
            long[] units = new long[n];
            long salesSum = 0;
            long unitsSum = 0;
            for (int i = 0; i < n; i++) {
                OrderLine line = lines.get(i);
                long minor = line.lineTotal().minorUnits();
                sales[i] = foreign ? converter.toBaseMinor(minor, currency, day) : minor;
                units[i] = micro(line.quantity());
                salesSum = Math.addExact(salesSum, sales[i]);
                unitsSum = Math.addExact(unitsSum, units[i]);
            }
            reserve(salesSum, unitsSum);
            for (int i = 0; i < n; i++) {
                long[] cell = cell(
                        customer, code(StatisticsDimension.PRODUCT, lines.get(i).productCode()), periodIndex);
                cell[SALES] += sales[i];
                cell[UNITS] += units[i];
            }
            long[] cell = cell(customer, ALL_PRODUCTS, periodIndex);
            cell[ORDERS]++;
        } else {
            long salesSum = 0;
            long unitsSum = 0;
            if (foreign) {
                for (OrderLine line : lines) {
                    salesSum = Math.addExact(
                            salesSum, converter.toBaseMinor(line.lineTotal().minorUnits(), currency, day));
                }
            } else {
                salesSum = order.total().minorUnits();
            }
            for (OrderLine line : lines) {
                unitsSum = Math.addExact(unitsSum, micro(line.quantity()));
            }
            reserve(salesSum, unitsSum);
            long[] cell = cell(customer, ALL_PRODUCTS, periodIndex);
            cell[SALES] += salesSum;
            cell[UNITS] += unitsSum;
            cell[ORDERS]++;
        }
        total[ORDERS]++;
        factsCounted++;
    }

    /** Adds an order's sales and units to the total, failing before anything changes if they overflow. */
    private void reserve(long sales, long units) {
        long newSales = Math.addExact(total[SALES], sales);
        long newUnits = Math.addExact(total[UNITS], units);
        total[SALES] = newSales;
        total[UNITS] = newUnits;
    }

    /**
     * Counts an invoice: one invoice issued on its issue date and, if it is overdue on the as-of day, its
     * outstanding amount as overdue on the as-of day.
     *
     * @param invoice the invoice
     * @throws MissingExchangeRateException if it is overdue, in another currency than the base and there is no
     *     rate for the as-of day; nothing is counted
     */
    public void add(Invoice invoice) {
        Objects.requireNonNull(invoice, "invoice");
        long issueDay = invoice.issueDate().toEpochDay();
        boolean issued = inRange(issueDay);
        boolean overdue = invoice.isOverdue(asOf);
        boolean overdueCounted = overdue && inRange(asOfDay);
        long amount = 0;
        if (overdueCounted) {
            amount = converter.toBaseMinor(invoice.outstanding().minorUnits(), invoice.currency(), asOf);
            total[OVERDUE] = Math.addExact(total[OVERDUE], amount);
        }
        factsOutsideRange += (issued ? 0 : 1) + (overdue && !overdueCounted ? 1 : 0);
        if (!issued && !overdueCounted) {
            return;
        }
        Profile customer = customer(invoice.customerId());
        if (issued) {
            cell(customer, ALL_PRODUCTS, period.index(issueDay, invoice.issueDate()))[INVOICES]++;
            total[INVOICES]++;
            factsCounted++;
        }
        if (overdueCounted) {
            cell(customer, ALL_PRODUCTS, period.index(asOfDay, asOf))[OVERDUE] += amount;
            factsCounted++;
        }
    }

    /**
     * Counts a payment's amount as collected on its receipt day.
     *
     * @param payment the payment
     * @throws MissingExchangeRateException if it is in another currency than the base and there is no rate for
     *     its receipt day; nothing is counted
     */
    public void add(Payment payment) {
        Objects.requireNonNull(payment, "payment");
        LocalDate day = payment.receivedOn();
        long epochDay = day.toEpochDay();
        if (!inRange(epochDay)) {
            factsOutsideRange++;
            return;
        }
        Money amount = payment.amount();
        long minor = converter.toBaseMinor(amount.minorUnits(), amount.currency(), day);
        total[COLLECTED] = Math.addExact(total[COLLECTED], minor);
        cell(customer(payment.customerId()), ALL_PRODUCTS, period.index(epochDay, day))[COLLECTED] += minor;
        factsCounted++;
    }

    /**
     * Counts a service case: opened on the UTC day of {@code openedAt}, and resolved on the UTC day of {@code
     * resolvedAt} if it is resolved or closed.
     *
     * @param serviceCase the case
     */
    public void add(ServiceCase serviceCase) {
        Objects.requireNonNull(serviceCase, "serviceCase");
        long openedDay = utcDay(serviceCase.openedAt());
        boolean opened = inRange(openedDay);
        boolean settled = serviceCase.resolvedAt() != null;
        long resolvedDay = settled ? utcDay(serviceCase.resolvedAt()) : 0;
        boolean resolved = settled && inRange(resolvedDay);
        factsOutsideRange += (opened ? 0 : 1) + (settled && !resolved ? 1 : 0);
        if (!opened && !resolved) {
            return;
        }
        Profile customer = customer(serviceCase.customerId());
        if (opened) {
            cell(customer, ALL_PRODUCTS, period.index(openedDay))[OPENED]++;
            total[OPENED]++;
            factsCounted++;
        }
        if (resolved) {
            cell(customer, ALL_PRODUCTS, period.index(resolvedDay))[RESOLVED]++;
            total[RESOLVED]++;
            factsCounted++;
        }
    }

    /**
     * Counts a campaign response on the UTC day the customer first responded.
     *
     * @param response the response
     */
    public void add(CampaignResponse response) {
        Objects.requireNonNull(response, "response");
        long day = utcDay(response.firstRespondedAt());
        if (!inRange(day)) {
            factsOutsideRange++;
            return;
        }
        cell(customer(response.customerId()), ALL_PRODUCTS, period.index(day))[RESPONSES]++;
        total[RESPONSES]++;
        factsCounted++;
    }

    /**
     * Returns the statistics of everything added so far: one row per group, sorted by key, and the grand total.
     * O(g log g) for g groups; the accumulator is not changed.
     *
     * @return an immutable table
     */
    public StatisticsTable table() {
        int[][] ranks = new int[dimensions.length][];
        for (int i = 0; i < dimensions.length; i++) {
            if (dimensions[i] != StatisticsDimension.PERIOD) {
                ranks[i] = values[dimensions[i].ordinal()].ranks();
            }
        }
        List<Map.Entry<Key, long[]>> entries = new ArrayList<>(groups.entrySet());
        entries.sort((a, b) -> {
            for (int i = 0; i < dimensions.length; i++) {
                long x = component(a.getKey(), i);
                long y = component(b.getKey(), i);
                int c = ranks[i] == null ? Long.compare(x, y) : Integer.compare(ranks[i][(int) x], ranks[i][(int) y]);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        });
        List<StatisticsRow> rows = new ArrayList<>(entries.size());
        String[] key = new String[dimensions.length];
        for (Map.Entry<Key, long[]> e : entries) {
            for (int i = 0; i < dimensions.length; i++) {
                long v = component(e.getKey(), i);
                key[i] = dimensions[i] == StatisticsDimension.PERIOD
                        ? period.label(v)
                        : values[dimensions[i].ordinal()].name((int) v);
            }
            rows.add(row(List.of(key), e.getValue()));
        }
        return new StatisticsTable(
                request,
                rows,
                row(List.of(), total),
                factsCounted,
                factsOutsideRange,
                cancelledOrders,
                recordsWithoutCustomer);
    }

    private StatisticsRow row(List<String> key, long[] m) {
        return new StatisticsRow(
                key,
                Money.ofMinor(m[SALES], base),
                m[ORDERS],
                BigDecimal.valueOf(m[UNITS], UNITS_SCALE),
                Money.ofMinor(m[COLLECTED], base),
                Money.ofMinor(m[OVERDUE], base),
                m[INVOICES],
                m[OPENED],
                m[RESOLVED],
                m[RESPONSES]);
    }

    private boolean inRange(long epochDay) {
        return epochDay >= fromDay && epochDay <= toDay;
    }

    private static long utcDay(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), 86_400L);
    }

    private static long micro(BigDecimal quantity) {
        return quantity.movePointRight(UNITS_SCALE).longValueExact();
    }

    private int code(StatisticsDimension dimension, String value) {
        Values v = values[dimension.ordinal()];
        return v == null ? 0 : v.code(value);
    }

    /** The customer-derived key values of a record's customer; counts a record whose customer is missing. */
    private Profile customer(CustomerId id) {
        if (!byCustomer) {
            return UNKNOWN_CUSTOMER;
        }
        Profile p = customers.get(id);
        if (p == null) {
            recordsWithoutCustomer++;
            return UNKNOWN_CUSTOMER;
        }
        return p;
    }

    /** The accumulator of a group, created at its first fact. */
    private long[] cell(Profile customer, int product, long periodIndex) {
        long[] k = scratch;
        for (int i = 0; i < dimensions.length; i++) {
            k[i] = switch (dimensions[i]) {
                case OWNER -> customer.owner();
                case REGION -> customer.region();
                case CUSTOMER_TYPE -> customer.customerType();
                case PRODUCT -> product;
                case PERIOD -> periodIndex;
            };
        }
        Key key = new Key(k[0], k[1], k[2], k[3], k[4]);
        long[] cell = groups.get(key);
        if (cell == null) {
            cell = new long[MEASURES];
            groups.put(key, cell);
        }
        return cell;
    }

    private static long component(Key key, int i) {
        return switch (i) {
            case 0 -> key.k0();
            case 1 -> key.k1();
            case 2 -> key.k2();
            case 3 -> key.k3();
            default -> key.k4();
        };
    }
}
