package dev.guanxi.crm.test.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.NotFoundException;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.competitor.Competitor;
import dev.guanxi.crm.competitor.CompetitorDealing;
import dev.guanxi.crm.competitor.CompetitorDealingId;
import dev.guanxi.crm.competitor.CompetitorId;
import dev.guanxi.crm.competitor.DealingKind;
import dev.guanxi.crm.competitor.NewCompetitor;
import dev.guanxi.crm.competitor.NewCompetitorDealing;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.CustomerQuery;
import dev.guanxi.crm.customer.ReferenceCode;
import dev.guanxi.crm.customer.ReferenceCodeType;
import dev.guanxi.crm.event.CustomerDeleted;
import dev.guanxi.crm.event.DomainEvent;
import dev.guanxi.crm.event.EventMetadata;
import dev.guanxi.crm.interaction.Direction;
import dev.guanxi.crm.interaction.Interaction;
import dev.guanxi.crm.interaction.InteractionId;
import dev.guanxi.crm.interaction.NewInteraction;
import dev.guanxi.crm.interaction.NewTask;
import dev.guanxi.crm.interaction.Task;
import dev.guanxi.crm.interaction.TaskId;
import dev.guanxi.crm.marketing.AidaStage;
import dev.guanxi.crm.marketing.Campaign;
import dev.guanxi.crm.marketing.CampaignId;
import dev.guanxi.crm.marketing.CampaignResponse;
import dev.guanxi.crm.marketing.CampaignResponseId;
import dev.guanxi.crm.marketing.NewCampaign;
import dev.guanxi.crm.marketing.StageReached;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.Invoice;
import dev.guanxi.crm.sales.Order;
import dev.guanxi.crm.service.CaseKind;
import dev.guanxi.crm.service.NewServiceCase;
import dev.guanxi.crm.service.NewSurveyResponse;
import dev.guanxi.crm.service.ServiceCase;
import dev.guanxi.crm.service.ServiceCaseId;
import dev.guanxi.crm.service.Severity;
import dev.guanxi.crm.service.SurveyResponse;
import dev.guanxi.crm.service.SurveyResponseId;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Conformance tests of units of work, across repositories: atomic commit and rollback of work that spans
 * several repositories, reading one's own writes, read-only units of work, tenant isolation of every
 * repository's by-id lookup, and the concurrency tests of the reliability catalogue sized for CI: the
 * lost-update hammer (C1), stale and deleted writes (C2) and the duplicate-create race (C4).
 *
 * <p>What the contract asks beyond the Javadoc of the SPI: a read-only unit of work ({@link
 * dev.guanxi.crm.spi.storage.UnitOfWorkContext#read}) <em>must</em> refuse every write with a runtime
 * exception (the type is the store's choice), and nothing is written even when the work catches that
 * exception and returns normally. An id is scoped to its tenant: another tenant may hold the same id, and
 * inserting it there neither fails nor reveals the first tenant's row.
 *
 * <p>The concurrency tests run several threads on the store; a store must be thread-safe, as {@link
 * dev.guanxi.crm.spi.storage.Storage} requires. Their size is set by overridable methods: the lost-update
 * hammer runs {@link #hammerThreads()} threads for {@link #hammerDuration()} (by default {@value #THREADS}
 * threads for {@value #DEFAULT_HAMMER_SECONDS} seconds, the CI size of the catalogue; the system properties
 * {@value #HAMMER_THREADS_PROPERTY} and {@value #HAMMER_SECONDS_PROPERTY} override the defaults, e.g. for a
 * nightly run of 32 threads × 60 s), the duplicate-create race runs {@link #raceRounds()} rounds of {@link
 * #raceThreads()} threads. Each test waits at most {@value #TIMEOUT_SECONDS} seconds beyond its planned
 * duration for its threads.
 */
public abstract class TransactionContract extends RepositoryContract {
    /** The default number of threads of the concurrency tests. */
    protected static final int THREADS = 8;
    /** The default duration of the lost-update hammer, in seconds (the catalogue's CI size). */
    protected static final int DEFAULT_HAMMER_SECONDS = 10;
    /** The default number of rounds of the duplicate-create race, each with a new external id. */
    protected static final int DEFAULT_RACE_ROUNDS = 200;
    /** The longest a concurrency test waits for its threads beyond its planned duration, in seconds. */
    protected static final int TIMEOUT_SECONDS = 120;
    /** The system property that overrides the hammer's duration, in whole seconds. */
    public static final String HAMMER_SECONDS_PROPERTY = "guanxi.tck.hammerSeconds";
    /** The system property that overrides the hammer's number of threads. */
    public static final String HAMMER_THREADS_PROPERTY = "guanxi.tck.hammerThreads";

    /** Instants with whole seconds, so that every store keeps them exactly. */
    private static final Instant T0 = Instant.parse("2026-01-15T10:00:00Z");

    private static final LocalDate D0 = LocalDate.parse("2026-01-14");
    private static final String COUNTER = "Counter ";

    /** Creates the contract. */
    protected TransactionContract() {}

    /**
     * How long the lost-update hammer (C1) runs.
     *
     * @return by default the value of the system property {@value #HAMMER_SECONDS_PROPERTY}, else {@value
     *     #DEFAULT_HAMMER_SECONDS} seconds
     */
    protected Duration hammerDuration() {
        return configuredHammerDuration(Duration.ofSeconds(DEFAULT_HAMMER_SECONDS));
    }

    /**
     * How many threads the lost-update hammer (C1) runs.
     *
     * @return by default the value of the system property {@value #HAMMER_THREADS_PROPERTY}, else {@value
     *     #THREADS}
     */
    protected int hammerThreads() {
        return Integer.getInteger(HAMMER_THREADS_PROPERTY, THREADS);
    }

    /**
     * How many threads insert the same external id in each round of the duplicate-create race (C4).
     *
     * @return by default {@value #THREADS}
     */
    protected int raceThreads() {
        return THREADS;
    }

    /**
     * How many rounds the duplicate-create race (C4) runs, each with a new external id.
     *
     * @return by default {@value #DEFAULT_RACE_ROUNDS}
     */
    protected int raceRounds() {
        return DEFAULT_RACE_ROUNDS;
    }

    /**
     * The hammer's duration as the system property {@value #HAMMER_SECONDS_PROPERTY} sets it, for a test
     * class that changes the default but still lets a run override it:
     *
     * <pre>{@code
     * protected Duration hammerDuration() {
     *     return configuredHammerDuration(Duration.ofSeconds(1));
     * }
     * }</pre>
     *
     * @param fallback the duration when the property is not set
     * @return the property's value in seconds, or {@code fallback}
     * @throws IllegalArgumentException if the property is set but is not a positive whole number
     */
    public static Duration configuredHammerDuration(Duration fallback) {
        String seconds = System.getProperty(HAMMER_SECONDS_PROPERTY);
        if (seconds == null || seconds.isBlank()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(seconds.strip());
            if (value > 0) {
                return Duration.ofSeconds(value);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                HAMMER_SECONDS_PROPERTY + " must be a positive number of seconds, got '" + seconds + "'");
    }

    private static Customer customer(String name) {
        return Customer.create(CustomerId.random(), CustomerDraft.person(name).build(), T0);
    }

    private static Customer customer(String name, String externalId) {
        return Customer.create(
                CustomerId.random(),
                CustomerDraft.person(name).externalId(externalId).build(),
                T0);
    }

    private static Customer renamed(Customer c, String name) {
        return c.revise(c.toDraft().displayName(name).build(), T0);
    }

    private static Order order(CustomerId customer) {
        return SalesFixtures.order(customer, D0, "19.99");
    }

    private static Interaction interaction(CustomerId customer) {
        return Interaction.of(
                InteractionId.random(),
                NewInteraction.builder(customer, Channel.PHONE, Direction.INBOUND, "Asked for a quote")
                        .occurredAt(T0.minusSeconds(600))
                        .build(),
                T0);
    }

    private Optional<Customer> customerIn(TenantId tenant, CustomerId id) {
        return read(tenant, uow -> uow.customers().find(id));
    }

    private Customer customerOf(CustomerId id) {
        return customerIn(TENANT_A, id).orElseThrow();
    }

    private Optional<Customer> byExternalId(TenantId tenant, String externalId) {
        return read(tenant, uow -> uow.customers().findByExternalId(externalId));
    }

    private long count(TenantId tenant, CustomerQuery query) {
        return read(tenant, uow -> uow.customers().count(query));
    }

    private List<Customer> allCustomers(TenantId tenant) {
        return read(
                tenant,
                uow -> uow.customers()
                        .query(CustomerQuery.all(), PageRequest.first(PageRequest.MAX_LIMIT))
                        .items());
    }

    /**
     * What a tenant holds in the tables these tests write: every customer, the orders and interactions of the
     * given customers, the pending outbox events.
     */
    private List<Object> snapshot(TenantId tenant, CustomerId... customers) {
        return read(tenant, uow -> {
            List<Object> all = new ArrayList<>();
            all.add(uow.customers()
                    .query(CustomerQuery.all(), PageRequest.first(PageRequest.MAX_LIMIT))
                    .items());
            all.add(uow.customers().count(CustomerQuery.all()));
            for (CustomerId customer : customers) {
                all.add(uow.orders()
                        .listByCustomer(customer, PageRequest.first(PageRequest.MAX_LIMIT))
                        .items());
                all.add(uow.interactions()
                        .listByCustomer(customer, PageRequest.first(PageRequest.MAX_LIMIT))
                        .items());
            }
            all.add(uow.outbox().pending(PageRequest.MAX_LIMIT));
            return all;
        });
    }

    // ---------------------------------------------------------------- atomicity

    /** A unit of work that returns commits its writes to every repository together. */
    @Test
    @DisplayName("commits a customer, an order and an interaction written in one unit of work together")
    public void commitsAcrossRepositories() {
        Customer c = customer("Atomic");
        Order o = order(c.id());
        Interaction i = interaction(c.id());

        run(TENANT_A, uow -> {
            uow.customers().insert(c);
            uow.orders().insert(o);
            uow.interactions().insert(i);
        });

        List<Optional<?>> found = read(
                TENANT_A,
                uow -> List.of(
                        uow.customers().find(c.id()),
                        uow.orders().find(o.id()),
                        uow.interactions().find(i.id())));
        assertThat(found).containsExactly(Optional.of(c), Optional.of(o), Optional.of(i));
    }

    /**
     * Work that throws after inserting, updating and deleting in several repositories and appending events
     * leaves every listing of the tenant as it was: the same rows with the same content, the same counts, the
     * same pending events.
     */
    @Test
    @DisplayName("rolls back inserts, updates, deletes and events in several repositories: listings unchanged")
    public void rollsBackAcrossRepositories() {
        Customer kept = customer("Kept", "ERP-KEPT");
        Order keptOrder = order(kept.id());
        Interaction keptInteraction = interaction(kept.id());
        DomainEvent keptEvent = new CustomerDeleted(metadata(), CustomerId.random(), 3);
        run(TENANT_A, uow -> {
            uow.customers().insert(kept);
            uow.orders().insert(keptOrder);
            uow.interactions().insert(keptInteraction);
            uow.outbox().append(List.of(keptEvent));
        });
        Customer c = customer("Never stored", "ERP-NEW");
        List<Object> before = snapshot(TENANT_A, kept.id(), c.id());
        Order o = order(c.id());
        Order anotherOrder = order(kept.id());
        Interaction i = interaction(kept.id());
        RuntimeException failure = new IllegalStateException("boom after three repositories");

        assertThatThrownBy(() -> run(TENANT_A, uow -> {
                    uow.customers().insert(c);
                    uow.orders().insert(o);
                    uow.orders().insert(anotherOrder);
                    uow.orders().delete(keptOrder.id(), 1);
                    uow.interactions().insert(i);
                    uow.interactions().update(1, keptInteraction.corrected("changed", null, T0));
                    uow.customers().update(1, renamed(kept, "Changed"));
                    uow.outbox().append(List.of(new CustomerDeleted(metadata(), kept.id(), 1)));
                    uow.outbox().markDelivered(List.of(keptEvent.metadata().eventId()));
                    throw failure;
                }))
                .isSameAs(failure);

        List<Optional<?>> found = read(
                TENANT_A,
                uow -> List.of(
                        uow.customers().find(c.id()),
                        uow.customers().findByExternalId("ERP-NEW"),
                        uow.orders().find(o.id()),
                        uow.orders().find(anotherOrder.id()),
                        uow.interactions().find(i.id())));
        assertThat(found).containsOnly(Optional.empty());
        assertThat(snapshot(TENANT_A, kept.id(), c.id())).isEqualTo(before);
        assertThat(customerOf(kept.id())).isEqualTo(kept);
        assertThat(read(TENANT_A, (UnitOfWork uow) -> uow.orders().find(keptOrder.id())))
                .contains(keptOrder);
        assertThat(read(TENANT_A, (UnitOfWork uow) -> uow.interactions().find(keptInteraction.id())))
                .contains(keptInteraction);
        assertThat(read(TENANT_A, (UnitOfWork uow) -> uow.outbox().pending(10))).containsExactly(keptEvent);
    }

    /** When the store itself refuses a write half-way, the writes before it are rolled back too. */
    @Test
    @DisplayName("rolls back earlier writes when a later write of the same unit of work fails in the store")
    public void storeFailureRollsBackEarlierWrites() {
        Customer holder = customer("Holder", "ERP-TAKEN");
        run(TENANT_A, uow -> uow.customers().insert(holder));
        Customer c = customer("First write");
        Order o = order(c.id());
        Interaction i = interaction(c.id());
        List<Object> before = snapshot(TENANT_A, c.id());

        assertThatThrownBy(() -> run(TENANT_A, uow -> {
                    uow.customers().insert(c);
                    uow.orders().insert(o);
                    uow.interactions().insert(i);
                    uow.customers().insert(customer("Clash", "ERP-TAKEN"));
                }))
                .isInstanceOfSatisfying(
                        DuplicateKeyException.class,
                        e -> assertThat(e.existingId()).contains(holder.id()));

        assertThat(snapshot(TENANT_A, c.id())).isEqualTo(before);
        assertThat(allCustomers(TENANT_A)).containsExactly(holder);
    }

    /** Inside a unit of work, later reads see earlier writes of every repository, queries included. */
    @Test
    @DisplayName("lets a unit of work read its own inserts, updates and deletes in every repository it used")
    public void readsOwnWritesAcrossRepositories() {
        Customer gone = customer("Gone");
        run(TENANT_A, uow -> uow.customers().insert(gone));
        Customer c = customer("Own", "OWN-1");
        Order o = order(c.id());
        Interaction i = interaction(c.id());
        Customer v2 = renamed(c, "Own v2");

        List<Object> seen = write(TENANT_A, uow -> {
            List<Object> s = new ArrayList<>();
            uow.customers().insert(c);
            uow.orders().insert(o);
            uow.interactions().insert(i);
            s.add(uow.customers().find(c.id()));
            s.add(uow.customers().findByExternalId("OWN-1"));
            s.add(uow.orders().listByCustomer(c.id(), PageRequest.first(10)).items());
            s.add(uow.interactions()
                    .listByCustomer(c.id(), PageRequest.first(10))
                    .items());
            uow.customers().update(1, v2);
            s.add(uow.customers().find(c.id()));
            uow.customers().delete(gone.id(), 1);
            s.add(uow.customers().find(gone.id()));
            s.add(uow.customers().count(CustomerQuery.all()));
            return s;
        });

        assertThat(seen)
                .containsExactly(
                        Optional.of(c), Optional.of(c), List.of(o), List.of(i), Optional.of(v2), Optional.empty(), 1L);
        assertThat(allCustomers(TENANT_A)).containsExactly(v2);
    }

    /**
     * Unique values are checked against the unit of work's own writes and the committed data together: a
     * value released earlier in a unit of work may be taken later in it (two customers may swap external
     * ids), and after commit, or after a rollback, the values are held by exactly the rows that hold them.
     */
    @Test
    @DisplayName("lets a unit of work swap or re-use unique values it released, and enforces them after commit")
    public void uniqueValuesMoveWithinAUnitOfWork() {
        Customer a = customer("A", "ERP-X");
        Customer b = customer("B", "ERP-Y");
        run(TENANT_A, uow -> {
            uow.customers().insert(a);
            uow.customers().insert(b);
        });
        Customer aTemp = a.revise(a.toDraft().externalId("ERP-T").build(), T0);
        Customer bX = b.revise(b.toDraft().externalId("ERP-X").build(), T0);
        Customer aY = aTemp.revise(aTemp.toDraft().externalId("ERP-Y").build(), T0);

        run(TENANT_A, uow -> {
            uow.customers().update(1, aTemp);
            uow.customers().update(1, bX);
            uow.customers().update(2, aY);
        });

        assertThat(byExternalId(TENANT_A, "ERP-X")).contains(bX);
        assertThat(byExternalId(TENANT_A, "ERP-Y")).contains(aY);
        assertThat(byExternalId(TENANT_A, "ERP-T")).isEmpty();
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.customers().insert(customer("C", "ERP-X"))))
                .isInstanceOfSatisfying(
                        DuplicateKeyException.class,
                        e -> assertThat(e.existingId()).contains(b.id()));
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.customers().insert(customer("C", "ERP-Y"))))
                .isInstanceOfSatisfying(
                        DuplicateKeyException.class,
                        e -> assertThat(e.existingId()).contains(a.id()));
        Customer c = customer("C", "ERP-T");
        run(TENANT_A, uow -> uow.customers().insert(c));

        Customer d = customer("D", "ERP-Y");
        run(TENANT_A, uow -> {
            uow.customers().delete(a.id(), 3);
            uow.customers().insert(d);
        });
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.customers().insert(customer("E", "ERP-Y"))))
                .isInstanceOfSatisfying(
                        DuplicateKeyException.class,
                        e -> assertThat(e.existingId()).contains(d.id()));

        assertThatThrownBy(() -> run(TENANT_A, uow -> {
                    uow.customers()
                            .update(
                                    2,
                                    bX.revise(bX.toDraft().externalId("ERP-Z").build(), T0));
                    uow.customers().insert(customer("F", "ERP-X"));
                    throw new IllegalStateException("rolled back");
                }))
                .hasMessage("rolled back");
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.customers().insert(customer("G", "ERP-X"))))
                .isInstanceOfSatisfying(
                        DuplicateKeyException.class,
                        e -> assertThat(e.existingId()).contains(b.id()));
        run(TENANT_A, uow -> uow.customers().insert(customer("H", "ERP-Z")));
        assertThat(allCustomers(TENANT_A))
                .extracting(Customer::externalId)
                .containsExactlyInAnyOrder("ERP-X", "ERP-T", "ERP-Y", "ERP-Z");
    }

    // ---------------------------------------------------------------- read-only units of work

    /** Every kind of write in a read-only unit of work throws, and nothing is written. */
    @Test
    @DisplayName("refuses every write in a read-only unit of work with an exception and writes nothing")
    public void readOnlyRefusesWrites() {
        Customer c = customer("Read only");
        run(TENANT_A, uow -> uow.customers().insert(c));
        List<Object> before = snapshot(TENANT_A, c.id());
        Customer stranger = customer("Stranger");
        List<Consumer<UnitOfWork>> writes = List.of(
                uow -> uow.customers().insert(stranger),
                uow -> uow.customers().update(1, renamed(c, "Changed")),
                uow -> uow.customers().delete(c.id(), 1),
                uow -> uow.orders().insert(order(c.id())),
                uow -> uow.interactions().insert(interaction(c.id())),
                uow -> uow.referenceCodes().upsert(ReferenceCode.of(ReferenceCodeType.REGION, "north", "North")),
                uow -> uow.outbox().append(List.of(new CustomerDeleted(metadata(), c.id(), 1))));

        for (Consumer<UnitOfWork> w : writes) {
            assertThatThrownBy(() -> read(TENANT_A, uow -> {
                        w.accept(uow);
                        return null;
                    }))
                    .isInstanceOf(RuntimeException.class);
        }

        assertThat(snapshot(TENANT_A, c.id())).isEqualTo(before);
        List<ReferenceCode> regions = read(TENANT_A, uow -> uow.referenceCodes().list(ReferenceCodeType.REGION));
        assertThat(regions).isEmpty();
    }

    /** A refused write stays refused when the work catches the exception and returns. */
    @Test
    @DisplayName("writes nothing from a read-only unit of work even when the work swallows the refusal")
    public void readOnlyWritesNothingWhenRefusalIsSwallowed() {
        Customer c = customer("Read only");
        run(TENANT_A, uow -> uow.customers().insert(c));
        List<Object> before = snapshot(TENANT_A, c.id());
        Customer stranger = customer("Stranger");
        List<Consumer<UnitOfWork>> writes = List.of(
                uow -> uow.customers().insert(stranger),
                uow -> uow.customers().update(1, renamed(c, "Changed")),
                uow -> uow.customers().delete(c.id(), 1),
                uow -> uow.orders().insert(order(c.id())),
                uow -> uow.outbox().append(List.of(new CustomerDeleted(metadata(), c.id(), 1))));

        int refused = read(TENANT_A, uow -> {
            int n = 0;
            for (Consumer<UnitOfWork> w : writes) {
                try {
                    w.accept(uow);
                } catch (RuntimeException expected) {
                    n++;
                }
            }
            return n;
        });

        assertThat(refused).isEqualTo(writes.size());
        assertThat(snapshot(TENANT_A, c.id())).isEqualTo(before);
        assertThat(customerIn(TENANT_A, stranger.id())).isEmpty();
    }

    // ---------------------------------------------------------------- tenants

    /** An aggregate of every repository, stored in tenant A, is invisible by id from tenant B. */
    @Test
    @DisplayName("finds no aggregate of any repository by id from another tenant")
    public void everyRepositoryIsolatesTenantsById() {
        List<Probe> probes = probes();
        run(TENANT_A, uow -> probes.forEach(p -> p.insert().accept(uow)));

        for (Probe p : probes) {
            Optional<?> foreign = read(TENANT_B, uow -> p.find().apply(uow));
            Optional<?> own = read(TENANT_A, uow -> p.find().apply(uow));
            assertThat(foreign).as("%s by id from another tenant", p.name()).isEmpty();
            assertThat(own).as("%s by id from its own tenant", p.name()).isPresent();
        }
        List<DomainEvent> pendingInB = read(TENANT_B, uow -> uow.outbox().pending(10));
        assertThat(pendingInB).isEmpty();
    }

    /** The same id may be used by two tenants; each sees and changes only its own row. */
    @Test
    @DisplayName("keeps two tenants' rows with the same id apart, without revealing the other on insert")
    public void sameIdInTwoTenants() {
        Customer a = customer("Tenant A's", "ERP-SAME");
        Customer b = Customer.create(
                a.id(),
                CustomerDraft.person("Tenant B's").externalId("ERP-SAME").build(),
                T0);
        run(TENANT_A, uow -> uow.customers().insert(a));

        run(TENANT_B, uow -> uow.customers().insert(b));
        run(TENANT_B, uow -> uow.customers().update(1, renamed(b, "Tenant B's v2")));

        assertThat(customerIn(TENANT_A, a.id())).contains(a);
        assertThat(customerIn(TENANT_B, a.id()).map(Customer::displayName)).contains("Tenant B's v2");
        run(TENANT_A, uow -> uow.customers().delete(a.id(), 1));
        assertThat(customerIn(TENANT_A, a.id())).isEmpty();
        assertThat(customerIn(TENANT_B, a.id())).isPresent();
    }

    /** One external id in two tenants is two customers, each found in its own tenant. */
    @Test
    @DisplayName("lets two tenants use the same external id, each finding its own customer")
    public void sameExternalIdInTwoTenants() {
        Customer a = customer("A", "ERP-42");
        Customer b = customer("B", "ERP-42");

        run(TENANT_A, uow -> uow.customers().insert(a));
        run(TENANT_B, uow -> uow.customers().insert(b));

        assertThat(byExternalId(TENANT_A, "ERP-42")).contains(a);
        assertThat(byExternalId(TENANT_B, "ERP-42")).contains(b);
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.customers().insert(customer("A2", "ERP-42"))))
                .isInstanceOfSatisfying(
                        DuplicateKeyException.class,
                        e -> assertThat(e.existingId()).contains(a.id()));
    }

    // ---------------------------------------------------------------- C2: stale and deleted writes

    /** C2: a write after a delete is NotFound; a write on an old version is stale; the data does not change. */
    @Test
    @DisplayName("C2: refuses an update after delete (NotFound) or on an old version (stale), data unchanged")
    public void staleAndDeletedWrites() {
        Customer deleted = customer("Deleted");
        Customer current = customer("Current");
        Customer neverStored = customer("Never stored");
        run(TENANT_A, uow -> {
            uow.customers().insert(deleted);
            uow.customers().insert(current);
        });
        Customer deletedV2 = renamed(deleted, "Deleted v2");
        Customer currentV2 = renamed(current, "Current v2");
        run(TENANT_A, uow -> {
            uow.customers().update(1, deletedV2);
            uow.customers().update(1, currentV2);
        });
        run(TENANT_A, uow -> uow.customers().delete(deleted.id(), 2));
        List<Object> beforeA = snapshot(TENANT_A, current.id());
        List<Object> beforeB = snapshot(TENANT_B, current.id());

        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.customers().update(2, renamed(deletedV2, "Resurrected"))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.customers().delete(deleted.id(), 2)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.customers().update(1, renamed(current, "Lost update"))))
                .isInstanceOfSatisfying(StaleVersionException.class, e -> {
                    assertThat(e.id()).isEqualTo(current.id());
                    assertThat(e.expectedVersion()).isEqualTo(1);
                });
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.customers().delete(current.id(), 1)))
                .isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.customers().update(3, renamed(renamed(currentV2, "x"), "y"))))
                .isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.customers().update(1, renamed(neverStored, "Never read"))))
                .isInstanceOf(NotFoundException.class);

        assertThat(snapshot(TENANT_A, current.id())).isEqualTo(beforeA);
        assertThat(snapshot(TENANT_B, current.id())).isEqualTo(beforeB);
        assertThat(customerOf(current.id())).isEqualTo(currentV2);
        assertThat(customerIn(TENANT_A, deleted.id())).isEmpty();
        assertThat(customerIn(TENANT_A, neverStored.id())).isEmpty();
    }

    /** C2: a stale write in a unit of work with other writes fails the whole unit of work. */
    @Test
    @DisplayName("C2: a stale write rolls back the other writes of its unit of work")
    public void staleWriteRollsBackItsUnitOfWork() {
        Customer c = customer("Contended");
        run(TENANT_A, uow -> uow.customers().insert(c));
        Customer v2 = renamed(c, "Winner");
        run(TENANT_A, uow -> uow.customers().update(1, v2));
        Customer other = customer("Other");
        Order o = order(c.id());
        List<Object> before = snapshot(TENANT_A, c.id());

        assertThatThrownBy(() -> run(TENANT_A, uow -> {
                    uow.customers().insert(other);
                    uow.orders().insert(o);
                    uow.customers().update(1, renamed(c, "Loser"));
                }))
                .isInstanceOf(StaleVersionException.class);

        assertThat(snapshot(TENANT_A, c.id())).isEqualTo(before);
        assertThat(customerOf(c.id())).isEqualTo(v2);
    }

    // ---------------------------------------------------------------- C1: lost-update hammer

    /**
     * C1: {@link #hammerThreads()} threads make read-modify-write attempts on one customer for {@link
     * #hammerDuration()}, each incrementing a counter held in its name. Every other attempt reads in a separate
     * unit of work (a conflict then shows up as a stale version), the others read and write in one (the
     * store's isolation or the version check must keep it from losing an update). Every failure must be a
     * StaleVersionException, nothing else; at the end the counter equals the number of successful commits,
     * the version is one more, and there was contention (some attempts were stale).
     *
     * @throws Exception if a thread does not finish within the timeout ({@link java.util.concurrent.TimeoutException}),
     *     throws something other than the expected failures ({@link java.util.concurrent.ExecutionException}) or
     *     the test thread is interrupted; JUnit reports it as a failure of the contract
     */
    @Test
    @DisplayName("C1: concurrent read-modify-writes lose no update; every failure is a StaleVersionException")
    public void lostUpdateHammer() throws Exception {
        int threads = hammerThreads();
        Duration duration = hammerDuration();
        assertThat(threads).as("hammerThreads()").isGreaterThanOrEqualTo(2);
        Customer start = customer(COUNTER + 0);
        run(TENANT_A, uow -> uow.customers().insert(start));
        AtomicInteger commits = new AtomicInteger();
        AtomicInteger stale = new AtomicInteger();
        Queue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        AtomicLong deadline = new AtomicLong();

        concurrently(threads, duration, () -> deadline.set(System.nanoTime() + duration.toNanos()), t -> () -> {
            for (int attempt = 0; System.nanoTime() - deadline.get() < 0; attempt++) {
                try {
                    if ((attempt + t) % 2 == 0) {
                        Customer seen = customerOf(start.id());
                        run(TENANT_A, uow -> uow.customers().update(seen.version(), incremented(seen)));
                    } else {
                        run(TENANT_A, uow -> {
                            Customer seen = uow.customers().find(start.id()).orElseThrow();
                            uow.customers().update(seen.version(), incremented(seen));
                        });
                    }
                    commits.incrementAndGet();
                } catch (StaleVersionException e) {
                    stale.incrementAndGet();
                } catch (RuntimeException | Error e) {
                    unexpected.add(e);
                }
            }
            return null;
        });

        assertThat(unexpected).as("failures other than StaleVersionException").isEmpty();
        Customer end = customerOf(start.id());
        assertThat(end.version()).as("version after %d commits", commits.get()).isEqualTo(1L + commits.get());
        assertThat(counter(end)).as("counter after %d commits", commits.get()).isEqualTo(commits.get());
        assertThat(commits.get()).as("successful commits").isPositive();
        assertThat(stale.get())
                .as("stale attempts: %d threads for %s produced no conflict to check", threads, duration)
                .isPositive();
    }

    private static Customer incremented(Customer c) {
        return renamed(c, COUNTER + (counter(c) + 1));
    }

    private static int counter(Customer c) {
        return Integer.parseInt(c.displayName().substring(COUNTER.length()));
    }

    // ---------------------------------------------------------------- C4: duplicate-create race

    /**
     * C4: in each of {@link #raceRounds()} rounds, {@link #raceThreads()} threads wait at a barrier and then
     * insert different customers with the same external id at once. Exactly one wins; every loser gets a
     * DuplicateKeyException on {@code externalId} whose {@code existingId()} is the winner's id, and no other
     * exception; exactly one row holds each key, the winner's.
     *
     * @throws Exception if a thread does not finish within the timeout ({@link java.util.concurrent.TimeoutException}),
     *     throws something other than the expected failures ({@link java.util.concurrent.ExecutionException}) or
     *     the test thread is interrupted; JUnit reports it as a failure of the contract
     */
    @Test
    @DisplayName("C4: of concurrent inserts with one external id exactly one wins; losers learn the winner's id")
    public void duplicateCreateRace() throws Exception {
        int threads = raceThreads();
        int rounds = raceRounds();
        assertThat(threads).as("raceThreads()").isGreaterThanOrEqualTo(2);
        Customer[][] contenders = new Customer[rounds][threads];
        for (int round = 0; round < rounds; round++) {
            for (int t = 0; t < threads; t++) {
                contenders[round][t] = customer("Contender " + round + "." + t, raceKey(round));
            }
        }
        Object[][] outcomes = new Object[rounds][threads];
        CyclicBarrier barrier = new CyclicBarrier(threads);

        concurrently(threads, Duration.ZERO, () -> {}, t -> () -> {
            for (int round = 0; round < rounds; round++) {
                barrier.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                Customer mine = contenders[round][t];
                try {
                    run(TENANT_A, uow -> uow.customers().insert(mine));
                    outcomes[round][t] = mine.id();
                } catch (RuntimeException e) {
                    outcomes[round][t] = e;
                }
            }
            return null;
        });

        List<List<Object>> stored = read(TENANT_A, uow -> {
            List<List<Object>> perRound = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                String key = raceKey(round);
                perRound.add(List.of(
                        uow.customers().count(CustomerQuery.all().withExternalId(key)),
                        uow.customers().findByExternalId(key).map(Customer::id)));
            }
            return perRound;
        });
        for (int round = 0; round < rounds; round++) {
            List<Object> outcome = List.of(outcomes[round]);
            List<CustomerId> winners = outcome.stream()
                    .filter(CustomerId.class::isInstance)
                    .map(CustomerId.class::cast)
                    .toList();
            assertThat(winners).as("winners of round %d", round).hasSize(1);
            CustomerId winner = winners.get(0);
            assertThat(outcome.stream().filter(o -> !(o instanceof CustomerId)))
                    .as("losers of round %d", round)
                    .hasSize(threads - 1)
                    .allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(DuplicateKeyException.class, e -> {
                        assertThat(e.field()).isEqualTo("externalId");
                        assertThat(e.existingId()).contains(winner);
                    }));
            assertThat(stored.get(round))
                    .as("rows with the key of round %d", round)
                    .containsExactly(1L, Optional.of(winner));
        }
        assertThat(count(TENANT_A, CustomerQuery.all())).isEqualTo(rounds);
    }

    private static String raceKey(int round) {
        return "ERP-RACE-" + round + "-张伟";
    }

    /**
     * C4 across tenants: the same race in two tenants at once gives one winner per tenant.
     *
     * @throws Exception if a thread does not finish within the timeout ({@link java.util.concurrent.TimeoutException}),
     *     throws something other than the expected failures ({@link java.util.concurrent.ExecutionException}) or
     *     the test thread is interrupted; JUnit reports it as a failure of the contract
     */
    @Test
    @DisplayName("C4: the same external id raced in two tenants at once gives one customer per tenant")
    public void duplicateCreateRaceInTwoTenants() throws Exception {
        List<Object> outcomes = concurrently(THREADS, Duration.ZERO, () -> {}, t -> () -> {
            TenantId tenant = t % 2 == 0 ? TENANT_A : TENANT_B;
            Customer mine = customer("Contender " + t, "ERP-BOTH");
            try {
                run(tenant, uow -> uow.customers().insert(mine));
                return tenant;
            } catch (DuplicateKeyException e) {
                return e;
            }
        });

        assertThat(outcomes).filteredOn(TenantId.class::isInstance).containsExactlyInAnyOrder(TENANT_A, TENANT_B);
        assertThat(outcomes).filteredOn(DuplicateKeyException.class::isInstance).hasSize(THREADS - 2);
        for (TenantId tenant : List.of(TENANT_A, TENANT_B)) {
            assertThat(count(tenant, CustomerQuery.all())).isEqualTo(1);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static EventMetadata metadata() {
        return new EventMetadata(UUID.randomUUID(), TENANT_A, T0);
    }

    /**
     * Runs tasks on several threads at once: all threads start together after a gate opens.
     *
     * @param threads how many threads
     * @param planned how long the tasks are meant to run; they may take {@value #TIMEOUT_SECONDS} seconds more
     * @param atStart runs once just before the gate opens
     * @param task the task of each thread, by thread index
     * @return each task's result, by thread index
     */
    private static <T> List<T> concurrently(
            int threads, Duration planned, Runnable atStart, IntFunction<Callable<T>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<T> work = task.apply(t);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    gate.await();
                    return work.call();
                }));
            }
            assertThat(ready.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
            atStart.run();
            gate.countDown();
            List<T> results = new ArrayList<>();
            long deadline = System.nanoTime()
                    + planned.plus(Duration.ofSeconds(TIMEOUT_SECONDS)).toNanos();
            for (Future<T> f : futures) {
                results.add(f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** One aggregate of one repository: how to insert it and how to find it again by id. */
    private record Probe(String name, Consumer<UnitOfWork> insert, Function<UnitOfWork, Optional<?>> find) {}

    private static List<Probe> probes() {
        CustomerId owner = CustomerId.random();
        Customer customer = customer("Isolated");
        Order order = order(owner);
        Invoice invoice = SalesFixtures.invoice(owner, "INV-ISO-1", D0.plusDays(30), "100.00");
        var payment = SalesFixtures.payment(owner, invoice.id(), D0, "40.00", T0);
        var opportunity = SalesFixtures.opportunity(owner, "Isolated deal", D0.plusDays(60), T0);
        var contract = SalesFixtures.contract(
                owner, "CT-ISO-1", D0, D0.plusYears(1), D0.plusYears(1).minusDays(30));
        Interaction interaction = interaction(owner);
        Task task = Task.of(
                TaskId.random(),
                NewTask.builder(owner, "Call back", StaffId.of("li.na"), D0.plusDays(3))
                        .build(),
                T0);
        ServiceCase serviceCase = ServiceCase.open(
                ServiceCaseId.random(),
                NewServiceCase.builder(owner, CaseKind.REQUEST, Severity.MEDIUM, Channel.EMAIL, "Isolated case")
                        .openedAt(T0)
                        .build(),
                T0.plus(Duration.ofDays(1)),
                T0);
        SurveyResponse survey = SurveyResponse.of(
                SurveyResponseId.random(),
                NewSurveyResponse.builder(owner).csat(4).respondedAt(T0).build(),
                T0);
        Campaign campaign = Campaign.plan(
                CampaignId.random(),
                NewCampaign.builder("ISO-1", "Isolated campaign")
                        .channel(Channel.EMAIL)
                        .period(D0, D0.plusDays(30))
                        .budget("500.00", "EUR")
                        .build(),
                T0);
        CampaignResponse response = CampaignResponse.first(
                CampaignResponseId.random(),
                campaign.id(),
                owner,
                new StageReached(AidaStage.INTEREST, T0, Channel.EMAIL),
                null,
                null,
                null,
                T0);
        Competitor competitor = Competitor.register(
                CompetitorId.random(), NewCompetitor.builder("Isolated Rival").build(), T0);
        CompetitorDealing dealing = CompetitorDealing.record(
                CompetitorDealingId.random(),
                NewCompetitorDealing.builder(competitor.id(), owner, DealingKind.BIDDING, D0)
                        .build(),
                T0);
        ReferenceCode code = ReferenceCode.of(ReferenceCodeType.INDUSTRY, "retail", "Retail");
        return List.of(
                new Probe(
                        "Customer",
                        uow -> uow.customers().insert(customer),
                        uow -> uow.customers().find(customer.id())),
                new Probe(
                        "ReferenceCode",
                        uow -> uow.referenceCodes().upsert(code),
                        uow -> uow.referenceCodes().find(code.type(), code.code())),
                new Probe(
                        "Interaction",
                        uow -> uow.interactions().insert(interaction),
                        uow -> uow.interactions().find(interaction.id())),
                new Probe(
                        "Task",
                        uow -> uow.tasks().insert(task),
                        uow -> uow.tasks().find(task.id())),
                new Probe(
                        "Order",
                        uow -> uow.orders().insert(order),
                        uow -> uow.orders().find(order.id())),
                new Probe(
                        "Invoice",
                        uow -> uow.invoices().insert(invoice),
                        uow -> uow.invoices().find(invoice.id())),
                new Probe(
                        "Payment",
                        uow -> uow.payments().insert(payment),
                        uow -> uow.payments().find(payment.id())),
                new Probe(
                        "Opportunity",
                        uow -> uow.opportunities().insert(opportunity),
                        uow -> uow.opportunities().find(opportunity.id())),
                new Probe(
                        "Contract",
                        uow -> uow.contracts().insert(contract),
                        uow -> uow.contracts().find(contract.id())),
                new Probe(
                        "ServiceCase",
                        uow -> uow.serviceCases().insert(serviceCase),
                        uow -> uow.serviceCases().find(serviceCase.id())),
                new Probe(
                        "SurveyResponse",
                        uow -> uow.surveyResponses().insert(survey),
                        uow -> uow.surveyResponses().find(survey.id())),
                new Probe(
                        "Campaign",
                        uow -> uow.campaigns().insert(campaign),
                        uow -> uow.campaigns().find(campaign.id())),
                new Probe(
                        "CampaignResponse",
                        uow -> uow.campaignResponses().insert(response),
                        uow -> uow.campaignResponses().find(response.id())),
                new Probe(
                        "Competitor",
                        uow -> uow.competitors().insert(competitor),
                        uow -> uow.competitors().find(competitor.id())),
                new Probe(
                        "CompetitorDealing",
                        uow -> uow.competitorDealings().insert(dealing),
                        uow -> uow.competitorDealings().find(dealing.id())),
                new Probe(
                        "Outbox",
                        uow -> uow.outbox().append(List.<DomainEvent>of(new CustomerDeleted(metadata(), owner, 1))),
                        uow -> uow.outbox().pending(1).stream().findFirst()));
    }
}
