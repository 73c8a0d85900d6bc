package dev.guanxi.crm.bench;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that hands out one physical connection again and again — the smallest possible pool, and the
 * same one for the SDK and the plain-JDBC baseline, so that neither pays for opening connections and both run
 * on the same session. {@link Connection#close()} on a handed-out connection gives it back (rolling back and
 * restoring auto-commit if the user left a transaction open); {@link #close()} closes the physical connection.
 *
 * <p>Single-threaded: a second {@link #getConnection()} before the first is given back fails.
 */
final class SingleConnectionDataSource implements DataSource, AutoCloseable {
    private final Connection physical;
    private boolean lent;

    SingleConnectionDataSource(Connection physical) {
        this.physical = physical;
    }

    /** @return the physical connection, for the harness's own housekeeping (not lent) */
    Connection physical() {
        return physical;
    }

    @Override
    public synchronized Connection getConnection() throws SQLException {
        if (lent) {
            throw new SQLException("the single connection is in use");
        }
        lent = true;
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, new Lent());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    private synchronized void giveBack() throws SQLException {
        if (!physical.getAutoCommit()) {
            physical.rollback();
            physical.setAutoCommit(true);
        }
        lent = false;
    }

    /** Forwards every call to the physical connection except {@code close} and {@code isClosed}. */
    private final class Lent implements InvocationHandler {
        private boolean closed;

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close" -> {
                    if (!closed) {
                        closed = true;
                        giveBack();
                    }
                    return null;
                }
                case "isClosed" -> {
                    return closed || physical.isClosed();
                }
                default -> {
                    if (closed) {
                        throw new SQLException("connection given back");
                    }
                    try {
                        return method.invoke(physical, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }
            }
        }
    }

    @Override
    public void close() throws SQLException {
        physical.close();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

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
        throw new SQLException("not a wrapper of " + iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
