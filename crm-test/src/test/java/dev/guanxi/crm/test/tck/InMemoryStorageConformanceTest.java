package dev.guanxi.crm.test.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guanxi.crm.spi.storage.Storage;
import dev.guanxi.crm.storage.memory.InMemoryStorage;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("InMemoryStorage passes the storage conformance kit")
class InMemoryStorageConformanceTest extends StorageConformanceKit {
    @Override
    protected Storage createStorage() {
        return new InMemoryStorage();
    }

    /** The in-memory store serialises writers, so a short hammer already shows contention. */
    @Override
    protected Duration hammerDuration() {
        return TransactionContract.configuredHammerDuration(Duration.ofSeconds(1));
    }

    @Test
    @DisplayName("says it is not durable, so the kit skips the restart tests instead of passing them")
    void reportsItselfNotDurable() {
        try (Storage storage = createStorage()) {
            assertThat(storage.capabilities().durable()).isFalse();
            assertThat(storage.capabilities().description()).isEqualTo("in-memory");
        }
    }
}
