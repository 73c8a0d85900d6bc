package dev.guanxi.crm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ScoringBenchmarkTest {
    @Test
    @DisplayName("a tiny harness run classifies every customer with all four rules and reports its timings")
    void tinyRun() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        ScoringBenchmark.Result r = ScoringBenchmark.run(
                ScoringBenchmark.Options.parse(
                        "--customers", "2000", "--purchases", "20000", "--warmup", "0", "--runs", "2"),
                new PrintStream(buffer, true, StandardCharsets.UTF_8));
        assertThat(r.customers()).isEqualTo(2000);
        assertThat(r.purchases()).isBetween(15_000L, 25_000L);
        assertThat(r.classifyMs()).hasSize(2);
        assertThat(r.counts()).containsOnlyKeys("abc", "rfm", "credit", "loyalty");
        for (Map<String, Integer> labels : r.counts().values()) {
            assertThat(labels.values().stream().mapToInt(Integer::intValue).sum())
                    .isEqualTo(2000);
        }
        assertThat(r.counts().get("abc")).containsKeys("KEY", "ORDINARY", "SMALL");
        assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("run 2:").contains("live heap");
    }
}
