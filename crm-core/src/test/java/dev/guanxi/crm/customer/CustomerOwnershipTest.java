package dev.guanxi.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.Crm;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.event.CustomerEvent;
import dev.guanxi.crm.event.CustomerOwnerChanged;
import dev.guanxi.crm.event.CustomerUpdated;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.NewOpportunity;
import dev.guanxi.crm.sales.Opportunity;
import dev.guanxi.crm.service.CaseKind;
import dev.guanxi.crm.service.NewServiceCase;
import dev.guanxi.crm.service.ServiceCase;
import dev.guanxi.crm.service.Severity;
import dev.guanxi.crm.spi.storage.CustomerRepository;
import dev.guanxi.crm.spi.storage.Storage;
import dev.guanxi.crm.spi.storage.TransactionWork;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import dev.guanxi.crm.spi.storage.UnitOfWorkContext;
import dev.guanxi.crm.storage.memory.InMemoryStorage;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Customer ownership: ledger, sharing and handover")
class CustomerOwnershipTest {
    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    static final StaffId ALICE = StaffId.of("alice");
    static final StaffId BOB = StaffId.of("bob");
    static final StaffId CAROL = StaffId.of("carol");

    final List<CustomerEvent> events = new CopyOnWriteArrayList<>();
    final TestClock clock = new TestClock(T0);
    /** Runs once, inside the next customer update of any unit of work, before it is applied; see below. */
    Consumer<Customer> beforeUpdate;

    Crm crm;
    TenantCrm acme;
    Customers customers;

    @BeforeEach
    void setUp() {
        crm = Crm.builder()
                .storage(interceptingStorage(new InMemoryStorage()))
                .clock(clock)
                .listener(CustomerEvent.class, events::add)
                .build();
        acme = crm.tenant("acme");
        customers = acme.customers();
    }

    Customer register(TenantCrm tenant, String name, StaffId owner) {
        return tenant.customers()
                .register(CustomerDraft.organisation(name).owner(owner).build());
    }

    @Nested
    @DisplayName("the ownership ledger")
    class Ledger {
        @Test
        @DisplayName("keeps register, owner update and handover as three lines, each ending where the next starts")
        void registerUpdateHandover() {
            Customer c = register(acme, "华联商贸", ALICE);
            clock.advance(Duration.ofHours(1)); // T1 = T0 + 1h
            customers.update(c.id(), c.version(), b -> b.owner(BOB));
            clock.advance(Duration.ofHours(2)); // T2 = T0 + 3h
            customers.handOver(BOB, CAROL, "left the company");

            List<OwnershipRecord> history = customers.ownershipHistory(c.id());
            Instant t1 = T0.plus(Duration.ofHours(1));
            Instant t2 = T0.plus(Duration.ofHours(3));
            assertThat(history)
                    .containsExactly(
                            new OwnershipRecord(c.id(), ALICE, T0, t1, "registered", null),
                            new OwnershipRecord(c.id(), BOB, t1, t2, "owner changed", null),
                            new OwnershipRecord(c.id(), CAROL, t2, null, "left the company", null));
            OwnershipRecord current = history.get(2);
            assertThat(current.isCurrent()).isTrue();
        }

        @Test
        @DisplayName("starts with an ownerless line for a customer registered without an owner")
        void noOwner() {
            Customer c = register(acme, "散客", null);
            List<OwnershipRecord> history = customers.ownershipHistory(c.id());
            assertThat(history).containsExactly(new OwnershipRecord(c.id(), null, T0, null, "registered", null));
        }

        @Test
        @DisplayName("gets no line when an update leaves the owner as it was")
        void updateWithoutOwnerChange() {
            Customer c = register(acme, "华联商贸", ALICE);
            customers.update(c.id(), c.version(), b -> b.tag("vip"));
            List<OwnershipRecord> history = customers.ownershipHistory(c.id());
            assertThat(history).hasSize(1);
        }

        @Test
        @DisplayName("keeps the order of appending when the clock stands still")
        void sameInstant() {
            Customer c = register(acme, "华联商贸", ALICE);
            Customer v2 = customers.update(c.id(), c.version(), b -> b.owner(BOB));
            customers.update(v2.id(), v2.version(), b -> b.owner(null));
            List<StaffId> owners = new ArrayList<>();
            customers.ownershipHistory(c.id()).forEach(r -> owners.add(r.owner()));
            assertThat(owners).containsExactly(ALICE, BOB, null);
        }

        @Test
        @DisplayName("outlives the customer's deletion, while its shares end with it")
        void afterDelete() {
            Customer c = register(acme, "华联商贸", ALICE);
            customers.share(c.id(), BOB, ShareAccess.READ, "covers the north");
            customers.delete(c.id(), c.version());
            List<OwnershipRecord> history = customers.ownershipHistory(c.id());
            assertThat(history).hasSize(1);
            List<CustomerShare> shares = customers.shares(c.id());
            assertThat(shares).isEmpty();
        }

        @Test
        @DisplayName("refuses a line that ends before it starts")
        void recordOrder() {
            CustomerId id = CustomerId.random();
            assertThatThrownBy(() -> new OwnershipRecord(id, ALICE, T0, T0.minusSeconds(1), "x", null))
                    .isInstanceOfSatisfying(
                            ValidationException.class,
                            e -> assertThat(e.violations())
                                    .anySatisfy(v -> assertThat(v.field()).isEqualTo("to")));
            assertThatThrownBy(() -> new OwnershipRecord(id, ALICE, T0, null, "two\nlines", null))
                    .isInstanceOfSatisfying(
                            ValidationException.class,
                            e -> assertThat(e.violations())
                                    .anySatisfy(v -> assertThat(v.field()).isEqualTo("reason")));
        }
    }

    @Nested
    @DisplayName("sharing")
    class Sharing {
        @Test
        @DisplayName("shares with read access, re-sharing replaces the access, revoking ends it")
        void shareReshareRevoke() {
            Customer c = register(acme, "华联商贸", ALICE);
            CustomerShare read = customers.share(c.id(), BOB, ShareAccess.READ, "holiday cover");
            assertThat(read).isEqualTo(new CustomerShare(c.id(), BOB, ShareAccess.READ, T0, "holiday cover"));
            clock.advance(Duration.ofMinutes(5));
            customers.share(c.id(), BOB, ShareAccess.WRITE, "joint account");
            customers.share(c.id(), CAROL, ShareAccess.READ, "service team");

            List<CustomerShare> shares = customers.shares(c.id());
            assertThat(shares)
                    .containsExactly(
                            new CustomerShare(
                                    c.id(), BOB, ShareAccess.WRITE, T0.plus(Duration.ofMinutes(5)), "joint account"),
                            new CustomerShare(
                                    c.id(), CAROL, ShareAccess.READ, T0.plus(Duration.ofMinutes(5)), "service team"));
            Customer after = customers.get(c.id());
            assertThat(after.version()).isEqualTo(c.version());

            boolean first = customers.revokeShare(c.id(), BOB);
            boolean second = customers.revokeShare(c.id(), BOB);
            assertThat(first).isTrue();
            assertThat(second).isFalse();
            List<CustomerShare> left = customers.shares(c.id());
            assertThat(left).extracting(CustomerShare::staff).containsExactly(CAROL);
        }

        @Test
        @DisplayName("lists the customers shared with a member of staff by customer id, one page at a time")
        void sharedWith() {
            List<CustomerId> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Customer c = register(acme, "客户" + i, ALICE);
                customers.share(c.id(), BOB, ShareAccess.READ, "cover");
                ids.add(c.id());
            }
            register(acme, "other", ALICE); // not shared
            ids.sort((a, b) -> a.value().toString().compareTo(b.value().toString()));

            Page<CustomerShare> first = customers.sharedWith(BOB, PageRequest.first(3));
            Page<CustomerShare> second =
                    customers.sharedWith(BOB, PageRequest.first(3).next());
            assertThat(first.items())
                    .extracting(CustomerShare::customerId)
                    .containsExactlyElementsOf(ids.subList(0, 3));
            assertThat(first.hasMore()).isTrue();
            assertThat(second.items())
                    .extracting(CustomerShare::customerId)
                    .containsExactlyElementsOf(ids.subList(3, 5));
            assertThat(second.hasMore()).isFalse();
            Page<CustomerShare> none = customers.sharedWith(CAROL, PageRequest.first(3));
            assertThat(none.items()).isEmpty();
        }

        @Test
        @DisplayName("refuses sharing with the owner, an unknown customer and a blank reason")
        void badInput() {
            Customer c = register(acme, "华联商贸", ALICE);
            assertThatThrownBy(() -> customers.share(c.id(), ALICE, ShareAccess.READ, "x"))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("staff");
                        assertThat(e.rule()).isEqualTo(ValidationRule.INVALID_STATE);
                    });
            assertThatThrownBy(() -> customers.share(CustomerId.random(), BOB, ShareAccess.READ, "x"))
                    .isInstanceOf(NoSuchCustomerException.class);
            assertThatThrownBy(() -> customers.share(c.id(), BOB, ShareAccess.READ, " "))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("reason");
                        assertThat(e.rule()).isEqualTo(ValidationRule.BLANK);
                    });
            assertThatThrownBy(() -> customers.share(c.id(), BOB, null, "x"))
                    .isInstanceOfSatisfying(
                            ValidationException.class,
                            e -> assertThat(e.field()).isEqualTo("access"));
            List<CustomerShare> shares = customers.shares(c.id());
            assertThat(shares).isEmpty();
        }
    }

    @Nested
    @DisplayName("bulk handover")
    class Handover {
        @Test
        @DisplayName(
                "moves only the owner's customers, reassigns their active cases assigned to them, counts open opportunities")
        void movesEverything() {
            Customer a = register(acme, "A 商贸", ALICE);
            Customer b = register(acme, "B 商贸", ALICE);
            Customer other = register(acme, "C 商贸", CAROL);
            ServiceCase aliceCase = openCase(a.id(), ALICE);
            ServiceCase carolCase = openCase(a.id(), CAROL);
            ServiceCase resolved = openCase(b.id(), ALICE);
            resolved = acme.service().resolve(resolved.id(), resolved.version(), "fixed");
            ServiceCase unassigned = openCase(b.id(), null);
            ServiceCase otherCustomersCase = openCase(other.id(), ALICE);
            Opportunity open = openOpportunity(a.id());
            Opportunity won = openOpportunity(b.id());
            acme.sales().win(won.id(), won.version());
            openOpportunity(other.id());
            customers.share(a.id(), BOB, ShareAccess.WRITE, "assistant");
            events.clear();
            clock.advance(Duration.ofDays(1));

            HandoverReport report = customers.handOver(ALICE, BOB, "left the company");

            // customers by display name: "A 商贸" < "B 商贸"; 1 open opportunity (a's); 1 case (aliceCase)
            assertThat(report)
                    .isEqualTo(new HandoverReport(
                            ALICE,
                            BOB,
                            "left the company",
                            T0.plus(Duration.ofDays(1)),
                            List.of(a.id(), b.id()),
                            1,
                            1));
            Customer movedA = customers.get(a.id());
            assertThat(movedA.owner()).isEqualTo(BOB);
            assertThat(movedA.version()).isEqualTo(a.version() + 1);
            Customer stayed = customers.get(other.id());
            assertThat(stayed.owner()).isEqualTo(CAROL);
            assertThat(stayed.version()).isEqualTo(other.version());
            assertThat(acme.service().find(aliceCase.id()).orElseThrow().assignee())
                    .isEqualTo(BOB);
            assertThat(acme.service().find(carolCase.id()).orElseThrow().assignee())
                    .isEqualTo(CAROL);
            ServiceCase resolvedAfter = acme.service().find(resolved.id()).orElseThrow();
            assertThat(resolvedAfter).isEqualTo(resolved);
            assertThat(acme.service().find(unassigned.id()).orElseThrow().assignee())
                    .isNull();
            assertThat(acme.service()
                            .find(otherCustomersCase.id())
                            .orElseThrow()
                            .assignee())
                    .isEqualTo(ALICE);
            Opportunity openAfter = acme.sales().getOpportunity(open.id());
            assertThat(openAfter).isEqualTo(open);
            List<CustomerShare> sharesOfA = customers.shares(a.id());
            assertThat(sharesOfA).isEmpty(); // the new owner's share is pointless and removed
            assertThat(report.summary())
                    .isEqualTo("2 customers handed over from alice to bob (1 open opportunities follow them,"
                            + " 1 service cases reassigned): left the company");

            List<String> published = new ArrayList<>();
            for (CustomerEvent e : events) {
                if (e instanceof CustomerOwnerChanged oc) {
                    published.add("owner " + oc.customerId() + " " + oc.previousOwner() + "->" + oc.newOwner());
                } else if (e instanceof CustomerUpdated u) {
                    published.add("updated " + u.customerId());
                }
            }
            assertThat(published)
                    .containsExactly(
                            "updated " + a.id(),
                            "owner " + a.id() + " alice->bob",
                            "updated " + b.id(),
                            "owner " + b.id() + " alice->bob");
        }

        @Test
        @DisplayName("of no customers is a report of zeros")
        void nothingToMove() {
            register(acme, "A", CAROL);
            events.clear();
            HandoverReport report = customers.handOver(ALICE, BOB, "left the company");
            assertThat(report.customersMoved()).isZero();
            assertThat(report.openOpportunities()).isZero();
            assertThat(report.casesReassigned()).isZero();
            assertThat(events).noneMatch(e -> e instanceof CustomerOwnerChanged);
        }

        @Test
        @DisplayName("rolls back entirely when one customer changes concurrently: nothing moved, recorded or published")
        void atomic() {
            Customer a = register(acme, "A", ALICE);
            Customer b = register(acme, "B", ALICE);
            Customer z = register(acme, "Z", ALICE);
            ServiceCase aCase = openCase(a.id(), ALICE);
            events.clear();
            // Just before the handover writes Z (the last of the three), another unit of work changes Z.
            beforeUpdate = target -> {
                if (target.id().equals(z.id())) {
                    beforeUpdate = null;
                    customers.update(z.id(), z.version(), d -> d.tag("concurrent"));
                }
            };

            assertThatThrownBy(() -> customers.handOver(ALICE, BOB, "left the company"))
                    .isInstanceOf(StaleVersionException.class);

            assertThat(customers.get(a.id())).isEqualTo(a);
            assertThat(customers.get(b.id())).isEqualTo(b);
            Customer zAfter = customers.get(z.id());
            assertThat(zAfter.owner()).isEqualTo(ALICE);
            assertThat(zAfter.tags()).contains("concurrent");
            assertThat(acme.service().find(aCase.id()).orElseThrow()).isEqualTo(aCase);
            for (Customer c : List.of(a, b, z)) {
                List<OwnershipRecord> history = customers.ownershipHistory(c.id());
                assertThat(history).hasSize(1);
            }
            assertThat(events).noneMatch(e -> e instanceof CustomerOwnerChanged);
            // the conflict was real: the handover runs again and now succeeds
            HandoverReport again = customers.handOver(ALICE, BOB, "left the company");
            assertThat(again.customersMoved()).isEqualTo(3);
        }

        @Test
        @DisplayName(
                "refuses the same owner on both sides, a blank or multi-line reason and missing staff, naming the field")
        void badInput() {
            assertField(() -> customers.handOver(ALICE, ALICE, "x"), "to", ValidationRule.INVALID_STATE);
            assertField(() -> customers.handOver(ALICE, BOB, " "), "reason", ValidationRule.BLANK);
            assertField(() -> customers.handOver(ALICE, BOB, null), "reason", ValidationRule.REQUIRED);
            assertField(() -> customers.handOver(ALICE, BOB, "a\nb"), "reason", ValidationRule.ILLEGAL_CHARACTER);
            assertField(() -> customers.handOver(null, BOB, "x"), "from", ValidationRule.REQUIRED);
            assertField(() -> customers.handOver(ALICE, null, "x"), "to", ValidationRule.REQUIRED);
        }
    }

    @Nested
    @DisplayName("tenants")
    class Tenants {
        @Test
        @DisplayName("see only their own ledgers and shares, and a handover moves only the tenant's customers")
        void isolation() {
            TenantCrm globex = crm.tenant("globex");
            Customer mine = register(acme, "A", ALICE);
            Customer theirs = register(globex, "A", ALICE);
            customers.share(mine.id(), BOB, ShareAccess.READ, "cover");

            List<OwnershipRecord> foreignHistory = globex.customers().ownershipHistory(mine.id());
            assertThat(foreignHistory).isEmpty();
            List<CustomerShare> foreignShares = globex.customers().shares(mine.id());
            assertThat(foreignShares).isEmpty();
            Page<CustomerShare> foreignSharedWith = globex.customers().sharedWith(BOB, PageRequest.first(10));
            assertThat(foreignSharedWith.items()).isEmpty();
            assertThatThrownBy(() -> globex.customers().share(mine.id(), CAROL, ShareAccess.READ, "x"))
                    .isInstanceOf(NoSuchCustomerException.class);
            assertThat(globex.customers().revokeShare(mine.id(), BOB)).isFalse();

            HandoverReport report = globex.customers().handOver(ALICE, BOB, "reorganised");
            assertThat(report.customers()).containsExactly(theirs.id());
            assertThat(customers.get(mine.id()).owner()).isEqualTo(ALICE);
            assertThat(customers.ownershipHistory(mine.id())).hasSize(1);
            assertThat(customers.shares(mine.id())).hasSize(1);
        }
    }

    @Test
    @DisplayName("with a store that keeps no ledgers, writes still work and the ownership methods are unsupported")
    void storeWithoutLedgers() {
        Storage plain = new InMemoryStorage();
        Storage old = new Storage() {
            @Override
            public <T> T inTransaction(UnitOfWorkContext context, TransactionWork<T> work) {
                return plain.inTransaction(context, uow -> work.run(withoutOwnership(uow)));
            }

            @Override
            public void close() {}
        };
        Customers legacy = Crm.builder().storage(old).build().tenant("acme").customers();
        Customer c = legacy.register(CustomerDraft.person("王芳").owner(ALICE).build());
        Customer moved = legacy.update(c.id(), c.version(), b -> b.owner(BOB));
        assertThat(moved.owner()).isEqualTo(BOB);
        assertThatThrownBy(() -> legacy.ownershipHistory(c.id())).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> legacy.handOver(ALICE, BOB, "x")).isInstanceOf(UnsupportedOperationException.class);
    }

    static void assertField(Runnable call, String field, ValidationRule rule) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.rule()).isEqualTo(rule);
        });
    }

    ServiceCase openCase(CustomerId customer, StaffId assignee) {
        NewServiceCase.Builder b =
                NewServiceCase.builder(customer, CaseKind.COMPLAINT, Severity.MEDIUM, Channel.PHONE, "late delivery");
        if (assignee != null) {
            b.assignee(assignee);
        }
        return acme.service().openCase(b.build());
    }

    Opportunity openOpportunity(CustomerId customer) {
        return acme.sales()
                .openOpportunity(NewOpportunity.builder(customer, "annual order", Money.of("1000.00", "CNY"))
                        .build());
    }

    /** The store, with a hook that runs {@link #beforeUpdate} inside a unit of work before a customer update. */
    Storage interceptingStorage(Storage delegate) {
        return new Storage() {
            @Override
            public <T> T inTransaction(UnitOfWorkContext context, TransactionWork<T> work) {
                return delegate.inTransaction(context, uow -> work.run(intercepting(uow)));
            }

            @Override
            public void close() {
                delegate.close();
            }
        };
    }

    UnitOfWork intercepting(UnitOfWork uow) {
        CustomerRepository customersRepo = uow.customers();
        CustomerRepository hooked = proxy(CustomerRepository.class, customersRepo, (method, args) -> {
            if (method.equals("update") && beforeUpdate != null) {
                beforeUpdate.accept((Customer) args[1]);
            }
        });
        return proxy(UnitOfWork.class, uow, null, "customers", hooked);
    }

    static UnitOfWork withoutOwnership(UnitOfWork uow) {
        return (UnitOfWork) Proxy.newProxyInstance(
                UnitOfWork.class.getClassLoader(), new Class<?>[] {UnitOfWork.class}, (p, m, args) -> {
                    if (m.getName().equals("ownership")) {
                        throw new UnsupportedOperationException("no ledgers here");
                    }
                    return invoke(m, uow, args);
                });
    }

    interface Hook {
        void before(String method, Object[] args);
    }

    static <T> T proxy(Class<T> type, T target, Hook hook) {
        return proxy(type, target, hook, null, null);
    }

    static <T> T proxy(Class<T> type, T target, Hook hook, String replaced, Object replacement) {
        InvocationHandler handler = (p, m, args) -> {
            if (m.getName().equals(replaced) && (args == null || args.length == 0)) {
                return replacement;
            }
            if (hook != null) {
                hook.before(m.getName(), args);
            }
            return invoke(m, target, args);
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    static Object invoke(java.lang.reflect.Method m, Object target, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        private volatile Instant now;

        TestClock(Instant start) {
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
