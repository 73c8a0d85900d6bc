package dev.guanxi.crm.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BtydBenchmarkTest {
    @Test
    @DisplayName("a tiny harness run fits, scores on several threads with the same bits, and writes its files")
    void tinyRun(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("summary.csv");
        Path predictions = dir.resolve("predictions.csv");
        Path params = dir.resolve("fit.json");
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        BtydBenchmark.Options options = BtydBenchmark.Options.parse(
                "--customers",
                "3000",
                "--warmup",
                "0",
                "--runs",
                "1",
                "--threads",
                "2",
                "--chunk",
                "700",
                "--export",
                csv.toString(),
                "--predictions",
                predictions.toString(),
                "--params",
                params.toString());

        BtydBenchmark.Report report =
                new BtydBenchmark(options, new PrintStream(buffer, true, StandardCharsets.UTF_8)).run();

        assertThat(report.lastFit().isConverged()).isTrue();
        assertThat(report.identical()).isTrue();
        assertThat(report.patternCount()).isBetween(1, 3000);
        assertThat(buffer.toString(StandardCharsets.UTF_8))
                .contains("log-likelihood: ", "total, fit on 2 threads", "2-thread fit bit-identical: true");
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows).hasSize(3001).first().isEqualTo("frequency,recency,T");
        assertThat(Files.readAllLines(predictions)).hasSize(3001).first().isEqualTo("p_alive,expected_purchases");
        assertThat(Files.readString(params)).contains("\"log_likelihood\": ", "\"customers\": 3000");
    }

    @Test
    @DisplayName("the same seed gives the same simulated customers and the same fit, bit for bit")
    void deterministic() throws Exception {
        BtydBenchmark.Options options =
                BtydBenchmark.Options.parse("--customers", "2000", "--warmup", "0", "--runs", "1", "--threads", "2");
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        BtydBenchmark.Report first = new BtydBenchmark(options, sink).run();
        BtydBenchmark.Report second = new BtydBenchmark(options, sink).run();

        assertThat(second.lastFit().logLikelihood()).isEqualTo(first.lastFit().logLikelihood());
        assertThat(second.checksum()).isEqualTo(first.checksum());
    }

    @Test
    @DisplayName("an unknown option or a missing value is refused")
    void badOptions() {
        assertThatThrownBy(() -> BtydBenchmark.Options.parse("--nope", "1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--nope");
        assertThatThrownBy(() -> BtydBenchmark.Options.parse("--runs"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing value");
        assertThatThrownBy(() -> BtydBenchmark.Options.parse("--runs", "0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--runs");
    }
}
