package dev.guanxi.crm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DuplicateScanBenchmarkTest {
    @Test
    @DisplayName("a tiny harness run stores the tenant, scans it twice with equal reports and prints the phases")
    void tinyRun() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        DuplicateScanBenchmark.Result r = DuplicateScanBenchmark.run(
                DuplicateScanBenchmark.Options.parse("--customers", "3000", "--runs", "2"),
                new PrintStream(buffer, true, StandardCharsets.UTF_8));
        assertThat(r.customers()).isEqualTo(3000);
        assertThat(r.report().customers()).isEqualTo(3000);
        assertThat(r.scanMs()).hasSize(2);
        // about 10% of the originals have one or two duplicates: some hundreds of candidate pairs
        assertThat(r.report().candidates()).hasSizeBetween(150, 700);
        assertThat(r.precision()).isGreaterThan(0.9);
        assertThat(r.recall()).isGreaterThan(0.8);
        assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("run 2:", "read", "precision", "live heap");
    }
}
