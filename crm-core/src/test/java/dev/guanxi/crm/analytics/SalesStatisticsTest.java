package dev.guanxi.crm.analytics;

import static dev.guanxi.crm.analytics.StatisticsDimension.CUSTOMER_TYPE;
import static dev.guanxi.crm.analytics.StatisticsDimension.OWNER;
import static dev.guanxi.crm.analytics.StatisticsDimension.PERIOD;
import static dev.guanxi.crm.analytics.StatisticsDimension.PRODUCT;
import static dev.guanxi.crm.analytics.StatisticsDimension.REGION;
import static dev.guanxi.crm.analytics.StatisticsFixtures.CNY;
import static dev.guanxi.crm.analytics.StatisticsFixtures.USD;
import static dev.guanxi.crm.analytics.StatisticsFixtures.at;
import static dev.guanxi.crm.analytics.StatisticsFixtures.cancelled;
import static dev.guanxi.crm.analytics.StatisticsFixtures.cny;
import static dev.guanxi.crm.analytics.StatisticsFixtures.customer;
import static dev.guanxi.crm.analytics.StatisticsFixtures.day;
import static dev.guanxi.crm.analytics.StatisticsFixtures.invoice;
import static dev.guanxi.crm.analytics.StatisticsFixtures.line;
import static dev.guanxi.crm.analytics.StatisticsFixtures.order;
import static dev.guanxi.crm.analytics.StatisticsFixtures.payment;
import static dev.guanxi.crm.analytics.StatisticsFixtures.response;
import static dev.guanxi.crm.analytics.StatisticsFixtures.serviceCase;
import static dev.guanxi.crm.analytics.StatisticsFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.marketing.AidaStage;
import dev.guanxi.crm.marketing.CampaignResponse;
import dev.guanxi.crm.marketing.StageReached;
import dev.guanxi.crm.money.CurrencyConverter;
import dev.guanxi.crm.money.ExchangeRates;
import dev.guanxi.crm.money.MissingExchangeRateException;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.Invoice;
import dev.guanxi.crm.sales.Order;
import dev.guanxi.crm.service.ServiceCase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Sales statistics")
class SalesStatisticsTest {
    static final LocalDate AS_OF = day("2026-03-10");

    static StatisticsRequest.Builder request(StatisticsDimension... by) {
        return StatisticsRequest.builder().groupBy(by).asOf(AS_OF).currency(CNY);
    }

    static SalesStatistics stats(StatisticsDimension... by) {
        return SalesStatistics.of(request(by).build());
    }

    static List<String> key(String... values) {
        return List.of(values);
    }

    @Nested
    @DisplayName("grouped by owner, region and month")
    class OwnersRegionsMonths {
        final Customer a = customer("staff-1", "CN-EAST", "VIP");
        final Customer b = customer("staff-1", "CN-WEST", "VIP");
        final Customer c = customer("staff-2", "CN-EAST", "SMB");
        final Customer d = customer("staff-2", "CN-WEST", "SMB");

        StatisticsTable table() {
            SalesStatistics s = stats(OWNER, REGION, PERIOD);
            List.of(a, b, c, d).forEach(s::add);
            s.add(order(a.id(), day("2026-01-10"), line("P1", 2, cny("100.00"))));
            s.add(order(a.id(), day("2026-01-20"), line("P2", 1, cny("50.50"))));
            s.add(order(a.id(), day("2026-02-14"), line("P1", 1, cny("20.00"))));
            s.add(order(b.id(), day("2026-02-03"), line("P1", 3, cny("10.00"))));
            s.add(order(c.id(), day("2026-01-31"), line("P1", 1, cny("99.99"))));
            s.add(order(d.id(), day("2026-02-28"), line("P2", 4, cny("2.50"))));
            s.add(cancelled(order(d.id(), day("2026-02-01"), line("P1", 1, cny("1000.00")))));
            s.add(payment(b.id(), cny("30.00"), day("2026-02-05")));
            return s.table();
        }

        @Test
        @DisplayName("sums sales, orders and units per owner, region and month, rows sorted by key")
        void rows() {
            StatisticsTable t = table();

            List<List<String>> keys = t.rows().stream().map(StatisticsRow::key).toList();
            assertThat(keys)
                    .containsExactly(
                            key("staff-1", "CN-EAST", "2026-01"),
                            key("staff-1", "CN-EAST", "2026-02"),
                            key("staff-1", "CN-WEST", "2026-02"),
                            key("staff-2", "CN-EAST", "2026-01"),
                            key("staff-2", "CN-WEST", "2026-02"));
            // staff-1/CN-EAST/2026-01: 2 x 100.00 + 1 x 50.50 = 250.50 in 2 orders of 3 units
            StatisticsRow first = t.rows().get(0);
            assertThat(first.sales()).isEqualTo(cny("250.50"));
            assertThat(first.orders()).isEqualTo(2);
            assertThat(first.units()).isEqualByComparingTo("3");
            // staff-1/CN-WEST/2026-02: 3 x 10.00 = 30.00, and the payment of 30.00
            StatisticsRow west = t.rows().get(2);
            assertThat(west.sales()).isEqualTo(cny("30.00"));
            assertThat(west.paymentsCollected()).isEqualTo(cny("30.00"));
            // staff-2/CN-WEST/2026-02: 4 x 2.50 = 10.00; the cancelled 1000.00 is not counted
            StatisticsRow last = t.rows().get(4);
            assertThat(last.sales()).isEqualTo(cny("10.00"));
            assertThat(last.orders()).isEqualTo(1);
            assertThat(last.units()).isEqualByComparingTo("4");
        }

        @Test
        @DisplayName(
                "the total is 250.50 + 20.00 + 30.00 + 99.99 + 10.00 = 410.49 in 6 orders; the cancelled one is skipped")
        void total() {
            StatisticsTable t = table();

            StatisticsRow total = t.total();
            assertThat(total.key()).isEmpty();
            assertThat(total.sales()).isEqualTo(cny("410.49"));
            assertThat(total.orders()).isEqualTo(6);
            assertThat(total.units()).isEqualByComparingTo("12");
            long cancelledOrders = t.cancelledOrders();
            assertThat(cancelledOrders).isEqualTo(1);
            assertThat(t.reason()).contains("1 cancelled order skipped").contains("7 facts counted");
        }

        @Test
        @DisplayName("keeps the order of the dimensions: period first, then owner")
        void dimensionOrder() {
            SalesStatistics s = stats(PERIOD, OWNER);
            List.of(a, b, c, d).forEach(s::add);
            s.add(order(c.id(), day("2026-02-01"), line("P1", 1, cny("1.00"))));
            s.add(order(a.id(), day("2026-02-01"), line("P1", 1, cny("2.00"))));
            s.add(order(c.id(), day("2026-01-01"), line("P1", 1, cny("4.00"))));

            StatisticsTable t = s.table();

            assertThat(t.labels()).containsExactly("2026-01 / staff-2", "2026-02 / staff-1", "2026-02 / staff-2");
            List<BigDecimal> sales = t.column(StatisticsMeasure.SALES);
            assertThat(sales).containsExactly(new BigDecimal("4.00"), new BigDecimal("2.00"), new BigDecimal("1.00"));
        }
    }

    @Nested
    @DisplayName("in several currencies")
    class Currencies {
        // 1 USD = 7.1 CNY on every day
        final CurrencyConverter converter = CurrencyConverter.to(
                CNY, ExchangeRates.fixed(CNY, Map.of(USD, new BigDecimal("7.1")), day("2026-01-01")));
        final Customer a = customer("staff-1", "CN-EAST", null);

        SalesStatistics stats(StatisticsDimension... by) {
            return SalesStatistics.of(StatisticsRequest.builder()
                    .groupBy(by)
                    .asOf(AS_OF)
                    .converter(converter)
                    .build());
        }

        Order usdOrder() {
            return order(
                    a.id(),
                    day("2026-01-05"),
                    line("A", 1, usd("0.25")),
                    line("A", 1, usd("0.25")),
                    line("B", 1, usd("0.15")));
        }

        @Test
        @DisplayName("converts each order line at the order date's rate, rounding half-even to fen")
        void perLine() {
            SalesStatistics s = stats();
            s.add(a);
            s.add(usdOrder());
            s.add(order(a.id(), day("2026-01-06"), line("A", 1, cny("1.00"))));

            StatisticsRow total = s.table().total();

            // 0.25 x 7.1 = 1.775 -> 1.78 (half-even: 7 is odd, round up), twice; 0.15 x 7.1 = 1.065 -> 1.06 (6 is
            // even, half-up would give 1.07); 1.78 + 1.78 + 1.06 = 4.62, plus CNY 1.00 = 5.62
            long minor = total.sales().minorUnits();
            assertThat(minor).isEqualTo(562);
            assertThat(total.sales().currency()).isEqualTo(CNY);
        }

        @Test
        @DisplayName("splits a foreign order by product with the same per-line amounts: A 3.56, B 1.06")
        void perProduct() {
            SalesStatistics s = stats(PRODUCT);
            s.add(usdOrder());

            StatisticsTable t = s.table();

            assertThat(t.labels()).containsExactly("A", "B", "(all products)");
            List<BigDecimal> sales = t.column(StatisticsMeasure.SALES);
            assertThat(sales).containsExactly(new BigDecimal("3.56"), new BigDecimal("1.06"), new BigDecimal("0.00"));
            List<BigDecimal> orders = t.column(StatisticsMeasure.ORDERS);
            assertThat(orders).containsExactly(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ONE);
            Money total = t.total().sales();
            assertThat(total).isEqualTo(cny("4.62"));
        }

        @Test
        @DisplayName(
                "converts payments at their receipt day's rate: 10.05 x 7.1 = 71.355 -> 71.36, 0.35 x 7.1 = 2.485 -> 2.48")
        void payments() {
            SalesStatistics s = stats();
            s.add(payment(a.id(), usd("10.05"), day("2026-02-01")));
            s.add(payment(a.id(), usd("0.35"), day("2026-02-02")));

            Money collected = s.table().total().paymentsCollected();

            // 71.36 + 2.48 = 73.84
            assertThat(collected).isEqualTo(cny("73.84"));
        }

        @Test
        @DisplayName("a missing rate is a MissingExchangeRateException and the record adds nothing")
        void missingRate() {
            SalesStatistics s = SalesStatistics.of(request(PRODUCT).build()); // CNY only, no rates
            s.add(order(a.id(), day("2026-01-05"), line("A", 1, cny("5.00"))));

            assertThatThrownBy(() -> s.add(usdOrder()))
                    .isInstanceOfSatisfying(
                            MissingExchangeRateException.class,
                            e -> assertThat(e.on()).isEqualTo(day("2026-01-05")));
            assertThatThrownBy(() -> s.add(payment(a.id(), usd("1.00"), day("2026-01-07"))))
                    .isInstanceOf(MissingExchangeRateException.class);

            StatisticsTable t = s.table();
            assertThat(t.labels()).containsExactly("A", "(all products)");
            assertThat(t.total().sales()).isEqualTo(cny("5.00"));
            assertThat(t.total().orders()).isEqualTo(1);
            assertThat(t.total().paymentsCollected()).isEqualTo(cny("0.00"));
        }

        @Test
        @DisplayName("an overdue invoice in a foreign currency needs the as-of day's rate")
        void overdueMissingRate() {
            SalesStatistics s = SalesStatistics.of(request().build());
            Invoice foreign = invoice(a.id(), day("2026-01-01"), day("2026-01-31"), usd("10.00"));

            assertThatThrownBy(() -> s.add(foreign))
                    .isInstanceOfSatisfying(
                            MissingExchangeRateException.class,
                            e -> assertThat(e.on()).isEqualTo(AS_OF));
            long issued = s.table().total().invoicesIssued();
            assertThat(issued).isZero();
        }
    }

    @Nested
    @DisplayName("receivables")
    class Receivables {
        final Customer a = customer("staff-1", "CN-EAST", null);

        @Test
        @DisplayName("counts as overdue what is still owed on invoices due before the as-of day, in the as-of month")
        void overdue() {
            SalesStatistics s = stats(PERIOD);
            // due the day before the as-of day, 40.00 of 100.00 paid: 60.00 overdue
            Invoice x = invoice(a.id(), day("2026-02-01"), day("2026-03-09"), cny("100.00"))
                    .applyPayment(cny("40.00"), day("2026-03-01"), StatisticsFixtures.NOW);
            // due on the as-of day: not yet overdue
            Invoice y = invoice(a.id(), day("2026-02-10"), day("2026-03-10"), cny("70.00"));
            // long due but paid in full, and long due but written off: nothing owed
            Invoice z = invoice(a.id(), day("2026-01-01"), day("2026-01-31"), cny("20.00"))
                    .applyPayment(cny("20.00"), day("2026-01-20"), StatisticsFixtures.NOW);
            Invoice w = invoice(a.id(), day("2026-01-02"), day("2026-01-31"), cny("15.00"))
                    .writeOff("bankrupt", day("2026-03-01"), StatisticsFixtures.NOW);
            List.of(x, y, z, w).forEach(s::add);

            StatisticsTable t = s.table();

            assertThat(t.labels()).containsExactly("2026-01", "2026-02", "2026-03");
            List<BigDecimal> issued = t.column(StatisticsMeasure.INVOICES_ISSUED);
            assertThat(issued).containsExactly(new BigDecimal(2), new BigDecimal(2), BigDecimal.ZERO);
            List<BigDecimal> overdue = t.column(StatisticsMeasure.OVERDUE);
            assertThat(overdue)
                    .containsExactly(new BigDecimal("0.00"), new BigDecimal("0.00"), new BigDecimal("60.00"));
            Money total = t.total().overdue();
            assertThat(total).isEqualTo(cny("60.00"));
        }

        @Test
        @DisplayName("the overdue amount is not counted when the as-of day lies outside the range")
        void overdueOutsideRange() {
            SalesStatistics s = SalesStatistics.of(
                    request().between(day("2026-01-01"), day("2026-02-28")).build());
            s.add(invoice(a.id(), day("2026-02-01"), day("2026-02-15"), cny("100.00")));

            StatisticsTable t = s.table();

            assertThat(t.total().invoicesIssued()).isEqualTo(1);
            assertThat(t.total().overdue()).isEqualTo(cny("0.00"));
            long outside = t.factsOutsideRange();
            assertThat(outside).isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("service and marketing")
    class ServiceAndMarketing {
        final Customer a = customer("staff-1", "CN-EAST", null);

        @Test
        @DisplayName("counts a case opened in one quarter and resolved in the next in both, by UTC day")
        void cases() {
            SalesStatistics s = SalesStatistics.of(
                    request(PERIOD).period(StatisticsPeriod.QUARTER).build());
            // opened 23:30 UTC on 31 March (1 April in Shanghai), resolved ten minutes past midnight UTC
            ServiceCase acrossQuarters =
                    serviceCase(a.id(), at("2026-03-31T23:30:00Z")).resolve("replaced", at("2026-04-01T00:10:00Z"));
            ServiceCase stillOpen = serviceCase(a.id(), at("2026-04-15T09:00:00Z"));
            ServiceCase closed = serviceCase(a.id(), at("2026-05-01T09:00:00Z"))
                    .resolve("fixed", at("2026-05-02T09:00:00Z"))
                    .close(at("2026-05-03T09:00:00Z"));
            ServiceCase reopened = serviceCase(a.id(), at("2026-06-01T09:00:00Z"))
                    .resolve("fixed", at("2026-06-02T09:00:00Z"))
                    .reopen("not fixed", at("2026-07-02T09:00:00Z"), at("2026-07-09T09:00:00Z"));
            List.of(acrossQuarters, stillOpen, closed, reopened).forEach(s::add);

            StatisticsTable t = s.table();

            // Q1: opened 1 (across); Q2: opened 3 (open, closed, reopened), resolved 2 (across, closed); the
            // reopened case is active again, so it is not resolved
            assertThat(t.labels()).containsExactly("2026-Q1", "2026-Q2");
            List<BigDecimal> opened = t.column(StatisticsMeasure.CASES_OPENED);
            assertThat(opened).containsExactly(BigDecimal.ONE, new BigDecimal(3));
            List<BigDecimal> resolved = t.column(StatisticsMeasure.CASES_RESOLVED);
            assertThat(resolved).containsExactly(BigDecimal.ZERO, new BigDecimal(2));
        }

        @Test
        @DisplayName("counts a campaign response once, on the UTC day of its first stage")
        void responses() {
            SalesStatistics s = SalesStatistics.of(
                    request(PERIOD).period(StatisticsPeriod.QUARTER).build());
            CampaignResponse advanced = response(a.id(), at("2026-06-30T23:59:59Z"))
                    .advance(
                            new StageReached(AidaStage.ACTION, at("2026-07-02T10:00:00Z"), dev.guanxi.crm.Channel.WEB),
                            null,
                            null,
                            null,
                            StatisticsFixtures.NOW);
            s.add(advanced);
            s.add(response(a.id(), at("2026-07-01T00:00:00Z")));

            StatisticsTable t = s.table();

            assertThat(t.labels()).containsExactly("2026-Q2", "2026-Q3");
            List<BigDecimal> responses = t.column(StatisticsMeasure.CAMPAIGN_RESPONSES);
            assertThat(responses).containsExactly(BigDecimal.ONE, BigDecimal.ONE);
        }
    }

    @Nested
    @DisplayName("date range")
    class Range {
        final Customer a = customer("staff-1", "CN-EAST", null);

        @Test
        @DisplayName("counts facts on both bounds and skips those a day outside")
        void bounds() {
            SalesStatistics s = SalesStatistics.of(request(PERIOD)
                    .between(day("2026-01-01"), day("2026-03-31"))
                    .build());
            s.add(order(a.id(), day("2025-12-31"), line("P", 1, cny("1.00"))));
            s.add(order(a.id(), day("2026-01-01"), line("P", 1, cny("2.00"))));
            s.add(order(a.id(), day("2026-03-31"), line("P", 1, cny("4.00"))));
            s.add(order(a.id(), day("2026-04-01"), line("P", 1, cny("8.00"))));
            s.add(payment(a.id(), cny("16.00"), day("2026-04-01")));

            StatisticsTable t = s.table();

            // 2.00 + 4.00; 1.00, 8.00 and the payment lie outside
            assertThat(t.total().sales()).isEqualTo(cny("6.00"));
            assertThat(t.total().paymentsCollected()).isEqualTo(cny("0.00"));
            assertThat(t.labels()).containsExactly("2026-01", "2026-03");
            long outside = t.factsOutsideRange();
            assertThat(outside).isEqualTo(3);
            assertThat(t.reason()).contains("from 2026-01-01 to 2026-03-31").contains("3 outside the range");
        }

        @Test
        @DisplayName("a case opened before the range and resolved inside counts only as resolved")
        void caseAcrossRange() {
            SalesStatistics s = SalesStatistics.of(
                    request().between(day("2026-02-01"), null).build());
            s.add(serviceCase(a.id(), at("2026-01-31T10:00:00Z")).resolve("done", at("2026-02-01T10:00:00Z")));

            StatisticsRow total = s.table().total();

            assertThat(total.casesOpened()).isZero();
            assertThat(total.casesResolved()).isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("keys")
    class Keys {
        @Test
        @DisplayName("without input there are no rows and a total of zeros")
        void empty() {
            StatisticsTable t = stats(OWNER, PERIOD).table();

            assertThat(t.rows()).isEmpty();
            StatisticsRow total = t.total();
            assertThat(total.sales()).isEqualTo(Money.zero(CNY));
            assertThat(total.paymentsCollected()).isEqualTo(Money.zero(CNY));
            assertThat(total.overdue()).isEqualTo(Money.zero(CNY));
            assertThat(total.units()).isEqualByComparingTo("0");
            for (StatisticsMeasure m : StatisticsMeasure.values()) {
                BigDecimal value = total.value(m);
                assertThat(value.signum()).as(m.name()).isZero();
            }
            assertThat(t.toString()).contains("owner").contains("TOTAL").contains("0 groups");
        }

        @Test
        @DisplayName("splits an order's sales and units by product; the order count goes to (all products)")
        void products() {
            Customer a = customer("staff-1", "CN-EAST", null);
            SalesStatistics s = stats(PRODUCT);
            s.add(a);
            s.add(order(
                    a.id(),
                    day("2026-01-05"),
                    line("P2", 2, cny("10.00")),
                    line("P1", 1, cny("5.00")),
                    line("P2", 1, cny("3.00"))));
            s.add(payment(a.id(), cny("8.00"), day("2026-01-06")));

            StatisticsTable t = s.table();

            assertThat(t.labels()).containsExactly("P1", "P2", "(all products)");
            // P2: 2 x 10.00 + 1 x 3.00 = 23.00 in 3 units
            List<BigDecimal> sales = t.column(StatisticsMeasure.SALES);
            assertThat(sales).containsExactly(new BigDecimal("5.00"), new BigDecimal("23.00"), new BigDecimal("0.00"));
            List<BigDecimal> units = t.column(StatisticsMeasure.UNITS);
            assertThat(units).containsExactly(BigDecimal.ONE, new BigDecimal(3), BigDecimal.ZERO);
            StatisticsRow all = t.rows().get(2);
            assertThat(all.orders()).isEqualTo(1);
            assertThat(all.paymentsCollected()).isEqualTo(cny("8.00"));
        }

        @Test
        @DisplayName(
                "groups records of a customer not added first under (unknown), missing values under (none), both last")
        void unknownAndNone() {
            Customer east = customer("staff-1", "CN-EAST", "VIP");
            Customer nowhere = customer(null, null, null);
            CustomerId stranger = CustomerId.random();
            SalesStatistics s = stats(REGION, OWNER, CUSTOMER_TYPE);
            s.add(east);
            s.add(nowhere);
            s.add(order(stranger, day("2026-01-05"), line("P", 1, cny("1.00"))));
            s.add(order(nowhere.id(), day("2026-01-05"), line("P", 1, cny("2.00"))));
            s.add(order(east.id(), day("2026-01-05"), line("P", 1, cny("4.00"))));

            StatisticsTable t = s.table();

            assertThat(t.rows().stream().map(StatisticsRow::key).toList())
                    .containsExactly(
                            key("CN-EAST", "staff-1", "VIP"),
                            key("(none)", "(none)", "(none)"),
                            key("(unknown)", "(unknown)", "(unknown)"));
            List<BigDecimal> sales = t.column(StatisticsMeasure.SALES);
            assertThat(sales).containsExactly(new BigDecimal("4.00"), new BigDecimal("2.00"), new BigDecimal("1.00"));
            long without = t.recordsWithoutCustomer();
            assertThat(without).isEqualTo(1);
            assertThat(t.reason()).contains("1 record without their customer");
        }

        @Test
        @DisplayName("does not need customers when no customer-derived dimension is requested")
        void noCustomersNeeded() {
            SalesStatistics s = stats(PERIOD);
            s.add(order(CustomerId.random(), day("2026-01-05"), line("P", 1, cny("1.00"))));

            StatisticsTable t = s.table();

            long without = t.recordsWithoutCustomer();
            assertThat(without).isZero();
            assertThat(t.labels()).containsExactly("2026-01");
        }

        @Test
        @DisplayName("without dimensions one row holds everything, equal to the total")
        void noDimensions() {
            Customer a = customer("staff-1", "CN-EAST", null);
            SalesStatistics s = stats();
            s.add(order(a.id(), day("2026-01-05"), line("P", 2, cny("1.50"))));
            s.add(payment(a.id(), cny("3.00"), day("2026-01-06")));

            StatisticsTable t = s.table();

            assertThat(t.rows()).hasSize(1);
            StatisticsRow only = t.rows().get(0);
            assertThat(only).isEqualTo(t.total());
            assertThat(only.sales()).isEqualTo(cny("3.00"));
        }

        @Test
        @DisplayName("keys weeks by ISO week: 31 December 2026 and 1 January 2027 are 2026-W53")
        void isoWeeks() {
            Customer a = customer("staff-1", "CN-EAST", null);
            SalesStatistics s = SalesStatistics.of(
                    request(PERIOD).period(StatisticsPeriod.WEEK).build());
            s.add(order(a.id(), day("2027-01-04"), line("P", 1, cny("4.00"))));
            s.add(order(a.id(), day("2026-12-31"), line("P", 1, cny("1.00"))));
            s.add(order(a.id(), day("2027-01-01"), line("P", 1, cny("2.00"))));

            StatisticsTable t = s.table();

            assertThat(t.labels()).containsExactly("2026-W53", "2027-W01");
            List<BigDecimal> sales = t.column(StatisticsMeasure.SALES);
            assertThat(sales).containsExactly(new BigDecimal("3.00"), new BigDecimal("4.00"));
        }
    }

    @Nested
    @DisplayName("rendering")
    class Rendering {
        @Test
        @DisplayName("renders an aligned text table with the reason, a header, the rows and the total")
        void text() {
            Customer a = customer("staff-1", "CN-EAST", null);
            Customer b = customer("a-much-longer-staff-id", "CN-WEST", null);
            SalesStatistics s = stats(OWNER, PERIOD);
            s.add(a);
            s.add(b);
            s.add(order(a.id(), day("2026-01-05"), line("P", 1, cny("12345.67"))));
            s.add(order(b.id(), day("2026-02-05"), line("P", 1, cny("1.00"))));

            String text = s.table().toString();

            List<String> lines = text.lines().toList();
            assertThat(lines).hasSize(6); // reason, header, 2 rows, rule, total
            assertThat(lines.get(0)).startsWith("2 groups by owner, period (MONTH) in CNY");
            assertThat(lines.get(1)).startsWith("owner ").contains("sales").endsWith("responses");
            assertThat(lines.get(2)).startsWith("a-much-longer-staff-id  2026-02");
            assertThat(lines.get(3)).startsWith("staff-1                 2026-01");
            assertThat(lines.get(4)).matches("-+");
            assertThat(lines.get(5)).startsWith("TOTAL ").contains("12346.67");
            // numbers are right-aligned, so every line of the table ends in the same column
            assertThat(lines.subList(1, 6).stream().map(String::length).distinct())
                    .hasSize(1);
        }
    }
}
