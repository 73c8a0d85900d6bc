package dev.guanxi.crm.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BasketBenchmarkTest {
    private static final PrintStream SINK = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @Test
    @DisplayName("a tiny harness run mines rules, finds the planted pairs and prints its table")
    void tinyRun() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        BasketBenchmark.Options options = BasketBenchmark.Options.parse(
                "--lines", "60000", "--products", "1200", "--warmup", "0", "--runs", "1", "--queries", "500");

        BasketBenchmark.Report report =
                new BasketBenchmark(options, new PrintStream(buffer, true, StandardCharsets.UTF_8)).run();

        int orders = report.orders();
        assertThat(orders).isBetween(14_000, 16_000); // 60,000 lines at about 4 per order
        assertThat(report.itemsets()).isGreaterThan(100);
        assertThat(report.rules()).isGreaterThan(10);
        // the planted trigger => companion pairs co-occur 60% of the time: they are rules at support 0.001
        assertThat(report.plantedPairsFound()).isEqualTo(report.plantedPairs());
        assertThat(report.recommendations()).isPositive();
        assertThat(buffer.toString(StandardCharsets.UTF_8))
                .contains("mine (FP-growth + rules)", "planted trigger-companion pairs found as rules: 30 of 30");
    }

    @Test
    @DisplayName("the same seed generates the same order lines and mines the same rules")
    void deterministic() {
        BasketBenchmark.Options options = BasketBenchmark.Options.parse(
                "--lines", "20000", "--products", "1200", "--warmup", "0", "--runs", "1", "--queries", "0");

        BasketBenchmark.Report first = new BasketBenchmark(options, SINK).run();
        BasketBenchmark.Report second = new BasketBenchmark(options, SINK).run();

        assertThat(second.last().itemsets()).isEqualTo(first.last().itemsets());
        assertThat(second.last().rules()).isEqualTo(first.last().rules());
    }

    @Test
    @DisplayName("an unknown option, a missing value or a value out of range is refused")
    void badOptions() {
        assertThatThrownBy(() -> BasketBenchmark.Options.parse("--nope", "1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--nope");
        assertThatThrownBy(() -> BasketBenchmark.Options.parse("--lines"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing value");
        assertThatThrownBy(() -> BasketBenchmark.Options.parse("--products", "10"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--products");
        assertThatThrownBy(() -> BasketBenchmark.Options.parse("--zipf", "-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--zipf");
    }
}
