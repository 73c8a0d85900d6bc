package dev.guanxi.crm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.sales.Order;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ScoringRunBenchmarkTest {
    @Test
    @DisplayName("the tenant has exactly the requested purchases, split at run 1's day, the same for the same seed")
    void data() {
        ScoringRunData data = new ScoringRunData(7, 3000, 25_000);
        List<Order> early = new ArrayList<>();
        List<Order> late = new ArrayList<>();

        long[] a = data.orders(1000, early::addAll, false);
        long[] b = data.orders(777, late::addAll, true);
        List<Order> again = new ArrayList<>();
        new ScoringRunData(7, 3000, 25_000).orders(500, again::addAll, false);

        assertThat(a[0] + b[0]).isEqualTo(25_000L);
        assertThat(early).hasSize((int) a[0]).allMatch(o -> !o.orderDate().isAfter(ScoringRunData.RUN_1));
        assertThat(late)
                .hasSize((int) b[0])
                .allMatch(o -> o.orderDate().isAfter(ScoringRunData.RUN_1)
                        && !o.orderDate().isAfter(ScoringRunData.RUN_2));
        assertThat(again).isEqualTo(early);
        Set<CustomerId> buyers = new HashSet<>();
        early.forEach(o -> buyers.add(o.customerId()));
        late.forEach(o -> buyers.add(o.customerId()));
        assertThat(buyers).hasSize(data.buyers());
        assertThat(data.buyers()).isBetween(2700, 2950); // 95% of 3,000 buy
    }

    @Test
    @DisplayName("with fewer purchases than buyers the count is still exact")
    void fewPurchases() {
        ScoringRunData data = new ScoringRunData(1, 1000, 10);

        long[] a = data.orders(100, list -> {}, false);
        long[] b = data.orders(100, list -> {}, true);

        assertThat(a[0] + b[0]).isEqualTo(10L);
    }

    @Test
    @DisplayName(
            "a tiny run on the in-memory store places every customer in run 1, reuses the fit in run 2, and a rerun changes no grade")
    void tinyRun() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        ScoringRunBenchmark.Options options =
                ScoringRunBenchmark.Options.parse("--customers", "2000", "--purchases", "20000");

        List<ScoringRunBenchmark.RunResult> runs =
                new ScoringRunBenchmark(options, new PrintStream(buffer, true, StandardCharsets.UTF_8)).run();

        assertThat(runs).hasSize(3);
        ScoringRunBenchmark.RunResult first = runs.get(0);
        ScoringRunBenchmark.RunResult second = runs.get(1);
        assertThat(first.customers()).isEqualTo(2000);
        assertThat(first.written()).isEqualTo(2000);
        assertThat(first.firstPlacements()).isEqualTo(2000L);
        assertThat(first.modelStatus()).isEqualTo("fitted");
        assertThat(second.firstPlacements()).isZero();
        assertThat(second.modelStatus()).isEqualTo("reused");
        assertThat(second.written()).isBetween(1, 2000);
        ScoringRunBenchmark.RunResult third = runs.get(2);
        // nothing changed: no grade, credit or arrears event (the lifecycle may still move a customer one more
        // step: see docs/BENCHMARKS.md, "Scoring run (lifecycle)")
        assertThat(third.eventsByType())
                .doesNotContainKeys("CustomerGradeChanged", "CreditGradeChanged", "ArrearsWarningRaised");
        assertThat(third.written()).isLessThan(second.written());
        String log = buffer.toString(StandardCharsets.UTF_8);
        assertThat(log)
                .contains("| run 1 (first placement")
                .contains("| run 2 (+30 days")
                .contains("live heap");
    }
}
