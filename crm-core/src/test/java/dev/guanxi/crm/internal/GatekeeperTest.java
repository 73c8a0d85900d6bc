package dev.guanxi.crm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.audit.AuditAction;
import dev.guanxi.crm.audit.AuditRecord;
import dev.guanxi.crm.audit.FieldChange;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.CustomerQuery;
import dev.guanxi.crm.customer.OwnershipRecord;
import dev.guanxi.crm.internal.audit.AuditRecorder;
import dev.guanxi.crm.lifecycle.LifecycleStage;
import dev.guanxi.crm.lifecycle.StageTransition;
import dev.guanxi.crm.lifecycle.TransitionCause;
import dev.guanxi.crm.loyalty.PointsEntry;
import dev.guanxi.crm.loyalty.PointsEntryId;
import dev.guanxi.crm.loyalty.PointsEntryKind;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.spi.storage.ScoreSnapshot;
import dev.guanxi.crm.spi.storage.Storage;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import dev.guanxi.crm.spi.storage.UnitOfWorkContext;
import dev.guanxi.crm.storage.memory.InMemoryStorage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The gatekeeper records every write a unit of work passes to the store")
class GatekeeperTest {
    static final TenantId ACME = TenantId.of("acme");
    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    final Storage storage = new InMemoryStorage();

    /** Runs work through the gatekeeper under a correlation id, flushing the trail at the end. */
    void audited(String correlationId, Consumer<UnitOfWork> work) {
        storage.inTransaction(UnitOfWorkContext.write(ACME), raw -> {
            AuditRecorder recorder = new AuditRecorder(raw.audit(), T0, StaffId.of("alice"), correlationId);
            work.accept(Gatekeeper.wrap(raw, recorder));
            recorder.flush();
            return null;
        });
    }

    List<AuditRecord> correlated(String correlationId) {
        return storage.inTransaction(
                UnitOfWorkContext.read(ACME),
                uow -> uow.audit()
                        .listByCorrelation(correlationId, PageRequest.first(1_000))
                        .items());
    }

    static Customer customer(String name) {
        return Customer.create(
                CustomerId.random(), CustomerDraft.organisation(name).build(), T0);
    }

    @Test
    @DisplayName("a bulk insert is one CREATE record per aggregate, in the order given")
    void bulkInsert() {
        List<Customer> customers = List.of(customer("A"), customer("B"), customer("C"));

        audited("bulk", uow -> uow.customers().insertAll(customers));

        assertThat(correlated("bulk"))
                .extracting(AuditRecord::entityId)
                .containsExactly(
                        customers.stream().map(c -> c.id().value().toString()).toArray(String[]::new));
        assertThat(correlated("bulk")).allSatisfy(r -> assertThat(r.action()).isEqualTo(AuditAction.CREATE));
    }

    @Test
    @DisplayName("an update in the unit of work that inserted the aggregate is diffed against the inserted state")
    void updateAfterInsert() {
        Customer a = customer("A");
        Customer renamed = a.revise(a.toDraft().displayName("A2").build(), T0);

        audited("same", uow -> {
            uow.customers().insert(a);
            uow.customers().update(1, renamed);
        });

        List<AuditRecord> records = correlated("same");
        assertThat(records).extracting(AuditRecord::action).containsExactly(AuditAction.CREATE, AuditAction.UPDATE);
        assertThat(records.get(1).changes())
                .containsExactly(new FieldChange("displayName", "A", "A2"), new FieldChange("version", "1", "2"));
    }

    @Test
    @DisplayName(
            "an expected version the unit of work does not see is refused before the write, and nothing is recorded")
    void staleBeforeWrite() {
        Customer a = customer("A");
        audited("insert", uow -> uow.customers().insert(a));
        Customer v3 = a.revise(a.toDraft().build(), T0)
                .revise(a.toDraft().displayName("X").build(), T0);

        assertThatThrownBy(() -> audited("stale", uow -> uow.customers().update(2, v3)))
                .isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> audited("stale", uow -> uow.customers().delete(a.id(), 2)))
                .isInstanceOf(StaleVersionException.class);

        assertThat(correlated("stale")).isEmpty();
        Customer stored = storage.inTransaction(
                UnitOfWorkContext.read(ACME),
                uow -> uow.customers().find(a.id()).orElseThrow());
        assertThat(stored).isEqualTo(a);
    }

    @Test
    @DisplayName(
            "derived and redundant writes are not recorded: scores, scoring-run moves, ownership lines; hand moves and points entries are")
    void whatIsRecorded() {
        Customer a = customer("A");
        CustomerId id = a.id();
        audited("all", uow -> {
            uow.customers().insert(a);
            uow.scores()
                    .upsertAll(List.of(new ScoreSnapshot(
                            id, UUID.randomUUID(), LocalDate.of(2026, 3, 1), "h", new TreeMap<>(), new TreeMap<>())));
            uow.lifecycle()
                    .appendAll(List.of(new StageTransition(
                            id,
                            null,
                            LifecycleStage.PROSPECT,
                            T0,
                            TransitionCause.FIRST_SEEN,
                            "first seen",
                            List.of())));
            uow.lifecycle()
                    .appendAll(List.of(new StageTransition(
                            id,
                            LifecycleStage.PROSPECT,
                            LifecycleStage.NEW_CUSTOMER,
                            T0.plusSeconds(1),
                            TransitionCause.MANUAL,
                            "gone",
                            List.of())));
            uow.ownership().appendOwnership(OwnershipRecord.open(id, StaffId.of("bob"), T0, "registered", null));
            uow.points()
                    .insertEntry(new PointsEntry(
                            PointsEntryId.random(),
                            id,
                            1,
                            "k-1",
                            PointsEntryKind.ADJUST,
                            5,
                            5,
                            T0,
                            null,
                            "gift",
                            null));
        });

        assertThat(correlated("all"))
                .extracting(AuditRecord::entityKind)
                .containsExactly("Customer", "StageTransition", "PointsEntry");
        assertThat(correlated("all")).allSatisfy(r -> assertThat(r.customerId()).isEqualTo(id));
    }

    @Test
    @DisplayName("reads and unknown methods reach the store unchanged")
    void readsPassThrough() {
        audited("x", uow -> uow.customers().insert(customer("A")));
        long[] counted = new long[1];

        audited("y", uow -> counted[0] = uow.customers().count(CustomerQuery.all()));

        assertThat(counted[0]).isEqualTo(1);
        assertThat(correlated("y")).isEmpty();
    }
}
