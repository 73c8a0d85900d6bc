package dev.guanxi.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.NoSuchCustomerException;
import dev.guanxi.crm.event.CustomerRegistered;
import dev.guanxi.crm.event.DomainEvent;
import dev.guanxi.crm.event.EventMetadata;
import dev.guanxi.crm.spi.storage.UnitOfWorkContext;
import dev.guanxi.crm.storage.memory.InMemoryStorage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CrmTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC);

    @Test
    @DisplayName("a repeated single-valued builder option fails at once with IllegalStateException")
    void builderFailsFast() {
        assertThatThrownBy(() -> Crm.builder().storage(new InMemoryStorage()).storage(new InMemoryStorage()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("storage was already set");
        assertThatThrownBy(() -> Crm.builder().clock(CLOCK).clock(Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("clock was already set");
        assertThatThrownBy(() -> Crm.builder().storage(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    @DisplayName("without a storage the CRM runs on the in-memory store with the given clock")
    void defaults() {
        Crm crm = Crm.builder().clock(CLOCK).build();
        assertThat(crm.storage()).isInstanceOf(InMemoryStorage.class);
        assertThat(crm.storage().capabilities().durable()).isFalse();
        Customer c = crm.tenant("acme")
                .customers()
                .register(CustomerDraft.person("张伟").build());
        assertThat(c.createdAt()).isEqualTo(CLOCK.instant());
        assertThat(c.version()).isEqualTo(1);
    }

    @Test
    @DisplayName("a tenant never sees another tenant's customers, and a foreign id is simply not found")
    void tenantIsolation() {
        Crm crm = Crm.builder().clock(CLOCK).build();
        Customer a = crm.tenant("a")
                .customers()
                .register(CustomerDraft.person("Alice").build());
        assertThat(crm.tenant("b").customers().find(a.id())).isEmpty();
        assertThatThrownBy(() -> crm.tenant("b").customers().get(a.id()))
                .isInstanceOf(NoSuchCustomerException.class)
                .isInstanceOf(NotFoundException.class);
        assertThat(crm.tenant("a").customers().get(a.id())).isEqualTo(a);
    }

    @Test
    @DisplayName(
            "listeners get events after commit; a failing listener neither undoes the change nor starves the others")
    void listenersAfterCommit() {
        List<DomainEvent> seen = new ArrayList<>();
        List<Optional<Customer>> visibleToListener = new ArrayList<>();
        Crm[] holder = new Crm[1];
        Crm crm = Crm.builder()
                .clock(CLOCK)
                .listener(e -> {
                    throw new IllegalStateException("listener bug");
                })
                .listener(e -> {
                    seen.add(e);
                    if (e instanceof CustomerRegistered registered) {
                        visibleToListener.add(
                                holder[0].tenant("acme").customers().find(registered.customerId()));
                    }
                })
                .build();
        holder[0] = crm;
        Customer c = crm.tenant("acme")
                .customers()
                .register(CustomerDraft.person("Li Na").build());
        assertThat(crm.tenant("acme").customers().find(c.id())).contains(c);
        assertThat(seen).isNotEmpty();
        assertThat(seen.get(0).metadata().tenant()).isEqualTo(TenantId.of("acme"));
        assertThat(visibleToListener).isNotEmpty().allSatisfy(v -> assertThat(v).contains(c));
        assertThat(crm.tenant("acme").deliverPendingEvents()).isZero();
    }

    @Test
    @DisplayName("events committed but not delivered (the JVM stopped in between) are delivered at start-up, once")
    void pendingEventsDeliveredAfterRestart() {
        InMemoryStorage storage = new InMemoryStorage();
        Crm before = Crm.builder().clock(CLOCK).storage(storage).build();
        Customer c = before.tenant("acme")
                .customers()
                .register(CustomerDraft.person("Wang Fang").build());
        // Simulate a crash after commit: the event is in the outbox, no listener has seen it.
        CustomerRegistered lost = new CustomerRegistered(
                new EventMetadata(java.util.UUID.randomUUID(), TenantId.of("acme"), CLOCK.instant()), c);
        storage.inTransaction(UnitOfWorkContext.write(TenantId.of("acme")), uow -> {
            uow.outbox().append(List.of(lost));
            return null;
        });

        List<DomainEvent> seen = new ArrayList<>();
        Crm after =
                Crm.builder().clock(CLOCK).storage(storage).listener(seen::add).build();
        assertThat(after.tenant("other").deliverPendingEvents()).isZero();
        assertThat(after.tenant("acme").deliverPendingEvents()).isEqualTo(1);
        assertThat(seen).containsExactly(lost);
        assertThat(after.tenant("acme").deliverPendingEvents()).isZero();
        assertThat(seen).hasSize(1);
    }

    @Test
    @DisplayName("invalid input stores nothing and publishes nothing")
    void invalidInputStoresNothing() {
        List<DomainEvent> seen = new CopyOnWriteArrayList<>();
        Crm crm = Crm.builder().clock(CLOCK).listener(seen::add).build();
        assertThatThrownBy(() -> crm.tenant("acme")
                        .customers()
                        .register(CustomerDraft.person(" ").build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("displayName");
                    assertThat(e.rule()).isEqualTo(ValidationRule.BLANK);
                });
        assertThat(seen).isEmpty();
    }

    @Test
    @DisplayName("a unit of work that throws leaves nothing behind; a read-only one refuses writes")
    void rollback() {
        InMemoryStorage storage = new InMemoryStorage();
        Crm crm = Crm.builder().clock(CLOCK).storage(storage).build();
        Customer template = crm.tenant("acme")
                .customers()
                .register(CustomerDraft.person("Template").build());
        CustomerId[] inserted = new CustomerId[1];
        assertThatThrownBy(() -> storage.inTransaction(UnitOfWorkContext.write(TenantId.of("acme")), uow -> {
                    Customer copy = uow.customers().find(template.id()).orElseThrow();
                    uow.customers().delete(copy.id(), copy.version());
                    assertThat(uow.customers().find(template.id())).isEmpty();
                    inserted[0] = copy.id();
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");
        assertThat(crm.tenant("acme").customers().find(inserted[0])).contains(template);
        assertThatThrownBy(() -> storage.inTransaction(UnitOfWorkContext.read(TenantId.of("acme")), uow -> {
                    uow.customers().delete(template.id(), template.version());
                    return null;
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(crm.tenant("acme").customers().find(template.id())).contains(template);
    }

    @Test
    @DisplayName("concurrent registrations from 8 threads are all stored, none lost")
    void concurrentWriters() throws Exception {
        Crm crm = Crm.builder().clock(CLOCK).build();
        TenantCrm acme = crm.tenant("acme");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<List<CustomerId>>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                List<CustomerId> ids = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    ids.add(acme.customers()
                            .register(
                                    CustomerDraft.person("p" + thread + "-" + i).build())
                            .id());
                }
                return ids;
            }));
        }
        List<CustomerId> all = new ArrayList<>();
        for (Future<List<CustomerId>> f : futures) {
            all.addAll(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(all).hasSize(1_600).doesNotHaveDuplicates();
        assertThat(all).allSatisfy(id -> assertThat(acme.customers().find(id)).isPresent());
    }
}
