package dev.guanxi.crm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guanxi.crm.marketing.AidaStage;
import dev.guanxi.crm.money.Money;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Runs the demo once and checks its figures against the data file, computed here independently. */
class DemoTest {
    private static Demo.Summary summary;
    private static String printed;
    private static List<Demo.Purchase> rows;

    @BeforeAll
    static void runDemo() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        summary = Demo.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        printed = buffer.toString(StandardCharsets.UTF_8);
        rows = Demo.readPurchases();
    }

    @Test
    @DisplayName("the bundled CDNOW sample has 6,919 purchases of 2,357 customers, and the demo loads all of them")
    void loadsTheWholeSample() {
        assertThat(rows).hasSize(6_919);
        assertThat(rows.stream().map(Demo.Purchase::customer).distinct().count())
                .isEqualTo(2_357);
        assertThat(summary.customers()).isEqualTo(2_357);
        assertThat(summary.scannedPurchases()).isEqualTo(6_919);
        assertThat(summary.customersByRegion().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(2_357);
    }

    @Test
    @DisplayName("revenue, repeat buyers and the 80/20 share equal what the raw file gives")
    void figuresMatchTheFile() {
        BigDecimal total = rows.stream().map(Demo.Purchase::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(summary.revenue()).isEqualTo(Money.of(total, java.util.Currency.getInstance("USD")));

        Map<Integer, Set<LocalDate>> days = new HashMap<>();
        Map<Integer, BigDecimal> spend = new HashMap<>();
        for (Demo.Purchase p : rows) {
            days.computeIfAbsent(p.customer(), k -> new HashSet<>()).add(p.date());
            spend.merge(p.customer(), p.amount(), BigDecimal::add);
        }
        long repeat = days.values().stream().filter(d -> d.size() > 1).count();
        assertThat(summary.repeatBuyers()).isEqualTo(repeat);

        List<BigDecimal> ranked =
                spend.values().stream().sorted(Comparator.reverseOrder()).toList();
        int top = (int) Math.ceil(ranked.size() * 0.2);
        BigDecimal topSum = ranked.subList(0, top).stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        double share = topSum.doubleValue() / total.doubleValue() * 100;
        assertThat(summary.top20Customers()).isEqualTo(top);
        assertThat(summary.top20SharePercent()).isCloseTo(share, org.assertj.core.data.Offset.offset(0.1));
    }

    @Test
    @DisplayName("every purchase, registration and payment reached the listeners after commit")
    void eventsDelivered() {
        assertThat(summary.events())
                .containsEntry("PurchaseRecorded", 6_919L)
                .containsEntry("CustomerRegistered", 2_357L);
        assertThat(summary.events().get("PaymentReceived")).isPositive();
        assertThat(summary.events().get("InvoiceIssued"))
                .isGreaterThan(summary.events().get("PaymentReceived"));
    }

    @Test
    @DisplayName("receivables, service and campaign figures are consistent")
    void consistency() {
        assertThat(summary.overdueInvoices()).isPositive();
        assertThat(summary.overdueAmount().isPositive()).isTrue();
        assertThat(summary.latePayers()).hasSize(5);
        assertThat(summary.casesOpen()).isEqualTo(summary.casesOpened() - summary.casesResolved());
        assertThat(summary.casesOverdue()).isBetween(0L, summary.casesOpen());
        assertThat(summary.meanCsat()).isBetween(1.0, 5.0);
        assertThat(summary.funnel().reached(AidaStage.AWARENESS))
                .isGreaterThanOrEqualTo(summary.funnel().reached(AidaStage.INTEREST));
        assertThat(summary.funnel().reached(AidaStage.ACTION)).isPositive();
        assertThat(summary.top10()).hasSize(10);
    }

    @Test
    @DisplayName("the models score the same repeat buyers the raw file has, from the purchases streamed out of storage")
    void analytics() {
        Demo.Analytics a = summary.analytics();
        assertThat(a.customers()).isEqualTo(summary.repeatBuyers());
        assertThat(a.likelyActive()).isBetween(1L, (long) a.customers());
        assertThat(a.expectedNextQuarter()).isPositive();
        assertThat(a.clvTotal().isPositive()).isTrue();
        assertThat(a.topClv()).hasSize(5);
        assertThat(a.parameters()).startsWith("r=");
    }

    @Test
    @DisplayName("the printed summary carries the headline numbers")
    void printed() {
        assertThat(printed)
                .contains("Loaded 2,357 customers and 6,919 purchases")
                .contains("Revenue " + summary.revenue())
                .contains("80/20: the top 20% of customers (" + summary.top20Customers() + ")")
                .contains("Campaign WINBACK-98 funnel")
                .contains("12-month CLV of the customer base (1% monthly discount): "
                        + summary.analytics().clvTotal());
    }

    @Test
    @DisplayName("the win-back list holds lost and at-risk customers only, highest expected recovery first")
    void winBack() {
        List<String> lines = summary.value().winBack();
        assertThat(lines).hasSize(5);
        assertThat(lines).allSatisfy(line -> assertThat(line).containsAnyOf(" LOST ", " AT_RISK "));
        double previous = Double.MAX_VALUE;
        for (String line : lines) {
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile("expected +([0-9,.]+) USD").matcher(line);
            assertThat(m.find()).as(line).isTrue();
            double expected = Double.parseDouble(m.group(1).replace(",", ""));
            assertThat(expected).as(line).isLessThanOrEqualTo(previous);
            previous = expected;
        }
        assertThat(printed).contains("win-back list (lost and at-risk customers by expected value recovered), top 5:");
    }

    @Test
    @DisplayName("two runs print the same figures (the clock is fixed and the generator seeded)")
    void deterministic() {
        Demo.Summary again = Demo.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(again.revenue()).isEqualTo(summary.revenue());
        assertThat(again.top10()).isEqualTo(summary.top10());
        assertThat(again.overdueAmount()).isEqualTo(summary.overdueAmount());
        assertThat(again.customersByRegion()).isEqualTo(summary.customersByRegion());
    }
}
