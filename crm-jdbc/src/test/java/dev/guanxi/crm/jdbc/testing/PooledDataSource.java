package dev.guanxi.crm.jdbc.testing;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A small, thread-safe connection pool for tests: it keeps up to {@code maxIdle} physical connections of one
 * database open between uses, so that a test opening thousands of transactions does not pay for a new
 * server connection (on PostgreSQL, a new backend process) each time.
 *
 * <p>{@link #getConnection()} hands out a proxy; closing the proxy rolls back an unfinished transaction,
 * restores auto-commit, read-only and the transaction isolation, closes the statements made through it and
 * returns the physical connection to the pool. A connection whose session state was changed in a way the
 * pool does not undo (schema, catalog, type map, holdability, client info, network timeout), or whose reset
 * failed, is closed instead. There is no upper bound on connections in use: the server's connection limit is
 * the bound. Connections idle for longer than a timeout (10 s by default) are closed by one shared daemon
 * thread, so the pools of finished test classes do not hold server connections.
 *
 * <p>Not for production use: no validation of idle connections (a test server does not drop them), no
 * leak detection, and statements still reach the physical connection through
 * {@link Statement#getConnection()}.
 */
public final class PooledDataSource implements DataSource, AutoCloseable {
    /** How long a connection may stay idle unless the constructor says otherwise. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(10);

    /** Connection methods after which the connection is not returned to the pool but closed. */
    private static final Set<String> TAINTING_METHODS =
            Set.of("setSchema", "setCatalog", "setTypeMap", "setHoldability", "setClientInfo", "setNetworkTimeout");

    private static final ScheduledExecutorService EVICTOR = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "test-pool-evictor");
        t.setDaemon(true);
        return t;
    });

    private final DataSource physical;
    private final String description;
    private final int maxIdle;
    private final long idleTimeoutNanos;
    private final ScheduledFuture<?> eviction;
    private final Object lock = new Object();
    /** Idle connections, most recently returned first; guarded by {@link #lock}. */
    private final Deque<Idle> idle = new ArrayDeque<>();
    /** Guarded by {@link #lock}. */
    private boolean closed;

    private record Idle(Connection connection, int defaultIsolation, long returnedAtNanos) {}

    /**
     * Creates a pool whose idle connections are closed after {@link #DEFAULT_IDLE_TIMEOUT}.
     *
     * @param physical where new physical connections come from
     * @param description what the pool connects to, for {@link #toString()} and error messages
     * @param maxIdle how many idle connections are kept at most
     */
    public PooledDataSource(DataSource physical, String description, int maxIdle) {
        this(physical, description, maxIdle, DEFAULT_IDLE_TIMEOUT);
    }

    /**
     * Creates a pool.
     *
     * @param physical where new physical connections come from
     * @param description what the pool connects to, for {@link #toString()} and error messages
     * @param maxIdle how many idle connections are kept at most
     * @param idleTimeout how long a connection may stay idle before it is closed (checked at this interval)
     */
    public PooledDataSource(DataSource physical, String description, int maxIdle, Duration idleTimeout) {
        if (maxIdle < 0) {
            throw new IllegalArgumentException("maxIdle < 0: " + maxIdle);
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout not positive: " + idleTimeout);
        }
        this.physical = physical;
        this.description = description;
        this.maxIdle = maxIdle;
        this.idleTimeoutNanos = idleTimeout.toNanos();
        this.eviction = EVICTOR.scheduleWithFixedDelay(
                this::evictIdle, idleTimeoutNanos, idleTimeoutNanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Returns a pooled connection, or a new one when none is idle.
     *
     * @return a connection proxy; close it to give it back
     * @throws SQLException if the pool is closed or a new physical connection cannot be opened
     */
    @Override
    public Connection getConnection() throws SQLException {
        Idle reused;
        synchronized (lock) {
            if (closed) {
                throw new SQLException("pool closed: " + description);
            }
            reused = idle.pollFirst();
        }
        Connection connection;
        int defaultIsolation;
        if (reused != null) {
            connection = reused.connection();
            defaultIsolation = reused.defaultIsolation();
        } else {
            connection = physical.getConnection();
            try {
                defaultIsolation = connection.getTransactionIsolation();
            } catch (SQLException | RuntimeException e) {
                closeQuietly(connection, e);
                throw e;
            }
        }
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                new Handler(connection, defaultIsolation));
    }

    /**
     * Not supported: the pool's connections all use the credentials it was made with.
     *
     * @throws SQLFeatureNotSupportedException always
     */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("a test pool has one user");
    }

    /**
     * Closes the idle connections and makes further {@link #getConnection()} calls fail. Connections in use
     * are closed when they are given back.
     */
    @Override
    public void close() {
        List<Idle> toClose;
        synchronized (lock) {
            closed = true;
            toClose = new ArrayList<>(idle);
            idle.clear();
        }
        eviction.cancel(false);
        toClose.forEach(i -> closeQuietly(i.connection(), null));
    }

    /**
     * Returns how many physical connections are idle in the pool now (for tests of the pool).
     *
     * @return the number of idle connections
     */
    public int idleCount() {
        synchronized (lock) {
            return idle.size();
        }
    }

    private void evictIdle() {
        long cutoff = System.nanoTime() - idleTimeoutNanos;
        List<Idle> toClose = new ArrayList<>();
        synchronized (lock) {
            // Oldest at the end: drop from there while too old.
            while (!idle.isEmpty() && idle.peekLast().returnedAtNanos() - cutoff < 0) {
                toClose.add(idle.pollLast());
            }
        }
        toClose.forEach(i -> closeQuietly(i.connection(), null));
    }

    private void giveBack(Connection connection, int defaultIsolation) {
        boolean kept = false;
        synchronized (lock) {
            if (!closed && idle.size() < maxIdle) {
                idle.addFirst(new Idle(connection, defaultIsolation, System.nanoTime()));
                kept = true;
            }
        }
        if (!kept) {
            closeQuietly(connection, null);
        }
    }

    private static void closeQuietly(Connection connection, Throwable cause) {
        try {
            connection.close();
        } catch (SQLException | RuntimeException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            }
        }
    }

    private final class Handler implements InvocationHandler {
        private final Connection target;
        private final int defaultIsolation;
        private final List<Statement> statements = new ArrayList<>();
        /** Whether the connection must be closed rather than pooled when the proxy is closed. */
        private boolean tainted;

        private boolean isolationChanged;
        private boolean readOnlyChanged;
        private boolean closed;

        Handler(Connection target, int defaultIsolation) {
            this.target = target;
            this.defaultIsolation = defaultIsolation;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            switch (name) {
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return "pooled " + target + (closed ? " (closed)" : "");
                case "close":
                    close();
                    return null;
                case "isClosed":
                    synchronized (this) {
                        return closed || target.isClosed();
                    }
                default:
                    break;
            }
            synchronized (this) {
                if (closed) {
                    if (name.equals("isValid")) {
                        return false;
                    }
                    throw new SQLException("connection closed (returned to the test pool of " + description + ")");
                }
                if (TAINTING_METHODS.contains(name)) {
                    tainted = true;
                } else if (name.equals("setTransactionIsolation")) {
                    isolationChanged = true;
                } else if (name.equals("setReadOnly")) {
                    readOnlyChanged = true;
                } else if (name.equals("abort")) {
                    tainted = true;
                }
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof Statement statement) {
                synchronized (this) {
                    statements.add(statement);
                }
            }
            return result;
        }

        private void close() {
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
            }
            boolean reusable = !tainted;
            try {
                for (Statement statement : statements) {
                    statement.close();
                }
                statements.clear();
                if (reusable && target.isClosed()) {
                    reusable = false;
                }
                if (reusable && !target.getAutoCommit()) {
                    target.rollback();
                    target.setAutoCommit(true);
                }
                if (reusable && readOnlyChanged) {
                    target.setReadOnly(false);
                }
                if (reusable && isolationChanged) {
                    target.setTransactionIsolation(defaultIsolation);
                }
                if (reusable) {
                    target.clearWarnings();
                }
            } catch (SQLException | RuntimeException e) {
                reusable = false;
            }
            if (reusable) {
                giveBack(target, defaultIsolation);
            } else {
                closeQuietly(target, null);
            }
        }
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // no logging
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // not used: new connections use the physical data source's timeout
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return physical.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || physical.isWrapperFor(iface);
    }

    @Override
    public String toString() {
        return "PooledDataSource[" + description + "]";
    }
}
