package dev.guanxi.crm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.jdbc.testing.TestDatabases;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import dev.guanxi.crm.spi.storage.UnitOfWorkContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RELIABILITY C6 with real concurrency failures: two units of work update two customers in opposite orders,
 * so the database sees a deadlock (PostgreSQL {@code 40P01}, MariaDB {@code 1213}; H2 times out on the lock).
 * The victim's transaction is rolled back and its work run again; both changes commit, nothing is lost, and no
 * exception reaches the caller.
 */
class DeadlockRetryTest {
    private static final TenantId TENANT = TenantId.of("deadlock");
    private static final Instant NOW = Instant.parse("2026-04-01T12:00:00Z");

    static Stream<Arguments> databases() {
        return Stream.of(
                Arguments.of("H2", (Supplier<DataSource>) () -> org.h2.jdbcx.JdbcConnectionPool.create(
                        "jdbc:h2:mem:deadlock;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=2000", "sa", "")),
                Arguments.of("PostgreSQL", (Supplier<DataSource>) TestDatabases::postgres),
                Arguments.of("MariaDB", (Supplier<DataSource>) TestDatabases::mariadb));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void deadlockVictimIsRetried(String name, Supplier<DataSource> database) throws Exception {
        try (JdbcStorage storage =
                JdbcStorage.builder(database.get()).cacheSize(0).build()) {
            Customer a = Customer.create(
                    CustomerId.random(), CustomerDraft.person("A " + name).build(), NOW);
            Customer b = Customer.create(
                    CustomerId.random(), CustomerDraft.person("B " + name).build(), NOW);
            storage.inTransaction(UnitOfWorkContext.write(TENANT), uow -> {
                uow.customers().insertAll(List.of(a, b));
                return null;
            });
            CountDownLatch firstLocked = new CountDownLatch(1);
            CountDownLatch secondLocked = new CountDownLatch(1);
            AtomicInteger runs = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                // The victim's retry waits until the winner has committed: otherwise it could read a row the
                // winner has changed but not committed yet, and then correctly fail the version check
                // (StaleVersionException is not a concurrency failure to retry; the SDK does not hide it).
                CountDownLatch oneDone = new CountDownLatch(1);
                CountDownLatch twoDone = new CountDownLatch(1);
                AtomicInteger runsOfOne = new AtomicInteger();
                AtomicInteger runsOfTwo = new AtomicInteger();
                Future<?> one = pool.submit(() -> {
                    storage.inTransaction(UnitOfWorkContext.write(TENANT), uow -> {
                        runs.incrementAndGet();
                        if (runsOfOne.incrementAndGet() > 1) {
                            await(twoDone);
                        }
                        rename(uow, a.id(), "A by one");
                        firstLocked.countDown();
                        await(secondLocked);
                        rename(uow, b.id(), "B by one");
                        return null;
                    });
                    oneDone.countDown();
                    return null;
                });
                Future<?> two = pool.submit(() -> {
                    storage.inTransaction(UnitOfWorkContext.write(TENANT), uow -> {
                        runs.incrementAndGet();
                        if (runsOfTwo.incrementAndGet() > 1) {
                            await(oneDone);
                        }
                        rename(uow, b.id(), "B by two");
                        secondLocked.countDown();
                        await(firstLocked);
                        rename(uow, a.id(), "A by two");
                        return null;
                    });
                    twoDone.countDown();
                    return null;
                });
                one.get(60, TimeUnit.SECONDS);
                two.get(60, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }
            assertThat(runs.get()).as("one unit of work was run again").isGreaterThanOrEqualTo(3);
            Customer finalA = find(storage, a.id()).orElseThrow();
            Customer finalB = find(storage, b.id()).orElseThrow();
            // Both units committed: each customer was changed twice, and the victim's changes came last.
            assertThat(finalA.version()).isEqualTo(3);
            assertThat(finalB.version()).isEqualTo(3);
            assertThat(List.of(finalA.displayName(), finalB.displayName()))
                    .isIn(List.of("A by two", "B by two"), List.of("A by one", "B by one"));
        }
    }

    private static Optional<Customer> find(JdbcStorage storage, CustomerId id) {
        return storage.inTransaction(
                UnitOfWorkContext.read(TENANT), uow -> uow.customers().find(id));
    }

    private static void rename(UnitOfWork uow, CustomerId id, String name) {
        Customer c = uow.customers().find(id).orElseThrow();
        uow.customers()
                .update(
                        c.version(),
                        c.revise(c.draft().toBuilder().displayName(name).build(), NOW));
    }

    private static void await(CountDownLatch latch) {
        try {
            // The retried run finds the latch open and goes straight on.
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
