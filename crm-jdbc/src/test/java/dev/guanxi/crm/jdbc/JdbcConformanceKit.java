package dev.guanxi.crm.jdbc;

import dev.guanxi.crm.spi.storage.Storage;
import dev.guanxi.crm.test.tck.StorageConformanceKit;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;

/**
 * The storage conformance kit on one database per test class: the schema is migrated once, and every test
 * starts from emptied tables. Every statement the kit runs is audited for its tenant predicate (T2).
 */
abstract class JdbcConformanceKit extends StorageConformanceKit {
    private static final TenantPredicateAudit AUDIT = new TenantPredicateAudit();
    private static final java.util.Set<DataSource> MIGRATED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** @return the database of this test class (the same instance on every call) */
    abstract DataSource dataSource();

    /** @return the dialect the storage must detect */
    abstract Dialect expectedDialect();

    @Override
    protected Storage createStorage() {
        DataSource ds = dataSource();
        boolean migrated = MIGRATED.contains(ds);
        if (migrated) {
            try {
                Schema.truncate(ds);
            } catch (IllegalStateException e) {
                // e.g. a lock timeout: say who holds what, so that a failure on CI can be understood
                throw new IllegalStateException(
                        "cannot empty the tables; transactions open: "
                                + OpenTransactions.find(ds, expectedDialect()) + "\nthreads:\n"
                                + OpenTransactions.threadDump(),
                        e);
            }
        }
        JdbcStorage storage = JdbcStorage.builder(ds)
                .statementLog(AUDIT::record)
                .migrate(!migrated)
                .build();
        MIGRATED.add(ds);
        if (storage.dialect() != expectedDialect()) {
            throw new AssertionError("detected " + storage.dialect() + ", expected " + expectedDialect());
        }
        return storage;
    }

    /** A durable store: a new storage on the same database sees what the closed one committed. */
    @Override
    protected Optional<Storage> reopen(Storage closed) {
        return Optional.of(JdbcStorage.builder(dataSource())
                .statementLog(AUDIT::record)
                .migrate(false)
                .build());
    }

    /**
     * No transaction outlives its test: once a test has ended, no session of the database may hold uncommitted
     * changes (whose row locks would block every later writer of those rows). Waits up to 5 s for work a test
     * left running to end; a transaction still open then fails the test that left it, with the sessions and
     * every thread's stack, and is aborted so that the tests after it start from a clean database.
     */
    @AfterEach
    void noTransactionOutlivesItsTest() throws InterruptedException {
        DataSource ds = dataSource();
        java.util.List<OpenTransactions.Session> open = OpenTransactions.find(ds, expectedDialect());
        for (int i = 0; i < 50 && !open.isEmpty(); i++) {
            Thread.sleep(100);
            open = OpenTransactions.find(ds, expectedDialect());
        }
        if (!open.isEmpty()) {
            String threads = OpenTransactions.threadDump();
            OpenTransactions.abort(ds, expectedDialect(), open);
            throw new AssertionError(
                    "transactions left open after the test (now aborted): " + open + "\nthreads:\n" + threads);
        }
    }

    @AfterAll
    static void everyStatementIsScopedToATenant() {
        AUDIT.check();
    }
}
