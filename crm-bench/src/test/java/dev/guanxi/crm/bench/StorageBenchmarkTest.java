package dev.guanxi.crm.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.sales.Order;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageBenchmarkTest {
    @Test
    @DisplayName("a tiny run on an H2 file measures every phase and every check passes")
    void tinyRunOnH2(@TempDir Path dir) throws Exception {
        Path markdown = dir.resolve("results.md");
        StorageBenchmark.Options options = StorageBenchmark.Options.parse(
                "--db", "h2",
                "--purchases", "2000",
                "--batch", "1000",
                "--warmup-purchases", "0",
                "--customers", "100",
                "--reads", "50",
                "--warmup-reads", "10",
                "--c360-customers", "10",
                "--interactions", "10",
                "--c360-ops", "20",
                "--scan-purchases", "200",
                "--runs", "1",
                "--dir", dir.resolve("db").toString(),
                "--markdown", markdown.toString());
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        StorageBenchmark.Report report =
                new StorageBenchmark(options, new PrintStream(buffer, true, StandardCharsets.UTF_8)).run();

        assertThat(report.failures()).isEmpty();
        assertThat(report.checks())
                .extracting(StorageBenchmark.Check::what)
                .contains(
                        "import SDK insertAll: order and line counts, total",
                        "import plain JDBC batch: the same rows as the first variant's",
                        "reads SDK, cache off: every read returned the right data",
                        "c360 SDK, cache on: every read returned the right data",
                        "scan SDK scanPurchases: count, sum, customers, order");
        assertThat(report.results())
                .extracting(r -> r.phase() + "/" + r.variant())
                .contains(
                        "import/SDK insertAll",
                        "import/plain JDBC batch",
                        "reads/SDK, cache off",
                        "reads/SDK, cache on (warm)",
                        "reads/plain JDBC, auto-commit",
                        "c360/plain JDBC, 3 queries, transaction",
                        "scan/SDK scanPurchases",
                        "scan/plain JDBC, same query");
        assertThat(report.results()).allSatisfy(r -> assertThat(r.rate()).isPositive());
        assertThat(report.results().stream().filter(r -> r.phase().equals("scan")))
                .allSatisfy(r -> assertThat(r.ops()).isEqualTo(200));
        assertThat(Files.readString(markdown)).contains("| SDK insertAll | 2,000 |", "| SDK scanPurchases | 200 |");
        assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("checks: ", " 0 failed");
        assertThat(dir.resolve("db").resolve("h2")).doesNotExist(); // deleted after the run
    }

    @Test
    @DisplayName("the same seed gives the same orders, and their totals add up to what the scan must report")
    void ordersAreDeterministic() {
        BenchData.Orders first = new BenchData.Orders(7, 50);
        BenchData.Orders second = new BenchData.Orders(7, 50);
        List<Order> a = first.next(300);
        List<Order> b = second.next(300);

        assertThat(a).isEqualTo(b);
        assertThat(first.sumMinor())
                .isEqualTo(a.stream().mapToLong(o -> o.total().minorUnits()).sum());
        assertThat(first.buyers())
                .isEqualTo((int) a.stream().map(Order::customerId).distinct().count());
        assertThat(a).allSatisfy(o -> {
            assertThat(o.lines()).hasSize(1);
            assertThat(o.currency()).isEqualTo(BenchData.EUR);
        });
        assertThat(BenchData.customer(7, 3)).isEqualTo(BenchData.customer(7, 3));
        assertThat(BenchData.customer(7, 3).id()).isEqualTo(BenchData.customerId(7, 3));
    }

    @Test
    @DisplayName("an unknown database, phase or option is refused")
    void badOptions() {
        assertThatThrownBy(() -> StorageBenchmark.Options.parse("--db", "oracle"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("oracle");
        assertThatThrownBy(() -> StorageBenchmark.Options.parse("--phases", "import,nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope");
        assertThatThrownBy(() -> StorageBenchmark.Options.parse("--purchases", "0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--purchases");
        assertThatThrownBy(() -> StorageBenchmark.Options.parse("--reads"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing value");
    }
}
