package dev.guanxi.crm.jdbc;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.stewardship.ImportKind;
import dev.guanxi.crm.stewardship.ImportOptions;
import dev.guanxi.crm.stewardship.ImportResult;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.BitSet;

/**
 * The child JVM of {@link ImportKillTest}: imports a customers file into a database in batches of 1,000, printing
 * {@code BATCH <rows done>} after each committed batch and {@code DONE <rows/s>} at the end, until the parent kills
 * it with SIGKILL (or it finishes).
 *
 * <p>Arguments: JDBC URL, user, password, CSV file, tenant, job id. With {@code check} first (then URL, user,
 * password, tenant, job id) it opens the database on a plain connection, as after a crash, and prints {@code COUNTS}
 * and what it sees of the tenant: customers, distinct external ids, whether they are exactly {@code C-1} to {@code
 * C-n}, ownership ledger lines, outbox events, and the journal's status, last row, batches and created rows.
 */
public final class ImportKillChild {
    private ImportKillChild() {}

    /**
     * Runs the import.
     *
     * @param args URL, user, password, file, tenant, job id
     */
    public static void main(String[] args) throws SQLException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (args[0].equals("check")) {
            out.println("COUNTS " + check(args[1], args[2], args[3], args[4], args[5]));
            return;
        }
        JdbcStorage storage =
                JdbcStorage.builder(args[0], args[1], args[2]).migrate(false).build();
        try (Crm crm = Crm.builder().storage(storage).build()) {
            out.println("READY");
            ImportOptions options = ImportOptions.builder()
                    .jobId(args[5])
                    .batchSize(ImportKillTest.BATCH)
                    .listener(p -> out.println("BATCH " + p.rowsDone()))
                    .build();
            ImportResult result =
                    crm.tenant(args[4]).imports().importCsv(ImportKind.CUSTOMERS, Path.of(args[3]), options);
            out.println("DONE " + result.rowsThisRun() + " rows at " + (long) result.rowsPerSecond() + " rows/s");
        }
    }

    /** What a fresh connection sees, tab-separated (see the class comment). */
    static String check(String url, String user, String password, String tenant, String jobId) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            long customers = count(c, tenant, "SELECT COUNT(*) FROM guanxi_customer WHERE tenant_id = ?");
            long distinct =
                    count(c, tenant, "SELECT COUNT(DISTINCT external_id) FROM guanxi_customer WHERE tenant_id = ?");
            BitSet ids = new BitSet();
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT external_id FROM guanxi_customer WHERE tenant_id = ?")) {
                ps.setString(1, tenant);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.set(Integer.parseInt(rs.getString(1).substring(2)));
                    }
                }
            }
            // exactly C-1 .. C-n: n ids, the lowest 1, the first missing n + 1
            boolean prefix = ids.cardinality() == customers
                    && (customers == 0 || (ids.nextSetBit(0) == 1 && ids.nextClearBit(1) == customers + 1));
            long ledger = count(c, tenant, "SELECT COUNT(*) FROM guanxi_ownership WHERE tenant_id = ?");
            long events = count(c, tenant, "SELECT COUNT(*) FROM guanxi_outbox WHERE tenant_id = ?");
            String status = "NONE";
            long lastRow = 0;
            long batches = 0;
            long created = 0;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT status, last_row, batches, created_rows FROM guanxi_import_job WHERE tenant_id = ?"
                            + " AND job_id = ?")) {
                ps.setString(1, tenant);
                ps.setString(2, jobId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        status = rs.getString(1);
                        lastRow = rs.getLong(2);
                        batches = rs.getLong(3);
                        created = rs.getLong(4);
                    }
                }
            }
            return String.join(
                    "\t",
                    Long.toString(customers),
                    Long.toString(distinct),
                    Boolean.toString(prefix),
                    Long.toString(ledger),
                    Long.toString(events),
                    status,
                    Long.toString(lastRow),
                    Long.toString(batches),
                    Long.toString(created));
        }
    }

    private static long count(Connection c, String tenant, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
