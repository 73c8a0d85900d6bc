package dev.guanxi.crm.test.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.guanxi.crm.Aggregate;
import dev.guanxi.crm.Channel;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.competitor.Competitor;
import dev.guanxi.crm.competitor.CompetitorId;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.CustomerQuery;
import dev.guanxi.crm.customer.ReferenceCode;
import dev.guanxi.crm.customer.ReferenceCodeType;
import dev.guanxi.crm.event.DomainEvent;
import dev.guanxi.crm.interaction.Direction;
import dev.guanxi.crm.interaction.Interaction;
import dev.guanxi.crm.interaction.InteractionId;
import dev.guanxi.crm.interaction.NewInteraction;
import dev.guanxi.crm.interaction.NewTask;
import dev.guanxi.crm.interaction.Task;
import dev.guanxi.crm.interaction.TaskId;
import dev.guanxi.crm.marketing.Campaign;
import dev.guanxi.crm.marketing.CampaignId;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.Contract;
import dev.guanxi.crm.sales.Invoice;
import dev.guanxi.crm.sales.Opportunity;
import dev.guanxi.crm.sales.OpportunityId;
import dev.guanxi.crm.sales.Order;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import dev.guanxi.crm.test.tck.SampleAggregates.Texts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * S1 of the reliability catalogue: SQL metacharacters. Every text a store keeps, in every aggregate type, is
 * set to each payload of {@link #PAYLOADS} (quotes, comment markers, statement separators, backslashes, LIKE
 * wildcards, {@code UNION SELECT}, dollar quoting, backticks, parameter markers of JDBC and jdbi, a lone
 * backslash at the end) and must come back byte-identical on find and on every lookup and list path; a value
 * the domain refuses must be refused with a typed {@link ValidationException} before it reaches the store.
 *
 * <p>Every filter that takes a string must match it literally, never as a pattern: a name prefix {@code 100%}
 * finds "100% Tea" but not "1000 Teas", a prefix {@code _} does not match every name, a tag, external id,
 * order, invoice or contract number, campaign or reference code, competitor name or staff id with {@code %},
 * {@code _} or {@code \} finds only the row that holds exactly that value.
 */
public abstract class MetacharacterContract extends RepositoryContract {
    /** The payloads every text is set to. */
    public static final List<String> PAYLOADS = List.of(
            "' \" ; -- /* */ \\ % _",
            "' OR 1=1 --",
            "' OR ''='",
            "x' UNION SELECT tenant_id, id FROM customer --",
            "Robert'); DROP TABLE customers;--",
            "$$; SELECT 1; $$",
            "$tag$ x $tag$",
            "`backtick` `` `",
            "%_%",
            "%",
            "_",
            "\\",
            "ends with a lone backslash \\",
            "\\' \\\" \\% \\_ \\\\",
            "? ?? :name :tenant <define> ${x} #{y}",
            "*/ -- */ /*");

    private static final Instant T0 = Instant.parse("2026-01-15T10:00:00.000001Z");
    private static final LocalDate D0 = LocalDate.of(2026, 1, 14);

    /** Creates the contract. */
    protected MetacharacterContract() {}

    private static TenantId tenantOf(int payload) {
        return TenantId.of("tck-s1-" + payload);
    }

    /**
     * Every payload in every text of every aggregate type, stored in a tenant of its own, is read back
     * byte-identical on every path, the lookups by the payload itself included.
     *
     * @return one test per payload
     */
    @TestFactory
    @DisplayName("S1: every text of every aggregate type round-trips each metacharacter payload byte-identical")
    public Stream<DynamicTest> payloadsRoundTrip() {
        return IntStream.range(0, PAYLOADS.size())
                .mapToObj(i -> dynamicTest("payload " + PAYLOADS.get(i), () -> roundTrip(i)));
    }

    private void roundTrip(int index) {
        String payload = PAYLOADS.get(index);
        TenantId tenant = tenantOf(index);
        Texts texts = Texts.payload(payload);
        for (AggregateKind<?, ?> kind : AggregateKind.ALL_KINDS) {
            roundTrip(tenant, kind, texts);
        }
        List<ReferenceCode> codes = SampleAggregates.referenceCodes(texts);
        run(tenant, uow -> codes.forEach(uow.referenceCodes()::upsert));
        for (ReferenceCode code : codes) {
            Optional<ReferenceCode> found =
                    read(tenant, uow -> uow.referenceCodes().find(code.type(), code.code()));
            assertThat(found).as("reference code %s", code).contains(code);
        }
        List<DomainEvent> events = SampleEvents.all(tenant, texts);
        run(tenant, uow -> uow.outbox().append(events));
        List<DomainEvent> pending = read(tenant, uow -> uow.outbox().pending(PageRequest.MAX_LIMIT));
        assertThat(pending).as("events with the payload").containsExactlyElementsOf(events);
    }

    private <I, A extends Aggregate<I>> void roundTrip(TenantId tenant, AggregateKind<I, A> kind, Texts texts) {
        List<A> samples = kind.maximal().apply(texts);
        run(tenant, uow -> samples.forEach(kind.repository().apply(uow)::insert));
        for (A a : samples) {
            Map<String, List<?>> paths = read(tenant, uow -> kind.readAll(uow, a));
            paths.forEach((path, rows) -> assertThat(List.<Object>copyOf(rows))
                    .as("%s %s", kind.name(), path)
                    .contains(a));
            assertThat(List.<Object>copyOf(paths.get("find")))
                    .as("%s find", kind.name())
                    .containsExactly(a);
        }
    }

    /**
     * A NUL character and values outside a code's syntax are refused by the domain with a typed {@link
     * ValidationException}, so they never reach the store; a payload the code syntax allows round-trips.
     */
    @Test
    @DisplayName("S1: payloads a field's syntax refuses fail with a typed ValidationException; the others round-trip")
    public void refusedPayloadsAreTyped() {
        assertThatThrownBy(() -> SampleAggregates.maximalCustomer(Texts.payload("NUL \u0000 '")))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> SampleAggregates.maximalInteraction(Texts.payload("NUL \u0000 '")))
                .isInstanceOf(ValidationException.class);
        int stored = 0;
        for (String payload : PAYLOADS) {
            ReferenceCode code;
            try {
                code = ReferenceCode.of(ReferenceCodeType.REGION, payload, payload);
            } catch (ValidationException refused) {
                assertThatThrownBy(() -> CustomerQuery.all().withRegion(payload))
                        .isInstanceOf(ValidationException.class);
                continue;
            }
            run(TENANT_A, uow -> uow.referenceCodes().upsert(code));
            Optional<ReferenceCode> found =
                    read(TENANT_A, uow -> uow.referenceCodes().find(ReferenceCodeType.REGION, payload));
            assertThat(found).contains(code);
            stored++;
        }
        assertThat(stored).as("payloads that are valid codes ('%', '_' …)").isPositive();
    }

    // ---------------------------------------------------------------- filters match literally

    private static Customer named(String name) {
        return Customer.create(CustomerId.random(), CustomerDraft.person(name).build(), T0);
    }

    private List<String> namesByPrefix(String prefix) {
        return read(
                        TENANT_A,
                        uow -> uow.customers()
                                .query(CustomerQuery.all().withNamePrefix(prefix), AggregateKind.ALL)
                                .items())
                .stream()
                .map(Customer::displayName)
                .toList();
    }

    private long countByPrefix(String prefix) {
        return read(TENANT_A, uow -> uow.customers().count(CustomerQuery.all().withNamePrefix(prefix)));
    }

    /** A name prefix with LIKE wildcards or escape characters matches them as characters. */
    @Test
    @DisplayName("S1: a name prefix with %, _ or \\ matches literally: \"100%\" finds \"100% Tea\", not \"1000 Teas\"")
    public void namePrefixIsLiteral() {
        List<String> names = List.of(
                "100% Tea",
                "1000 Teas",
                "A_B Trading",
                "AxB Trading",
                "back\\slash",
                "backslash",
                "\\ alone",
                "% sign",
                "_ underscore",
                "%_% pattern",
                "it's",
                "its");
        run(TENANT_A, uow -> names.forEach(n -> uow.customers().insert(named(n))));

        Map<String, List<String>> expected = new java.util.LinkedHashMap<>();
        expected.put("100%", List.of("100% Tea"));
        expected.put("100", List.of("100% Tea", "1000 Teas"));
        expected.put("_", List.of("_ underscore"));
        expected.put("%", List.of("% sign", "%_% pattern"));
        expected.put("%_%", List.of("%_% pattern"));
        expected.put("A_", List.of("A_B Trading"));
        expected.put("a_b", List.of("A_B Trading"));
        expected.put("back\\", List.of("back\\slash"));
        expected.put("\\", List.of("\\ alone"));
        expected.put("it'", List.of("it's"));
        expected.put("1_0", List.of());
        expected.put("%Tea", List.of());
        expected.put("_00", List.of());
        expected.put("' OR 1=1 --", List.of());
        for (Map.Entry<String, List<String>> e : expected.entrySet()) {
            assertThat(namesByPrefix(e.getKey()))
                    .as("names with prefix %s", e.getKey())
                    .containsExactlyInAnyOrderElementsOf(e.getValue());
            assertThat(countByPrefix(e.getKey()))
                    .as("count with prefix %s", e.getKey())
                    .isEqualTo(e.getValue().size());
        }
    }

    /** Tag, external id, owner and code filters of a customer query match literally. */
    @Test
    @DisplayName("S1: customer tag, external id, owner and code filters with wildcards match only the exact value")
    public void customerFiltersAreLiteral() {
        List<String> values =
                List.of("%", "_", "a%b", "a_b", "axb", "ab", "a\\b", "a\\\\b", "' OR 1=1 --", "a''b", "a'b");
        List<Customer> customers = new ArrayList<>();
        for (String v : values) {
            customers.add(Customer.create(
                    CustomerId.random(),
                    CustomerDraft.person("Customer " + v)
                            .tag(v)
                            .externalId("EXT" + v)
                            .owner(StaffId.of("staff" + v))
                            .build(),
                    T0));
        }
        List<String> codes = List.of("a_b", "axb", "_", "a-b", "a.b");
        for (String code : codes) {
            customers.add(Customer.create(
                    CustomerId.random(),
                    CustomerDraft.person("Coded " + code)
                            .region(code)
                            .industry(code)
                            .customerType(code)
                            .status(code)
                            .build(),
                    T0));
        }
        run(TENANT_A, uow -> customers.forEach(uow.customers()::insert));

        for (Customer c : customers) {
            List<CustomerQuery> queries = new ArrayList<>();
            c.tags().forEach(t -> queries.add(CustomerQuery.all().withTag(t)));
            if (c.externalId() != null) {
                queries.add(CustomerQuery.all().withExternalId(c.externalId()));
                Optional<Customer> found = read(TENANT_A, uow -> uow.customers().findByExternalId(c.externalId()));
                assertThat(found).as("findByExternalId %s", c.externalId()).contains(c);
            }
            if (c.owner() != null) {
                queries.add(CustomerQuery.all().withOwner(c.owner()));
            }
            if (c.region() != null) {
                queries.add(CustomerQuery.all().withRegion(c.region()));
                queries.add(CustomerQuery.all().withIndustry(c.industry()));
                queries.add(CustomerQuery.all().withCustomerType(c.customerType()));
                queries.add(CustomerQuery.all().withStatus(c.status()));
            }
            for (CustomerQuery q : queries) {
                List<Customer> found = read(
                        TENANT_A,
                        uow -> uow.customers().query(q, AggregateKind.ALL).items());
                assertThat(found).as("%s", q).containsExactly(c);
                long count = read(TENANT_A, uow -> uow.customers().count(q));
                assertThat(count).as("count %s", q).isEqualTo(1);
            }
        }
        for (String pattern : List.of("a%", "%b", "%%", "__", "a__b", "a\\\\\\b", "a\\%b")) {
            List<Customer> none = read(
                    TENANT_A,
                    uow -> uow.customers()
                            .query(CustomerQuery.all().withTag(pattern), AggregateKind.ALL)
                            .items());
            assertThat(none).as("tag %s", pattern).isEmpty();
            String external = "EXT" + pattern;
            Optional<Customer> noExternal =
                    read(TENANT_A, uow -> uow.customers().findByExternalId(external));
            assertThat(noExternal).as("external id %s", external).isEmpty();
            List<Customer> noQuery = read(
                    TENANT_A,
                    uow -> uow.customers()
                            .query(CustomerQuery.all().withExternalId(external), AggregateKind.ALL)
                            .items());
            assertThat(noQuery).as("query by external id %s", external).isEmpty();
            List<Customer> noOwner = read(
                    TENANT_A,
                    uow -> uow.customers()
                            .query(CustomerQuery.all().withOwner(StaffId.of("staff" + pattern)), AggregateKind.ALL)
                            .items());
            assertThat(noOwner).as("owner staff%s", pattern).isEmpty();
        }
        List<Customer> byCode = read(
                TENANT_A,
                uow -> uow.customers()
                        .query(CustomerQuery.all().withRegion("a_"), AggregateKind.ALL)
                        .items());
        assertThat(byCode).as("region a_").isEmpty();
    }

    /**
     * Every lookup by a unique string key (order, invoice and contract numbers, campaign codes, competitor
     * names, reference codes) finds only the row that holds exactly the value, never one the value matches
     * as a pattern.
     */
    @Test
    @DisplayName("S1: lookups by number, code or name with %, _ or \\ find only the exact row")
    public void keyLookupsAreLiteral() {
        List<String> keys = List.of("K-%", "K-1", "K_1", "Kx1", "K\\1", "K\\\\1", "K'1", "K''1", "K-%-%");
        CustomerId customer = CustomerId.random();
        List<Order> orders = new ArrayList<>();
        List<Invoice> invoices = new ArrayList<>();
        List<Contract> contracts = new ArrayList<>();
        List<Competitor> competitors = new ArrayList<>();
        for (String key : keys) {
            orders.add(SalesFixtures.order(customer, D0, "1.00", "EUR", key));
            invoices.add(SalesFixtures.invoice(customer, key, D0.plusDays(30), "1.00"));
            contracts.add(SalesFixtures.contract(customer, key, D0, D0.plusYears(1), null));
            competitors.add(SampleAggregates.with(
                    SampleAggregates.minimalCompetitor(), Map.of("id", CompetitorId.random(), "name", "Rival " + key)));
        }
        List<String> codes = List.of("C_1", "Cx1", "C-1", "C.1", "C__", "_");
        List<Campaign> campaigns = new ArrayList<>();
        for (String code : codes) {
            campaigns.add(SampleAggregates.with(
                    SampleAggregates.minimalCampaign(), Map.of("id", CampaignId.random(), "code", code)));
        }
        run(TENANT_A, uow -> {
            orders.forEach(uow.orders()::insert);
            invoices.forEach(uow.invoices()::insert);
            contracts.forEach(uow.contracts()::insert);
            competitors.forEach(uow.competitors()::insert);
            campaigns.forEach(uow.campaigns()::insert);
            codes.forEach(c -> uow.referenceCodes().upsert(ReferenceCode.of(ReferenceCodeType.REGION, c, "Code " + c)));
        });

        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            assertLookup("findByOrderNumber", key, uow -> uow.orders().findByOrderNumber(key), orders.get(i));
            assertLookup("findByInvoiceNumber", key, uow -> uow.invoices().findByInvoiceNumber(key), invoices.get(i));
            assertLookup(
                    "findByContractNumber", key, uow -> uow.contracts().findByContractNumber(key), contracts.get(i));
            assertLookup("findByName", key, uow -> uow.competitors().findByName("Rival " + key), competitors.get(i));
        }
        for (String pattern : List.of("K%", "K_", "K-_", "K__", "%", "_", "K\\%", "K\\_1", "K%1")) {
            assertLookup("findByOrderNumber", pattern, uow -> uow.orders().findByOrderNumber(pattern), null);
            assertLookup("findByInvoiceNumber", pattern, uow -> uow.invoices().findByInvoiceNumber(pattern), null);
            assertLookup("findByContractNumber", pattern, uow -> uow.contracts().findByContractNumber(pattern), null);
            assertLookup("findByName", pattern, uow -> uow.competitors().findByName("Rival " + pattern), null);
        }
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            assertLookup("findByCode", code, uow -> uow.campaigns().findByCode(code), campaigns.get(i));
            Optional<ReferenceCode> found =
                    read(TENANT_A, uow -> uow.referenceCodes().find(ReferenceCodeType.REGION, code));
            assertThat(found.map(ReferenceCode::code))
                    .as("reference code %s", code)
                    .contains(code);
        }
        for (String pattern : List.of("C_", "C%", "C__1", "x")) {
            if (!pattern.contains("%")) {
                assertLookup("findByCode", pattern, uow -> uow.campaigns().findByCode(pattern), null);
                Optional<ReferenceCode> none =
                        read(TENANT_A, uow -> uow.referenceCodes().find(ReferenceCodeType.REGION, pattern));
                assertThat(none).as("reference code %s", pattern).isEmpty();
            }
        }
        List<ReferenceCode> listed = read(TENANT_A, uow -> uow.referenceCodes().list(ReferenceCodeType.REGION));
        assertThat(listed).extracting(ReferenceCode::code).containsExactlyInAnyOrderElementsOf(codes);
    }

    private void assertLookup(String method, String key, Function<UnitOfWork, Optional<?>> lookup, Object expected) {
        Optional<?> found = read(TENANT_A, lookup::apply);
        if (expected == null) {
            assertThat(found).as("%s(%s) finds nothing", method, key).isEmpty();
        } else {
            assertThat(found).as("%s(%s) finds exactly its row", method, key).isEqualTo(Optional.of(expected));
        }
    }

    /** Lists by staff id, assignee and pipeline name match the value literally. */
    @Test
    @DisplayName("S1: lists by staff, assignee and pipeline with %, _ or \\ return only the exact value's rows")
    public void listFiltersAreLiteral() {
        List<String> staff = List.of("li.na", "li%", "li_na", "lixna", "li\\na", "%", "_", "' OR 1=1 --");
        CustomerId customer = CustomerId.random();
        List<Interaction> interactions = new ArrayList<>();
        List<Task> tasks = new ArrayList<>();
        for (String s : staff) {
            interactions.add(Interaction.of(
                    InteractionId.random(),
                    NewInteraction.builder(customer, Channel.PHONE, Direction.INBOUND, "Call " + s)
                            .staff(StaffId.of(s))
                            .occurredAt(T0)
                            .build(),
                    T0));
            tasks.add(Task.of(
                    TaskId.random(),
                    NewTask.builder(customer, "Task " + s, StaffId.of(s), D0).build(),
                    T0));
        }
        List<String> pipelines = List.of("a_b", "axb", "_", "a-b");
        List<Opportunity> opportunities = new ArrayList<>();
        for (String p : pipelines) {
            opportunities.add(SampleAggregates.with(
                    SampleAggregates.minimalOpportunity(), Map.of("id", OpportunityId.random(), "pipeline", p)));
        }
        run(TENANT_A, uow -> {
            interactions.forEach(uow.interactions()::insert);
            tasks.forEach(uow.tasks()::insert);
            opportunities.forEach(uow.opportunities()::insert);
        });

        for (int i = 0; i < staff.size(); i++) {
            StaffId s = StaffId.of(staff.get(i));
            List<Interaction> byStaff = read(
                    TENANT_A,
                    uow -> uow.interactions().listByStaff(s, AggregateKind.ALL).items());
            assertThat(byStaff).as("interactions of %s", s).containsExactly(interactions.get(i));
            List<Task> byAssignee = read(
                    TENANT_A,
                    uow -> uow.tasks()
                            .listByAssignee(s, false, AggregateKind.ALL)
                            .items());
            assertThat(byAssignee).as("tasks of %s", s).containsExactly(tasks.get(i));
        }
        for (String pattern : List.of("li%%", "li__a", "li", "%%", "__")) {
            List<Interaction> none = read(
                    TENANT_A,
                    uow -> uow.interactions()
                            .listByStaff(StaffId.of(pattern), PageRequest.first(10))
                            .items());
            assertThat(none).as("interactions of %s", pattern).isEmpty();
        }
        for (int i = 0; i < pipelines.size(); i++) {
            String p = pipelines.get(i);
            List<Opportunity> open = read(
                    TENANT_A,
                    uow -> uow.opportunities()
                            .listOpen(Optional.of(p), AggregateKind.ALL)
                            .items());
            assertThat(open).as("open opportunities of pipeline %s", p).containsExactly(opportunities.get(i));
        }
        List<Opportunity> none = read(
                TENANT_A,
                uow -> uow.opportunities()
                        .listOpen(Optional.of("a_"), AggregateKind.ALL)
                        .items());
        assertThat(none).as("pipeline a_").isEmpty();
    }
}
