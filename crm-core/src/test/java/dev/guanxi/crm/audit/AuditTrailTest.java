package dev.guanxi.crm.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.Crm;
import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.access.Principal;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.ReferenceCodeType;
import dev.guanxi.crm.customer.ShareAccess;
import dev.guanxi.crm.interaction.Direction;
import dev.guanxi.crm.interaction.Interaction;
import dev.guanxi.crm.interaction.NewInteraction;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.spi.storage.Storage;
import dev.guanxi.crm.spi.storage.TransactionWork;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import dev.guanxi.crm.spi.storage.UnitOfWorkContext;
import dev.guanxi.crm.storage.memory.InMemoryStorage;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The audit trail through the API: who changed what, when, old and new values")
class AuditTrailTest {
    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    static final Principal ALICE = Principal.of("alice", "sales");
    static final Principal BOB = Principal.of("bob", "sales");

    final SettableClock clock = new SettableClock(T0);
    final FailingStorage storage = new FailingStorage(new InMemoryStorage());
    Crm crm;
    TenantCrm acme;

    @BeforeEach
    void setUp() {
        crm = Crm.builder().storage(storage).clock(clock).build();
        acme = crm.tenant("acme");
    }

    Customer register(TenantCrm tenant, String name) {
        return tenant.customers().register(CustomerDraft.organisation(name).build());
    }

    Interaction log(TenantCrm tenant, CustomerId customer, String subject) {
        return tenant.interactions()
                .log(NewInteraction.builder(customer, Channel.PHONE, Direction.INBOUND, subject)
                        .occurredAt(clock.instant())
                        .build());
    }

    @Test
    @DisplayName(
            "a registration is one CREATE record: every set field, the principal's user, the write's instant, the host's correlation id")
    void createRecord() {
        Customer c = register(acme.as(ALICE).correlated("req-1"), "Acme 有限公司");

        Page<AuditRecord> timeline = acme.audit().timeline(c.id(), PageRequest.first(10));

        assertThat(timeline.items()).hasSize(1);
        AuditRecord r = timeline.items().get(0);
        assertThat(r.action()).isEqualTo(AuditAction.CREATE);
        assertThat(r.user()).isEqualTo(StaffId.of("alice"));
        assertThat(r.actor()).isEqualTo("alice");
        assertThat(r.at()).isEqualTo(T0);
        assertThat(r.correlationId()).isEqualTo("req-1");
        assertThat(r.entityKind()).isEqualTo("Customer");
        assertThat(r.entityId()).isEqualTo(c.id().value().toString());
        assertThat(r.customerId()).isEqualTo(c.id());
        assertThat(r.sequence()).isPositive();
        assertThat(r.changes())
                .contains(
                        new FieldChange("displayName", null, "Acme 有限公司"),
                        new FieldChange("kind", null, "ORGANISATION"),
                        new FieldChange("version", null, "1"),
                        new FieldChange("createdAt", null, "2026-03-01T09:00:00Z"))
                .allSatisfy(change -> assertThat(change.oldValue()).isNull());
        Set<String> fields = r.changes().stream().map(FieldChange::field).collect(Collectors.toSet());
        assertThat(fields).doesNotContain("legalName", "owner", "externalId"); // not set: not recorded
        assertThat(fields).isEqualTo(AuditTrail.fieldsOf(c).keySet());
        assertThat(r.reason()).isEqualTo("alice created Customer " + c.id().value());
    }

    @Test
    @DisplayName("an update records exactly the fields that differ, with their old and new values")
    void updateRecord() {
        Customer c = register(acme, "Acme");
        clock.advance(Duration.ofMinutes(5));

        acme.as(BOB).customers().update(c.id(), 1, b -> b.legalName("Acme Ltd").tag("vip"));

        AuditRecord r =
                acme.audit().timeline(c.id(), PageRequest.first(1)).items().get(0);
        // Customer's components in order: ... legalName ... tags ... version, createdAt, updatedAt
        assertThat(r.action()).isEqualTo(AuditAction.UPDATE);
        assertThat(r.changes())
                .containsExactly(
                        new FieldChange("legalName", null, "Acme Ltd"),
                        new FieldChange("tags[vip]", null, "vip"),
                        new FieldChange("version", "1", "2"),
                        new FieldChange("updatedAt", "2026-03-01T09:00:00Z", "2026-03-01T09:05:00Z"));
        assertThat(r.reason()).isEqualTo("bob updated Customer " + c.id().value() + ": legalName, tags[vip]");
    }

    @Test
    @DisplayName("a delete records the last values; the timeline outlives the customer")
    void deleteRecord() {
        Customer c = register(acme, "Acme");
        acme.customers().delete(c.id(), 1);

        List<AuditRecord> timeline =
                acme.audit().timeline(c.id(), PageRequest.first(10)).items();

        assertThat(timeline).extracting(AuditRecord::action).containsExactly(AuditAction.DELETE, AuditAction.CREATE);
        assertThat(timeline.get(0).changes())
                .contains(new FieldChange("displayName", "Acme", null))
                .allSatisfy(change -> assertThat(change.newValue()).isNull());
        assertThat(timeline.get(0).changes()).hasSameSizeAs(timeline.get(1).changes());
    }

    @Test
    @DisplayName("a customer's timeline holds its children's changes too, newest first, page by page")
    void timelineWithChildren() {
        Customer c = register(acme, "Acme");
        Customer other = register(acme, "Other");
        Interaction first = log(acme, c.id(), "first call");
        log(acme, other.id(), "someone else");
        Interaction second = log(acme, c.id(), "second call");
        acme.interactions().update(first.id(), 1, "called back", null);

        Page<AuditRecord> page1 = acme.audit().timeline(c.id(), PageRequest.first(2));
        Page<AuditRecord> page2 = acme.audit().timeline(c.id(), page1.request().next());

        assertThat(page1.hasMore()).isTrue();
        assertThat(page2.hasMore()).isFalse();
        List<String> seen = new java.util.ArrayList<>();
        for (AuditRecord r : page1.items()) {
            seen.add(r.action() + " " + r.entityKind() + " " + r.entityId());
        }
        for (AuditRecord r : page2.items()) {
            seen.add(r.action() + " " + r.entityKind() + " " + r.entityId());
        }
        assertThat(seen)
                .containsExactly(
                        "UPDATE Interaction " + first.id().value(),
                        "CREATE Interaction " + second.id().value(),
                        "CREATE Interaction " + first.id().value(),
                        "CREATE Customer " + c.id().value());
        List<Long> sequences = page1.items().stream().map(AuditRecord::sequence).toList();
        assertThat(sequences.get(0)).isGreaterThan(sequences.get(1));
    }

    @Test
    @DisplayName("history(type, id) lists one entity's records; correlated(id) lists one call's records in order")
    void historyAndCorrelation() {
        Customer a = acme.customers()
                .register(CustomerDraft.organisation("A")
                        .owner(StaffId.of("alice"))
                        .build());
        Customer b = acme.customers()
                .register(CustomerDraft.organisation("B")
                        .owner(StaffId.of("alice"))
                        .build());
        log(acme, a.id(), "call");

        acme.correlated("handover-7").customers().handOver(StaffId.of("alice"), StaffId.of("bob"), "left");

        List<AuditRecord> history = acme.audit()
                .history(Customer.class, a.id(), PageRequest.first(10))
                .items();
        assertThat(history).extracting(AuditRecord::action).containsExactly(AuditAction.UPDATE, AuditAction.CREATE);
        assertThat(history.get(0).changes()).contains(new FieldChange("owner", "alice", "bob"));
        List<AuditRecord> handover =
                acme.audit().correlated("handover-7", PageRequest.first(10)).items();
        assertThat(handover)
                .extracting(AuditRecord::entityId)
                .containsExactlyInAnyOrder(
                        a.id().value().toString(), b.id().value().toString());
        assertThat(handover.get(0).sequence()).isLessThan(handover.get(1).sequence());
        assertThat(acme.audit()
                        .history("Customer", a.id().value().toString(), PageRequest.first(10))
                        .items())
                .isEqualTo(history);
    }

    @Test
    @DisplayName("without a principal the system is the author, and each write has its own correlation id")
    void systemActor() {
        Customer c = register(acme, "Acme");
        acme.customers().update(c.id(), 1, b -> b.legalName("Acme Ltd"));

        List<AuditRecord> timeline =
                acme.audit().timeline(c.id(), PageRequest.first(10)).items();

        assertThat(timeline).allSatisfy(r -> {
            assertThat(r.user()).isNull();
            assertThat(r.actor()).isEqualTo(AuditRecord.SYSTEM);
        });
        assertThat(timeline.get(0).correlationId()).isNotEqualTo(timeline.get(1).correlationId());
    }

    @Test
    @DisplayName("work that is rolled back leaves no audit record; a refused write leaves none either")
    void rollbackLeavesNothing() {
        Customer kept = register(acme, "Kept");
        storage.failNextWrite = true;
        assertThatThrownBy(() -> acme.correlated("doomed").customers().update(kept.id(), 1, b -> b.legalName("X")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("injected");
        acme.customers().update(kept.id(), 1, b -> b.externalId("ERP-1"));
        assertThatThrownBy(() -> acme.correlated("duplicate")
                        .customers()
                        .register(CustomerDraft.organisation("Twin")
                                .externalId("ERP-1")
                                .build()))
                .isInstanceOf(DuplicateKeyException.class);

        assertThat(acme.audit().correlated("doomed", PageRequest.first(10)).items())
                .isEmpty();
        assertThat(acme.audit().correlated("duplicate", PageRequest.first(10)).items())
                .isEmpty();
        assertThat(acme.audit().timeline(kept.id(), PageRequest.first(10)).items())
                .extracting(AuditRecord::action)
                .containsExactly(AuditAction.UPDATE, AuditAction.CREATE);
    }

    @Test
    @DisplayName("shares and reference codes are recorded when set, changed and removed")
    void sharesAndCodes() {
        Customer c = acme.customers()
                .register(CustomerDraft.organisation("A")
                        .owner(StaffId.of("alice"))
                        .build());
        acme.customers().share(c.id(), StaffId.of("bob"), ShareAccess.READ, "cover");
        acme.customers().share(c.id(), StaffId.of("bob"), ShareAccess.WRITE, "cover");
        acme.customers().revokeShare(c.id(), StaffId.of("bob"));
        acme.referenceCodes().define(ReferenceCodeType.REGION, "north", "华北");
        acme.referenceCodes().deactivate(ReferenceCodeType.REGION, "north");

        List<AuditRecord> share = acme.audit()
                .history("CustomerShare", c.id().value() + "/bob", PageRequest.first(10))
                .items();
        List<AuditRecord> code = acme.audit()
                .history("ReferenceCode", "REGION/north", PageRequest.first(10))
                .items();

        assertThat(share)
                .extracting(AuditRecord::action)
                .containsExactly(AuditAction.DELETE, AuditAction.UPDATE, AuditAction.CREATE);
        assertThat(share.get(1).changes()).contains(new FieldChange("access", "READ", "WRITE"));
        assertThat(share).allSatisfy(r -> assertThat(r.customerId()).isEqualTo(c.id()));
        assertThat(code).extracting(AuditRecord::action).containsExactly(AuditAction.UPDATE, AuditAction.CREATE);
        assertThat(code.get(0).changes()).containsExactly(new FieldChange("active", "true", "false"));
        assertThat(code.get(0).customerId()).isNull();
    }

    @Test
    @DisplayName("tenants never see each other's trail")
    void tenants() {
        Customer c = register(acme, "Acme");
        TenantCrm globex = crm.tenant("globex");

        assertThat(globex.audit().timeline(c.id(), PageRequest.first(10)).items())
                .isEmpty();
        assertThat(globex.audit()
                        .history(Customer.class, c.id(), PageRequest.first(10))
                        .items())
                .isEmpty();
    }

    @Test
    @DisplayName("a store without an audit trail: writes work and record nothing, reads of the trail are unsupported")
    void storeWithoutTrail() {
        Crm old = Crm.builder()
                .storage(new NoTrailStorage(new InMemoryStorage()))
                .clock(clock)
                .build();
        TenantCrm tenant = old.tenant("acme");

        Customer c = register(tenant, "Acme");

        assertThat(tenant.customers().get(c.id()).displayName()).isEqualTo("Acme");
        assertThatThrownBy(() -> tenant.audit().timeline(c.id(), PageRequest.first(1)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("bad arguments are typed validation errors naming the field")
    void badInput() {
        assertThatThrownBy(() -> acme.audit().timeline(null, PageRequest.first(1)))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("customerId"));
        assertThatThrownBy(() -> acme.audit().correlated(" ", PageRequest.first(1)))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.rule()).isEqualTo(ValidationRule.BLANK));
        assertThatThrownBy(() -> acme.audit().history("Customer", "x", null))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("page"));
        assertThatThrownBy(() -> acme.correlated(null))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.rule()).isEqualTo(ValidationRule.REQUIRED));
        assertThatThrownBy(() -> acme.correlated("x".repeat(129)))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.rule()).isEqualTo(ValidationRule.TOO_LONG));
        assertThatThrownBy(() -> acme.correlated("two\nlines"))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("correlationId"));
        assertThatThrownBy(() -> acme.as(null))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("principal"));
    }

    /** A store that fails the next read-write unit of work after its work ran, so that it rolls back. */
    static final class FailingStorage implements Storage {
        private final Storage delegate;
        volatile boolean failNextWrite;

        FailingStorage(Storage delegate) {
            this.delegate = delegate;
        }

        @Override
        public <T> T inTransaction(UnitOfWorkContext context, TransactionWork<T> work) {
            return delegate.inTransaction(context, uow -> {
                T result = work.run(uow);
                if (!context.readOnly() && failNextWrite) {
                    failNextWrite = false;
                    throw new IllegalStateException("injected failure before commit");
                }
                return result;
            });
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    /** A store as it was before the audit trail: its units of work keep {@code audit()}'s default. */
    static final class NoTrailStorage implements Storage {
        private final Storage delegate;

        NoTrailStorage(Storage delegate) {
            this.delegate = delegate;
        }

        @Override
        public <T> T inTransaction(UnitOfWorkContext context, TransactionWork<T> work) {
            return delegate.inTransaction(
                    context,
                    uow -> work.run((UnitOfWork) Proxy.newProxyInstance(
                            UnitOfWork.class.getClassLoader(),
                            new Class<?>[] {UnitOfWork.class},
                            (proxy, method, args) -> {
                                if (method.getName().equals("audit")) {
                                    throw new UnsupportedOperationException("no audit trail");
                                }
                                try {
                                    return method.invoke(uow, args);
                                } catch (InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            })));
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    /** A clock the test moves. */
    static final class SettableClock extends Clock {
        private volatile Instant now;

        SettableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
