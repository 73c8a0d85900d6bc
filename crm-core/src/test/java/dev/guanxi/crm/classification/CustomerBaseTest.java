package dev.guanxi.crm.classification;

import static dev.guanxi.crm.classification.Bases.AS_OF;
import static dev.guanxi.crm.classification.Bases.DAY;
import static dev.guanxi.crm.classification.Bases.USD;
import static dev.guanxi.crm.classification.Bases.builder;
import static dev.guanxi.crm.classification.Bases.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.money.CurrencyConverter;
import dev.guanxi.crm.money.ExchangeRates;
import dev.guanxi.crm.money.MissingExchangeRateException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CustomerBaseTest {
    private static void assertInvalid(Runnable action, String field, ValidationRule rule) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.rule()).isEqualTo(rule);
        });
    }

    @Test
    @DisplayName("purchases add up per customer: amount, count, first and last day; customers may interleave")
    void purchasesAddUp() {
        CustomerBase.Builder b = builder();
        int a = b.customer(id(1), "north", "retail", "staff-7");
        b.purchase(a, DAY - 50, 1_000);
        b.purchase(id(2), DAY - 40, 250);
        b.purchase(a, DAY - 20, 2_500);
        b.purchase(id(2), DAY - 40, 750); // same day as before: allowed
        b.customer(id(3));
        CustomerBase base = b.build();

        assertThat(base.size()).isEqualTo(3);
        assertThat(base.asOf()).isEqualTo(AS_OF);
        assertThat(base.currency()).isEqualTo(USD);
        // customer 1: 1,000 + 2,500 = 3,500 cents in 2 purchases, days -50 .. -20
        long sales1 = base.sales(0);
        int purchases1 = base.purchases(0);
        assertThat(sales1).isEqualTo(3_500);
        assertThat(purchases1).isEqualTo(2);
        assertThat(base.firstPurchaseDay(0)).isEqualTo(DAY - 50);
        assertThat(base.lastPurchaseDay(0)).isEqualTo(DAY - 20);
        assertThat(base.region(0)).isEqualTo("north");
        assertThat(base.customerType(0)).isEqualTo("retail");
        assertThat(base.owner(0)).isEqualTo("staff-7");
        // customer 2: 250 + 750 = 1,000 cents on one day
        long sales2 = base.sales(1);
        assertThat(sales2).isEqualTo(1_000);
        assertThat(base.firstPurchaseDay(1)).isEqualTo(DAY - 40);
        assertThat(base.lastPurchaseDay(1)).isEqualTo(DAY - 40);
        assertThat(base.region(1)).isNull();
        // customer 3: no purchase
        assertThat(base.purchases(2)).isZero();
        assertThat(base.firstPurchaseDay(2)).isEqualTo(CustomerBase.NO_DAY);
        assertThat(base.lastPurchaseDay(2)).isEqualTo(CustomerBase.NO_DAY);
        assertThat(base.probabilityAlive(2)).isNaN();
        assertThat(base.lifetimeValue(2)).isNaN();
        assertThat(base.hasMargin()).isFalse();
    }

    @Test
    @DisplayName("adding a known customer again returns its index and replaces only the attributes given")
    void knownCustomer() {
        CustomerBase.Builder b = builder();
        int first = b.customer(id(1), "north", "retail", null);
        int again = b.customer(id(1), null, "wholesale", "staff-1");
        CustomerBase base = b.build();

        assertThat(again).isEqualTo(first);
        assertThat(base.size()).isEqualTo(1);
        assertThat(base.region(0)).isEqualTo("north");
        assertThat(base.customerType(0)).isEqualTo("wholesale");
        assertThat(base.owner(0)).isEqualTo("staff-1");
    }

    @Test
    @DisplayName("a base grows past its initial capacity and keeps every customer's facts")
    void grows() {
        CustomerBase.Builder b = builder();
        for (int k = 1; k <= 100; k++) {
            b.purchase(id(k), DAY - k, k * 100L);
        }
        CustomerBase base = b.build();

        assertThat(base.size()).isEqualTo(100);
        for (int i = 0; i < 100; i++) {
            CustomerId expected = id(i + 1);
            assertThat(base.customerId(i)).isEqualTo(expected);
            long sales = base.sales(i);
            assertThat(sales).isEqualTo((i + 1) * 100L);
            assertThat(base.lastPurchaseDay(i)).isEqualTo(DAY - i - 1);
        }
    }

    @Test
    @DisplayName("an empty base has no customers")
    void empty() {
        CustomerBase base = builder().build();

        assertThat(base.size()).isZero();
        assertThat(base.hasMargin()).isFalse();
    }

    @Test
    @DisplayName("a negative purchase amount is refused: amount OUT_OF_RANGE")
    void negativeAmount() {
        assertInvalid(() -> builder().purchase(id(1), DAY, -1), "amount", ValidationRule.OUT_OF_RANGE);
    }

    @Test
    @DisplayName("a purchase after the as-of day is refused: date FUTURE; on the as-of day it is accepted")
    void futurePurchase() {
        assertInvalid(() -> builder().purchase(id(1), DAY + 1, 100), "date", ValidationRule.FUTURE);

        CustomerBase base = builder().purchase(id(1), DAY, 100).build();
        assertThat(base.lastPurchaseDay(0)).isEqualTo(DAY);
    }

    @Test
    @DisplayName("a customer's purchase before its previous one is refused: date DATE_ORDER, and nothing changes")
    void dateOrder() {
        CustomerBase.Builder b = builder().purchase(id(1), DAY - 5, 100);

        assertInvalid(() -> b.purchase(id(1), DAY - 6, 100), "date", ValidationRule.DATE_ORDER);
        CustomerBase base = b.build();
        long sales = base.sales(0);
        assertThat(sales).isEqualTo(100);
        assertThat(base.purchases(0)).isEqualTo(1);
    }

    @Test
    @DisplayName("a recent window below one day is refused: recentDays OUT_OF_RANGE")
    void recentDaysBelowOne() {
        assertInvalid(() -> builder().recentDays(0), "recentDays", ValidationRule.OUT_OF_RANGE);
        assertInvalid(() -> builder().recentDays(-30), "recentDays", ValidationRule.OUT_OF_RANGE);
    }

    @Test
    @DisplayName("setting the recent window after purchases were recorded is refused (they would be missed)")
    void recentDaysAfterPurchases() {
        CustomerBase.Builder b = builder().purchase(id(1), DAY, 100);

        assertThatThrownBy(() -> b.recentDays(30)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("P(alive) outside [0, 1] is refused: probabilityAlive OUT_OF_RANGE; NaN means unknown")
    void probabilityAlive() {
        CustomerBase.Builder b = builder();
        int i = b.customer(id(1));

        assertInvalid(() -> b.model(i, 1.01, 10), "probabilityAlive", ValidationRule.OUT_OF_RANGE);
        assertInvalid(() -> b.model(i, -0.01, 10), "probabilityAlive", ValidationRule.OUT_OF_RANGE);
        assertInvalid(() -> b.model(i, Double.POSITIVE_INFINITY, 10), "probabilityAlive", ValidationRule.OUT_OF_RANGE);
        b.model(i, Double.NaN, 120.5);
        CustomerBase base = b.build();
        assertThat(base.probabilityAlive(0)).isNaN();
        assertThat(base.lifetimeValue(0)).isEqualTo(120.5);
        CustomerBase.Builder edge = builder();
        edge.customer(id(1));
        edge.customer(id(2));
        edge.model(0, 0.0, 1).model(1, 1.0, 2);
        CustomerBase edges = edge.build();
        assertThat(edges.probabilityAlive(0)).isEqualTo(0.0);
        assertThat(edges.probabilityAlive(1)).isEqualTo(1.0);
    }

    @Test
    @DisplayName("negative overdue is refused: overdue OUT_OF_RANGE")
    void negativeOverdue() {
        CustomerBase.Builder b = builder();
        int i = b.customer(id(1));

        assertInvalid(() -> b.overdue(i, -1), "overdue", ValidationRule.OUT_OF_RANGE);
    }

    @Test
    @DisplayName("a fact for an index that holds no customer is an IndexOutOfBoundsException")
    void badIndex() {
        CustomerBase.Builder b = builder();
        b.customer(id(1));

        assertThatThrownBy(() -> b.purchase(1, DAY, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> b.margin(-1, 1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    @DisplayName("a host column whose length is not the number of customers is refused at build: columns.<name>")
    void columnLength() {
        CustomerBase.Builder b = builder().purchase(id(1), DAY, 1).purchase(id(2), DAY, 1);
        b.column("strategicFit", new double[] {0.5, 0.7, 0.9});

        assertInvalid(b::build, "columns.strategicFit", ValidationRule.OUT_OF_RANGE);
    }

    @Test
    @DisplayName("a host column needs a name: columns BLANK")
    void blankColumn() {
        assertInvalid(() -> builder().column(" ", new double[0]), "columns", ValidationRule.BLANK);
    }

    @Test
    @DisplayName("host columns are copied at build and on read; an unknown column is empty or the default")
    void columnsAreCopied() {
        double[] values = {0.25, 0.75};
        CustomerBase base = builder()
                .purchase(id(1), DAY, 1)
                .purchase(id(2), DAY, 1)
                .column("strategicFit", values)
                .build();
        values[0] = 99;
        base.column("strategicFit").orElseThrow()[1] = 99;

        assertThat(base.columnValue("strategicFit", 0, Double.NaN)).isEqualTo(0.25);
        assertThat(base.columnValue("strategicFit", 1, Double.NaN)).isEqualTo(0.75);
        Optional<double[]> missing = base.column("serviceCases");
        assertThat(missing).isEmpty();
        assertThat(base.columnValue("serviceCases", 0, -1)).isEqualTo(-1);
    }

    @Test
    @DisplayName("margins may be negative and add up; once given, the base has margins")
    void negativeMargins() {
        CustomerBase.Builder b = builder();
        int i = b.customer(id(1));
        b.margin(i, -500).margin(i, 200);
        CustomerBase base = b.build();

        // -500 + 200 = -300 cents
        long margin = base.margin(0);
        assertThat(margin).isEqualTo(-300);
        assertThat(base.hasMargin()).isTrue();
    }

    @Test
    @DisplayName("regularity is NaN with 0, 1 or 2 purchases (fewer than two gaps)")
    void regularityNeedsThreePurchases() {
        CustomerBase.Builder b = builder();
        b.customer(id(1));
        b.purchase(id(2), DAY - 10, 100);
        b.purchase(id(3), DAY - 30, 100).purchase(id(3), DAY - 10, 100);
        CustomerBase base = b.build();

        assertThat(base.regularity(0)).isNaN();
        assertThat(base.regularity(1)).isNaN();
        assertThat(base.regularity(2)).isNaN();
    }

    @Test
    @DisplayName("regularity is 1 / (1 + cv) of the gaps, by hand: regular 1, gaps 4 and 16 give 0.625")
    void regularityByHand() {
        CustomerBase.Builder b = builder();
        // regular: days -30, -20, -10: gaps 10, 10; mean 10, sd 0, cv 0 -> 1 / (1 + 0) = 1
        b.purchase(id(1), DAY - 30, 100).purchase(id(1), DAY - 20, 100).purchase(id(1), DAY - 10, 100);
        // irregular: days -30, -26, -10: gaps 4, 16; mean 10, deviations -6 and +6,
        // population sd sqrt((36 + 36) / 2) = 6, cv 0.6 -> 1 / 1.6 = 0.625
        b.purchase(id(2), DAY - 30, 100).purchase(id(2), DAY - 26, 100).purchase(id(2), DAY - 10, 100);
        // four purchases: days -40, -38, -20, -10: gaps 2, 18, 10; mean 10, deviations -8, 8, 0,
        // variance (64 + 64 + 0) / 3 = 42.667, sd 6.5320, cv 0.65320 -> 1 / 1.65320 = 0.604888
        b.purchase(id(3), DAY - 40, 100)
                .purchase(id(3), DAY - 38, 100)
                .purchase(id(3), DAY - 20, 100)
                .purchase(id(3), DAY - 10, 100);
        // all on one day: gaps 0, 0; mean 0 -> perfectly regular, 1
        b.purchase(id(4), DAY - 5, 100).purchase(id(4), DAY - 5, 100).purchase(id(4), DAY - 5, 100);
        CustomerBase base = b.build();

        assertThat(base.regularity(0)).isEqualTo(1.0);
        assertThat(base.regularity(1)).isCloseTo(0.625, within(1e-12));
        assertThat(base.regularity(2)).isCloseTo(1 / (1 + Math.sqrt(128.0 / 3) / 10), within(1e-12));
        assertThat(base.regularity(2)).isCloseTo(0.604888, within(1e-6));
        assertThat(base.regularity(3)).isEqualTo(1.0);
    }

    @Test
    @DisplayName("the recent window counts purchases on or after asOf - days + 1")
    void recentWindow() {
        CustomerBase.Builder b = builder().recentDays(30);
        // the window is days DAY-29 .. DAY: DAY-30 is out, DAY-29 and DAY are in
        b.purchase(id(1), DAY - 30, 1_000).purchase(id(1), DAY - 29, 200).purchase(id(1), DAY, 30);
        b.purchase(id(2), DAY - 400, 5_000);
        CustomerBase base = b.build();

        // 200 + 30 = 230 cents recent; 1,230 in all
        long recent = base.recentSales(0);
        long all = base.sales(0);
        assertThat(recent).isEqualTo(230);
        assertThat(all).isEqualTo(1_230);
        assertThat(base.recentSales(1)).isZero();
    }

    @Test
    @DisplayName("without a recent window recent sales are 0")
    void noRecentWindow() {
        CustomerBase base = builder().purchase(id(1), DAY, 1_000).build();

        assertThat(base.recentSales(0)).isZero();
    }

    @Test
    @DisplayName("a base holds one currency: amounts in others are converted before, and a missing rate stops")
    void oneCurrency() {
        Currency eur = Currency.getInstance("EUR");
        Currency jpy = Currency.getInstance("JPY");
        LocalDate rateDay = LocalDate.of(2024, 6, 1);
        CurrencyConverter toUsd = CurrencyConverter.to(
                USD,
                ExchangeRates.fixed(USD, Map.of(eur, new BigDecimal("1.10"), jpy, new BigDecimal("0.0064")), rateDay));
        LocalDate day1 = AS_OF.minusDays(20);
        LocalDate day2 = AS_OF.minusDays(10);
        CustomerBase.Builder b = builder();
        // EUR 10.05 x 1.10 = USD 11.055 -> 11.06 (half-even: 5 after an odd 5 rounds up to 6)
        b.purchase(id(1), (int) day1.toEpochDay(), toUsd.toBaseMinor(1_005, eur, day1));
        // JPY 1,250 x 0.0064 = USD 8.00
        b.purchase(id(1), (int) day2.toEpochDay(), toUsd.toBaseMinor(1_250, jpy, day2));
        // USD 1.00 stays 1.00
        b.purchase(id(1), DAY, toUsd.toBaseMinor(100, USD, AS_OF));
        CustomerBase base = b.build();

        // 1,106 + 800 + 100 = 2,006 cents
        long sales = base.sales(0);
        assertThat(sales).isEqualTo(2_006);
        assertThat(base.currency()).isEqualTo(USD);
        assertThatThrownBy(() -> toUsd.toBaseMinor(100, Currency.getInstance("GBP"), AS_OF))
                .isInstanceOf(MissingExchangeRateException.class);
    }

    @Test
    @DisplayName("a refused purchase of an unknown customer does not add the customer")
    void refusedPurchaseAddsNothing() {
        CustomerBase.Builder b = CustomerBase.builder(LocalDate.of(2026, 6, 30), Currency.getInstance("USD"));
        CustomerId stranger = CustomerId.random();
        assertThatThrownBy(() ->
                        b.purchase(stranger, (int) LocalDate.of(2026, 7, 1).toEpochDay(), 100))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.rule()).isEqualTo(ValidationRule.FUTURE));
        assertThatThrownBy(() ->
                        b.purchase(stranger, (int) LocalDate.of(2026, 6, 1).toEpochDay(), -1))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.rule()).isEqualTo(ValidationRule.OUT_OF_RANGE));
        assertThat(b.size()).isZero();
        assertThat(b.indexOf(stranger)).isEqualTo(-1);
    }

    @Test
    @DisplayName("indexOf answers as a map would: ids added in id order, then out of order, looked up in id order,"
            + " in reverse, at random and absent; adding a known id again returns its index")
    void lookupsMatchAMap() {
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 40; round++) {
            int n = 1 + random.nextInt(round < 20 ? 40 : 3_000);
            java.util.List<CustomerId> all = new java.util.ArrayList<>();
            for (int k = 0; k < 2 * n; k++) {
                // small ids now and then, so that halves collide in the high bits and compare unsigned
                long high = random.nextInt(4) == 0 ? random.nextInt(3) - 1 : random.nextLong();
                all.add(new CustomerId(new java.util.UUID(high, random.nextLong())));
            }
            java.util.List<CustomerId> added = new java.util.ArrayList<>(all.subList(0, n));
            java.util.List<CustomerId> absent = all.subList(n, 2 * n);
            // text order of the UUIDs = unsigned order of their halves
            added.sort(java.util.Comparator.comparing(c -> c.value().toString()));
            boolean shuffleTail = round % 3 == 2;
            if (shuffleTail) { // the last third out of order: the builder must fall back to its map
                java.util.Collections.shuffle(added.subList(2 * n / 3, n), random);
            }
            CustomerBase.Builder b = builder();
            java.util.Map<CustomerId, Integer> expected = new java.util.HashMap<>();
            for (CustomerId id : added) {
                expected.put(id, b.customer(id));
            }
            assertThat(b.size()).isEqualTo(n);
            for (int k = 0; k < n; k++) {
                assertThat(expected.get(added.get(k))).isEqualTo(k);
            }
            java.util.List<CustomerId> probes = new java.util.ArrayList<>(all);
            probes.sort(java.util.Comparator.comparing(c -> c.value().toString())); // a scan in id order
            for (int pass = 0; pass < 3; pass++) {
                for (CustomerId id : probes) {
                    // an equal id that is another object, as a scan of another table hands it out
                    CustomerId copy = new CustomerId(new java.util.UUID(
                            id.value().getMostSignificantBits(), id.value().getLeastSignificantBits()));
                    assertThat(b.indexOf(copy))
                            .as("round %d pass %d", round, pass)
                            .isEqualTo(expected.getOrDefault(id, -1));
                }
                if (pass == 0) {
                    java.util.Collections.reverse(probes);
                } else {
                    java.util.Collections.shuffle(probes, random);
                }
            }
            for (CustomerId id : added) {
                assertThat(b.customer(id)).isEqualTo(expected.get(id));
            }
            assertThat(b.size()).isEqualTo(n);
            for (CustomerId id : absent.subList(0, Math.min(5, absent.size()))) {
                int i = b.customer(id); // added after the others, out of order or not
                assertThat(i).isEqualTo(n);
                assertThat(b.indexOf(id)).isEqualTo(n);
                assertThat(b.customer(id)).isEqualTo(n);
                n++;
            }
            for (CustomerId id : added) {
                assertThat(b.indexOf(id)).isEqualTo(expected.get(id));
            }
        }
    }
}
