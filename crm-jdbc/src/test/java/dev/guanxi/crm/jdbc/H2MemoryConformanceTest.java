package dev.guanxi.crm.jdbc;

import dev.guanxi.crm.spi.storage.Storage;
import dev.guanxi.crm.test.tck.StorageConformanceKit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;

@DisplayName("JdbcStorage on in-memory H2 passes the storage conformance kit")
class H2MemoryConformanceTest extends StorageConformanceKit {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final TenantPredicateAudit AUDIT = new TenantPredicateAudit();

    @Override
    protected Storage createStorage() {
        return JdbcStorage.builder("jdbc:h2:mem:kit" + DATABASES.incrementAndGet() + ";LOCK_TIMEOUT=10000", "sa", "")
                .statementLog(AUDIT::record)
                .build();
    }

    @AfterAll
    static void everyStatementIsScopedToATenant() {
        AUDIT.check();
    }
}
