package dev.guanxi.crm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.spi.storage.CustomerRepository;
import dev.guanxi.crm.spi.storage.Storage;
import dev.guanxi.crm.spi.storage.TransactionWork;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import dev.guanxi.crm.spi.storage.UnitOfWorkContext;
import dev.guanxi.crm.stewardship.ImportCounts;
import dev.guanxi.crm.stewardship.ImportKind;
import dev.guanxi.crm.stewardship.ImportMode;
import dev.guanxi.crm.stewardship.ImportOptions;
import dev.guanxi.crm.stewardship.ImportResult;
import dev.guanxi.crm.storage.memory.InMemoryStorage;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes that take no version from their caller (an erasure, an import batch) and meet a customer changed by
 * another transaction after they read it — what a database with snapshots and row locks reports as a stale
 * version, RELIABILITY C7 — read it again and write on top, as they do on a store that serialises writers; a
 * stale version that persists is rethrown after {@value CrmContext#STALE_ATTEMPTS} attempts. The store here
 * changes customer X just before the write of it, in the same unit of work (so the change rolls back with it).
 */
@DisplayName("An erasure or import meeting a concurrent change of the customer reads it again instead of failing")
class VersionlessWriteRetryTest {
    private static final TenantId TENANT = TenantId.of("retry");

    /** Changes customer {@link #target} just before the next {@link #times} updates of it in read-write units. */
    private static final class ChangingStorage implements Storage {
        private final Storage store = new InMemoryStorage();
        private volatile CustomerId target;
        private volatile int times;
        private volatile int attempts;

        @Override
        public <T> T inTransaction(UnitOfWorkContext context, TransactionWork<T> work) {
            if (target == null || context.readOnly()) {
                return store.inTransaction(context, work);
            }
            return store.inTransaction(context, uow -> work.run(changing(uow)));
        }

        private UnitOfWork changing(UnitOfWork uow) {
            CustomerRepository real = uow.customers();
            CustomerRepository customers = (CustomerRepository) Proxy.newProxyInstance(
                    CustomerRepository.class.getClassLoader(),
                    new Class<?>[] {CustomerRepository.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("update")
                                && args[1] instanceof Customer c
                                && c.id().equals(target)) {
                            attempts++;
                            if (times > 0) {
                                times--;
                                Customer current = real.find(target).orElseThrow();
                                real.update(
                                        current.version(),
                                        current.revise(
                                                current.toDraft().tag("other").build(), Instant.now()));
                            }
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            return (UnitOfWork) Proxy.newProxyInstance(
                    UnitOfWork.class.getClassLoader(), new Class<?>[] {UnitOfWork.class}, (proxy, method, args) -> {
                        if (method.getName().equals("customers")) {
                            return customers;
                        }
                        try {
                            return method.invoke(uow, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public void close() {
            store.close();
        }
    }

    private final ChangingStorage storage = new ChangingStorage();
    private final TenantCrm crm = Crm.builder().storage(storage).build().tenant(TENANT);

    private Customer registerX() {
        Customer x = crm.customers()
                .register(CustomerDraft.person("X").externalId("x-ext").build());
        storage.target = x.id();
        return x;
    }

    @Test
    @DisplayName("an erasure that meets a change reads the customer again and erases it: two attempts")
    void erasureRetries() {
        Customer x = registerX();
        storage.times = 1;
        crm.personalData().erase(x.id(), "request");
        boolean erased = crm.personalData().erasure(x.id()).isPresent();
        assertThat(erased).isTrue();
        String name = crm.customers().get(x.id()).displayName();
        assertThat(name).isEqualTo("[erased]");
        int attempts = storage.attempts;
        assertThat(attempts).isEqualTo(2);
    }

    @Test
    @DisplayName("an erasure that keeps meeting changes gives up with the stale version after three attempts")
    void erasureGivesUp() {
        Customer x = registerX();
        storage.times = Integer.MAX_VALUE;
        assertThatThrownBy(() -> crm.personalData().erase(x.id(), "request")).isInstanceOf(StaleVersionException.class);
        int attempts = storage.attempts;
        assertThat(attempts).isEqualTo(CrmContext.STALE_ATTEMPTS);
        boolean erased = crm.personalData().erasure(x.id()).isPresent();
        assertThat(erased).isFalse();
    }

    @Test
    @DisplayName("an import batch that meets a change reads the customer again and updates it")
    void importBatchRetries(@TempDir Path dir) throws IOException {
        registerX();
        storage.times = 1;
        ImportCounts counts = importX(dir, ImportOptions.defaults()).job().counts();
        assertThat(counts.updated()).isEqualTo(1);
        assertThat(counts.failed()).isZero();
        String legal = crm.customers().findByExternalId("x-ext").orElseThrow().legalName();
        assertThat(legal).isEqualTo("Imported");
    }

    @Test
    @DisplayName("an all-or-nothing import that meets a change reads the customer again and updates it")
    void allOrNothingRetries(@TempDir Path dir) throws IOException {
        registerX();
        storage.times = 1;
        ImportOptions aon =
                ImportOptions.builder().mode(ImportMode.ALL_OR_NOTHING).build();
        ImportCounts counts = importX(dir, aon).job().counts();
        assertThat(counts.updated()).isEqualTo(1);
        int attempts = storage.attempts;
        assertThat(attempts).isEqualTo(2);
    }

    private ImportResult importX(Path dir, ImportOptions options) throws IOException {
        Path file = dir.resolve("x.csv");
        Files.writeString(file, "external_id,display_name,legal_name\r\nx-ext,X,Imported\r\n", StandardCharsets.UTF_8);
        return crm.imports().importCsv(ImportKind.CUSTOMERS, file, options);
    }
}
