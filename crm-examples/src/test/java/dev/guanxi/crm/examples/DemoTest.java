package dev.guanxi.crm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guanxi.crm.analytics.AssociationRule;
import dev.guanxi.crm.classification.AbcGrading;
import dev.guanxi.crm.classification.WinBackCandidate;
import dev.guanxi.crm.credit.CreditRule;
import dev.guanxi.crm.lifecycle.LifecycleRule;
import dev.guanxi.crm.marketing.AidaStage;
import dev.guanxi.crm.money.Money;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the demo twice on one H2 directory and checks its figures against the data file, computed here
 * independently, and the second run against the first.
 */
class DemoTest {
    @TempDir
    static Path dir;

    private static Demo.Summary summary;
    private static Demo.Summary again;
    private static String printed;
    private static String printedAgain;
    private static List<Demo.Purchase> rows;

    @BeforeAll
    static void runDemoTwice() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        summary = Demo.run(new PrintStream(buffer, true, StandardCharsets.UTF_8), dir.resolve("db"));
        printed = buffer.toString(StandardCharsets.UTF_8);
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        again = Demo.run(new PrintStream(second, true, StandardCharsets.UTF_8), dir.resolve("db"));
        printedAgain = second.toString(StandardCharsets.UTF_8);
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
        long byRegion = summary.customersByRegion().values().stream()
                .mapToLong(Long::longValue)
                .sum();
        assertThat(byRegion).isEqualTo(2_357);
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
    @DisplayName(
            "the first run loads and scores everyone; the second reuses the database, writes nothing and moves no one")
    void secondRunReuses() {
        assertThat(summary.run().reused()).isFalse();
        assertThat(summary.run().snapshotsWritten()).isEqualTo(2_357);
        int firstMoves = summary.run().transitions().values().stream()
                .mapToInt(Integer::intValue)
                .sum();
        assertThat(firstMoves).isEqualTo(2_357); // every customer is placed for the first time
        assertThat(summary.run().events())
                .containsEntry("PurchaseRecorded", 6_919L)
                .containsEntry("CustomerRegistered", 2_357L);

        assertThat(again.run().reused()).isTrue();
        assertThat(again.run().snapshotsWritten()).isZero();
        assertThat(again.run().transitions()).isEmpty();
        assertThat(again.run().events()).doesNotContainKeys("PurchaseRecorded", "CustomerRegistered");
        assertThat(printedAgain).contains("Found the database loaded: 2,357 customers and 6,919 purchases");
    }

    @Test
    @DisplayName("the demo writes the HTML report into its directory and says where")
    void writesTheReport() throws java.io.IOException {
        Path report = dir.resolve("db").resolve("report.html");
        assertThat(report).exists();
        assertThat(printedAgain).contains("HTML report written to " + report.toAbsolutePath());
        String html = java.nio.file.Files.readString(report, StandardCharsets.UTF_8);
        assertThat(html).contains("2,357 customers").contains("<svg");
    }

    @Test
    @DisplayName("the second run finds the same rows (no duplicates) and prints the same results")
    void idempotent() {
        assertThat(again.customers()).isEqualTo(summary.customers());
        assertThat(again.scannedPurchases()).isEqualTo(summary.scannedPurchases());
        assertThat(again.revenue()).isEqualTo(summary.revenue());
        assertThat(again.overdueInvoices()).isEqualTo(summary.overdueInvoices());
        assertThat(again.overdueAmount()).isEqualTo(summary.overdueAmount());
        assertThat(again.casesOpen()).isEqualTo(summary.casesOpen());
        assertThat(again.funnel().reached(AidaStage.AWARENESS))
                .isEqualTo(summary.funnel().reached(AidaStage.AWARENESS));
        assertThat(again.top10()).isEqualTo(summary.top10());
        assertThat(again.customersByRegion()).isEqualTo(summary.customersByRegion());
        assertThat(again.value().rules()).isEqualTo(summary.value().rules());
        assertThat(again.value().gradeShares()).isEqualTo(summary.value().gradeShares());
        assertThat(again.value().winBack()).isEqualTo(summary.value().winBack());
        assertThat(again.value().basketRules()).isEqualTo(summary.value().basketRules());
        assertThat(again.analytics()).isEqualTo(summary.analytics());
        String results = printed.substring(printed.indexOf("Customers by region:"), printed.indexOf("Models:"));
        String resultsAgain =
                printedAgain.substring(printedAgain.indexOf("Customers by region:"), printedAgain.indexOf("Models:"));
        assertThat(resultsAgain).isEqualTo(results);
    }

    @Test
    @DisplayName("key customers hold at least their share of value, and every rule labels every customer once")
    void grading() {
        Demo.ValueSummary value = summary.value();
        Map<String, Integer> abc = value.rules().get(AbcGrading.NAME);
        assertThat(abc).containsOnlyKeys("KEY", "ORDINARY", "SMALL");
        double keyValue = value.gradeShares().get("KEY");
        double keyCount = value.gradeCountShares().get("KEY");
        double smallValue = value.gradeShares().get("SMALL");
        double smallCount = value.gradeCountShares().get("SMALL");
        assertThat(keyValue).isGreaterThanOrEqualTo(keyCount);
        assertThat(smallValue).isLessThanOrEqualTo(smallCount);
        double shares = value.gradeShares().values().stream()
                .mapToDouble(Double::doubleValue)
                .sum();
        assertThat(shares).isCloseTo(100.0, org.assertj.core.data.Offset.offset(1e-6));
        value.rules().forEach((rule, counts) -> {
            int sum = counts.values().stream().mapToInt(Integer::intValue).sum();
            assertThat(sum).as(rule).isEqualTo(summary.customers());
        });
        Map<String, Integer> stages = value.rules().get(LifecycleRule.NAME);
        int staged = stages.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(staged).isEqualTo(2_357);
        assertThat(value.collectionActions().keySet())
                .containsExactlyInAnyOrderElementsOf(
                        value.rules().get(CreditRule.NAME).keySet());
    }

    @Test
    @DisplayName("the win-back list holds ten lost or at-risk customers, highest expected recovery first")
    void winBack() {
        List<WinBackCandidate> list = summary.value().winBack();
        assertThat(list).hasSize(10);
        double previous = Double.MAX_VALUE;
        for (WinBackCandidate c : list) {
            assertThat(c.stage()).isIn("LOST", "AT_RISK");
            assertThat(c.expectedRecovery()).isLessThanOrEqualTo(previous);
            assertThat(c.expectedRecovery())
                    .isCloseTo(c.valueIfWonBack() * c.recoverability(), org.assertj.core.data.Offset.offset(0.01));
            previous = c.expectedRecovery();
        }
        assertThat(printed)
                .contains("Win-back list (lost and at-risk customers by expected value recovered), top 10:")
                .contains(list.get(0).reason());
    }

    @Test
    @DisplayName("the market-basket rules link genres of one order, strongest lift first, all above independence")
    void basket() {
        List<AssociationRule> basket = summary.value().basketRules();
        assertThat(basket).isNotEmpty().hasSizeLessThanOrEqualTo(5);
        double previous = Double.MAX_VALUE;
        for (AssociationRule r : basket) {
            assertThat(r.lift()).isGreaterThan(1.0).isLessThanOrEqualTo(previous);
            assertThat(r.confidence()).isGreaterThanOrEqualTo(0.2);
            previous = r.lift();
        }
    }

    @Test
    @DisplayName("receivables, service, campaign and model figures are consistent")
    void consistency() {
        assertThat(summary.overdueInvoices()).isPositive();
        assertThat(summary.overdueAmount().isPositive()).isTrue();
        assertThat(summary.latePayers()).hasSize(5);
        assertThat(summary.casesOverdue()).isBetween(0L, summary.casesOpen());
        assertThat(summary.funnel().reached(AidaStage.AWARENESS))
                .isGreaterThanOrEqualTo(summary.funnel().reached(AidaStage.INTEREST));
        assertThat(summary.funnel().reached(AidaStage.ACTION)).isPositive();
        assertThat(summary.top10()).hasSize(10);
        Demo.Analytics a = summary.analytics();
        assertThat(a.customers()).isEqualTo(summary.repeatBuyers());
        assertThat(a.likelyActive()).isBetween(1L, (long) a.customers());
        assertThat(a.clvTotal().isPositive()).isTrue();
        assertThat(a.topClv()).hasSize(5);
    }

    @Test
    @DisplayName("the printed summary carries the headline numbers and sections")
    void printed() {
        assertThat(printed)
                .contains("Loaded 2,357 customers and 6,919 purchases")
                .contains("2,357 snapshots written, 2,357 lifecycle moves")
                .contains("Revenue " + summary.revenue())
                .contains("80/20: the top 20% of customers (" + summary.top20Customers() + ")")
                .contains("Key, ordinary and small customers")
                .contains("RFM segments: ")
                .contains("Loyalty types: ")
                .contains("Credit grades and their collection actions:")
                .contains("Lifecycle stages: ")
                .contains("Strongest market-basket rules")
                .contains("Campaign WINBACK-98 funnel")
                .contains("12-month CLV of the customer base (1% monthly discount): "
                        + summary.analytics().clvTotal());
        assertThat(printedAgain).contains("0 snapshots written, 0 lifecycle moves");
    }
}
