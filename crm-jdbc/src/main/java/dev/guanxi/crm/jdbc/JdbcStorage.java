package dev.guanxi.crm.jdbc;

import dev.guanxi.crm.jdbc.internal.JdbcUnitOfWork;
import dev.guanxi.crm.jdbc.internal.Migrator;
import dev.guanxi.crm.jdbc.internal.SqlDialect;
import dev.guanxi.crm.jdbc.internal.StorageState;
import dev.guanxi.crm.jdbc.internal.TransientFailure;
import dev.guanxi.crm.spi.storage.Storage;
import dev.guanxi.crm.spi.storage.StorageCapabilities;
import dev.guanxi.crm.spi.storage.StorageException;
import dev.guanxi.crm.spi.storage.TransactionWork;
import dev.guanxi.crm.spi.storage.UnitOfWorkContext;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable CRM storage in an SQL database through jdbi: H2 (embedded, the default), PostgreSQL or MariaDB.
 *
 * <pre>{@code
 * try (JdbcStorage storage = JdbcStorage.h2(Path.of("crm-data"));
 *      Crm crm = Crm.builder().storage(storage).build()) {
 *     ...
 * }
 * }</pre>
 *
 * <p>How data is kept: every table has {@code tenant_id} leading its primary key and every index, and every
 * statement binds the tenant of the unit of work. An aggregate is one row holding its JSON document (the one
 * source of truth, read back through the domain records' validating constructors) and projection columns
 * (codes, dates, amounts as {@code DECIMAL} with a currency column, instants in UTC with microseconds) that
 * queries filter and sort on through indexes. Every update and delete checks the version in the statement,
 * so concurrent changes never overwrite each other, at any isolation level; units of work run at READ
 * COMMITTED (the default of H2 and PostgreSQL; set per transaction on MariaDB). A unit of work that fails on a transient concurrency failure of the database (PostgreSQL
 * {@code 40001}/{@code 40P01}, MariaDB deadlock {@code 1213}, H2 deadlock or lock timeout) is rolled back and
 * run again, at most {@value #MAX_ATTEMPTS} times with jittered exponential backoff, then fails with {@link
 * ConcurrencyFailureException}. No {@link SQLException} or jdbi exception is ever thrown: failures are
 * {@link StorageException}s (with the driver's exception as the cause) or the typed exceptions of the SPI.
 *
 * <p>The schema is created by versioned SQL migrations per dialect ({@link Dialect#migrationLocation()}),
 * applied by {@link #migrate()} — which the builder calls unless told not to, and which is idempotent.
 *
 * <p>Thread-safe: units of work of any number of threads may run at the same time.
 */
public final class JdbcStorage implements Storage {
    /** The most times a unit of work is run when the database reports transient concurrency failures. */
    public static final int MAX_ATTEMPTS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(JdbcStorage.class);

    private final Jdbi jdbi;
    private final DataSource dataSource;
    private final Dialect dialect;
    private final StorageState state;
    private final AutoCloseable ownedPool;
    private final AtomicBoolean closed = new AtomicBoolean();

    private JdbcStorage(Builder b, Dialect dialect) {
        this.dataSource = b.dataSource;
        this.dialect = dialect;
        this.jdbi = Jdbi.create(b.dataSource);
        if (b.statementLog != null) {
            Consumer<String> log = b.statementLog;
            jdbi.setSqlLogger(new SqlLogger() {
                @Override
                public void logBeforeExecution(StatementContext context) {
                    log.accept(context.getRenderedSql());
                }
            });
        }
        this.state = new StorageState(new SqlDialect(dialect), b.cacheSize, b.fetchSize, b.statementLog);
        this.ownedPool = b.ownedPool;
    }

    /**
     * Starts building a storage on a data source. The host keeps ownership of the data source (and its pool):
     * {@link #close()} does not close it.
     *
     * @param dataSource where to connect; a pooled one is recommended for PostgreSQL and MariaDB
     * @return a builder
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(Objects.requireNonNull(dataSource, "dataSource"), null);
    }

    /**
     * Starts building a storage on a JDBC URL of H2, PostgreSQL or MariaDB/MySQL. The storage opens and owns
     * a connection pool for H2 and MariaDB (their drivers' pools) and plain connections for PostgreSQL (pass a
     * pooled {@link DataSource} to {@link #builder(DataSource)} for production use); {@link #close()} closes
     * them. The dialect is taken from the URL. The PostgreSQL and MariaDB drivers must be on the classpath.
     *
     * @param jdbcUrl the URL
     * @param user the user, or {@code null}
     * @param password the password, or {@code null}
     * @return a builder
     * @throws IllegalArgumentException if the URL is not of a supported database
     */
    public static Builder builder(String jdbcUrl, String user, String password) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Dialect dialect = Dialect.ofUrl(jdbcUrl);
        Builder b = switch (dialect) {
            case H2 -> {
                JdbcConnectionPool pool =
                        JdbcConnectionPool.create(jdbcUrl, user == null ? "" : user, password == null ? "" : password);
                pool.setMaxConnections(32);
                yield new Builder(pool, pool::dispose);
            }
            case POSTGRESQL -> new Builder(ServerDataSources.postgres(jdbcUrl, user, password), null);
            case MARIADB -> {
                DataSource pool = ServerDataSources.mariadb(jdbcUrl, user, password);
                yield new Builder(pool, (AutoCloseable) pool);
            }
        };
        return b.dialect(dialect);
    }

    /**
     * Opens (creating if needed) an embedded H2 database in a directory, with the schema migrated.
     *
     * <p>Every commit is written to the file before it returns ({@code WRITE_DELAY=0}), so a killed JVM (kill -9)
     * loses no committed transaction; a power failure still may (H2 does not force the disk on commit). With H2's
     * default delay (500 ms), the kill test of bulk import ({@code ImportKillTest}) lost batches the JVM had
     * committed and, on H2 2.5.252, once showed 986 of a batch's 1,000 customers without its journal entry after the
     * restart.
     *
     * @param directory the directory of the database files (created if missing)
     * @return the storage, which owns its connections
     */
    public static JdbcStorage h2(Path directory) {
        return builder(h2Url(directory), "sa", "").build();
    }

    /**
     * @param directory the directory of the database files
     * @return the URL {@link #h2(Path)} opens
     */
    static String h2Url(Path directory) {
        Path file = directory.toAbsolutePath().resolve("guanxi");
        return "jdbc:h2:file:" + file + ";LOCK_TIMEOUT=10000;WRITE_DELAY=0";
    }

    /**
     * Opens a new in-memory H2 database, with the schema migrated; its data is gone when the storage is
     * closed.
     *
     * @param name the database name, unique in the JVM
     * @return the storage
     */
    public static JdbcStorage h2InMemory(String name) {
        // Kept while the storage is open even when no connection is (DB_CLOSE_DELAY=-1), dropped on close.
        String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(32);
        AutoCloseable shutdown = () -> {
            try (Connection c = pool.getConnection();
                    java.sql.Statement st = c.createStatement()) {
                st.execute("SHUTDOWN");
            } finally {
                pool.dispose();
            }
        };
        return new Builder(pool, shutdown).dialect(Dialect.H2).build();
    }

    /** @return the database this storage writes to */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * Applies the migrations the database has not seen yet, each in order and recorded in the table {@code
     * guanxi_schema_history}. Idempotent, and safe to call from several JVMs at once (a database lock
     * serialises them).
     *
     * @return how many migrations were applied now (0 if the schema was current)
     * @throws StorageException if a migration fails or the database holds a newer schema than this library
     */
    public int migrate() {
        requireOpen();
        try (Handle h = jdbi.open()) {
            return new Migrator(dialect).migrate(h);
        } catch (JdbiException e) {
            throw new StorageException("migration failed: " + e.getMessage(), e);
        }
    }

    /**
     * Checks what the schema cannot enforce: on MariaDB the connection must speak {@code utf8mb4} (else 4-byte
     * characters such as 𠮷 or emoji would be lost between the driver and the server).
     */
    private void checkConnection() {
        if (dialect != Dialect.MARIADB) {
            return;
        }
        try (Handle h = jdbi.open()) {
            List<String> charsets = h.createQuery(
                            "SELECT @@character_set_client, @@character_set_connection, @@character_set_results")
                    .map((rs, ctx) -> List.of(
                            String.valueOf(rs.getString(1)),
                            String.valueOf(rs.getString(2)),
                            String.valueOf(rs.getString(3))))
                    .one();
            for (String charset : charsets) {
                if (!charset.equalsIgnoreCase("utf8mb4")) {
                    throw new StorageException("the MariaDB connection uses character sets " + charsets
                            + "; Guanxi needs utf8mb4 (MariaDB Connector/J 3 uses it by default; with MySQL"
                            + " Connector/J set characterEncoding=UTF-8)");
                }
            }
        } catch (JdbiException e) {
            throw new StorageException("cannot connect: " + e.getMessage(), e.getCause() != null ? e.getCause() : e);
        }
    }

    /**
     * @return the customer cache's hit, miss and eviction counts, or empty if the cache is off
     */
    public Optional<CacheStatistics> customerCacheStats() {
        return state.customerCacheStats().map(s -> new CacheStatistics(s.hitCount(), s.missCount(), s.evictionCount()));
    }

    /** @return the data source this storage connects through */
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public <T> T inTransaction(UnitOfWorkContext context, TransactionWork<T> work) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(work, "work");
        for (int attempt = 1; ; attempt++) {
            requireOpen();
            try {
                return attempt(context, work);
            } catch (TransientFailure e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw new ConcurrencyFailureException(
                            "gave up after " + attempt + " attempts: " + e.getMessage(), attempt, e.getCause());
                }
                LOG.debug("transient failure, attempt {} of {}: {}", attempt, MAX_ATTEMPTS, e.getMessage());
                backoff(attempt);
            }
        }
    }

    private <T> T attempt(UnitOfWorkContext context, TransactionWork<T> work) {
        JdbcUnitOfWork uow = new JdbcUnitOfWork(jdbi, context, state);
        try {
            T result;
            try {
                result = work.run(uow);
                uow.close();
                uow.commit();
            } catch (RuntimeException | Error e) {
                uow.close();
                uow.rollback(e);
                throw translated(e);
            }
            uow.afterCommitActions().forEach(Runnable::run);
            return result;
        } finally {
            uow.release();
        }
    }

    private RuntimeException translated(Throwable e) {
        if (e instanceof Error error) {
            throw error;
        }
        if (e instanceof JdbiException j) {
            // From begin/commit, outside the repositories' own translation.
            if (state.sql().isTransient(j)) {
                return new TransientFailure("transient concurrency failure: " + j.getMessage(), j.getCause());
            }
            return new StorageException("database failure: " + j.getMessage(), j.getCause() != null ? j.getCause() : j);
        }
        return (RuntimeException) e;
    }

    private static void backoff(int attempt) {
        long base = 2L << attempt; // 4, 8, 16, 32 ms
        long millis = base / 2 + ThreadLocalRandom.current().nextLong(base);
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while waiting to retry", e);
        }
    }

    @Override
    public StorageCapabilities capabilities() {
        boolean inMemory = false;
        if (dialect == Dialect.H2) {
            try (Handle h = jdbi.open()) {
                inMemory = h.getConnection().getMetaData().getURL().startsWith("jdbc:h2:mem:");
            } catch (SQLException | JdbiException e) {
                inMemory = false;
            }
        }
        return new StorageCapabilities(!inMemory, "JDBC storage on " + dialect + (inMemory ? " (in memory)" : ""));
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the storage is closed");
        }
    }

    /** Closes the connection pool this storage opened, if any; a host's data source is left open. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && ownedPool != null) {
            try {
                ownedPool.close();
            } catch (Exception e) {
                LOG.warn("closing the connection pool failed", e);
            }
        }
    }

    /**
     * Configures a {@link JdbcStorage}. Not thread-safe.
     */
    public static final class Builder {
        private final DataSource dataSource;
        private final AutoCloseable ownedPool;
        private Dialect dialect;
        private long cacheSize = 10_000;
        private int fetchSize = 10_000;
        private boolean migrate = true;
        private Consumer<String> statementLog;

        private Builder(DataSource dataSource, AutoCloseable ownedPool) {
            this.dataSource = dataSource;
            this.ownedPool = ownedPool;
        }

        /**
         * Sets the dialect instead of detecting it from the database's metadata.
         *
         * @param dialect the dialect
         * @return this builder
         */
        public Builder dialect(Dialect dialect) {
            this.dialect = Objects.requireNonNull(dialect, "dialect");
            return this;
        }

        /**
         * Sets how many customers the read cache keeps (default 10,000; 0 turns the cache off). The cache is
         * per storage instance, holds committed data only and is kept current by this instance's writes;
         * writes by other processes are seen once the entry is evicted or a version conflict evicts it.
         *
         * @param maximumCustomers the cache size
         * @return this builder
         */
        public Builder cacheSize(long maximumCustomers) {
            if (maximumCustomers < 0) {
                throw new IllegalArgumentException("cache size must not be negative: " + maximumCustomers);
            }
            this.cacheSize = maximumCustomers;
            return this;
        }

        /**
         * Sets how many rows streaming reads (the purchase scan) fetch per round trip (default 10,000).
         *
         * @param rows the fetch size, at least 1
         * @return this builder
         */
        public Builder fetchSize(int rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("fetch size must be at least 1: " + rows);
            }
            this.fetchSize = rows;
            return this;
        }

        /**
         * Sets whether {@link #build()} applies the migrations (default {@code true}). Turn it off when the
         * host applies them with its own tool.
         *
         * @param migrate whether to migrate on build
         * @return this builder
         */
        public Builder migrate(boolean migrate) {
            this.migrate = migrate;
            return this;
        }

        /**
         * Sets a receiver of the text of every SQL statement this storage runs (with {@code ?} placeholders,
         * never the values), for auditing and diagnostics; for example a test can check that every statement
         * on a tenant table names {@code tenant_id}. Called on the thread running the statement; it must be
         * quick and thread-safe.
         *
         * @param log the receiver
         * @return this builder
         */
        public Builder statementLog(Consumer<String> log) {
            this.statementLog = Objects.requireNonNull(log, "log");
            return this;
        }

        /**
         * Creates the storage (detecting the dialect if not set, and migrating unless told not to).
         *
         * @return the storage
         * @throws StorageException if the database cannot be reached or migrated
         */
        public JdbcStorage build() {
            Dialect d = dialect != null ? dialect : Dialect.detect(dataSource);
            JdbcStorage storage = new JdbcStorage(this, d);
            try {
                storage.checkConnection();
            } catch (RuntimeException e) {
                storage.close();
                throw e;
            }
            if (migrate) {
                try {
                    storage.migrate();
                } catch (RuntimeException e) {
                    storage.close();
                    throw e;
                }
            }
            return storage;
        }
    }

    /** @return a short description */
    @Override
    public String toString() {
        return "JdbcStorage[" + dialect + "]";
    }
}
