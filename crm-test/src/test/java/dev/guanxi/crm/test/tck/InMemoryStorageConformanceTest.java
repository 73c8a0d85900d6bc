package dev.guanxi.crm.test.tck;

import dev.guanxi.crm.spi.storage.Storage;
import dev.guanxi.crm.storage.memory.InMemoryStorage;
import org.junit.jupiter.api.DisplayName;

@DisplayName("InMemoryStorage passes the storage conformance kit")
class InMemoryStorageConformanceTest extends StorageConformanceKit {
    @Override
    protected Storage createStorage() {
        return new InMemoryStorage();
    }
}
