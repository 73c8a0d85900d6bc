package dev.guanxi.crm.test.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.NewOrder;
import dev.guanxi.crm.sales.NewPayment;
import dev.guanxi.crm.sales.Order;
import dev.guanxi.crm.sales.OrderId;
import dev.guanxi.crm.sales.OrderLine;
import dev.guanxi.crm.sales.Payment;
import dev.guanxi.crm.sales.PaymentId;
import dev.guanxi.crm.sales.PaymentMethod;
import dev.guanxi.crm.sales.PurchaseScan;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * M1 of the reliability catalogue, exact sums: {@link #moneySumRows()} orders and as many payments with
 * random amounts (a seeded {@link Random}, so every run and every store sees the same data) in EUR (2
 * decimals), JPY (none) and BHD (3), many with 15 to 18 significant digits, which a {@code double} anywhere
 * on the way (a {@code FLOAT} column, a JSON number read as {@code double}) cannot hold. Read back page by
 * page and through the purchase scan, every amount is exact at its currency's scale and the sum per currency
 * equals the sum of what was written ({@code compareTo == 0}, same scale).
 */
public abstract class MoneySumContract extends RepositoryContract {
    /** The default number of orders, and of payments. */
    protected static final int DEFAULT_ROWS = 2_000;

    private static final List<Currency> CURRENCIES =
            List.of(Currency.getInstance("EUR"), Currency.getInstance("JPY"), Currency.getInstance("BHD"));
    private static final Instant T0 = Instant.parse("2026-01-15T10:00:00Z");
    private static final LocalDate D0 = LocalDate.of(2024, 1, 1);
    private static final int CUSTOMERS = 7;
    private static final int BATCH = 250;
    /** An odd page size, so that pages end in the middle of a day's orders. */
    private static final int PAGE = 97;

    /** Creates the contract. */
    protected MoneySumContract() {}

    /**
     * How many orders, and how many payments, the tests write.
     *
     * @return by default {@value #DEFAULT_ROWS}
     */
    protected int moneySumRows() {
        return DEFAULT_ROWS;
    }

    private static List<CustomerId> customers() {
        List<CustomerId> ids = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            ids.add(CustomerId.random());
        }
        return ids;
    }

    /** A random amount in minor units with 1 to {@code maxDigits} digits, small ones as likely as large. */
    private static long minorUnits(Random random, int maxDigits) {
        int digits = 1 + random.nextInt(maxDigits);
        return random.nextLong(BigInteger.TEN.pow(digits).longValueExact());
    }

    private static Money money(Random random, Currency currency, int maxDigits) {
        return Money.ofMinor(minorUnits(random, maxDigits), currency);
    }

    private <T> void insertInBatches(List<T> rows, BiFunction<UnitOfWork, T, Object> insert) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<T> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
            run(TENANT_A, uow -> batch.forEach(row -> insert.apply(uow, row)));
        }
    }

    /** Reads every page of a list, checking that pages neither overlap nor skip. */
    private <T> List<T> allPages(BiFunction<UnitOfWork, PageRequest, Page<T>> list) {
        List<T> all = new ArrayList<>();
        PageRequest request = PageRequest.first(PAGE);
        while (request != null) {
            PageRequest current = request;
            Page<T> page = read(TENANT_A, uow -> list.apply(uow, current));
            assertThat(page.items().size()).isLessThanOrEqualTo(PAGE);
            all.addAll(page.items());
            request = page.nextRequest().orElse(null);
        }
        return all;
    }

    private static void assertSums(String what, Map<Currency, BigDecimal> actual, Map<Currency, BigDecimal> expected) {
        assertThat(actual.keySet()).as("%s: currencies", what).isEqualTo(expected.keySet());
        for (Currency currency : expected.keySet()) {
            BigDecimal got = actual.get(currency);
            BigDecimal want = expected.get(currency);
            assertThat(got.compareTo(want))
                    .as("%s in %s: %s, written %s", what, currency, got, want)
                    .isZero();
            assertThat(got.scale()).as("%s in %s: scale", what, currency).isEqualTo(Money.scaleOf(currency));
            assertThat(got).as("%s in %s", what, currency).isEqualTo(want);
        }
    }

    private static Map<Currency, BigDecimal> zeroSums() {
        Map<Currency, BigDecimal> sums = new LinkedHashMap<>();
        for (Currency c : CURRENCIES) {
            sums.put(c, BigDecimal.ZERO.setScale(Money.scaleOf(c)));
        }
        return sums;
    }

    private static void add(Map<Currency, BigDecimal> sums, Money amount) {
        assertThat(amount.amount().scale()).as("scale of %s", amount).isEqualTo(Money.scaleOf(amount.currency()));
        sums.merge(amount.currency(), amount.amount(), BigDecimal::add);
    }

    /**
     * M1: the order totals read back page by page from every customer sum exactly to what was written, per
     * currency; the purchase scan's minor units sum exactly to the placed orders' totals.
     */
    @Test
    @DisplayName("M1: random EUR, JPY and BHD orders sum exactly on listByCustomer pages and in the purchase scan")
    public void orderSumsAreExact() {
        Random random = new Random(20260115L);
        List<CustomerId> customers = customers();
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < moneySumRows(); i++) {
            Currency currency = CURRENCIES.get(i % CURRENCIES.size());
            int maxDigits = 15 + Money.scaleOf(currency) - 2; // room for three lines of up to 5 pieces
            NewOrder.Builder draft =
                    NewOrder.builder(customers.get(random.nextInt(CUSTOMERS)), D0.plusDays(random.nextInt(366)));
            int lines = 1 + random.nextInt(3);
            for (int l = 0; l < lines; l++) {
                OrderLine line = OrderLine.of("SKU-" + l, 1 + random.nextInt(5), money(random, currency, maxDigits));
                if (random.nextInt(4) == 0) {
                    line = line.withDiscount(
                            Money.ofMinor(random.nextLong(line.gross().minorUnits() + 1), currency));
                }
                draft.line(line);
            }
            Order order = Order.place(OrderId.random(), draft.build(), T0.plusSeconds(i));
            orders.add(random.nextInt(10) == 0 ? order.cancel(T0.plusSeconds(i + 1)) : order);
        }
        insertInBatches(orders, (uow, o) -> {
            uow.orders().insert(o);
            return null;
        });

        Map<Currency, BigDecimal> written = zeroSums();
        Map<Currency, BigDecimal> placed = zeroSums();
        for (Order o : orders) {
            add(written, o.total());
            if (o.isPlaced()) {
                add(placed, o.total());
            }
        }
        Map<OrderId, Order> byId = new HashMap<>();
        orders.forEach(o -> byId.put(o.id(), o));

        Map<Currency, BigDecimal> listed = zeroSums();
        int count = 0;
        for (CustomerId customer : customers) {
            for (Order o : allPages((uow, page) -> uow.orders().listByCustomer(customer, page))) {
                assertThat(o).as("order %s read back", o.id()).isEqualTo(byId.get(o.id()));
                add(listed, o.total());
                count++;
            }
        }
        assertThat(count).as("orders read back").isEqualTo(orders.size());
        assertSums("order totals on listByCustomer pages", listed, written);

        Map<Currency, BigInteger> minor = new HashMap<>();
        long visited = read(
                TENANT_A,
                uow -> uow.orders()
                        .scanPurchases(
                                PurchaseScan.all(),
                                (c, d, amount, currency) ->
                                        minor.merge(currency, BigInteger.valueOf(amount), BigInteger::add)));
        Map<Currency, BigDecimal> scanned = zeroSums();
        minor.forEach((currency, units) -> scanned.put(currency, new BigDecimal(units, Money.scaleOf(currency))));
        assertThat(visited).isEqualTo(orders.stream().filter(Order::isPlaced).count());
        assertSums("placed order totals in the purchase scan (minor units)", scanned, placed);
    }

    /** M1: payment amounts read back page by page from every customer sum exactly to what was written. */
    @Test
    @DisplayName("M1: random EUR, JPY and BHD payments sum exactly on listByCustomer pages")
    public void paymentSumsAreExact() {
        Random random = new Random(20260116L);
        List<CustomerId> customers = customers();
        List<Payment> payments = new ArrayList<>();
        PaymentMethod[] methods = PaymentMethod.values();
        for (int i = 0; i < moneySumRows(); i++) {
            Currency currency = CURRENCIES.get(i % CURRENCIES.size());
            Money amount = Money.ofMinor(1 + minorUnits(random, 15 + Money.scaleOf(currency) - 1), currency);
            NewPayment draft = NewPayment.builder(
                            customers.get(random.nextInt(CUSTOMERS)), amount, D0.plusDays(random.nextInt(366)))
                    .method(methods[random.nextInt(methods.length)])
                    .build();
            payments.add(Payment.receive(PaymentId.random(), draft, T0.plusSeconds(i)));
        }
        insertInBatches(payments, (uow, p) -> {
            uow.payments().insert(p);
            return null;
        });

        Map<Currency, BigDecimal> written = zeroSums();
        payments.forEach(p -> add(written, p.amount()));
        Map<PaymentId, Payment> byId = new HashMap<>();
        payments.forEach(p -> byId.put(p.id(), p));

        Map<Currency, BigDecimal> listed = zeroSums();
        int count = 0;
        for (CustomerId customer : customers) {
            for (Payment p : allPages((uow, page) -> uow.payments().listByCustomer(customer, page))) {
                assertThat(p).as("payment %s read back", p.id()).isEqualTo(byId.get(p.id()));
                add(listed, p.amount());
                count++;
            }
        }
        assertThat(count).as("payments read back").isEqualTo(payments.size());
        assertSums("payment amounts on listByCustomer pages", listed, written);
    }
}
