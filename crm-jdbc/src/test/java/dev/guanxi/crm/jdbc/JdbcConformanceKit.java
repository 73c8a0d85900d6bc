package dev.guanxi.crm.jdbc;

import dev.guanxi.crm.spi.storage.Storage;
import dev.guanxi.crm.test.tck.StorageConformanceKit;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;

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
            Schema.truncate(ds);
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

    @AfterAll
    static void everyStatementIsScopedToATenant() {
        AUDIT.check();
    }
}
