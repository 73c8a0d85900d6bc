package dev.guanxi.crm.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.AccessDeniedException;
import dev.guanxi.crm.Crm;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.audit.AuditRecord;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.NewOrder;
import dev.guanxi.crm.sales.OrderLine;
import dev.guanxi.crm.spi.storage.Storage;
import dev.guanxi.crm.spi.storage.TransactionWork;
import dev.guanxi.crm.spi.storage.UnitOfWorkContext;
import dev.guanxi.crm.storage.memory.InMemoryStorage;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Record-level access through the API on the in-memory store")
class RecordAccessTest {
    static final StaffId ALICE = StaffId.of("alice");
    static final StaffId BOB = StaffId.of("bob");
    static final AccessPolicy POLICY = AccessPolicy.ownTeamAll(
            TeamDirectory.none(),
            Map.of("rep", RoleAccess.of(Scope.OWN, Scope.OWN), "admin", RoleAccess.of(Scope.ALL, Scope.ALL)));

    final Counting storage = new Counting(new InMemoryStorage());
    final Clock clock = Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC);
    TenantCrm admin;
    TenantCrm alice;
    Customer alices;
    Customer bobs;

    @BeforeEach
    void setUp() {
        Crm crm =
                Crm.builder().storage(storage).clock(clock).accessPolicy(POLICY).build();
        admin = crm.tenant("acme").as(Principal.of("root", "admin")).correlated("setup");
        alice = crm.tenant("acme").as(Principal.of("alice", "rep"));
        alices = admin.customers()
                .register(CustomerDraft.organisation("Alice's").owner(ALICE).build());
        bobs = admin.customers()
                .register(CustomerDraft.organisation("Bob's").owner(BOB).build());
        for (Customer c : List.of(alices, bobs)) {
            admin.sales()
                    .recordPurchase(NewOrder.builder(c.id(), LocalDate.of(2026, 3, 1))
                            .line(OrderLine.of("TEA", 1, Money.of("10.00", "CNY")))
                            .build());
        }
    }

    @Test
    @DisplayName("a scan visits only the purchases of visible customers")
    void scans() {
        List<CustomerId> visited = new ArrayList<>();

        alice.sales().scanPurchases((customer, date, amount, currency) -> visited.add(customer));

        assertThat(visited).containsExactly(alices.id());
    }

    @Test
    @DisplayName("the audit trail shows a principal only the records of customers she may see")
    void auditTrail() {
        List<AuditRecord> setup =
                alice.audit().correlated("setup", PageRequest.first(100)).items();

        assertThat(setup)
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.customerId()).isEqualTo(alices.id()));
        assertThat(alice.audit().timeline(bobs.id(), PageRequest.first(10)).items())
                .isEmpty();
        assertThat(alice.audit().timeline(alices.id(), PageRequest.first(10)).items())
                .hasSize(2);
        assertThat(admin.audit().correlated("setup", PageRequest.first(100)).items())
                .hasSize(4);
    }

    @Test
    @DisplayName(
            "a denied write leaves no audit record and no event, and the principal's permitted writes are hers in the trail")
    void deniedWrite() {
        assertThatThrownBy(() -> alice.correlated("denied")
                        .customers()
                        .register(CustomerDraft.organisation("Bob's too")
                                .owner(BOB)
                                .build()))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> {
                    assertThat(e.user()).isEqualTo(ALICE);
                    assertThat(e.operation()).isEqualTo("WRITE");
                    assertThat(e.entityKind()).isEqualTo("Customer");
                });
        Customer mine = alice.correlated("allowed")
                .customers()
                .register(CustomerDraft.organisation("Mine").owner(ALICE).build());

        assertThat(admin.audit().correlated("denied", PageRequest.first(10)).items())
                .isEmpty();
        assertThat(admin.audit().correlated("allowed", PageRequest.first(10)).items())
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.user()).isEqualTo(ALICE);
                    assertThat(r.entityId()).isEqualTo(mine.id().value().toString());
                });
    }

    @Test
    @DisplayName(
            "with a policy, a call without a principal is refused before the store is touched; without a policy it is not")
    void noPrincipal() {
        int before = storage.units.get();
        TenantCrm anonymous = Crm.builder()
                .storage(storage)
                .clock(clock)
                .accessPolicy(POLICY)
                .build()
                .tenant("acme");

        assertThatThrownBy(() -> anonymous.customers().find(alices.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> anonymous.customers().delete(alices.id(), 1))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(storage.units.get()).isEqualTo(before);
        TenantCrm open = Crm.builder().storage(storage).clock(clock).build().tenant("acme");
        assertThat(open.customers().find(bobs.id())).isPresent();
    }

    /** Counts the units of work the store opens. */
    static final class Counting implements Storage {
        final Storage delegate;
        final AtomicInteger units = new AtomicInteger();

        Counting(Storage delegate) {
            this.delegate = delegate;
        }

        @Override
        public <T> T inTransaction(UnitOfWorkContext context, TransactionWork<T> work) {
            units.incrementAndGet();
            return delegate.inTransaction(context, work);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
