package dev.guanxi.crm.jdbc.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.jdbc.JdbcConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PooledDataSourceTest {
    private DataSource h2;
    private PooledDataSource pool;

    @BeforeEach
    void setUp() throws SQLException {
        h2 = TestDatabases.h2Memory();
        pool = new PooledDataSource(h2, "test H2", 2);
        try (Connection c = h2.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY)");
        }
    }

    @AfterEach
    void tearDown() {
        pool.close();
    }

    private static JdbcConnection physical(Connection c) throws SQLException {
        return c.unwrap(JdbcConnection.class);
    }

    private int count() throws SQLException {
        try (Connection c = h2.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    @DisplayName("a closed connection is reused by the next getConnection")
    void reuses() throws SQLException {
        JdbcConnection first;
        try (Connection c = pool.getConnection()) {
            first = physical(c);
        }
        assertThat(pool.idleCount()).isEqualTo(1);
        try (Connection c = pool.getConnection()) {
            assertThat(physical(c)).isSameAs(first);
            assertThat(pool.idleCount()).isZero();
        }
    }

    @Test
    @DisplayName("closing rolls back an unfinished transaction and restores auto-commit, read-only, isolation")
    void resets() throws SQLException {
        int isolation;
        try (Connection c = pool.getConnection()) {
            isolation = c.getTransactionIsolation();
            c.setAutoCommit(false);
            c.setReadOnly(true);
            c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            c.setReadOnly(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO t VALUES (1)");
            }
            c.setReadOnly(true);
        }
        assertThat(count()).isZero();
        try (Connection c = pool.getConnection()) {
            assertThat(c.getAutoCommit()).isTrue();
            assertThat(c.isReadOnly()).isFalse();
            assertThat(c.getTransactionIsolation()).isEqualTo(isolation);
        }
    }

    @Test
    @DisplayName("a closed proxy refuses use; closing twice is harmless; its statements are closed")
    void closedProxy() throws SQLException {
        Connection c = pool.getConnection();
        Statement s = c.createStatement();
        c.close();
        c.close();
        assertThat(c.isClosed()).isTrue();
        assertThat(c.isValid(1)).isFalse();
        assertThat(s.isClosed()).isTrue();
        assertThatThrownBy(c::createStatement).isInstanceOf(SQLException.class);
        assertThat(pool.idleCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("a connection whose schema was changed is closed, not pooled")
    void tainted() throws SQLException {
        JdbcConnection first;
        try (Connection c = pool.getConnection()) {
            first = physical(c);
            c.setSchema("PUBLIC");
        }
        assertThat(first.isClosed()).isTrue();
        assertThat(pool.idleCount()).isZero();
    }

    @Test
    @DisplayName("at most maxIdle connections are kept; closing the pool closes them")
    void maxIdleAndClose() throws SQLException {
        List<Connection> open = new ArrayList<>();
        List<JdbcConnection> physicals = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Connection c = pool.getConnection();
            open.add(c);
            physicals.add(physical(c));
        }
        for (Connection c : open) {
            c.close();
        }
        assertThat(pool.idleCount()).isEqualTo(2);
        assertThat(physicals.stream().filter(this::isClosed)).hasSize(1);
        pool.close();
        assertThat(physicals.stream().filter(this::isClosed)).hasSize(3);
        assertThatThrownBy(pool::getConnection).isInstanceOf(SQLException.class);
    }

    private boolean isClosed(Connection c) {
        try {
            return c.isClosed();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("idle connections are closed after the idle timeout")
    void evicts() throws Exception {
        try (PooledDataSource quick = new PooledDataSource(h2, "quick", 2, Duration.ofMillis(100))) {
            JdbcConnection first;
            try (Connection c = quick.getConnection()) {
                first = physical(c);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (quick.idleCount() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(quick.idleCount()).isZero();
            assertThat(first.isClosed()).isTrue();
        }
    }

    @Test
    @DisplayName("threads sharing the pool commit every transaction and keep at most maxIdle connections")
    void concurrent() throws Exception {
        int threads = 8;
        int perThread = 100;
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int base = t * perThread;
                futures.add(executor.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        try (Connection c = pool.getConnection()) {
                            c.setAutoCommit(false);
                            try (Statement s = c.createStatement()) {
                                s.executeUpdate("INSERT INTO t VALUES (" + (base + i) + ")");
                            }
                            c.commit();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            executor.shutdownNow();
        }
        assertThat(count()).isEqualTo(threads * perThread);
        assertThat(pool.idleCount()).isBetween(1, 2);
    }
}
