package dev.guanxi.crm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guanxi.crm.jdbc.testing.TestDatabases;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RELIABILITY A1: kill -9 during a bulk import. A child JVM ({@link ImportKillChild}) imports {@value #DEFAULT_ROWS}
 * customers in batches of {@value #BATCH} into a database; the parent kills it with SIGKILL ({@link
 * Process#destroyForcibly()}) at a random point: after a random number of committed batches, a random delay into
 * the next one (or before the first). Then, on a fresh connection (H2 reopens its file), the visible rows must be
 * whole batches and match the journal exactly — customers, ownership ledger lines and outbox events alike, each
 * external id of the first {@code lastRow} rows once — and a second child resumes the job and ends with exactly all
 * rows and no duplicate external id.
 *
 * <p>System properties: {@value #TRIALS} (default 3; the catalogue's nightly size is 20), {@value #ROWS} (default
 * {@value #DEFAULT_ROWS}), {@value #DATABASES} (a comma-separated list of {@code h2}, {@code postgresql}, {@code
 * mariadb}; default {@code h2}: the embedded servers work too, but each trial imports the whole file, which takes
 * minutes over a network socket), {@value #SEED} (the random kill points; printed).
 */
class ImportKillTest {
    /** Rows per batch. */
    static final int BATCH = 1_000;

    static final String TRIALS = "guanxi.importKill.trials";
    static final String ROWS = "guanxi.importKill.rows";
    static final String DATABASES = "guanxi.importKill.databases";
    static final String SEED = "guanxi.importKill.seed";
    static final int DEFAULT_ROWS = 100_000;

    private static final String TENANT = "kill-tenant";
    private static final long CHILD_TIMEOUT_MINUTES = 30;

    @TempDir
    Path dir;

    /** Where a database is: its URL and credentials, for the children and the parent's checks. */
    private record Database(String url, String user, String password) {
        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }

    @Test
    @DisplayName("A1: a child JVM killed with SIGKILL mid-import leaves whole batches matching the journal; resuming"
            + " ends with exactly every row once")
    void killDuringImport() throws Exception {
        int trials = Integer.getInteger(TRIALS, 3);
        int rows = Integer.getInteger(ROWS, DEFAULT_ROWS);
        long seed = Long.getLong(SEED, System.nanoTime());
        System.out.printf(Locale.ROOT, "A1 kill -9: %d trials, %d rows, seed %d%n", trials, rows, seed);
        Random random = new Random(seed);
        Path csv = dir.resolve("customers.csv");
        writeCustomers(csv, rows);
        for (String kind : System.getProperty(DATABASES, "h2").split(",")) {
            for (int trial = 1; trial <= trials; trial++) {
                Database db = database(kind.strip(), trial);
                try (JdbcStorage s =
                        JdbcStorage.builder(db.url(), db.user(), db.password()).build()) {
                    assertThat(s.migrate()).isZero(); // migrated by build(), before any child runs
                }
                trial(kind.strip() + " #" + trial, db, csv, rows, random);
            }
        }
    }

    private void trial(String name, Database db, Path csv, int rows, Random random) throws Exception {
        int batches = (rows + BATCH - 1) / BATCH;
        int killAfter = random.nextInt(Math.max(1, batches - 1)); // committed batches before the kill
        long delayMillis = random.nextInt(killAfter == 0 ? 3_000 : 600);
        String jobId = "kill-job";

        Child first = Child.start(db, csv, jobId, dir.resolve(name.replace(' ', '_') + "-1.log"));
        boolean killed = first.killAfter(killAfter, delayMillis);
        long seen = first.lastBatchSeen;
        Counts after = Counts.read(db, jobId);
        System.out.printf(
                Locale.ROOT,
                "A1 %s: %s %d ms after the child reported row %d committed: %d customers, journal %s%n",
                name,
                killed ? "killed" : "finished before the kill",
                delayMillis,
                seen,
                after.customers,
                after.journal);
        after.assertWholeBatches(rows);
        assertThat(after.lastRow())
                .as("the journal is at least where the child said it was")
                .isGreaterThanOrEqualTo(seen);

        Child resume = Child.start(db, csv, jobId, dir.resolve(name.replace(' ', '_') + "-2.log"));
        String done = resume.awaitDone();
        Counts end = Counts.read(db, jobId);
        System.out.printf(Locale.ROOT, "A1 %s: resumed in a new JVM: %s; journal %s%n", name, done, end.journal);
        assertThat(end.customers).isEqualTo(rows);
        assertThat(end.distinctExternalIds).isEqualTo(rows);
        assertThat(end.journal).startsWith("COMPLETED " + rows + " ");
        end.assertWholeBatches(rows);
    }

    private static void writeCustomers(Path csv, int rows) throws IOException {
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("external_id,display_name,email,tags\r\n");
            for (int i = 1; i <= rows; i++) {
                w.write("C-" + i + ",Kunde " + i + " 客户," + "c" + i + "@example.com,t" + (i % 10) + "\r\n");
            }
        }
    }

    private Database database(String kind, int trial) throws SQLException {
        switch (kind) {
            case "h2" -> {
                Path file = dir.resolve("h2-" + trial).resolve("guanxi").toAbsolutePath();
                return new Database("jdbc:h2:file:" + file + ";LOCK_TIMEOUT=10000", "sa", "");
            }
            case "postgresql" -> {
                DataSource ds = TestDatabases.postgres();
                try (Connection c = ds.getConnection()) {
                    return new Database(
                            c.getMetaData().getURL(), c.getMetaData().getUserName(), "");
                }
            }
            case "mariadb" -> {
                DataSource ds = TestDatabases.mariadb();
                try (Connection c = ds.getConnection()) {
                    String url = c.getMetaData().getURL();
                    String base = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
                    return new Database(
                            base + "?sslMode=disable&connectionCollation=utf8mb4_bin&connectionTimeZone=UTC"
                                    + "&forceConnectionTimeZoneToSession=true",
                            "root",
                            "");
                }
            }
            default -> throw new IllegalArgumentException("unknown database " + kind);
        }
    }

    /** One child JVM and the lines it printed. */
    private static final class Child {
        private final Process process;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        long lastBatchSeen;

        private Child(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    // the child was killed
                } finally {
                    lines.add("EOF");
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        static Child start(Database db, Path csv, String jobId, Path log) throws IOException {
            String java = ProcessHandle.current()
                    .info()
                    .command()
                    .orElse(Path.of(System.getProperty("java.home"), "bin", "java")
                            .toString());
            List<String> command = new ArrayList<>(List.of(
                    java,
                    "-Xmx512m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    ImportKillChild.class.getName(),
                    db.url(),
                    db.user(),
                    db.password(),
                    csv.toString(),
                    TENANT,
                    jobId));
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(log.toFile());
            return new Child(pb.start());
        }

        private String next() throws InterruptedException {
            String line = lines.poll(CHILD_TIMEOUT_MINUTES, TimeUnit.MINUTES);
            if (line == null) {
                process.destroyForcibly();
                throw new AssertionError("the child printed nothing for " + CHILD_TIMEOUT_MINUTES + " minutes");
            }
            return line;
        }

        /**
         * Waits for {@code batches} committed batches, then {@code delayMillis} more, then kills the child.
         *
         * @return whether it was killed (false if it finished first)
         */
        boolean killAfter(int batches, long delayMillis) throws Exception {
            while (true) {
                String line = next();
                if (line.startsWith("BATCH ")) {
                    lastBatchSeen = Long.parseLong(line.substring(6));
                }
                if (line.startsWith("DONE") || line.equals("EOF")) {
                    process.waitFor();
                    assertThat(process.exitValue())
                            .as("the child's exit code (see its log)")
                            .isZero();
                    return false;
                }
                if ((batches == 0 && line.equals("READY")) || lastBatchSeen >= (long) batches * BATCH && batches > 0) {
                    Thread.sleep(delayMillis);
                    process.destroyForcibly(); // SIGKILL: no shutdown hook, no close
                    assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
                    // the lines it printed before dying
                    String rest;
                    while (!(rest = next()).equals("EOF")) {
                        if (rest.startsWith("BATCH ")) {
                            lastBatchSeen = Long.parseLong(rest.substring(6));
                        }
                    }
                    return true;
                }
            }
        }

        String awaitDone() throws Exception {
            while (true) {
                String line = next();
                if (line.startsWith("DONE ")) {
                    assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
                    assertThat(process.exitValue()).isZero();
                    return line.substring(5);
                }
                if (line.equals("EOF")) {
                    process.waitFor();
                    throw new AssertionError("the resuming child ended without finishing, exit " + process.exitValue());
                }
            }
        }
    }

    /** What a fresh connection sees of the tenant after a child ended. */
    private record Counts(
            long customers,
            long distinctExternalIds,
            BitSet ids,
            long ledgerLines,
            long events,
            String journal,
            long lastRow,
            long created) {
        static Counts read(Database db, String jobId) throws SQLException {
            try (Connection c = db.connect()) {
                long customers = count(c, "SELECT COUNT(*) FROM guanxi_customer WHERE tenant_id = ?");
                long distinct = count(c, "SELECT COUNT(DISTINCT external_id) FROM guanxi_customer WHERE tenant_id = ?");
                BitSet ids = new BitSet();
                try (PreparedStatement ps =
                        c.prepareStatement("SELECT external_id FROM guanxi_customer WHERE tenant_id = ?")) {
                    ps.setString(1, TENANT);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ids.set(Integer.parseInt(rs.getString(1).substring(2)));
                        }
                    }
                }
                long ledger = count(c, "SELECT COUNT(*) FROM guanxi_ownership WHERE tenant_id = ?");
                long events = count(c, "SELECT COUNT(*) FROM guanxi_outbox WHERE tenant_id = ?");
                String journal = "none";
                long lastRow = 0;
                long created = 0;
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT status, last_row, batches, created_rows, failed_rows FROM guanxi_import_job"
                                + " WHERE tenant_id = ? AND job_id = ?")) {
                    ps.setString(1, TENANT);
                    ps.setString(2, jobId);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            lastRow = rs.getLong(2);
                            created = rs.getLong(4);
                            journal = rs.getString(1) + " " + lastRow + " rows, " + rs.getLong(3) + " batches, "
                                    + created + " created, " + rs.getLong(5) + " failed";
                        }
                    }
                }
                return new Counts(customers, distinct, ids, ledger, events, journal, lastRow, created);
            }
        }

        private static long count(Connection c, String sql) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, TENANT);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }

        /** Whole batches only, and exactly the journal's rows: C-1 to C-lastRow, each once, with its ledger and event. */
        void assertWholeBatches(int rows) {
            assertThat(lastRow % BATCH == 0 || lastRow == rows)
                    .as("the journal's last row %d is the end of a batch", lastRow)
                    .isTrue();
            assertThat(customers).as("customers = the journal's rows").isEqualTo(lastRow);
            assertThat(created)
                    .as("the journal counts every committed row as created")
                    .isEqualTo(lastRow);
            assertThat(distinctExternalIds).isEqualTo(customers);
            assertThat(ids.cardinality()).isEqualTo((int) lastRow);
            assertThat(ids.nextSetBit(0)).isEqualTo(lastRow == 0 ? -1 : 1);
            assertThat(ids.nextClearBit(1)).isEqualTo((int) lastRow + 1);
            assertThat(ledgerLines)
                    .as("one ownership ledger line per customer, same transaction")
                    .isEqualTo(lastRow);
            assertThat(events)
                    .as("one outbox event per customer, same transaction")
                    .isEqualTo(lastRow);
        }
    }
}
