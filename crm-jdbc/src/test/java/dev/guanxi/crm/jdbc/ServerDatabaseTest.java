package dev.guanxi.crm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.jdbc.internal.Migrator;
import dev.guanxi.crm.jdbc.testing.TestDatabases;
import dev.guanxi.crm.spi.storage.StorageException;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What only the server databases can show: concurrent migrations, MariaDB's connection character set. */
class ServerDatabaseTest {
    static Stream<Arguments> servers() {
        return Stream.of(
                Arguments.of("PostgreSQL", (Supplier<DataSource>) TestDatabases::postgres),
                Arguments.of("MariaDB", (Supplier<DataSource>) TestDatabases::mariadb));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    @DisplayName("four storages migrating one new database at once apply each script exactly once")
    void concurrentMigrations(String name, Supplier<DataSource> database) throws Exception {
        DataSource ds = database.get();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> applied = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<Integer> migrate = () -> {
                    try (JdbcStorage s = JdbcStorage.builder(ds).migrate(false).build()) {
                        return s.migrate();
                    }
                };
                applied.add(pool.submit(migrate));
            }
            int total = 0;
            for (Future<Integer> f : applied) {
                total += f.get();
            }
            assertThat(total).isEqualTo(Migrator.SCRIPTS.size());
        } finally {
            pool.shutdownNow();
        }
        try (JdbcStorage s = JdbcStorage.builder(ds).build()) {
            assertThat(s.migrate()).isZero();
            assertThat(s.capabilities().durable()).isTrue();
        }
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM guanxi_schema_history")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(Migrator.SCRIPTS.size());
        }
    }

    @Test
    @DisplayName("PostgreSQL: a large insertAll goes through COPY (no INSERT statement) and stores orders exactly")
    void postgresBulkUsesCopy() {
        java.util.Set<String> statements = java.util.concurrent.ConcurrentHashMap.newKeySet();
        dev.guanxi.crm.TenantId tenant = dev.guanxi.crm.TenantId.of("copy");
        try (JdbcStorage s = JdbcStorage.builder(TestDatabases.postgres())
                .statementLog(statements::add)
                .build()) {
            List<dev.guanxi.crm.sales.Order> orders = new ArrayList<>();
            java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
            for (int i = 0; i < 500; i++) {
                dev.guanxi.crm.customer.CustomerId customer = dev.guanxi.crm.customer.CustomerId.random();
                dev.guanxi.crm.sales.NewOrder draft = dev.guanxi.crm.test.Fixtures.anOrder(customer)
                        .orderNumber("C,\"" + i + "\"")
                        .build();
                dev.guanxi.crm.sales.Order o = dev.guanxi.crm.sales.Order.place(
                        dev.guanxi.crm.sales.OrderId.random(),
                        draft,
                        java.time.Instant.parse("2026-01-01T00:00:00.000001Z"));
                orders.add(o);
                sum = sum.add(o.total().amount());
            }
            s.inTransaction(dev.guanxi.crm.spi.storage.UnitOfWorkContext.write(tenant), uow -> {
                uow.orders().insertAll(orders);
                return null;
            });
            assertThat(statements).noneMatch(q -> q.startsWith("INSERT INTO guanxi_order"));
            for (dev.guanxi.crm.sales.Order o : List.of(orders.get(0), orders.get(499))) {
                java.util.Optional<dev.guanxi.crm.sales.Order> found = s.inTransaction(
                        dev.guanxi.crm.spi.storage.UnitOfWorkContext.read(tenant),
                        uow -> uow.orders().findByOrderNumber(o.orderNumber()));
                assertThat(found).contains(o);
            }
            long[] minor = {0};
            long n = s.inTransaction(
                    dev.guanxi.crm.spi.storage.UnitOfWorkContext.read(tenant),
                    uow -> uow.orders()
                            .scanPurchases(dev.guanxi.crm.sales.PurchaseScan.all(), (c, d, m, cur) -> minor[0] += m));
            assertThat(n).isEqualTo(500);
            assertThat(java.math.BigDecimal.valueOf(minor[0], 2)).isEqualByComparingTo(sum);
        }
    }

    @Test
    @DisplayName("MariaDB: a connection that does not speak utf8mb4 is refused before anything is written")
    void mariaDbNeedsUtf8mb4() {
        DataSource utf8mb4 = TestDatabases.mariadb();
        DataSource latin1 = new SessionSettingDataSource(utf8mb4, "SET NAMES latin1");
        assertThatThrownBy(() -> JdbcStorage.builder(latin1).build())
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("utf8mb4");
        try (JdbcStorage fine = JdbcStorage.builder(utf8mb4).build()) {
            assertThat(fine.dialect()).isEqualTo(Dialect.MARIADB);
        }
    }

    /** Runs a statement on every new connection, as a misconfigured host pool would. */
    private record SessionSettingDataSource(DataSource target, String statement) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            Connection c = target.getConnection();
            try (Statement s = c.createStatement()) {
                s.execute(statement);
            }
            return (Connection) Proxy.newProxyInstance(
                    Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            try (Statement s = c.createStatement()) {
                                s.execute("SET NAMES utf8mb4");
                            }
                        }
                        try {
                            return method.invoke(c, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
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
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
