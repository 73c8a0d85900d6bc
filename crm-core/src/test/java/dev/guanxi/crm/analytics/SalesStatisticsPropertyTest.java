package dev.guanxi.crm.analytics;

import static dev.guanxi.crm.analytics.StatisticsFixtures.CNY;
import static dev.guanxi.crm.analytics.StatisticsFixtures.NOW;
import static dev.guanxi.crm.analytics.StatisticsFixtures.USD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.marketing.CampaignResponse;
import dev.guanxi.crm.money.CurrencyConverter;
import dev.guanxi.crm.money.ExchangeRates;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.Invoice;
import dev.guanxi.crm.sales.Order;
import dev.guanxi.crm.sales.OrderLine;
import dev.guanxi.crm.sales.OrderStatus;
import dev.guanxi.crm.sales.Payment;
import dev.guanxi.crm.service.ServiceCase;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Sales statistics on random data")
class SalesStatisticsPropertyTest {
    static final BigDecimal RATE = new BigDecimal("7.1234");
    static final CurrencyConverter CONVERTER =
            CurrencyConverter.to(CNY, ExchangeRates.fixed(CNY, Map.of(USD, RATE), LocalDate.of(2025, 1, 1)));
    static final LocalDate FIRST = LocalDate.of(2025, 6, 1);
    static final int SPAN = 760; // days, to mid 2027

    /** One random data set: customers first, then the other records. */
    static final class Data {
        final List<Customer> customers = new ArrayList<>();
        final List<Order> orders = new ArrayList<>();
        final List<Invoice> invoices = new ArrayList<>();
        final List<Payment> payments = new ArrayList<>();
        final List<ServiceCase> cases = new ArrayList<>();
        final List<CampaignResponse> responses = new ArrayList<>();
        LocalDate from;
        LocalDate to;
        LocalDate asOf;

        Data(long seed) {
            Random r = new Random(seed);
            String[] owners = {"staff-1", "staff-2", "staff-3", null};
            String[] regions = {"CN-EAST", "CN-WEST", "CN-NORTH", null};
            String[] types = {"VIP", "SMB", null};
            List<CustomerId> ids = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                Customer c = StatisticsFixtures.customer(pick(r, owners), pick(r, regions), pick(r, types));
                customers.add(c);
                ids.add(c.id());
            }
            for (int i = 0; i < 4; i++) {
                ids.add(CustomerId.random()); // records of customers that are never added
            }
            for (int i = 0; i < 150; i++) {
                Denomination currency = Denomination.of(r);
                int lines = 1 + r.nextInt(4);
                OrderLine[] ls = new OrderLine[lines];
                for (int l = 0; l < lines; l++) {
                    BigDecimal quantity = r.nextBoolean()
                            ? BigDecimal.valueOf(1 + r.nextInt(5))
                            : BigDecimal.valueOf(1 + r.nextInt(5000), 3);
                    ls[l] = OrderLine.of("P" + r.nextInt(6), quantity, currency.money(r.nextInt(100_000)));
                }
                Order o = StatisticsFixtures.order(pick(r, ids), someDay(r), ls);
                orders.add(r.nextInt(10) == 0 ? o.cancel(NOW) : o);
            }
            for (int i = 0; i < 60; i++) {
                LocalDate issued = someDay(r);
                Money amount = Denomination.of(r).money(1 + r.nextInt(100_000));
                Invoice inv = StatisticsFixtures.invoice(pick(r, ids), issued, issued.plusDays(r.nextInt(60)), amount);
                int fate = r.nextInt(4);
                if (fate == 1) {
                    // 1 to the whole amount: partly or fully paid
                    Money paid = Money.ofMinor(1 + r.nextInt((int) amount.minorUnits()), amount.currency());
                    inv = inv.applyPayment(paid, issued, NOW);
                } else if (fate == 2) {
                    inv = inv.writeOff("lost", issued.plusDays(1), NOW);
                }
                invoices.add(inv);
            }
            for (int i = 0; i < 80; i++) {
                payments.add(StatisticsFixtures.payment(
                        pick(r, ids), Denomination.of(r).money(1 + r.nextInt(100_000)), someDay(r)));
            }
            for (int i = 0; i < 50; i++) {
                Instant opened = someInstant(r);
                ServiceCase c = StatisticsFixtures.serviceCase(pick(r, ids), opened);
                if (r.nextInt(10) < 6) {
                    c = c.resolve("done", opened.plus(Duration.ofMinutes(r.nextInt(60 * 24 * 40))));
                }
                cases.add(c);
            }
            for (int i = 0; i < 40; i++) {
                responses.add(StatisticsFixtures.response(pick(r, ids), someInstant(r)));
            }
            from = r.nextInt(3) == 0 ? null : FIRST.plusDays(r.nextInt(SPAN / 2));
            to = r.nextInt(3) == 0 ? null : FIRST.plusDays(SPAN / 2 + r.nextInt(SPAN / 2));
            asOf = someDay(r);
        }

        SalesStatistics feed(StatisticsRequest request, Random shuffle) {
            SalesStatistics s = SalesStatistics.of(request);
            List<Customer> cs = new ArrayList<>(customers);
            List<Object> rest = new ArrayList<>();
            rest.addAll(orders);
            rest.addAll(invoices);
            rest.addAll(payments);
            rest.addAll(cases);
            rest.addAll(responses);
            if (shuffle != null) {
                Collections.shuffle(cs, shuffle);
                Collections.shuffle(rest, shuffle);
            }
            cs.forEach(s::add);
            for (Object o : rest) {
                if (o instanceof Order x) {
                    s.add(x);
                } else if (o instanceof Invoice x) {
                    s.add(x);
                } else if (o instanceof Payment x) {
                    s.add(x);
                } else if (o instanceof ServiceCase x) {
                    s.add(x);
                } else {
                    s.add((CampaignResponse) o);
                }
            }
            return s;
        }

        StatisticsRequest request(StatisticsPeriod period, List<StatisticsDimension> dims) {
            return new StatisticsRequest(dims, period, from, to, asOf, CONVERTER);
        }

        boolean in(LocalDate d) {
            return (from == null || !d.isBefore(from)) && (to == null || !d.isAfter(to));
        }

        /** The expected grand total, computed directly with BigDecimal arithmetic. */
        Map<StatisticsMeasure, BigDecimal> expectedTotal() {
            Map<StatisticsMeasure, BigDecimal> e = new EnumMap<>(StatisticsMeasure.class);
            for (StatisticsMeasure m : StatisticsMeasure.values()) {
                e.put(m, BigDecimal.ZERO);
            }
            for (Order o : orders) {
                if (o.status() == OrderStatus.PLACED && in(o.orderDate())) {
                    for (OrderLine l : o.lines()) {
                        e.merge(StatisticsMeasure.SALES, toCny(l.lineTotal()), BigDecimal::add);
                        e.merge(StatisticsMeasure.UNITS, l.quantity(), BigDecimal::add);
                    }
                    e.merge(StatisticsMeasure.ORDERS, BigDecimal.ONE, BigDecimal::add);
                }
            }
            for (Invoice i : invoices) {
                if (in(i.issueDate())) {
                    e.merge(StatisticsMeasure.INVOICES_ISSUED, BigDecimal.ONE, BigDecimal::add);
                }
                if (in(asOf) && i.isOverdue(asOf)) {
                    e.merge(StatisticsMeasure.OVERDUE, toCny(i.outstanding()), BigDecimal::add);
                }
            }
            for (Payment p : payments) {
                if (in(p.receivedOn())) {
                    e.merge(StatisticsMeasure.PAYMENTS_COLLECTED, toCny(p.amount()), BigDecimal::add);
                }
            }
            for (ServiceCase c : cases) {
                if (in(LocalDate.ofInstant(c.openedAt(), ZoneOffset.UTC))) {
                    e.merge(StatisticsMeasure.CASES_OPENED, BigDecimal.ONE, BigDecimal::add);
                }
                if (c.resolvedAt() != null && in(LocalDate.ofInstant(c.resolvedAt(), ZoneOffset.UTC))) {
                    e.merge(StatisticsMeasure.CASES_RESOLVED, BigDecimal.ONE, BigDecimal::add);
                }
            }
            for (CampaignResponse r : responses) {
                if (in(LocalDate.ofInstant(r.firstRespondedAt(), ZoneOffset.UTC))) {
                    e.merge(StatisticsMeasure.CAMPAIGN_RESPONSES, BigDecimal.ONE, BigDecimal::add);
                }
            }
            return e;
        }

        static BigDecimal toCny(Money m) {
            BigDecimal a = m.currency().equals(CNY) ? m.amount() : m.amount().multiply(RATE);
            return a.setScale(2, RoundingMode.HALF_EVEN);
        }
    }

    enum Denomination {
        CNY_,
        USD_;

        static Denomination of(Random r) {
            return r.nextInt(10) < 3 ? USD_ : CNY_;
        }

        Money money(long minor) {
            return Money.ofMinor(minor, this == USD_ ? USD : CNY);
        }
    }

    static <T> T pick(Random r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    static <T> T pick(Random r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    static LocalDate someDay(Random r) {
        return FIRST.plusDays(r.nextInt(SPAN));
    }

    static Instant someInstant(Random r) {
        return FIRST.atStartOfDay(ZoneOffset.UTC)
                .toInstant()
                .plusSeconds((long) r.nextInt(SPAN) * 86_400 + r.nextInt(86_400));
    }

    /** Every selection of up to three dimensions (in enum order), two in another order, and all five. */
    static List<List<StatisticsDimension>> groupings() {
        StatisticsDimension[] all = StatisticsDimension.values();
        List<List<StatisticsDimension>> result = new ArrayList<>();
        result.add(List.of());
        for (int a = 0; a < all.length; a++) {
            result.add(List.of(all[a]));
            for (int b = a + 1; b < all.length; b++) {
                result.add(List.of(all[a], all[b]));
                for (int c = b + 1; c < all.length; c++) {
                    result.add(List.of(all[a], all[b], all[c]));
                }
            }
        }
        result.add(List.of(StatisticsDimension.PERIOD, StatisticsDimension.PRODUCT, StatisticsDimension.OWNER));
        result.add(List.of(StatisticsDimension.CUSTOMER_TYPE, StatisticsDimension.REGION));
        result.add(List.of(all));
        return result;
    }

    static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    @DisplayName("each measure summed over the rows equals the grand total, which matches a direct computation")
    void rowsAddUpToTheTotal() {
        List<String> problems = new ArrayList<>();
        for (long seed = 1; seed <= 5; seed++) {
            Data data = new Data(seed);
            Map<StatisticsMeasure, BigDecimal> expected = data.expectedTotal();
            StatisticsPeriod period = StatisticsPeriod.values()[(int) (seed % StatisticsPeriod.values().length)];
            for (List<StatisticsDimension> dims : groupings()) {
                StatisticsTable t = data.feed(data.request(period, dims), null).table();
                Set<List<String>> keys = new HashSet<>();
                for (StatisticsRow row : t.rows()) {
                    if (row.key().size() != dims.size() || !keys.add(row.key())) {
                        problems.add(seed + " " + dims + ": bad or repeated key " + row.key());
                    }
                }
                for (StatisticsMeasure m : StatisticsMeasure.values()) {
                    BigDecimal rows = sum(t.column(m));
                    BigDecimal total = t.total().value(m);
                    if (rows.compareTo(total) != 0) {
                        problems.add(seed + " " + dims + " " + m + ": rows " + rows + " != total " + total);
                    }
                    if (total.compareTo(expected.get(m)) != 0) {
                        problems.add(seed + " " + dims + " " + m + ": total " + total + " != " + expected.get(m));
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    @DisplayName("a coarser grouping is the sum of the finer one: owner = sum over owner, region and period")
    void marginals() {
        for (long seed = 11; seed <= 14; seed++) {
            Data data = new Data(seed);
            StatisticsTable byOwner = data.feed(
                            data.request(StatisticsPeriod.MONTH, List.of(StatisticsDimension.OWNER)), null)
                    .table();
            StatisticsTable fine = data.feed(
                            data.request(
                                    StatisticsPeriod.WEEK,
                                    List.of(
                                            StatisticsDimension.OWNER,
                                            StatisticsDimension.REGION,
                                            StatisticsDimension.PERIOD)),
                            null)
                    .table();
            Map<String, Map<StatisticsMeasure, BigDecimal>> summed = new HashMap<>();
            for (StatisticsRow row : fine.rows()) {
                Map<StatisticsMeasure, BigDecimal> s =
                        summed.computeIfAbsent(row.key().get(0), k -> new EnumMap<>(StatisticsMeasure.class));
                for (StatisticsMeasure m : StatisticsMeasure.values()) {
                    s.merge(m, row.value(m), BigDecimal::add);
                }
            }
            assertThat(summed.keySet())
                    .containsExactlyInAnyOrderElementsOf(
                            byOwner.rows().stream().map(r -> r.key().get(0)).toList());
            for (StatisticsRow row : byOwner.rows()) {
                for (StatisticsMeasure m : StatisticsMeasure.values()) {
                    BigDecimal fromFine = summed.get(row.key().get(0)).get(m);
                    assertThat(fromFine).as(seed + " " + row.key() + " " + m).isEqualByComparingTo(row.value(m));
                }
            }
        }
    }

    @Test
    @DisplayName("the result does not depend on the order of the records (after the customers)")
    void orderIndependent() {
        Data data = new Data(21);
        StatisticsRequest request = data.request(
                StatisticsPeriod.QUARTER,
                List.of(StatisticsDimension.PRODUCT, StatisticsDimension.CUSTOMER_TYPE, StatisticsDimension.PERIOD));

        StatisticsTable straight = data.feed(request, null).table();
        StatisticsTable shuffled = data.feed(request, new Random(99)).table();

        assertThat(shuffled.rows()).isEqualTo(straight.rows());
        assertThat(shuffled.total()).isEqualTo(straight.total());
        assertThat(shuffled.toString()).isEqualTo(straight.toString());
    }
}
