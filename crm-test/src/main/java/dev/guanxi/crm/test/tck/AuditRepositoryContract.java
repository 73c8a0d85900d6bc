package dev.guanxi.crm.test.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.Crm;
import dev.guanxi.crm.CrmException;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.access.Principal;
import dev.guanxi.crm.audit.AuditAction;
import dev.guanxi.crm.audit.AuditRecord;
import dev.guanxi.crm.audit.AuditTrail;
import dev.guanxi.crm.audit.FieldChange;
import dev.guanxi.crm.competitor.CompetitorId;
import dev.guanxi.crm.competitor.NewCompetitor;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.CustomerQuery;
import dev.guanxi.crm.customer.CustomerShare;
import dev.guanxi.crm.customer.ReferenceCodeType;
import dev.guanxi.crm.customer.ShareAccess;
import dev.guanxi.crm.interaction.Direction;
import dev.guanxi.crm.interaction.InteractionId;
import dev.guanxi.crm.interaction.NewInteraction;
import dev.guanxi.crm.interaction.NewTask;
import dev.guanxi.crm.interaction.TaskId;
import dev.guanxi.crm.marketing.CampaignId;
import dev.guanxi.crm.marketing.NewCampaign;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.NewOrder;
import dev.guanxi.crm.sales.OrderId;
import dev.guanxi.crm.sales.OrderLine;
import dev.guanxi.crm.service.CaseKind;
import dev.guanxi.crm.service.NewServiceCase;
import dev.guanxi.crm.service.ServiceCaseId;
import dev.guanxi.crm.service.Severity;
import dev.guanxi.crm.spi.storage.Storage;
import dev.guanxi.crm.spi.storage.TransactionWork;
import dev.guanxi.crm.spi.storage.UnitOfWorkContext;
import dev.guanxi.crm.test.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Conformance tests of {@code AuditRepository}: records round-trip exactly (every component, values in hard
 * Unicode and up to 20,000 characters, absent values, instants to the microsecond, no user, no customer), are
 * numbered in increasing order of appending and listed newest first by customer and by entity and oldest first by
 * correlation id, page by page; a rolled-back unit of work leaves none; a read-only unit of work may not append;
 * tenants never see each other's records; scrubbing replaces one customer's values and nothing else. Then, through
 * the API on the store under test, RELIABILITY P4: {@value #DEFAULT_MUTATIONS} seeded random mutations of customers,
 * interactions, tasks, orders, service cases, shares, campaigns, reference codes and competitors, some rolled back
 * by a failure injected before commit and some refused by the API; every committed call left exactly the records
 * of the entities it changed, every other call none; and replaying each entity's records, oldest first, from its
 * first create rebuilds every entity's current fields exactly (and a deleted entity's records end with its delete).
 */
public abstract class AuditRepositoryContract extends RepositoryContract {
    /** How many random mutations P4 makes by default. */
    public static final int DEFAULT_MUTATIONS = 1_000;

    /** The instant fixtures start at (microsecond precision, as every store keeps it). */
    protected static final Instant T0 = Instant.parse("2026-03-29T01:00:00.123456Z");

    private static final CustomerId C1 = CustomerId.of("00000000-0000-0000-0000-0000000000c1");
    private static final CustomerId C2 = CustomerId.of("00000000-0000-0000-0000-0000000000c2");

    /** Creates the contract. */
    protected AuditRepositoryContract() {}

    /**
     * How many random mutations P4 makes.
     *
     * @return by default {@value #DEFAULT_MUTATIONS}
     */
    protected int mutations() {
        return DEFAULT_MUTATIONS;
    }

    private static AuditRecord record(
            CustomerId customer,
            String correlation,
            String kind,
            String id,
            AuditAction action,
            FieldChange... changes) {
        return new AuditRecord(0, T0, StaffId.of("alice"), correlation, kind, id, customer, action, List.of(changes));
    }

    private void append(TenantId tenant, AuditRecord... records) {
        run(tenant, uow -> uow.audit().append(List.of(records)));
    }

    private List<AuditRecord> byCustomer(TenantId tenant, CustomerId id, PageRequest page) {
        return read(tenant, uow -> uow.audit().listByCustomer(id, page).items());
    }

    private List<AuditRecord> byEntity(TenantId tenant, String kind, String id) {
        return read(
                tenant,
                uow -> uow.audit()
                        .listByEntity(kind, id, PageRequest.first(1_000))
                        .items());
    }

    private List<AuditRecord> byCorrelation(TenantId tenant, String correlation) {
        return read(
                tenant,
                uow -> uow.audit()
                        .listByCorrelation(correlation, PageRequest.first(1_000))
                        .items());
    }

    /** The records without their store numbers, to compare with what was appended. */
    private static List<AuditRecord> unnumbered(List<AuditRecord> records) {
        return records.stream()
                .map(r -> new AuditRecord(
                        0,
                        r.at(),
                        r.user(),
                        r.correlationId(),
                        r.entityKind(),
                        r.entityId(),
                        r.customerId(),
                        r.action(),
                        r.changes()))
                .toList();
    }

    @Test
    @DisplayName(
            "records round-trip exactly: hard Unicode, long and absent values, microsecond instants, no user, no customer")
    void roundTrip() {
        String longest = "长".repeat(10_000) + "🎉".repeat(5_000);
        AuditRecord full = new AuditRecord(
                0,
                T0,
                StaffId.of("张伟@总部"),
                "req-𠮷野家-1",
                "Customer",
                C1.value().toString(),
                C1,
                AuditAction.UPDATE,
                List.of(
                        new FieldChange("displayName", "张伟", "𠮷野家 İı 👨‍👩‍👧"),
                        new FieldChange("notes", null, longest),
                        new FieldChange("tags[a\\]b]", "a]b", null),
                        new FieldChange("quote", "' OR 1=1 --", "\"; DROP TABLE x; \\ % _")));
        AuditRecord bare = new AuditRecord(
                0,
                Instant.parse("1969-12-31T23:59:59.999999Z"),
                null,
                "c",
                "ReferenceCode",
                "REGION/north",
                null,
                AuditAction.CREATE,
                List.of(new FieldChange("label", null, "")));

        append(TENANT_A, full, bare);

        assertThat(unnumbered(byEntity(TENANT_A, "Customer", C1.value().toString())))
                .containsExactly(full);
        assertThat(unnumbered(byEntity(TENANT_A, "ReferenceCode", "REGION/north")))
                .containsExactly(bare);
    }

    @Test
    @DisplayName(
            "records are numbered in increasing order of appending; by customer and entity newest first, by correlation oldest first, paged")
    void orderAndPages() {
        append(
                TENANT_A,
                record(C1, "one", "Customer", "c1", AuditAction.CREATE, new FieldChange("a", null, "1")),
                record(C1, "one", "Interaction", "i1", AuditAction.CREATE, new FieldChange("b", null, "2")),
                record(C2, "one", "Customer", "c2", AuditAction.CREATE, new FieldChange("a", null, "3")));
        append(
                TENANT_A,
                record(C1, "two", "Customer", "c1", AuditAction.UPDATE, new FieldChange("a", "1", "4")),
                record(null, "two", "Campaign", "k1", AuditAction.CREATE, new FieldChange("c", null, "5")));

        List<AuditRecord> first = byCustomer(TENANT_A, C1, PageRequest.first(2));
        List<AuditRecord> second = byCustomer(TENANT_A, C1, new PageRequest(2, 2));
        Page<AuditRecord> firstPage = read(TENANT_A, uow -> uow.audit().listByCustomer(C1, PageRequest.first(2)));
        Page<AuditRecord> lastPage = read(TENANT_A, uow -> uow.audit().listByCustomer(C1, new PageRequest(2, 2)));

        assertThat(first).extracting(r -> r.changes().get(0).newValue()).containsExactly("4", "2");
        assertThat(second).extracting(r -> r.changes().get(0).newValue()).containsExactly("1");
        assertThat(firstPage.hasMore()).isTrue();
        assertThat(lastPage.hasMore()).isFalse();
        assertThat(first.get(0).sequence()).isGreaterThan(first.get(1).sequence());
        assertThat(first.get(1).sequence()).isGreaterThan(second.get(0).sequence());
        assertThat(second.get(0).sequence()).isPositive();
        assertThat(byEntity(TENANT_A, "Customer", "c1"))
                .extracting(r -> r.changes().get(0).newValue())
                .containsExactly("4", "1");
        assertThat(byEntity(TENANT_A, "Interaction", "c1")).isEmpty();
        assertThat(byCorrelation(TENANT_A, "one"))
                .extracting(r -> r.changes().get(0).newValue())
                .containsExactly("1", "2", "3");
        assertThat(byCorrelation(TENANT_A, "two"))
                .extracting(AuditRecord::entityKind)
                .containsExactly("Customer", "Campaign");
        assertThat(byCustomer(TENANT_A, CustomerId.random(), PageRequest.first(5)))
                .isEmpty();
    }

    @Test
    @DisplayName("a unit of work that rolls back leaves no record; a read-only one may not append")
    void rollbackAndReadOnly() {
        RuntimeException boom = new IllegalStateException("boom");
        assertThatThrownBy(() -> run(TENANT_A, uow -> {
                    uow.audit()
                            .append(List.of(record(
                                    C1,
                                    "doomed",
                                    "Customer",
                                    "c1",
                                    AuditAction.CREATE,
                                    new FieldChange("a", null, "1"))));
                    throw boom;
                }))
                .isSameAs(boom);
        assertThatThrownBy(() -> read(TENANT_A, uow -> {
                    uow.audit()
                            .append(List.of(record(
                                    C1,
                                    "read",
                                    "Customer",
                                    "c1",
                                    AuditAction.CREATE,
                                    new FieldChange("a", null, "1"))));
                    return null;
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(byCorrelation(TENANT_A, "doomed")).isEmpty();
        assertThat(byCorrelation(TENANT_A, "read")).isEmpty();
        assertThat(byCustomer(TENANT_A, C1, PageRequest.first(10))).isEmpty();
    }

    @Test
    @DisplayName("tenants never see each other's records")
    void tenants() {
        append(TENANT_A, record(C1, "same", "Customer", "c1", AuditAction.CREATE, new FieldChange("a", null, "A")));
        append(TENANT_B, record(C1, "same", "Customer", "c1", AuditAction.CREATE, new FieldChange("a", null, "B")));

        assertThat(byCustomer(TENANT_A, C1, PageRequest.first(10)))
                .extracting(r -> r.changes().get(0).newValue())
                .containsExactly("A");
        assertThat(byEntity(TENANT_B, "Customer", "c1"))
                .extracting(r -> r.changes().get(0).newValue())
                .containsExactly("B");
        assertThat(byCorrelation(TENANT_B, "same")).hasSize(1);
        long scrubbed = write(TENANT_B, uow -> uow.audit().scrub(C1, "[erased]"));
        assertThat(scrubbed).isEqualTo(1);
        assertThat(byCustomer(TENANT_A, C1, PageRequest.first(10)))
                .extracting(r -> r.changes().get(0).newValue())
                .containsExactly("A");
    }

    @Test
    @DisplayName(
            "scrub replaces every value of one customer's records, keeps absent ones and everything else; idempotent")
    void scrub() {
        append(
                TENANT_A,
                record(
                        C1,
                        "x",
                        "Customer",
                        "c1",
                        AuditAction.UPDATE,
                        new FieldChange("displayName", "张伟", "Zhang Wei"),
                        new FieldChange("email", null, "zw@example.com")),
                record(C1, "x", "Interaction", "i1", AuditAction.CREATE, new FieldChange("notes", null, "张伟 called")),
                record(C2, "x", "Customer", "c2", AuditAction.CREATE, new FieldChange("displayName", null, "Li Na")),
                record(null, "x", "Campaign", "k1", AuditAction.CREATE, new FieldChange("name", null, "张伟 promo")));

        long changed = write(TENANT_A, uow -> uow.audit().scrub(C1, "[erased]"));
        long again = write(TENANT_A, uow -> uow.audit().scrub(C1, "[erased]"));

        assertThat(changed).isEqualTo(2);
        assertThat(again).isZero();
        List<AuditRecord> scrubbed = byCustomer(TENANT_A, C1, PageRequest.first(10));
        assertThat(scrubbed.get(1).changes())
                .containsExactly(
                        new FieldChange("displayName", "[erased]", "[erased]"),
                        new FieldChange("email", null, "[erased]"));
        assertThat(scrubbed.get(0).changes()).containsExactly(new FieldChange("notes", null, "[erased]"));
        assertThat(scrubbed.get(1).user()).isEqualTo(StaffId.of("alice"));
        assertThat(scrubbed.get(1).correlationId()).isEqualTo("x");
        assertThat(byEntity(TENANT_A, "Customer", "c2").get(0).changes())
                .containsExactly(new FieldChange("displayName", null, "Li Na"));
        assertThat(byEntity(TENANT_A, "Campaign", "k1").get(0).changes())
                .containsExactly(new FieldChange("name", null, "张伟 promo"));
        assertThatThrownBy(() -> write(TENANT_A, uow -> uow.audit().scrub(C1, " ")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------------------------------------------------
    // P4 through the API

    /** Thrown by {@link Injecting} to roll a unit of work back after its work ran. */
    private static final class InjectedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InjectedFailure() {
            super("injected failure before commit");
        }
    }

    /** The store under test, failing the next read-write unit of work after its work when asked to. */
    private static final class Injecting implements Storage {
        private final Storage delegate;
        private boolean failNext;

        Injecting(Storage delegate) {
            this.delegate = delegate;
        }

        @Override
        public <T> T inTransaction(UnitOfWorkContext context, TransactionWork<T> work) {
            return delegate.inTransaction(context, uow -> {
                T result = work.run(uow);
                if (!context.readOnly() && failNext) {
                    failNext = false;
                    throw new InjectedFailure();
                }
                return result;
            });
        }

        @Override
        public void close() {
            // the kit closes the store under test
        }
    }

    /** What the test knows exists, to pick the target of the next mutation. */
    private static final class Known {
        final List<CustomerId> customers = new ArrayList<>();
        final Map<CustomerId, Set<StaffId>> shares = new HashMap<>();
        final List<InteractionId> interactions = new ArrayList<>();
        final List<TaskId> tasks = new ArrayList<>();
        final List<OrderId> orders = new ArrayList<>();
        final List<ServiceCaseId> cases = new ArrayList<>();
        final List<CampaignId> campaigns = new ArrayList<>();
        final List<String> codes = new ArrayList<>();
        final List<CompetitorId> competitors = new ArrayList<>();
    }

    private static <T> T pick(Random random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** One mutation: makes the call and returns the records it must have left if it commits, as "Kind ACTION". */
    @FunctionalInterface
    private interface Mutation {
        List<String> apply(TenantCrm crm);
    }

    @Test
    @DisplayName(
            "P4: random mutations, some rolled back, some refused; exactly the committed ones are recorded, and replaying the records rebuilds every entity")
    void randomMutationsReplay() {
        MutableClock clock = MutableClock.at(T0);
        Injecting store = new Injecting(storage());
        Crm crm = Crm.builder().storage(store).clock(clock).build();
        TenantCrm tenant = crm.tenant(TENANT_A);
        Random random = new Random(20_260_329L);
        Known known = new Known();
        Map<String, List<String>> committed = new LinkedHashMap<>();
        Map<String, StaffId> users = new HashMap<>();
        List<String> notCommitted = new ArrayList<>();
        int rolledBack = 0;
        int refused = 0;
        for (int n = 0; n < mutations(); n++) {
            clock.advance(Duration.ofSeconds(1));
            String correlation = "op-" + n;
            StaffId user = random.nextInt(4) == 0 ? null : StaffId.of("user-" + random.nextInt(3));
            TenantCrm caller = tenant.correlated(correlation);
            if (user != null) {
                caller = caller.as(new Principal(user, Set.of(), Set.of()));
            }
            Mutation mutation = mutation(random, known, n);
            store.failNext = random.nextInt(100) < 15;
            try {
                List<String> expected = mutation.apply(caller);
                committed.put(correlation, expected);
                users.put(correlation, user);
            } catch (InjectedFailure e) {
                notCommitted.add(correlation);
                rolledBack++;
            } catch (CrmException e) {
                notCommitted.add(correlation);
                refused++;
            } finally {
                store.failNext = false;
            }
        }
        assertThat(rolledBack).as("rolled back").isGreaterThan(mutations() / 20);
        assertThat(refused).as("refused").isPositive();

        // Exactly the committed calls are recorded, each with what it changed, its user and its instant.
        Set<List<String>> entities = new LinkedHashSet<>();
        for (Map.Entry<String, List<String>> call : committed.entrySet()) {
            List<AuditRecord> records = tenant.audit()
                    .correlated(call.getKey(), PageRequest.first(PageRequest.MAX_LIMIT))
                    .items();
            List<String> actual = new ArrayList<>();
            for (AuditRecord r : records) {
                actual.add(r.entityKind() + " " + r.action());
                entities.add(List.of(r.entityKind(), r.entityId()));
                assertThat(r.user()).as(call.getKey()).isEqualTo(users.get(call.getKey()));
            }
            List<String> expected = new ArrayList<>(call.getValue());
            Collections.sort(actual);
            Collections.sort(expected);
            assertThat(actual).as("records of %s", call.getKey()).isEqualTo(expected);
        }
        for (String correlation : notCommitted) {
            assertThat(tenant.audit()
                            .correlated(correlation, PageRequest.first(10))
                            .items())
                    .as("records of %s, which did not commit", correlation)
                    .isEmpty();
        }

        // Replaying each entity's records from its create rebuilds its current fields exactly.
        int alive = 0;
        int customersAlive = 0;
        for (List<String> entity : entities) {
            Map<String, String> replayed = replay(tenant.audit(), entity.get(0), entity.get(1));
            Optional<?> current = current(tenant, entity.get(0), entity.get(1));
            if (replayed == null) {
                assertThat(current).as("%s, deleted per its records", entity).isEmpty();
            } else {
                assertThat(current).as("%s, alive per its records", entity).isPresent();
                assertThat(AuditTrail.fieldsOf(current.get())).as("%s", entity).isEqualTo(replayed);
                alive++;
                if (entity.get(0).equals("Customer")) {
                    customersAlive++;
                }
            }
        }
        assertThat(alive).isGreaterThan(mutations() / 10);
        assertThat(tenant.customers().count(CustomerQuery.all())).isEqualTo(customersAlive);
    }

    /** Replays an entity's records oldest first; {@code null} if the last one deleted it. */
    private static Map<String, String> replay(AuditTrail trail, String kind, String id) {
        List<AuditRecord> newestFirst = new ArrayList<>();
        Optional<PageRequest> next = Optional.of(PageRequest.first(100));
        while (next.isPresent()) {
            Page<AuditRecord> page = trail.history(kind, id, next.get());
            newestFirst.addAll(page.items());
            next = page.nextRequest();
        }
        Collections.reverse(newestFirst);
        Map<String, String> state = null;
        for (AuditRecord r : newestFirst) {
            String where = kind + " " + id + " #" + r.sequence();
            switch (r.action()) {
                case CREATE -> {
                    assertThat(state)
                            .as("%s creates an entity that exists", where)
                            .isNull();
                    state = new LinkedHashMap<>();
                    for (FieldChange c : r.changes()) {
                        assertThat(c.oldValue()).as(where).isNull();
                        state.put(c.field(), c.newValue());
                    }
                }
                case UPDATE -> {
                    assertThat(state)
                            .as("%s updates an entity that does not exist", where)
                            .isNotNull();
                    for (FieldChange c : r.changes()) {
                        assertThat(state.get(c.field()))
                                .as("%s old value of %s", where, c.field())
                                .isEqualTo(c.oldValue());
                        if (c.newValue() == null) {
                            state.remove(c.field());
                        } else {
                            state.put(c.field(), c.newValue());
                        }
                    }
                }
                case DELETE -> {
                    assertThat(state)
                            .as("%s deletes an entity that does not exist", where)
                            .isNotNull();
                    Map<String, String> last = new LinkedHashMap<>();
                    for (FieldChange c : r.changes()) {
                        assertThat(c.newValue()).as(where).isNull();
                        last.put(c.field(), c.oldValue());
                    }
                    assertThat(last).as("%s holds the last values", where).isEqualTo(state);
                    state = null;
                }
            }
        }
        return state;
    }

    private static Optional<?> current(TenantCrm crm, String kind, String id) {
        return switch (kind) {
            case "Customer" -> crm.customers().find(CustomerId.of(id));
            case "Interaction" -> crm.interactions().find(InteractionId.of(id));
            case "Task" -> crm.interactions().findTask(TaskId.of(id));
            case "Order" -> crm.sales().findOrder(OrderId.of(id));
            case "ServiceCase" -> crm.service().find(ServiceCaseId.of(id));
            case "Campaign" -> crm.marketing().findCampaign(CampaignId.of(id));
            case "Competitor" -> crm.competitors().find(CompetitorId.of(id));
            case "ReferenceCode" -> {
                String[] parts = id.split("/", 2);
                yield crm.referenceCodes().find(ReferenceCodeType.valueOf(parts[0]), parts[1]);
            }
            case "CustomerShare" -> {
                String[] parts = id.split("/", 2);
                List<CustomerShare> shares = crm.customers().shares(CustomerId.of(parts[0]));
                yield shares.stream()
                        .filter(s -> s.staff().value().equals(parts[1]))
                        .findFirst();
            }
            default -> throw new AssertionError("no lookup for " + kind);
        };
    }

    /** Picks the next mutation; one that needs a target it does not have registers a customer instead. */
    private static Mutation mutation(Random random, Known known, int n) {
        int choice = random.nextInt(20);
        if (known.customers.isEmpty() || choice < 3) {
            return crm -> {
                StaffId owner = StaffId.of("owner-" + random.nextInt(3));
                Customer c = crm.customers()
                        .register(CustomerDraft.organisation("客户 " + n)
                                .owner(owner)
                                .tag(random.nextBoolean() ? "vip" : "new")
                                .build());
                known.customers.add(c.id());
                return List.of("Customer CREATE");
            };
        }
        CustomerId customer = pick(random, known.customers);
        LocalDate today = LocalDate.of(2026, 3, 29);
        Supplier<Mutation> fallback = () -> crm -> {
            Customer current = crm.customers().get(customer);
            crm.customers().update(customer, current.version(), b -> b.legalName("Legal " + n));
            return List.of("Customer UPDATE");
        };
        return switch (choice) {
            case 3, 4, 5 ->
                crm -> {
                    Customer current = crm.customers().get(customer);
                    crm.customers().update(customer, current.version(), b -> switch (random.nextInt(4)) {
                        case 0 -> b.legalName("Legal " + n);
                        case 1 -> b.tag("t" + n);
                        case 2 -> b.owner(StaffId.of("owner-" + n));
                        default -> b.creditLimit(n + ".50", "CNY");
                    });
                    return List.of("Customer UPDATE");
                };
            case 6 ->
                crm -> {
                    Customer current = crm.customers().get(customer);
                    int shares = known.shares.getOrDefault(customer, Set.of()).size();
                    crm.customers().delete(customer, current.version());
                    known.customers.remove(customer);
                    known.shares.remove(customer);
                    List<String> expected = new ArrayList<>(Collections.nCopies(shares, "CustomerShare DELETE"));
                    expected.add("Customer DELETE");
                    return expected;
                };
            case 7 ->
                crm -> {
                    known.interactions.add(crm.interactions()
                            .log(NewInteraction.builder(customer, Channel.PHONE, Direction.INBOUND, "call " + n)
                                    .occurredAt(T0)
                                    .notes("notes " + n)
                                    .build())
                            .id());
                    return List.of("Interaction CREATE");
                };
            case 8 ->
                known.interactions.isEmpty()
                        ? fallback.get()
                        : crm -> {
                            InteractionId id = pick(random, known.interactions);
                            crm.interactions()
                                    .update(id, crm.interactions().get(id).version(), "corrected " + n, null);
                            return List.of("Interaction UPDATE");
                        };
            case 9 ->
                crm -> {
                    known.tasks.add(crm.interactions()
                            .createTask(NewTask.builder(customer, "task " + n, StaffId.of("agent"), today)
                                    .build())
                            .id());
                    return List.of("Task CREATE");
                };
            case 10 ->
                known.tasks.isEmpty()
                        ? fallback.get()
                        : crm -> {
                            TaskId id = pick(random, known.tasks);
                            crm.interactions()
                                    .complete(id, crm.interactions().getTask(id).version()); // refused if done
                            return List.of("Task UPDATE");
                        };
            case 11 ->
                crm -> {
                    known.orders.add(crm.sales()
                            .recordPurchase(NewOrder.builder(customer, today)
                                    .line(OrderLine.of(
                                            "SKU-" + (n % 7), 1 + random.nextInt(3), Money.of("12.30", "CNY")))
                                    .build())
                            .id());
                    return List.of("Order CREATE");
                };
            case 12 ->
                known.orders.isEmpty()
                        ? fallback.get()
                        : crm -> {
                            OrderId id = pick(random, known.orders);
                            crm.sales().cancelOrder(id, crm.sales().getOrder(id).version()); // refused if cancelled
                            return List.of("Order UPDATE");
                        };
            case 13 ->
                crm -> {
                    known.cases.add(crm.service()
                            .openCase(NewServiceCase.builder(
                                            customer, CaseKind.COMPLAINT, Severity.MEDIUM, Channel.EMAIL, "case " + n)
                                    .build())
                            .id());
                    return List.of("ServiceCase CREATE");
                };
            case 14 ->
                known.cases.isEmpty()
                        ? fallback.get()
                        : crm -> {
                            ServiceCaseId id = pick(random, known.cases);
                            long version = crm.service().get(id).version();
                            if (random.nextBoolean()) {
                                crm.service().assign(id, version, StaffId.of("agent-" + n));
                            } else {
                                crm.service().resolve(id, version, "resolved " + n); // refused if resolved
                            }
                            return List.of("ServiceCase UPDATE");
                        };
            case 15 ->
                crm -> {
                    StaffId staff = StaffId.of("colleague-" + random.nextInt(3));
                    boolean again =
                            known.shares.getOrDefault(customer, Set.of()).contains(staff);
                    crm.customers()
                            .share(
                                    customer,
                                    staff,
                                    random.nextBoolean() ? ShareAccess.READ : ShareAccess.WRITE,
                                    "n" + n);
                    known.shares
                            .computeIfAbsent(
                                    customer, c -> new TreeSet<>(java.util.Comparator.comparing(StaffId::value)))
                            .add(staff);
                    return List.of(again ? "CustomerShare UPDATE" : "CustomerShare CREATE");
                };
            case 16 ->
                crm -> {
                    StaffId staff = StaffId.of("colleague-" + random.nextInt(3));
                    boolean removed = crm.customers().revokeShare(customer, staff);
                    Set<StaffId> shared = known.shares.getOrDefault(
                            customer, new TreeSet<>(java.util.Comparator.comparing(StaffId::value)));
                    assertThat(removed).isEqualTo(shared.remove(staff));
                    return removed ? List.of("CustomerShare DELETE") : List.of();
                };
            case 17 ->
                known.campaigns.isEmpty() || random.nextBoolean()
                        ? crm -> {
                            known.campaigns.add(crm.marketing()
                                    .planCampaign(NewCampaign.builder("C-" + n, "campaign " + n)
                                            .channel(Channel.EMAIL)
                                            .period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 6, 30))
                                            .budget("1000.00", "CNY")
                                            .build())
                                    .id());
                            return List.of("Campaign CREATE");
                        }
                        : crm -> {
                            CampaignId id = pick(random, known.campaigns);
                            crm.marketing()
                                    .launch(id, crm.marketing().getCampaign(id).version()); // refused if launched
                            return List.of("Campaign UPDATE");
                        };
            case 18 ->
                known.codes.isEmpty() || random.nextBoolean()
                        ? crm -> {
                            String code = "r" + random.nextInt(5);
                            boolean exists = crm.referenceCodes()
                                    .find(ReferenceCodeType.REGION, code)
                                    .isPresent();
                            crm.referenceCodes().define(ReferenceCodeType.REGION, code, "区域 " + n);
                            known.codes.add(code);
                            return List.of(exists ? "ReferenceCode UPDATE" : "ReferenceCode CREATE");
                        }
                        : crm -> {
                            String code = pick(random, known.codes);
                            boolean active = crm.referenceCodes()
                                    .find(ReferenceCodeType.REGION, code)
                                    .orElseThrow()
                                    .active();
                            crm.referenceCodes().deactivate(ReferenceCodeType.REGION, code);
                            return active ? List.of("ReferenceCode UPDATE") : List.of();
                        };
            default ->
                known.competitors.isEmpty() || random.nextBoolean()
                        ? crm -> {
                            known.competitors.add(crm.competitors()
                                    .register(
                                            NewCompetitor.builder("rival " + n).build())
                                    .id());
                            return List.of("Competitor CREATE");
                        }
                        : crm -> {
                            CompetitorId id = pick(random, known.competitors);
                            crm.competitors()
                                    .update(
                                            id,
                                            crm.competitors().get(id).version(),
                                            NewCompetitor.builder("rival " + n)
                                                    .website("https://rival" + n + ".example")
                                                    .build());
                            return List.of("Competitor UPDATE");
                        };
        };
    }
}
