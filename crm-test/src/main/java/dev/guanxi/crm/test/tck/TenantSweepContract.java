package dev.guanxi.crm.test.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.Aggregate;
import dev.guanxi.crm.Channel;
import dev.guanxi.crm.NotFoundException;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.competitor.Competitor;
import dev.guanxi.crm.competitor.CompetitorDealing;
import dev.guanxi.crm.competitor.CompetitorDealingId;
import dev.guanxi.crm.competitor.CompetitorId;
import dev.guanxi.crm.competitor.DealingKind;
import dev.guanxi.crm.customer.ContactPoint;
import dev.guanxi.crm.customer.ContactPurpose;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.CustomerQuery;
import dev.guanxi.crm.customer.PartyKind;
import dev.guanxi.crm.customer.ReferenceCode;
import dev.guanxi.crm.customer.ReferenceCodeType;
import dev.guanxi.crm.event.CustomerDeleted;
import dev.guanxi.crm.event.DomainEvent;
import dev.guanxi.crm.event.EventMetadata;
import dev.guanxi.crm.event.PurchaseRecorded;
import dev.guanxi.crm.interaction.Direction;
import dev.guanxi.crm.interaction.Interaction;
import dev.guanxi.crm.interaction.InteractionId;
import dev.guanxi.crm.interaction.Task;
import dev.guanxi.crm.interaction.TaskId;
import dev.guanxi.crm.interaction.TaskStatus;
import dev.guanxi.crm.marketing.AidaStage;
import dev.guanxi.crm.marketing.Campaign;
import dev.guanxi.crm.marketing.CampaignId;
import dev.guanxi.crm.marketing.CampaignResponse;
import dev.guanxi.crm.marketing.CampaignResponseId;
import dev.guanxi.crm.marketing.CampaignStatus;
import dev.guanxi.crm.marketing.StageReached;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.Contract;
import dev.guanxi.crm.sales.ContractId;
import dev.guanxi.crm.sales.ContractKind;
import dev.guanxi.crm.sales.ContractStatus;
import dev.guanxi.crm.sales.Invoice;
import dev.guanxi.crm.sales.InvoiceId;
import dev.guanxi.crm.sales.InvoiceStatus;
import dev.guanxi.crm.sales.Opportunity;
import dev.guanxi.crm.sales.OpportunityId;
import dev.guanxi.crm.sales.OpportunityStatus;
import dev.guanxi.crm.sales.Order;
import dev.guanxi.crm.sales.OrderId;
import dev.guanxi.crm.sales.OrderLine;
import dev.guanxi.crm.sales.OrderStatus;
import dev.guanxi.crm.sales.Payment;
import dev.guanxi.crm.sales.PaymentId;
import dev.guanxi.crm.sales.PaymentMethod;
import dev.guanxi.crm.sales.PurchaseScan;
import dev.guanxi.crm.sales.StageEntry;
import dev.guanxi.crm.service.CaseKind;
import dev.guanxi.crm.service.CaseStatus;
import dev.guanxi.crm.service.ServiceCase;
import dev.guanxi.crm.service.ServiceCaseId;
import dev.guanxi.crm.service.Severity;
import dev.guanxi.crm.service.StatusChange;
import dev.guanxi.crm.service.SurveyResponse;
import dev.guanxi.crm.service.SurveyResponseId;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * T1 of the reliability catalogue, the cross-tenant sweep: {@link #sweepTenants()} tenants are seeded with
 * the same data shape and the same natural keys (external ids, e-mail address, order, invoice and contract
 * numbers, campaign codes, competitor names, reference codes, staff ids), and half of the rows of every
 * repository have the <em>same id</em> in every tenant, one UUID shared even across entity types (like
 * imported numeric ids that collide); the other half have ids of their own. Then every read path of every
 * repository (find, the findBy lookups, every list, query and count with each filter, countByStage, the
 * purchase scan, the pending outbox, the reference code tables) is run in every tenant and must return
 * exactly that tenant's rows; another tenant's own ids are not found, and updating or deleting them is
 * {@code NotFoundException} that changes nothing.
 *
 * <p>The same read paths, run before and after a unit of work that writes to every repository and then
 * throws, must give identical results (a rollback leaves every repository unchanged).
 */
public abstract class TenantSweepContract extends RepositoryContract {
    /** The default number of tenants of the sweep. */
    protected static final int DEFAULT_SWEEP_TENANTS = 3;

    /** The id every tenant uses for one row of every repository, whatever the entity type. */
    private static final UUID SHARED = UUID.fromString("00000000-0000-0000-0000-000000000001");

    private static final CustomerId CUSTOMER = new CustomerId(SHARED);
    private static final InvoiceId INVOICE = new InvoiceId(SHARED);
    private static final ServiceCaseId CASE = new ServiceCaseId(SHARED);
    private static final CampaignId CAMPAIGN = new CampaignId(SHARED);
    private static final CompetitorId COMPETITOR = new CompetitorId(SHARED);
    private static final StaffId STAFF = StaffId.of("li.na");
    private static final String EMAIL = "same@example.com";
    private static final Instant T0 = Instant.parse("2025-01-01T08:00:00.000001Z");
    private static final LocalDate D0 = LocalDate.of(2025, 1, 1);
    /** The day the lists of overdue items are asked for: every seeded task, invoice and case is overdue. */
    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 1);

    private static final Instant AS_OF_INSTANT = Instant.parse("2025-06-01T00:00:00Z");

    /** Creates the contract. */
    protected TenantSweepContract() {}

    /**
     * How many tenants the sweep seeds, at least 2.
     *
     * @return by default {@value #DEFAULT_SWEEP_TENANTS}
     */
    protected int sweepTenants() {
        return DEFAULT_SWEEP_TENANTS;
    }

    /** What one tenant holds: per aggregate kind its rows, the shared-id row first. */
    private record Seed(
            TenantId tenant,
            Map<AggregateKind<?, ?>, List<Aggregate<?>>> rows,
            List<ReferenceCode> codes,
            List<DomainEvent> events) {
        @SuppressWarnings("unchecked")
        <A> List<A> of(AggregateKind<?, ?> kind) {
            return (List<A>) rows.get(kind);
        }

        /** The rows whose id is this tenant's own (not shared). */
        Stream<Map.Entry<AggregateKind<?, ?>, Aggregate<?>>> ownIdRows() {
            return rows.entrySet().stream()
                    .flatMap(e -> e.getValue().stream()
                            .filter(a -> !SHARED.equals(uuidOf(a)))
                            .map(a -> Map.entry(e.getKey(), a)));
        }
    }

    private static UUID uuidOf(Aggregate<?> aggregate) {
        Object id = aggregate.id();
        try {
            return (UUID) id.getClass().getMethod("value").invoke(id);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> List<T> twice(Function<UUID, T> make) {
        return List.of(make.apply(SHARED), make.apply(UUID.randomUUID()));
    }

    /**
     * Seeds one tenant: every row names the tenant in a text or amount, so that a leaked row never equals an
     * own one, while keys, codes, staff and dates are the same in every tenant.
     */
    private static Seed seed(int k, TenantId tenant) {
        String mark = "tenant " + k + " 租户";
        Map<AggregateKind<?, ?>, List<Aggregate<?>>> rows = new LinkedHashMap<>();
        Customer shared = new Customer(
                CUSTOMER,
                PartyKind.ORGANISATION,
                "张伟 Trading",
                "Legal name of " + mark,
                List.of(ContactPoint.email(EMAIL, ContactPurpose.WORK)),
                List.of(),
                "distributor",
                "active",
                "north",
                "retail",
                java.util.Set.of("vip"),
                dev.guanxi.crm.customer.Preferences.none(),
                List.of(),
                "EXT-1",
                STAFF,
                Money.of(k + ".005", "BHD"),
                dev.guanxi.crm.field.CustomFields.empty(),
                1,
                T0,
                T0);
        Customer own = Customer.create(
                CustomerId.random(),
                CustomerDraft.person("Zhang Wei " + mark)
                        .email(EMAIL, ContactPurpose.HOME)
                        .region("north")
                        .tag("vip")
                        .tag("new")
                        .externalId("EXT-2")
                        .owner(STAFF)
                        .build(),
                T0);
        rows.put(AggregateKind.CUSTOMER, List.of(shared, own));
        rows.put(
                AggregateKind.INTERACTION,
                twice(id -> new Interaction(
                        new InteractionId(id),
                        CUSTOMER,
                        Channel.PHONE,
                        Direction.INBOUND,
                        T0,
                        "Call of " + mark,
                        null,
                        null,
                        STAFF,
                        null,
                        CASE,
                        null,
                        CAMPAIGN,
                        1,
                        T0,
                        T0)));
        rows.put(
                AggregateKind.TASK,
                twice(id -> new Task(
                        new TaskId(id),
                        CUSTOMER,
                        null,
                        "Call back " + mark,
                        null,
                        STAFF,
                        D0,
                        TaskStatus.OPEN,
                        null,
                        1,
                        T0,
                        T0)));
        int[] n = {0};
        rows.put(AggregateKind.ORDER, twice(id -> {
            List<OrderLine> lines = List.of(OrderLine.of("SKU-1", 1 + k, Money.of("10.00", "EUR")));
            return new Order(
                    new OrderId(id),
                    CUSTOMER,
                    "SO-" + ++n[0],
                    D0,
                    lines,
                    OrderLine.sum(lines),
                    OrderStatus.PLACED,
                    null,
                    1,
                    T0,
                    T0);
        }));
        rows.put(
                AggregateKind.INVOICE,
                twice(id -> new Invoice(
                        new InvoiceId(id),
                        CUSTOMER,
                        "INV-" + (id.equals(SHARED) ? 1 : 2),
                        null,
                        D0,
                        D0.plusDays(30),
                        Money.of(100 + k + ".00", "EUR"),
                        Money.of("0.00", "EUR"),
                        InvoiceStatus.OPEN,
                        null,
                        null,
                        null,
                        1,
                        T0,
                        T0)));
        rows.put(
                AggregateKind.PAYMENT,
                twice(id -> new Payment(
                        new PaymentId(id),
                        CUSTOMER,
                        INVOICE,
                        Money.of(1 + k + ".00", "EUR"),
                        D0,
                        PaymentMethod.CARD,
                        "Payment of " + mark,
                        1,
                        T0,
                        T0)));
        rows.put(
                AggregateKind.OPPORTUNITY,
                twice(id -> new Opportunity(
                        new OpportunityId(id),
                        CUSTOMER,
                        "Deal of " + mark,
                        "standard",
                        "QUALIFICATION",
                        Money.of(1000 + k + ".00", "EUR"),
                        10,
                        D0.plusDays(90),
                        OpportunityStatus.OPEN,
                        null,
                        null,
                        List.of(new StageEntry("QUALIFICATION", T0)),
                        null,
                        1,
                        T0,
                        T0)));
        rows.put(
                AggregateKind.CONTRACT,
                twice(id -> new Contract(
                        new ContractId(id),
                        CUSTOMER,
                        ContractKind.SERVICE,
                        "CT-" + (id.equals(SHARED) ? 1 : 2),
                        "Maintenance for " + mark,
                        D0,
                        D0.plusYears(1),
                        Money.of(1200 + k + ".00", "EUR"),
                        AS_OF.minusDays(1),
                        ContractStatus.ACTIVE,
                        null,
                        null,
                        null,
                        1,
                        T0,
                        T0)));
        rows.put(
                AggregateKind.SERVICE_CASE,
                twice(id -> new ServiceCase(
                        new ServiceCaseId(id),
                        CUSTOMER,
                        CaseKind.COMPLAINT,
                        Severity.HIGH,
                        Channel.EMAIL,
                        "Broken, says " + mark,
                        null,
                        CaseStatus.OPEN,
                        STAFF,
                        T0,
                        T0.plusSeconds(3600),
                        null,
                        null,
                        null,
                        0,
                        List.of(new StatusChange(CaseStatus.OPEN, T0, null)),
                        1,
                        T0,
                        T0)));
        rows.put(
                AggregateKind.SURVEY_RESPONSE,
                twice(id -> new SurveyResponse(
                        new SurveyResponseId(id),
                        CUSTOMER,
                        T0,
                        1 + k % 5,
                        k % 11,
                        "Said " + mark,
                        CASE,
                        null,
                        1,
                        T0,
                        T0)));
        rows.put(
                AggregateKind.CAMPAIGN,
                twice(id -> new Campaign(
                        new CampaignId(id),
                        id.equals(SHARED) ? "SPRING" : "SUMMER",
                        "Campaign of " + mark,
                        null,
                        Channel.EMAIL,
                        D0,
                        D0.plusDays(30),
                        null,
                        null,
                        Money.of(500 + k + ".00", "EUR"),
                        CampaignStatus.ACTIVE,
                        1,
                        T0,
                        T0)));
        rows.put(
                AggregateKind.CAMPAIGN_RESPONSE,
                twice(id -> new CampaignResponse(
                        new CampaignResponseId(id),
                        CAMPAIGN,
                        id.equals(SHARED) ? CUSTOMER : own.id(),
                        List.of(new StageReached(AidaStage.values()[k % 4], T0, Channel.EMAIL)),
                        "Note of " + mark,
                        null,
                        null,
                        1,
                        T0,
                        T0)));
        rows.put(
                AggregateKind.COMPETITOR,
                twice(id -> new Competitor(
                        new CompetitorId(id),
                        id.equals(SHARED) ? "Acme" : "Globex",
                        null,
                        "Strong in " + mark,
                        null,
                        List.of(),
                        List.of(),
                        1,
                        T0,
                        T0)));
        rows.put(
                AggregateKind.COMPETITOR_DEALING,
                twice(id -> new CompetitorDealing(
                        new CompetitorDealingId(id),
                        COMPETITOR,
                        CUSTOMER,
                        DealingKind.CURRENT_SUPPLIER,
                        "Product of " + mark,
                        null,
                        D0,
                        null,
                        null,
                        1,
                        T0,
                        T0)));
        List<ReferenceCode> codes = List.of(
                ReferenceCode.of(ReferenceCodeType.REGION, "north", "North of " + mark),
                ReferenceCode.of(ReferenceCodeType.INDUSTRY, "retail", "Retail of " + mark),
                new ReferenceCode(ReferenceCodeType.CUSTOMER_TYPE, "distributor", "Distributor of " + mark, false),
                ReferenceCode.of(ReferenceCodeType.CUSTOMER_STATUS, "active", "Active in " + mark));
        List<DomainEvent> events = List.of(
                new PurchaseRecorded(
                        new EventMetadata(UUID.randomUUID(), tenant, T0),
                        CUSTOMER,
                        new OrderId(SHARED),
                        D0,
                        Money.of(k + ".00", "EUR")),
                new CustomerDeleted(new EventMetadata(UUID.randomUUID(), tenant, T0.plusSeconds(1)), own.id(), k + 1));
        return new Seed(tenant, rows, codes, events);
    }

    private void store(Seed seed) {
        run(seed.tenant(), uow -> {
            seed.rows().forEach((kind, list) -> list.forEach(a -> kind.insert(uow, a)));
            seed.codes().forEach(uow.referenceCodes()::upsert);
            uow.outbox().append(seed.events());
        });
    }

    private List<Seed> seedAll() {
        int tenants = sweepTenants();
        assertThat(tenants).as("sweepTenants()").isGreaterThanOrEqualTo(2);
        List<Seed> seeds = new ArrayList<>();
        for (int k = 0; k < tenants; k++) {
            Seed seed = seed(k, TenantId.of("tck-sweep-" + k));
            store(seed);
            seeds.add(seed);
        }
        return seeds;
    }

    // ---------------------------------------------------------------- the read paths

    /**
     * One read path: what it reads in a unit of work, and which of a tenant's seeded rows it must return
     * (as a list in any order, or a count, or a map).
     */
    private record Path(String name, Function<UnitOfWork, Object> read, Function<Seed, Object> expected) {}

    private static final PageRequest ALL = AggregateKind.ALL;

    private static Path list(String name, Function<UnitOfWork, List<?>> read, Function<Seed, List<?>> expected) {
        return new Path(name, read::apply, expected::apply);
    }

    private static Path count(String name, Function<UnitOfWork, Long> read, Function<Seed, List<?>> expected) {
        return new Path(name, read::apply, seed -> (long) expected.apply(seed).size());
    }

    private static List<?> rows(Optional<?> found) {
        return AggregateKind.rows(found);
    }

    private static <A> List<?> where(Seed seed, AggregateKind<?, ?> kind, java.util.function.Predicate<A> filter) {
        return seed.<A>of(kind).stream().filter(filter).toList();
    }

    /** Every read path of every repository, with the keys every tenant shares. */
    private static List<Path> paths() {
        List<Path> paths = new ArrayList<>();
        // customers
        paths.add(list(
                "customers.findByExternalId(EXT-1)",
                uow -> rows(uow.customers().findByExternalId("EXT-1")),
                seed -> where(seed, AggregateKind.CUSTOMER, (Customer c) -> "EXT-1".equals(c.externalId()))));
        paths.add(list(
                "customers.findByExternalId(EXT-2)",
                uow -> rows(uow.customers().findByExternalId("EXT-2")),
                seed -> where(seed, AggregateKind.CUSTOMER, (Customer c) -> "EXT-2".equals(c.externalId()))));
        CustomerQuery all = CustomerQuery.all();
        Map<String, CustomerQuery> queries = new LinkedHashMap<>();
        queries.put("all", all);
        queries.put("kind PERSON", all.withKind(PartyKind.PERSON));
        queries.put("kind ORGANISATION", all.withKind(PartyKind.ORGANISATION));
        queries.put("customerType", all.withCustomerType("distributor"));
        queries.put("status", all.withStatus("active"));
        queries.put("region", all.withRegion("north"));
        queries.put("industry", all.withIndustry("retail"));
        queries.put("owner", all.withOwner(STAFF));
        queries.put("tag vip", all.withTag("vip"));
        queries.put("tag new", all.withTag("new"));
        queries.put("externalId", all.withExternalId("EXT-1"));
        queries.put("namePrefix 张", all.withNamePrefix("张"));
        queries.put("namePrefix zhang", all.withNamePrefix("zhang"));
        queries.put("namePrefix legal", all.withNamePrefix("legal name of"));
        for (Map.Entry<String, CustomerQuery> q : queries.entrySet()) {
            CustomerQuery query = q.getValue();
            paths.add(list(
                    "customers.query(" + q.getKey() + ")",
                    uow -> uow.customers().query(query, ALL).items(),
                    seed -> where(seed, AggregateKind.CUSTOMER, query::matches)));
            paths.add(count(
                    "customers.count(" + q.getKey() + ")",
                    uow -> uow.customers().count(query),
                    seed -> where(seed, AggregateKind.CUSTOMER, query::matches)));
        }
        // reference codes
        for (ReferenceCodeType type : ReferenceCodeType.values()) {
            paths.add(list(
                    "referenceCodes.list(" + type + ")",
                    uow -> uow.referenceCodes().list(type),
                    seed -> seed.codes().stream().filter(c -> c.type() == type).toList()));
        }
        for (String code : List.of("north", "retail", "distributor", "active")) {
            for (ReferenceCodeType type : ReferenceCodeType.values()) {
                paths.add(list(
                        "referenceCodes.find(" + type + ", " + code + ")",
                        uow -> rows(uow.referenceCodes().find(type, code)),
                        seed -> seed.codes().stream()
                                .filter(c -> c.type() == type && c.code().equals(code))
                                .toList()));
            }
        }
        // interactions and tasks
        paths.add(list(
                "interactions.listByCustomer",
                uow -> uow.interactions().listByCustomer(CUSTOMER, ALL).items(),
                seed -> seed.of(AggregateKind.INTERACTION)));
        paths.add(list(
                "interactions.listByStaff",
                uow -> uow.interactions().listByStaff(STAFF, ALL).items(),
                seed -> seed.of(AggregateKind.INTERACTION)));
        paths.add(list(
                "interactions.listByCase",
                uow -> uow.interactions().listByCase(CASE, ALL).items(),
                seed -> seed.of(AggregateKind.INTERACTION)));
        for (boolean openOnly : List.of(true, false)) {
            paths.add(list(
                    "tasks.listByAssignee(" + openOnly + ")",
                    uow -> uow.tasks().listByAssignee(STAFF, openOnly, ALL).items(),
                    seed -> seed.of(AggregateKind.TASK)));
        }
        paths.add(list(
                "tasks.listOverdue",
                uow -> uow.tasks().listOverdue(AS_OF, ALL).items(),
                seed -> where(seed, AggregateKind.TASK, (Task t) -> t.isOverdue(AS_OF))));
        paths.add(list(
                "tasks.listByCustomer",
                uow -> uow.tasks().listByCustomer(CUSTOMER, ALL).items(),
                seed -> seed.of(AggregateKind.TASK)));
        // sales
        for (String number : List.of("SO-1", "SO-2")) {
            paths.add(list(
                    "orders.findByOrderNumber(" + number + ")",
                    uow -> rows(uow.orders().findByOrderNumber(number)),
                    seed -> where(seed, AggregateKind.ORDER, (Order o) -> number.equals(o.orderNumber()))));
        }
        paths.add(list(
                "orders.listByCustomer",
                uow -> uow.orders().listByCustomer(CUSTOMER, ALL).items(),
                seed -> seed.of(AggregateKind.ORDER)));
        paths.add(list(
                "orders.scanPurchases",
                uow -> {
                    List<String> seen = new ArrayList<>();
                    uow.orders()
                            .scanPurchases(
                                    PurchaseScan.all(),
                                    (c, d, amount, currency) -> seen.add(c + " " + d + " " + amount + " " + currency));
                    return seen;
                },
                seed -> seed.<Order>of(AggregateKind.ORDER).stream()
                        .map(o -> o.customerId() + " " + o.orderDate() + " "
                                + o.total().minorUnits() + " " + o.currency())
                        .toList()));
        for (String number : List.of("INV-1", "INV-2")) {
            paths.add(list(
                    "invoices.findByInvoiceNumber(" + number + ")",
                    uow -> rows(uow.invoices().findByInvoiceNumber(number)),
                    seed -> where(seed, AggregateKind.INVOICE, (Invoice i) -> number.equals(i.invoiceNumber()))));
        }
        paths.add(list(
                "invoices.listByCustomer",
                uow -> uow.invoices().listByCustomer(CUSTOMER, ALL).items(),
                seed -> seed.of(AggregateKind.INVOICE)));
        paths.add(list(
                "invoices.listOpenByCustomer",
                uow -> uow.invoices().listOpenByCustomer(CUSTOMER, ALL).items(),
                seed -> seed.of(AggregateKind.INVOICE)));
        paths.add(list(
                "invoices.listOverdue",
                uow -> uow.invoices().listOverdue(AS_OF, ALL).items(),
                seed -> where(seed, AggregateKind.INVOICE, (Invoice i) -> i.isOverdue(AS_OF))));
        paths.add(list(
                "payments.listByCustomer",
                uow -> uow.payments().listByCustomer(CUSTOMER, ALL).items(),
                seed -> seed.of(AggregateKind.PAYMENT)));
        paths.add(list(
                "payments.listByInvoice",
                uow -> uow.payments().listByInvoice(INVOICE),
                seed -> seed.of(AggregateKind.PAYMENT)));
        paths.add(list(
                "opportunities.listByCustomer",
                uow -> uow.opportunities().listByCustomer(CUSTOMER, ALL).items(),
                seed -> seed.of(AggregateKind.OPPORTUNITY)));
        for (Optional<String> pipeline : List.of(Optional.<String>empty(), Optional.of("standard"))) {
            paths.add(list(
                    "opportunities.listOpen(" + pipeline + ")",
                    uow -> uow.opportunities().listOpen(pipeline, ALL).items(),
                    seed -> seed.of(AggregateKind.OPPORTUNITY)));
        }
        for (String number : List.of("CT-1", "CT-2")) {
            paths.add(list(
                    "contracts.findByContractNumber(" + number + ")",
                    uow -> rows(uow.contracts().findByContractNumber(number)),
                    seed -> where(seed, AggregateKind.CONTRACT, (Contract c) -> number.equals(c.contractNumber()))));
        }
        paths.add(list(
                "contracts.listByCustomer",
                uow -> uow.contracts().listByCustomer(CUSTOMER, ALL).items(),
                seed -> seed.of(AggregateKind.CONTRACT)));
        paths.add(list(
                "contracts.listDueForRenewal",
                uow -> uow.contracts().listDueForRenewal(AS_OF, ALL).items(),
                seed -> seed.of(AggregateKind.CONTRACT)));
        // service
        paths.add(list(
                "serviceCases.listByCustomer",
                uow -> uow.serviceCases().listByCustomer(CUSTOMER, ALL).items(),
                seed -> seed.of(AggregateKind.SERVICE_CASE)));
        paths.add(list(
                "serviceCases.listActive",
                uow -> uow.serviceCases().listActive(ALL).items(),
                seed -> seed.of(AggregateKind.SERVICE_CASE)));
        paths.add(list(
                "serviceCases.listOverdue",
                uow -> uow.serviceCases().listOverdue(AS_OF_INSTANT, ALL).items(),
                seed -> where(seed, AggregateKind.SERVICE_CASE, (ServiceCase s) -> s.isOverdue(AS_OF_INSTANT))));
        paths.add(list(
                "surveyResponses.listByCustomer",
                uow -> uow.surveyResponses().listByCustomer(CUSTOMER, ALL).items(),
                seed -> seed.of(AggregateKind.SURVEY_RESPONSE)));
        // marketing
        for (String code : List.of("SPRING", "SUMMER")) {
            paths.add(list(
                    "campaigns.findByCode(" + code + ")",
                    uow -> rows(uow.campaigns().findByCode(code)),
                    seed -> where(seed, AggregateKind.CAMPAIGN, (Campaign c) -> code.equals(c.code()))));
        }
        paths.add(list(
                "campaigns.list", uow -> uow.campaigns().list(ALL).items(), seed -> seed.of(AggregateKind.CAMPAIGN)));
        for (CampaignStatus status : CampaignStatus.values()) {
            paths.add(list(
                    "campaigns.listByStatus(" + status + ")",
                    uow -> uow.campaigns().listByStatus(status, ALL).items(),
                    seed -> where(seed, AggregateKind.CAMPAIGN, (Campaign c) -> c.status() == status)));
        }
        paths.add(list(
                "campaignResponses.findByCampaignAndCustomer",
                uow -> rows(uow.campaignResponses().findByCampaignAndCustomer(CAMPAIGN, CUSTOMER)),
                seed -> where(
                        seed,
                        AggregateKind.CAMPAIGN_RESPONSE,
                        (CampaignResponse r) -> r.customerId().equals(CUSTOMER))));
        paths.add(list(
                "campaignResponses.listByCampaign",
                uow -> uow.campaignResponses().listByCampaign(CAMPAIGN, ALL).items(),
                seed -> seed.of(AggregateKind.CAMPAIGN_RESPONSE)));
        paths.add(list(
                "campaignResponses.listByCustomer",
                uow -> uow.campaignResponses().listByCustomer(CUSTOMER, ALL).items(),
                seed -> where(
                        seed,
                        AggregateKind.CAMPAIGN_RESPONSE,
                        (CampaignResponse r) -> r.customerId().equals(CUSTOMER))));
        paths.add(new Path(
                "campaignResponses.countByStage",
                uow -> nonZero(uow.campaignResponses().countByStage(CAMPAIGN)),
                seed -> seed.<CampaignResponse>of(AggregateKind.CAMPAIGN_RESPONSE).stream()
                        .collect(Collectors.groupingBy(
                                CampaignResponse::stage,
                                () -> new EnumMap<>(AidaStage.class),
                                Collectors.counting()))));
        // competitors
        for (String name : List.of("Acme", "ACME", "Globex")) {
            paths.add(list(
                    "competitors.findByName(" + name + ")",
                    uow -> rows(uow.competitors().findByName(name)),
                    seed -> where(
                            seed,
                            AggregateKind.COMPETITOR,
                            (Competitor c) -> c.nameKey().equals(Competitor.nameKey(name)))));
        }
        paths.add(list(
                "competitors.list",
                uow -> uow.competitors().list(ALL).items(),
                seed -> seed.of(AggregateKind.COMPETITOR)));
        paths.add(list(
                "competitorDealings.listByCustomer",
                uow -> uow.competitorDealings().listByCustomer(CUSTOMER, ALL).items(),
                seed -> seed.of(AggregateKind.COMPETITOR_DEALING)));
        paths.add(list(
                "competitorDealings.listByCompetitor",
                uow -> uow.competitorDealings()
                        .listByCompetitor(COMPETITOR, ALL)
                        .items(),
                seed -> seed.of(AggregateKind.COMPETITOR_DEALING)));
        // outbox
        paths.add(list("outbox.pending", uow -> uow.outbox().pending(PageRequest.MAX_LIMIT), seed -> seed.events()));
        return paths;
    }

    private static Map<AidaStage, Long> nonZero(Map<AidaStage, Long> counts) {
        Map<AidaStage, Long> result = new EnumMap<>(AidaStage.class);
        counts.forEach((stage, n) -> {
            if (n != 0) {
                result.put(stage, n);
            }
        });
        return result;
    }

    /** Every read path's result in a tenant, plus a find by id of each of the given rows. */
    private Map<String, Object> everything(TenantId tenant, List<Seed> seeds) {
        List<Path> paths = paths();
        return read(tenant, uow -> {
            Map<String, Object> results = new LinkedHashMap<>();
            for (Path p : paths) {
                results.put(p.name(), p.read().apply(uow));
            }
            for (Seed seed : seeds) {
                seed.rows().forEach((kind, list) -> {
                    for (Aggregate<?> a : list) {
                        results.put(kind.name() + ".find(" + a.id() + " of " + seed.tenant() + ")", kind.find(uow, a));
                    }
                });
            }
            return results;
        });
    }

    // ---------------------------------------------------------------- tests

    /**
     * T1: in every tenant, every read path returns exactly that tenant's rows, though the tenants share keys,
     * codes, staff and half of their ids.
     */
    @Test
    @DisplayName("T1: every read path of every repository returns only its own tenant's rows")
    public void everyReadPathSeesOnlyItsTenant() {
        List<Seed> seeds = seedAll();
        List<Path> paths = paths();

        for (Seed seed : seeds) {
            Map<String, Object> actual = read(seed.tenant(), uow -> {
                Map<String, Object> results = new LinkedHashMap<>();
                for (Path p : paths) {
                    results.put(p.name(), p.read().apply(uow));
                }
                return results;
            });
            for (Path p : paths) {
                Object expected = p.expected().apply(seed);
                Object got = actual.get(p.name());
                if (expected instanceof List<?> rows) {
                    assertThat(List.<Object>copyOf((List<?>) got))
                            .as("%s in %s", p.name(), seed.tenant())
                            .containsExactlyInAnyOrderElementsOf(rows);
                } else {
                    assertThat(got).as("%s in %s", p.name(), seed.tenant()).isEqualTo(expected);
                }
            }
        }
    }

    /**
     * T1: every row is found by id in its own tenant, equal; another tenant's own ids are not found; a shared
     * id finds the asking tenant's row.
     */
    @Test
    @DisplayName("T1: by id, every tenant finds its own rows and none of another tenant's ids")
    public void findByIdSeesOnlyItsTenant() {
        List<Seed> seeds = seedAll();

        for (Seed asking : seeds) {
            Map<String, Object> found = everything(asking.tenant(), seeds);
            for (Seed owner : seeds) {
                owner.rows().forEach((kind, list) -> {
                    for (Aggregate<?> a : list) {
                        Object result = found.get(kind.name() + ".find(" + a.id() + " of " + owner.tenant() + ")");
                        if (owner == asking) {
                            assertThat(result)
                                    .as("%s %s in its own tenant", kind.name(), a.id())
                                    .isEqualTo(Optional.of(a));
                        } else if (SHARED.equals(uuidOf(a))) {
                            assertThat(result)
                                    .as("%s with the shared id from %s", kind.name(), asking.tenant())
                                    .isEqualTo(Optional.of(asking.of(kind).get(0)));
                        } else {
                            assertThat(result)
                                    .as("%s %s of %s from %s", kind.name(), a.id(), owner.tenant(), asking.tenant())
                                    .isEqualTo(Optional.empty());
                        }
                    }
                });
            }
        }
    }

    /**
     * T1: updating or deleting another tenant's row (by its own id, at its current version) is {@code
     * NotFoundException} for every repository, and afterwards every tenant reads exactly what it did before.
     */
    @Test
    @DisplayName("T1: updates and deletes of another tenant's rows are NotFound and change nothing anywhere")
    public void foreignWritesAreNotFound() {
        List<Seed> seeds = seedAll();
        Map<TenantId, Map<String, Object>> before = new LinkedHashMap<>();
        for (Seed seed : seeds) {
            before.put(seed.tenant(), everything(seed.tenant(), seeds));
        }

        int refused = 0;
        for (Seed writer : seeds) {
            for (Seed owner : seeds) {
                if (owner == writer) {
                    continue;
                }
                for (Map.Entry<AggregateKind<?, ?>, Aggregate<?>> row :
                        owner.ownIdRows().toList()) {
                    refused += foreignWrite(writer.tenant(), row.getKey(), row.getValue());
                }
            }
        }

        assertThat(refused).isEqualTo(2 * seeds.size() * (seeds.size() - 1) * AggregateKind.ALL_KINDS.size());
        for (Seed seed : seeds) {
            assertThat(everything(seed.tenant(), seeds))
                    .as("everything %s reads", seed.tenant())
                    .isEqualTo(before.get(seed.tenant()));
        }
    }

    private <I, A extends Aggregate<I>> int foreignWrite(TenantId writer, AggregateKind<I, A> kind, Object row) {
        @SuppressWarnings("unchecked")
        A a = (A) row;
        A next = SampleAggregates.withVersion(a, a.version() + 1);
        assertThatThrownBy(() -> run(writer, uow -> kind.repository().apply(uow).update(a.version(), next)))
                .as("%s: update of %s's row from %s", kind.name(), a.id(), writer)
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> run(writer, uow -> kind.repository().apply(uow).delete(a.id(), a.version())))
                .as("%s: delete of another tenant's row from %s", kind.name(), writer)
                .isInstanceOf(NotFoundException.class);
        return 2;
    }

    /**
     * A unit of work that inserts into every repository, updates and deletes rows of every repository,
     * upserts reference codes, appends events and marks events delivered, then throws, leaves every read path
     * of every tenant exactly as before.
     */
    @Test
    @DisplayName("rolling back writes to every repository leaves every read path of every tenant unchanged")
    public void rollbackLeavesEveryRepositoryUnchanged() {
        List<Seed> seeds = seedAll();
        Seed target = seeds.get(0);
        Map<TenantId, Map<String, Object>> before = new LinkedHashMap<>();
        for (Seed seed : seeds) {
            before.put(seed.tenant(), everything(seed.tenant(), seeds));
        }
        List<Map.Entry<AggregateKind<?, ?>, Object>> added = new ArrayList<>();
        for (AggregateKind<?, ?> kind : AggregateKind.ALL_KINDS) {
            added.add(Map.entry(kind, kind.minimal().get()));
        }
        RuntimeException failure = new IllegalStateException("boom after writing to every repository");

        assertThatThrownBy(() -> run(target.tenant(), uow -> {
                    added.forEach(e -> e.getKey().insert(uow, e.getValue()));
                    target.ownIdRows().forEach(e -> update(uow, e.getKey(), e.getValue()));
                    target.rows().forEach((kind, list) -> delete(uow, kind, list.get(0)));
                    uow.referenceCodes()
                            .upsert(ReferenceCode.of(ReferenceCodeType.REGION, "north", "Changed")
                                    .deactivated());
                    uow.referenceCodes().upsert(ReferenceCode.of(ReferenceCodeType.REGION, "south", "South"));
                    uow.outbox()
                            .append(List.of(new CustomerDeleted(
                                    new EventMetadata(UUID.randomUUID(), target.tenant(), T0), CUSTOMER, 9)));
                    uow.outbox()
                            .markDelivered(
                                    List.of(target.events().get(0).metadata().eventId()));
                    throw failure;
                }))
                .isSameAs(failure);

        for (Seed seed : seeds) {
            assertThat(everything(seed.tenant(), seeds))
                    .as("everything %s reads", seed.tenant())
                    .isEqualTo(before.get(seed.tenant()));
        }
        for (Map.Entry<AggregateKind<?, ?>, Object> e : added) {
            Optional<?> found = read(target.tenant(), uow -> e.getKey().find(uow, e.getValue()));
            assertThat(found)
                    .as("%s inserted in the rolled back unit", e.getKey().name())
                    .isEmpty();
        }
    }

    private static <I, A extends Aggregate<I>> void update(UnitOfWork uow, AggregateKind<I, A> kind, Object row) {
        @SuppressWarnings("unchecked")
        A a = (A) row;
        kind.repository().apply(uow).update(a.version(), SampleAggregates.withVersion(a, a.version() + 1));
    }

    private static <I, A extends Aggregate<I>> void delete(UnitOfWork uow, AggregateKind<I, A> kind, Object row) {
        @SuppressWarnings("unchecked")
        A a = (A) row;
        kind.repository().apply(uow).delete(a.id(), a.version());
    }
}
