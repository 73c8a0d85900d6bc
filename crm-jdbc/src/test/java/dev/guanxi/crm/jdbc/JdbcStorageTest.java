package dev.guanxi.crm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.event.CustomerRegistered;
import dev.guanxi.crm.event.DomainEvent;
import dev.guanxi.crm.event.EventMetadata;
import dev.guanxi.crm.jdbc.internal.Migrator;
import dev.guanxi.crm.jdbc.internal.TransientFailure;
import dev.guanxi.crm.spi.storage.StorageException;
import dev.guanxi.crm.spi.storage.UnitOfWorkContext;
import dev.guanxi.crm.test.Fixtures;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Behaviour of {@link JdbcStorage} itself, on H2: migrations, retries, the cache, lifecycle. */
class JdbcStorageTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00.123456Z");

    private static JdbcStorage memory() {
        return JdbcStorage.h2InMemory("storage-test-" + NAMES.incrementAndGet());
    }

    private static Customer customer(String name) {
        return Customer.create(
                CustomerId.random(), Fixtures.aCustomer().displayName(name).build(), NOW);
    }

    private static <T> T write(JdbcStorage s, TenantId t, dev.guanxi.crm.spi.storage.TransactionWork<T> work) {
        return s.inTransaction(UnitOfWorkContext.write(t), work);
    }

    private static <T> T read(JdbcStorage s, TenantId t, dev.guanxi.crm.spi.storage.TransactionWork<T> work) {
        return s.inTransaction(UnitOfWorkContext.read(t), work);
    }

    @Test
    @DisplayName("migrate() is idempotent and records every script; the scripts list matches each dialect folder")
    void migrationsAreIdempotent() throws Exception {
        try (JdbcStorage s = memory()) {
            assertThat(s.migrate()).isZero();
            assertThat(s.migrate()).isZero();
            try (Connection c = s.dataSource().getConnection();
                    Statement st = c.createStatement();
                    var rs = st.executeQuery("SELECT COUNT(*) FROM guanxi_schema_history")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(Migrator.SCRIPTS.size());
            }
        }
        for (Dialect d : Dialect.values()) {
            for (String script : Migrator.SCRIPTS) {
                assertThat(getClass().getClassLoader().getResource(d.migrationLocation() + "/" + script))
                        .as(d + " " + script)
                        .isNotNull();
            }
            assertThat(getClass()
                            .getClassLoader()
                            .getResource(d.migrationLocation() + "/V" + (Migrator.SCRIPTS.size() + 1) + "__next.sql"))
                    .isNull();
        }
    }

    @Test
    @DisplayName("a database with a newer schema, or a changed applied script, is refused with a typed error")
    void refusesUnknownOrChangedSchema() throws Exception {
        try (JdbcStorage s = memory()) {
            try (Connection c = s.dataSource().getConnection();
                    Statement st = c.createStatement()) {
                st.execute("INSERT INTO guanxi_schema_history VALUES (99, 'V99__future.sql', 'x', 'now')");
            }
            assertThatThrownBy(s::migrate).isInstanceOf(StorageException.class).hasMessageContaining("newer");
            try (Connection c = s.dataSource().getConnection();
                    Statement st = c.createStatement()) {
                st.execute("DELETE FROM guanxi_schema_history WHERE version = 99");
                st.execute("UPDATE guanxi_schema_history SET checksum = 'tampered' WHERE version = 1");
            }
            assertThatThrownBy(s::migrate).isInstanceOf(StorageException.class).hasMessageContaining("changed");
        }
    }

    @Test
    @DisplayName("a transient failure is retried with the work run again; after 5 attempts a typed error")
    void retriesTransientFailures() {
        try (JdbcStorage s = memory()) {
            AtomicInteger attempts = new AtomicInteger();
            Customer c = customer("Retried");
            String result = write(s, ACME, uow -> {
                uow.customers().insert(c);
                uow.outbox().append(List.of(registered(c)));
                if (attempts.incrementAndGet() < 3) {
                    throw new TransientFailure("simulated", new SQLTransactionRollbackException("x", "40001"));
                }
                return "done";
            });
            assertThat(result).isEqualTo("done");
            assertThat(attempts).hasValue(3);
            // The rolled-back attempts left nothing: one customer, one pending event.
            assertThat(pending(s, ACME)).hasSize(1);
            assertThat(find(s, ACME, c.id())).contains(c);

            AtomicInteger forever = new AtomicInteger();
            assertThatThrownBy(() -> write(s, ACME, uow -> {
                        uow.customers().insert(customer("Never"));
                        forever.incrementAndGet();
                        throw new TransientFailure("simulated", new SQLTransactionRollbackException("x", "40001"));
                    }))
                    .isInstanceOfSatisfying(
                            ConcurrencyFailureException.class,
                            e -> assertThat(e.attempts()).isEqualTo(5));
            assertThat(forever).hasValue(JdbcStorage.MAX_ATTEMPTS);
            assertThat(count(s, ACME)).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("an exception of the work is rethrown unchanged and not retried")
    void workExceptionsAreNotRetried() {
        try (JdbcStorage s = memory()) {
            AtomicInteger attempts = new AtomicInteger();
            IllegalStateException boom = new IllegalStateException("boom");
            assertThatThrownBy(() -> write(s, ACME, uow -> {
                        attempts.incrementAndGet();
                        uow.customers().insert(customer("Rolled back"));
                        throw boom;
                    }))
                    .isSameAs(boom);
            assertThat(attempts).hasValue(1);
        }
    }

    @Test
    @DisplayName(
            "the cache serves reads, learns committed writes, keeps tenants apart and is evicted on a stale version")
    void cache(@TempDir Path dir) {
        try (JdbcStorage one = JdbcStorage.h2(dir);
                JdbcStorage other = JdbcStorage.h2(dir)) {
            Customer c = customer("Cached");
            write(one, ACME, uow -> {
                uow.customers().insert(c);
                return null;
            });
            // The same id in another tenant is another customer.
            Customer twin = new Customer(
                    c.id(),
                    c.kind(),
                    "Globex twin",
                    null,
                    c.contactPoints(),
                    List.of(),
                    null,
                    null,
                    null,
                    null,
                    c.tags(),
                    c.preferences(),
                    c.importantDates(),
                    null,
                    null,
                    null,
                    c.customFields(),
                    1,
                    NOW,
                    NOW);
            write(one, GLOBEX, uow -> {
                uow.customers().insert(twin);
                return null;
            });
            for (int i = 0; i < 3; i++) {
                assertThat(find(one, ACME, c.id())).contains(c);
                assertThat(find(one, GLOBEX, c.id())).contains(twin);
            }
            CacheStatistics stats = one.customerCacheStats().orElseThrow();
            assertThat(stats.hitCount()).isGreaterThanOrEqualTo(6);
            double hitRate = stats.hitRate();
            assertThat(hitRate).isEqualTo((double) stats.hitCount() / (stats.hitCount() + stats.missCount()));

            // A write through this storage is seen at once.
            Customer v2 =
                    c.revise(c.draft().toBuilder().displayName("Cached v2").build(), NOW.plusSeconds(1));
            write(one, ACME, uow -> {
                uow.customers().update(1, v2);
                return null;
            });
            assertThat(find(one, ACME, c.id())).contains(v2);

            // A write by another process (another storage on the same database) is not seen by the cache...
            Customer v3 =
                    v2.revise(v2.draft().toBuilder().displayName("Cached v3").build(), NOW.plusSeconds(2));
            write(other, ACME, uow -> {
                uow.customers().update(2, v3);
                return null;
            });
            assertThat(find(one, ACME, c.id())).contains(v2);
            // ...until a change based on the stale copy fails, which evicts it.
            Customer lost = v2.revise(v2.draft().toBuilder().displayName("Lost").build(), NOW.plusSeconds(3));
            assertThatThrownBy(() -> write(one, ACME, uow -> {
                        uow.customers().update(2, lost);
                        return null;
                    }))
                    .isInstanceOf(StaleVersionException.class);
            assertThat(find(one, ACME, c.id())).contains(v3);

            // A delete leaves nothing to serve.
            write(one, ACME, uow -> {
                uow.customers().delete(c.id(), 3);
                return null;
            });
            assertThat(find(one, ACME, c.id())).isEmpty();
            assertThat(find(one, GLOBEX, c.id())).contains(twin);
        }
    }

    @Test
    @DisplayName("a unit of work served from the cache opens no connection; one that reads the database does")
    void cacheHitsNeedNoConnection() {
        org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
        h2.setURL("jdbc:h2:mem:lazy" + NAMES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        AtomicInteger connections = new AtomicInteger();
        DataSource counting = (DataSource) java.lang.reflect.Proxy.newProxyInstance(
                DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        connections.incrementAndGet();
                    }
                    return method.invoke(h2, args);
                });
        try (JdbcStorage s = JdbcStorage.builder(counting).build()) {
            Customer c = customer("Lazy");
            write(s, ACME, uow -> {
                uow.customers().insert(c);
                return null;
            });
            int before = connections.get();
            for (int i = 0; i < 100; i++) {
                assertThat(find(s, ACME, c.id())).contains(c);
            }
            assertThat(connections.get()).isEqualTo(before);
            assertThat(count(s, ACME)).isEqualTo(1);
            assertThat(connections.get()).isEqualTo(before + 1);
        }
    }

    @Test
    @DisplayName("with the cache off every read goes to the database")
    void cacheOff() {
        try (JdbcStorage s = JdbcStorage.builder("jdbc:h2:mem:nocache" + NAMES.incrementAndGet(), "sa", "")
                .cacheSize(0)
                .build()) {
            Customer c = customer("Uncached");
            write(s, ACME, uow -> {
                uow.customers().insert(c);
                return null;
            });
            assertThat(find(s, ACME, c.id())).contains(c);
            assertThat(s.customerCacheStats()).isEmpty();
        }
    }

    @Test
    @DisplayName("a closed storage refuses work; close is idempotent; bad URLs are refused")
    void lifecycle() {
        JdbcStorage s = memory();
        assertThat(s.dialect()).isEqualTo(Dialect.H2);
        assertThat(s.capabilities().durable()).isFalse();
        s.close();
        s.close();
        assertThatThrownBy(() -> find(s, ACME, CustomerId.random())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> JdbcStorage.builder("jdbc:oracle:thin:@x", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Dialect.ofUrl("jdbc:mysql://h/db")).isEqualTo(Dialect.MARIADB);
        JdbcStorage.Builder builder = JdbcStorage.builder(new org.h2.jdbcx.JdbcDataSource());
        assertThatThrownBy(() -> builder.cacheSize(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.fetchSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JdbcStorage.builder((javax.sql.DataSource) null))
                .isInstanceOf(NullPointerException.class);
        assertThat(Dialect.ofUrl("jdbc:postgresql://h/db")).isEqualTo(Dialect.POSTGRESQL);
    }

    @Test
    @DisplayName("a file database is durable and keeps data across reopening")
    void fileDatabaseIsDurable(@TempDir Path dir) {
        Customer c = customer("持久 Durable");
        try (JdbcStorage s = JdbcStorage.h2(dir)) {
            assertThat(s.capabilities().durable()).isTrue();
            write(s, ACME, uow -> {
                uow.customers().insert(c);
                return null;
            });
        }
        try (JdbcStorage s = JdbcStorage.h2(dir)) {
            assertThat(find(s, ACME, c.id())).contains(c);
        }
    }

    @Test
    @DisplayName("E1: 1,000 storages opened and closed on one database leave no connections or threads behind")
    void manyInstancesLeakNothing() throws SQLException {
        // One database kept open by a separate connection, so that each instance opens its own pool, jdbi and
        // cache and migrates (finding the schema current) without paying for creating the schema each time.
        String url = "jdbc:h2:mem:e1-" + NAMES.incrementAndGet();
        try (Connection keepAlive = java.sql.DriverManager.getConnection(url, "sa", "")) {
            runInstances(url);
        }
    }

    private static void runInstances(String url) {
        int threadsBefore = Thread.activeCount();
        for (int i = 0; i < 1_000; i++) {
            try (JdbcStorage s = JdbcStorage.builder(url, "sa", "").build()) {
                Customer c = customer("Instance " + i);
                write(s, ACME, uow -> {
                    uow.customers().insert(c);
                    return null;
                });
                Optional<Customer> found = find(s, ACME, c.id());
                assertThat(found).contains(c);
                if (s.dataSource() instanceof org.h2.jdbcx.JdbcConnectionPool pool) {
                    assertThat(pool.getActiveConnections()).isZero();
                }
            }
        }
        assertThat(Thread.activeCount()).isLessThanOrEqualTo(threadsBefore + 2);
    }

    private static Optional<Customer> find(JdbcStorage s, TenantId t, CustomerId id) {
        return read(s, t, uow -> uow.customers().find(id));
    }

    private static List<DomainEvent> pending(JdbcStorage s, TenantId t) {
        return read(s, t, uow -> uow.outbox().pending(10));
    }

    private static long count(JdbcStorage s, TenantId t) {
        Long n = read(s, t, uow -> uow.customers().count(dev.guanxi.crm.customer.CustomerQuery.all()));
        return n;
    }

    private static DomainEvent registered(Customer c) {
        return new CustomerRegistered(new EventMetadata(UUID.randomUUID(), ACME, NOW), c);
    }
}
