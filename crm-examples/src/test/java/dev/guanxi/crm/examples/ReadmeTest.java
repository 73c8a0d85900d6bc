package dev.guanxi.crm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReadmeTest {
    private static final String QUICKSTART = "crm-examples/src/main/java/dev/guanxi/crm/examples/Quickstart.java";
    private static final String ANALYTICS = "crm-examples/src/main/java/dev/guanxi/crm/examples/AnalyticsExample.java";
    private static final String DURABLE =
            "crm-examples/src/main/java/dev/guanxi/crm/examples/DurableStorageExample.java";
    private static final String VALUE = "crm-examples/src/main/java/dev/guanxi/crm/examples/CustomerValueExample.java";
    private static final String TESTING = "crm-examples/src/test/java/dev/guanxi/crm/examples/KeyAccountRuleTest.java";

    @Test
    @DisplayName("every Java block of README.md is the compiled source of an example that a test runs")
    void everyJavaBlockIsCompiledSource() throws Exception {
        List<String> blocks = ReadmeSnippets.readmeJavaBlocks();
        assertThat(blocks)
                .containsExactly(
                        ReadmeSnippets.taggedRegion(QUICKSTART, "quickstart"),
                        ReadmeSnippets.taggedRegion(DURABLE, "durable"),
                        ReadmeSnippets.taggedRegion(ANALYTICS, "analytics"),
                        ReadmeSnippets.taggedRegion(VALUE, "value"),
                        ReadmeSnippets.taggedRegion(TESTING, "testing"));
    }

    @Test
    @DisplayName("the quickstart runs and prints the purchase and the interaction it recorded")
    void quickstartRuns() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            Quickstart.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        assertThat(buffer.toString(StandardCharsets.UTF_8))
                .isEqualTo("张伟 bought CNY 301.50" + System.lineSeparator() + "1 interaction: Asked for gift boxes"
                        + System.lineSeparator());
    }

    @Test
    @DisplayName("the customer-value example grades, credit-rates and explains its four customers")
    void customerValueExampleRuns() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            CustomerValueExample.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        // values 5,200 / 1,400 - 1,400 overdue = 0 / 300 / 100 of 5,600 positive: shares above 0, -, .929, .982
        assertThat(buffer.toString(StandardCharsets.UTF_8).lines()).hasSize(5).satisfies(lines -> {
            assertThat(lines.get(0)).startsWith("KEY ").contains(" BULK KEY: rank 1 of 4, value 5,200.00 CNY");
            assertThat(lines.get(1)).startsWith("SMALL C BULK SMALL: value 0.00 CNY is not positive");
            assertThat(lines.get(2)).startsWith("ORDINARY ").contains("REGULAR ORDINARY: rank 2 of 4");
            assertThat(lines.get(3)).startsWith("SMALL ").contains("hold 98.2% of the total value");
            assertThat(lines.get(4)).startsWith("grade C").contains("collection: ");
        });
    }

    @Test
    @DisplayName("the durable-storage example finds its customer again after reopening the H2 database")
    void durableStorageExampleRuns(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            DurableStorageExample.main(new String[] {dir.toString()});
        } finally {
            System.setOut(original);
        }
        assertThat(buffer.toString(StandardCharsets.UTF_8))
                .isEqualTo("杭州龙井茶业有限公司 is version 1" + System.lineSeparator());
        assertThat(dir.resolve("guanxi.mv.db")).exists();
    }

    @Test
    @DisplayName("the analytics example fits the published BG/NBD parameters to the CDNOW purchases recorded in a CRM")
    void analyticsExampleRuns() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            AnalyticsExample.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        List<String> lines = buffer.toString(StandardCharsets.UTF_8).lines().toList();
        // Fader, Hardie & Lee (2005): r = 0.243, alpha = 4.414, a = 0.793, b = 2.426 (3 decimals printed).
        assertThat(lines.get(0)).isEqualTo("BG/NBD r=0.243 alpha=4.414 a=0.793 b=2.426");
        assertThat(lines).hasSize(4);
        assertThat(lines.subList(1, 4))
                .allMatch(
                        l -> l.matches(
                                "P\\(alive\\) [01]\\.\\d{3}, purchases in the next 39 weeks \\d+\\.\\d{2}, 12-month CLV USD \\d+\\.\\d{2}"));
    }

    @Test
    @DisplayName("README states the two commands: ./crm demo and mvn -B -ntp verify, and .ci/run runs the latter")
    void twoCommands() throws Exception {
        String readme =
                java.nio.file.Files.readString(ReadmeSnippets.projectRoot().resolve("README.md"));
        assertThat(readme).contains("| run the demo (the main job) | `./crm demo` |");
        assertThat(readme).contains("| run the whole test suite | `mvn -B -ntp verify` |");
        String ci = java.nio.file.Files.readString(ReadmeSnippets.projectRoot().resolve(".ci/run"));
        assertThat(ci.lines().map(String::strip)).contains("mvn -B -ntp verify");
    }
}
