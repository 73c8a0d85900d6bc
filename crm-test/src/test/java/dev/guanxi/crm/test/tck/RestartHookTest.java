package dev.guanxi.crm.test.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.spi.storage.Storage;
import dev.guanxi.crm.spi.storage.StorageCapabilities;
import dev.guanxi.crm.spi.storage.TransactionWork;
import dev.guanxi.crm.spi.storage.UnitOfWorkContext;
import dev.guanxi.crm.storage.memory.InMemoryStorage;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The kit's restart tests against a store that pretends to be durable: each "reopen" opens a new handle on the
 * same in-memory data, and a closed handle refuses every call, so the tests must really switch to the reopened
 * store. Also checks that a durable store whose test does not implement the hook fails instead of passing.
 */
@DisplayName("The restart hook of the conformance kit")
class RestartHookTest {
    /** A handle on shared in-memory data that says it is durable and refuses calls once closed. */
    static final class Handle implements Storage {
        final InMemoryStorage data;
        boolean closed;

        Handle(InMemoryStorage data) {
            this.data = data;
        }

        @Override
        public <T> T inTransaction(UnitOfWorkContext context, TransactionWork<T> work) {
            if (closed) {
                throw new IllegalStateException("closed");
            }
            return data.inTransaction(context, work);
        }

        @Override
        public StorageCapabilities capabilities() {
            return new StorageCapabilities(true, "durable test double");
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private Handle current = new Handle(new InMemoryStorage());

    private boolean reopen() {
        current.close();
        current = new Handle(current.data);
        return true;
    }

    @AfterEach
    void close() {
        current.close();
    }

    @Nested
    @DisplayName("outbox across a restart")
    class Outbox extends EventOutboxContract {
        @Override
        protected Storage storage() {
            return current;
        }

        @Override
        protected boolean reopenStorage() {
            return reopen();
        }
    }

    @Nested
    @DisplayName("dates across a restart")
    class RoundTrips extends RoundTripContract {
        @Override
        protected Storage storage() {
            return current;
        }

        @Override
        protected boolean reopenStorage() {
            return reopen();
        }
    }

    @Test
    @DisplayName("a durable store whose test cannot reopen it fails the restart tests")
    void durableWithoutHookFails() {
        EventOutboxContract outbox = new EventOutboxContract() {
            @Override
            protected Storage storage() {
                return current;
            }
        };
        RoundTripContract dates = new RoundTripContract() {
            @Override
            protected Storage storage() {
                return current;
            }
        };

        assertThatThrownBy(outbox::pendingSurvivesReopening).isInstanceOf(AssertionError.class);
        assertThatThrownBy(dates::datesIgnoreTheJvmTimeZone).isInstanceOf(AssertionError.class);
    }

    @Test
    @DisplayName("the kit closes the store, passes it to reopen and tests the new one from then on")
    void kitSwitchesToTheReopenedStore() {
        StorageConformanceKit kit = new StorageConformanceKit() {
            @Override
            protected Storage createStorage() {
                return current;
            }

            @Override
            protected Optional<Storage> reopen(Storage closed) {
                assertThat(((Handle) closed).closed).isTrue();
                return Optional.of(new Handle(((Handle) closed).data));
            }
        };
        kit.openStorage();
        Storage first = kit.currentStorage();

        assertThat(kit.reopenCurrent()).isTrue();

        assertThat(first).isSameAs(current);
        assertThat(current.closed).isTrue();
        assertThat(kit.currentStorage()).isNotSameAs(first);
        assertThat(((Handle) kit.currentStorage()).data).isSameAs(current.data);
        kit.closeStorage();
        assertThat(((Handle) kit.currentStorage()).closed).isTrue();
    }

    @Test
    @DisplayName("without a reopen hook the kit reports that it could not reopen")
    void kitWithoutHook() {
        StorageConformanceKit kit = new StorageConformanceKit() {
            @Override
            protected Storage createStorage() {
                return current;
            }
        };
        kit.openStorage();

        assertThat(kit.reopenCurrent()).isFalse();
    }
}
