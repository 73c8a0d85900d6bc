package dev.guanxi.crm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.classification.ScoringModels;
import dev.guanxi.crm.classification.ScoringRequest;
import dev.guanxi.crm.classification.StandardRules;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.jdbc.JdbcStorage;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.NewOrder;
import dev.guanxi.crm.sales.OrderLine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Currency;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    @TempDir
    static Path dir;

    private static Path db;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** An H2 database with 30 customers, 1 to 4 purchases each, scored as of 1998-07-01. */
    @BeforeAll
    static void database() {
        db = dir.resolve("db");
        try (Crm crm = Crm.builder().storage(JdbcStorage.h2(db)).build()) {
            TenantCrm shop = crm.tenant(ReportCommand.DEFAULT_TENANT);
            for (int k = 1; k <= 30; k++) {
                CustomerId id = shop.customers()
                        .register(CustomerDraft.person("客户 " + k).build())
                        .id();
                for (int o = 0; o <= k % 4; o++) {
                    shop.sales()
                            .recordPurchase(NewOrder.builder(id, LocalDate.of(1997, 1 + (k + 3 * o) % 12, 1 + o))
                                    .line(OrderLine.of("CD", 1, Money.of(String.valueOf(10 + k), "USD")))
                                    .build());
                }
            }
            shop.scoring()
                    .run(ScoringRequest.of(LocalDate.of(1998, 7, 1), Currency.getInstance("USD"))
                            .withScoring(StandardRules.all())
                            .withModels(ScoringModels.bgNbdGammaGamma()));
        }
    }

    private int run(String... args) {
        return CrmCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("report on an H2 directory writes the file, as of the last scoring run, and exits 0")
    void directory() throws Exception {
        Path file = dir.resolve("report.html");
        assertThat(run("report", "--db", db.toString(), "--out", file.toString()))
                .isZero();
        String html = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg", "id=\"by-region\"", "As of 1998-07-01");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("written to");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    @DisplayName("report on a JDBC URL of the same database, with an explicit tenant and day, exits 0")
    void jdbcUrl() throws Exception {
        Path file = dir.resolve("url.html");
        String url = "jdbc:h2:file:" + db.toAbsolutePath().resolve("guanxi");
        int code = run(
                "report",
                "--db",
                url,
                "--user",
                "sa",
                "--out",
                file.toString(),
                "--tenant",
                ReportCommand.DEFAULT_TENANT,
                "--as-of",
                "1998-06-30");
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("As of 1998-06-30", "<svg");
    }

    @Test
    @DisplayName("a directory without a database exits 2 with one line and writes nothing")
    void missingDatabase() {
        Path file = dir.resolve("none.html");
        assertThat(run("report", "--db", dir.resolve("nothing-here").toString(), "--out", file.toString()))
                .isEqualTo(2);
        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(message).startsWith("crm report: no database at").hasLineCount(1);
        assertThat(file).doesNotExist();
        assertThat(dir.resolve("nothing-here")).doesNotExist();
    }

    @Test
    @DisplayName("an output file in a missing directory exits 2 with one line")
    void unwritable() {
        Path file = dir.resolve("no-such-dir").resolve("r.html");
        assertThat(run("report", "--db", db.toString(), "--out", file.toString()))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("crm report: cannot write")
                .hasLineCount(1);
    }

    @Test
    @DisplayName("a missing --out or an unknown option exits 2")
    void usage() {
        assertThat(run("report", "--db", db.toString())).isEqualTo(2);
        assertThat(run("report", "--db", db.toString(), "--out", "x.html", "--frobnicate"))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--out", "--frobnicate");
    }
}
