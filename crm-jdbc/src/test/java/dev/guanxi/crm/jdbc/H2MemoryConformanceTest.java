package dev.guanxi.crm.jdbc;

import dev.guanxi.crm.spi.storage.Storage;
import dev.guanxi.crm.test.tck.StorageConformanceKit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;

@DisplayName("JdbcStorage on in-memory H2 passes the storage conformance kit")
class H2MemoryConformanceTest extends StorageConformanceKit {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Override
    protected Storage createStorage() {
        return JdbcStorage.h2InMemory("kit" + DATABASES.incrementAndGet());
    }
}
