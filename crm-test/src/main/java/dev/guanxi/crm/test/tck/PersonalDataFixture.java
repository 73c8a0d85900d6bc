package dev.guanxi.crm.test.tck;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.Crm;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.classification.ScoringRequest;
import dev.guanxi.crm.competitor.CompetitorId;
import dev.guanxi.crm.competitor.DealingKind;
import dev.guanxi.crm.competitor.NewCompetitor;
import dev.guanxi.crm.competitor.NewCompetitorDealing;
import dev.guanxi.crm.customer.ContactPerson;
import dev.guanxi.crm.customer.ContactPoint;
import dev.guanxi.crm.customer.ContactPurpose;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.ImportantDate;
import dev.guanxi.crm.customer.PostalAddress;
import dev.guanxi.crm.customer.ReferenceCodeType;
import dev.guanxi.crm.customer.ShareAccess;
import dev.guanxi.crm.field.FieldDefinition;
import dev.guanxi.crm.field.FieldKey;
import dev.guanxi.crm.interaction.Direction;
import dev.guanxi.crm.interaction.Interaction;
import dev.guanxi.crm.interaction.NewInteraction;
import dev.guanxi.crm.interaction.NewTask;
import dev.guanxi.crm.interaction.Outcome;
import dev.guanxi.crm.interaction.OutcomeKind;
import dev.guanxi.crm.lifecycle.LifecycleStage;
import dev.guanxi.crm.marketing.AidaStage;
import dev.guanxi.crm.marketing.CampaignId;
import dev.guanxi.crm.marketing.CampaignResponse;
import dev.guanxi.crm.marketing.NewCampaign;
import dev.guanxi.crm.marketing.NewCampaignResponse;
import dev.guanxi.crm.marketing.NewCampaignTarget;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.Contract;
import dev.guanxi.crm.sales.ContractKind;
import dev.guanxi.crm.sales.Invoice;
import dev.guanxi.crm.sales.NewContract;
import dev.guanxi.crm.sales.NewInvoice;
import dev.guanxi.crm.sales.NewOpportunity;
import dev.guanxi.crm.sales.NewOrder;
import dev.guanxi.crm.sales.NewPayment;
import dev.guanxi.crm.sales.Opportunity;
import dev.guanxi.crm.sales.Order;
import dev.guanxi.crm.sales.OrderLine;
import dev.guanxi.crm.sales.Payment;
import dev.guanxi.crm.sales.PaymentMethod;
import dev.guanxi.crm.service.CaseKind;
import dev.guanxi.crm.service.NewServiceCase;
import dev.guanxi.crm.service.NewSurveyResponse;
import dev.guanxi.crm.service.ServiceCase;
import dev.guanxi.crm.service.Severity;
import dev.guanxi.crm.test.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Plants unique marker strings into every personal and free-text field the public API reaches for one customer
 * (the <em>subject</em> of an erasure), and the same set of records with markers of its own for a second customer
 * (the <em>bystander</em>, whose data an erasure of the subject must leave alone). Tests of the right of access
 * and of erasure (RELIABILITY.md P1–P3) then search exports, read APIs or every text column of a database for the
 * markers.
 *
 * <pre>{@code
 * MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
 * Crm crm = PersonalDataFixture.configure(Crm.builder()).clock(clock).build();
 * PersonalDataFixture.Planted planted = PersonalDataFixture.plant(crm.tenant("acme"), clock, 42);
 * crm.tenant("acme").personalData().erase(planted.subject(), "request 17");
 * }</pre>
 *
 * <p>A marker is {@code PII-<token>-<nnn>} (the bystander's {@code KEEP-<token>-<nnn>}): the token is eight
 * random hex digits, {@code nnn} a zero-padded sequence number, so no marker is a part of another. Markers are
 * case-sensitive ({@code PII} upper case, the token lower case), one is written in mixed case ({@code
 * PiI-MiXeD-...}, in an e-mail address) and one starts with Chinese characters; a store that changes the case
 * of a value is caught by searching for {@link Marker#lowerCase()} too. A phone number cannot hold letters: its
 * marker is its eleven random digits ({@code 139...}), which every stored form of the number contains.
 *
 * <p>What is planted per customer: names, legal name, e-mail, phone, fax, messaging handle and postal address
 * (lines, locality, area, postal code) contact points, a contact person with name, role, e-mail and phone,
 * important dates with a label, external id, consent source, a custom field defined {@link
 * FieldDefinition#personal()} ({@link #PERSONAL_FIELD}) and a non-personal one ({@link #KEPT_FIELD}, holding
 * {@link #KEPT_VALUE}, no marker, which must survive); an interaction (subject, notes, contact person, outcome
 * summary), a task (title, notes), two orders (line descriptions), two invoices (one written off with a reason,
 * one part-paid), a payment (reference), two opportunities (names; one lost with a reason and a competitor
 * note), a terminated contract (title, termination reason), two service cases (subject, description,
 * resolutions, reopen reason), a survey comment, a campaign target reason and a campaign response note, a
 * competitor dealing note, points earned and redeemed (reasons), an ownership handover reason and a share
 * reason, two manual lifecycle moves (reasons; the second into {@code LOST}) after a scoring run, and a churn
 * reason note. Tags, order numbers, invoice numbers, contract numbers, product codes and points business keys
 * are codes, not free text: they hold no markers.
 *
 * <p>Needs a CRM built through {@link #configure(Crm.Builder)} (the custom field definitions) on a {@link
 * MutableClock}, and a tenant with no data yet (the fixture defines its churn reason code and campaign). The
 * fixture advances the clock by a few minutes per step, about a day in all.
 *
 * <p>Thread-safe: stateless; {@link #plant} must not run concurrently on one tenant.
 *
 * @since 0.1.0
 */
public final class PersonalDataFixture {
    /** A custom field flagged personal: erasure removes it. */
    public static final FieldDefinition<String> PERSONAL_FIELD =
            FieldDefinition.of(FieldKey.string("privacy", "nickname")).personal();

    /** A custom field that is not personal: erasure keeps it. */
    public static final FieldDefinition<String> KEPT_FIELD = FieldDefinition.of(FieldKey.string("privacy", "segment"));

    /** The value of {@link #KEPT_FIELD} on both customers; it is no marker and must survive an erasure. */
    public static final String KEPT_VALUE = "segment-gold";

    /** The currency of every amount the fixture writes. */
    public static final Currency CURRENCY = Currency.getInstance("CNY");

    /** The churn reason code the fixture defines. */
    public static final String CHURN_CODE = "price";

    private PersonalDataFixture() {}

    /**
     * One planted marker.
     *
     * @param source the {@linkplain dev.guanxi.crm.privacy.PersonalDataExport.Entry#source() export source} that
     *     holds it (e.g. {@code "customer"}, {@code "interaction"}, {@code "lifecycleTransition"})
     * @param field where it was planted, for messages (e.g. {@code "contactPoints.email"})
     * @param text the marker as written
     */
    public record Marker(String source, String field, String text) {
        /**
         * Rejects nulls.
         *
         * @param source the {@linkplain dev.guanxi.crm.privacy.PersonalDataExport.Entry#source() export source} that
         *     holds it (e.g. {@code "customer"}, {@code "interaction"}, {@code "lifecycleTransition"})
         * @param field where it was planted, for messages (e.g. {@code "contactPoints.email"})
         * @param text the marker as written
         */
        public Marker {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(text, "text");
        }

        /** @return the marker in lower case ({@link Locale#ROOT}), to catch a store that folds case */
        public String lowerCase() {
            return text.toLowerCase(Locale.ROOT);
        }

        /**
         * @param haystack some text
         * @return whether it holds the marker as written or in lower case
         */
        public boolean foundIn(String haystack) {
            return haystack.contains(text) || haystack.contains(lowerCase());
        }
    }

    /**
     * What {@link #plant} created.
     *
     * @param subject the customer to erase
     * @param bystander the customer whose data must survive
     * @param markers the subject's markers, in planting order
     * @param bystanderMarkers the bystander's markers
     * @param email the subject's main e-mail address, as written
     * @param phone the subject's main phone number, as written ({@code +86 139 ...})
     * @param externalId the subject's external id
     * @param campaign the campaign both customers are targeted by and responded to
     */
    public record Planted(
            CustomerId subject,
            CustomerId bystander,
            List<Marker> markers,
            List<Marker> bystanderMarkers,
            String email,
            String phone,
            String externalId,
            CampaignId campaign) {
        /**
         * Copies.
         *
         * @param subject the customer to erase
         * @param bystander the customer whose data must survive
         * @param markers the subject's markers, in planting order
         * @param bystanderMarkers the bystander's markers
         * @param email the subject's main e-mail address, as written
         * @param phone the subject's main phone number, as written ({@code +86 139 ...})
         * @param externalId the subject's external id
         * @param campaign the campaign both customers are targeted by and responded to
         */
        public Planted {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(bystander, "bystander");
            markers = List.copyOf(markers);
            bystanderMarkers = List.copyOf(bystanderMarkers);
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(phone, "phone");
            Objects.requireNonNull(externalId, "externalId");
            Objects.requireNonNull(campaign, "campaign");
        }

        /**
         * @param text some text
         * @return the subject's markers found in it (as written or in lower case)
         */
        public List<Marker> subjectMarkersIn(String text) {
            return markers.stream().filter(m -> m.foundIn(text)).toList();
        }

        /**
         * @param text some text
         * @return the bystander's markers found in it (as written or in lower case)
         */
        public List<Marker> bystanderMarkersIn(String text) {
            return bystanderMarkers.stream().filter(m -> m.foundIn(text)).toList();
        }
    }

    /**
     * Adds the custom field definitions the fixture writes ({@link #PERSONAL_FIELD}, {@link #KEPT_FIELD}).
     *
     * @param builder a CRM builder
     * @return the same builder
     */
    public static Crm.Builder configure(Crm.Builder builder) {
        return builder.customField(PERSONAL_FIELD).customField(KEPT_FIELD);
    }

    /**
     * Plants the subject's and the bystander's data in a tenant with no data yet.
     *
     * @param tenant the tenant, of a CRM built with {@link #configure(Crm.Builder)} on {@code clock}
     * @param clock the CRM's clock, advanced by the fixture
     * @param seed the seed of the markers' tokens and phone digits (the same seed plants the same markers)
     * @return the customers and their markers
     */
    public static Planted plant(TenantCrm tenant, MutableClock clock, long seed) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(clock, "clock");
        Random random = new Random(seed);
        tenant.referenceCodes().define(ReferenceCodeType.CHURN_REASON, CHURN_CODE, "价格");
        CompetitorId rival = tenant.competitors()
                .register(NewCompetitor.builder("Rival Trading Ltd").build())
                .id();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        CampaignId campaign = tenant.marketing()
                .planCampaign(NewCampaign.builder("SPRING-" + Long.toHexString(seed & 0xffff), "Spring offer")
                        .channel(Channel.EMAIL)
                        .period(today.minusDays(1), today.plusDays(60))
                        .budget(Money.of("5000.00", CURRENCY.getCurrencyCode()))
                        .build())
                .id();
        campaign = tenant.marketing()
                .launch(campaign, tenant.marketing().getCampaign(campaign).version())
                .id();

        Person subject = new Person(tenant, clock, random, "PII", "alice", campaign, rival);
        Person bystander = new Person(tenant, clock, random, "KEEP", "carol", campaign, rival);
        subject.register(true);
        bystander.register(false);
        subject.plantRecords();
        bystander.plantRecords();

        // the lifecycle needs a placement by a scoring run before a manual move
        tick(clock, Duration.ofHours(1));
        tenant.scoring()
                .run(ScoringRequest.of(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), CURRENCY)
                        .withValueFrom(today.minusYears(3)));
        subject.plantLifecycle();
        bystander.plantLifecycle();

        return new Planted(
                subject.id,
                bystander.id,
                subject.markers,
                bystander.markers,
                subject.email,
                subject.phone,
                subject.externalId,
                campaign);
    }

    /**
     * The non-personal facts of one customer that an erasure must keep, as text by name: counts, sums to the
     * minor unit and statuses of orders, invoices and payments, opportunity stages and statuses, service case
     * statuses, survey scores, campaign responses, competitor dealings, points balance and ledger, ownership and
     * shares, lifecycle stages and churn codes, the kept custom field, the customer's kind and owner. Reads
     * through the public API only; O(the customer's records).
     *
     * @param tenant the tenant
     * @param customer the customer
     * @return the facts, by name
     */
    public static SortedMap<String, String> facts(TenantCrm tenant, CustomerId customer) {
        SortedMap<String, String> f = new TreeMap<>();
        var c = tenant.customers().get(customer);
        f.put("customer.kind", c.kind().name());
        f.put("customer.owner", String.valueOf(c.owner()));
        f.put("customer.tags", c.tags().toString());
        f.put("customer.version>=1", String.valueOf(c.version() >= 1));
        f.put("customer." + KEPT_FIELD.key().qualifiedName(), String.valueOf(c.customField(KEPT_FIELD.key())));
        List<Order> orders = all(p -> tenant.sales().listOrders(customer, p));
        f.put("orders.count", String.valueOf(orders.size()));
        f.put("orders.total", sum(orders.stream().map(Order::total).toList()));
        f.put(
                "orders.lines",
                String.valueOf(orders.stream().mapToInt(o -> o.lines().size()).sum()));
        f.put(
                "orders.status",
                orders.stream().map(o -> o.status().name()).sorted().toList().toString());
        List<Invoice> invoices = all(p -> tenant.sales().listInvoices(customer, p));
        f.put("invoices.count", String.valueOf(invoices.size()));
        f.put("invoices.amount", sum(invoices.stream().map(Invoice::amount).toList()));
        f.put("invoices.paid", sum(invoices.stream().map(Invoice::paidAmount).toList()));
        f.put(
                "invoices.status",
                invoices.stream().map(i -> i.status().name()).sorted().toList().toString());
        List<Payment> payments = all(p -> tenant.sales().listPayments(customer, p));
        f.put("payments.count", String.valueOf(payments.size()));
        f.put("payments.amount", sum(payments.stream().map(Payment::amount).toList()));
        f.put(
                "payments.method",
                payments.stream().map(p -> p.method().name()).sorted().toList().toString());
        List<Opportunity> opportunities = all(p -> tenant.sales().listOpportunities(customer, p));
        f.put("opportunities.count", String.valueOf(opportunities.size()));
        f.put(
                "opportunities.amount",
                sum(opportunities.stream().map(Opportunity::amount).toList()));
        f.put(
                "opportunities.stages",
                opportunities.stream()
                        .map(o -> o.pipeline() + "/" + o.stage() + "/" + o.status() + "/" + o.probability())
                        .sorted()
                        .toList()
                        .toString());
        List<Contract> contracts = all(p -> tenant.sales().listContracts(customer, p));
        f.put("contracts.count", String.valueOf(contracts.size()));
        f.put("contracts.value", sum(contracts.stream().map(Contract::value).toList()));
        f.put(
                "contracts.status",
                contracts.stream().map(k -> k.status().name()).sorted().toList().toString());
        List<ServiceCase> cases = all(p -> tenant.service().listByCustomer(customer, p));
        f.put("cases.count", String.valueOf(cases.size()));
        f.put(
                "cases.status",
                cases.stream()
                        .map(k -> k.status() + "/" + k.severity() + "/" + k.reopenCount() + "/"
                                + k.history().size())
                        .sorted()
                        .toList()
                        .toString());
        f.put(
                "interactions.count",
                String.valueOf(all(p -> tenant.interactions().listByCustomer(customer, p))
                        .size()));
        f.put(
                "tasks.count",
                String.valueOf(all(p -> tenant.interactions().tasksOfCustomer(customer, p))
                        .size()));
        f.put(
                "surveys",
                tenant.service().surveysOf(customer).stream()
                        .map(s -> s.csat() + "/" + s.nps())
                        .sorted()
                        .toList()
                        .toString());
        List<CampaignResponse> responses = all(p -> tenant.marketing().customerResponses(customer, p));
        f.put("campaignResponses.count", String.valueOf(responses.size()));
        f.put(
                "campaignResponses.stages",
                responses.stream()
                        .map(r -> r.history().size() + "/"
                                + r.history().get(r.history().size() - 1))
                        .sorted()
                        .toList()
                        .toString());
        f.put(
                "competitorDealings.count",
                String.valueOf(
                        all(p -> tenant.competitors().dealingsOf(customer, p)).size()));
        f.put("points.balance", String.valueOf(tenant.membership().balance(customer)));
        f.put(
                "points.ledger",
                all(p -> tenant.membership().ledger(customer, p)).stream()
                        .map(e -> e.kind() + "/" + e.points() + "/" + e.balanceAfter())
                        .toList()
                        .toString());
        f.put(
                "ownership",
                tenant.customers().ownershipHistory(customer).stream()
                        .map(o -> o.owner() + "@" + o.from())
                        .toList()
                        .toString());
        f.put(
                "shares",
                tenant.customers().shares(customer).stream()
                        .map(s -> s.staff() + "/" + s.access())
                        .toList()
                        .toString());
        f.put(
                "lifecycle.current",
                tenant.lifecycle().current(customer).map(s -> s.stage().name()).orElse("none"));
        f.put(
                "lifecycle.history",
                tenant.lifecycle().history(customer).transitions().stream()
                        .map(t -> t.from() + ">" + t.to() + "@" + t.at() + "/" + t.cause())
                        .toList()
                        .toString());
        f.put(
                "churnReasons",
                tenant.lifecycle().churnReasons(customer).stream()
                        .map(r -> r.code() + "/" + r.competitorId() + "/" + r.lostAt())
                        .toList()
                        .toString());
        return f;
    }

    private static String sum(List<Money> amounts) {
        SortedMap<String, BigDecimal> byCurrency = new TreeMap<>();
        for (Money m : amounts) {
            if (m != null) {
                byCurrency.merge(m.currency().getCurrencyCode(), m.amount(), BigDecimal::add);
            }
        }
        return byCurrency.toString();
    }

    /** Every item of a paged list. */
    private static <T> List<T> all(Function<PageRequest, Page<T>> list) {
        List<T> out = new ArrayList<>();
        PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<T> p = list.apply(page);
            out.addAll(p.items());
            if (!p.hasMore()) {
                return out;
            }
            page = p.request().next();
        }
    }

    private static void tick(MutableClock clock, Duration by) {
        clock.advance(by);
    }

    /** One customer being planted. Not thread-safe. */
    private static final class Person {
        private final TenantCrm tenant;
        private final MutableClock clock;
        private final Random random;
        private final String prefix;
        private final String token;
        private final StaffId owner;
        private final CampaignId campaign;
        private final CompetitorId rival;
        private final List<Marker> markers = new ArrayList<>();
        private CustomerId id;
        private String email;
        private String phone;
        private String externalId;

        Person(
                TenantCrm tenant,
                MutableClock clock,
                Random random,
                String prefix,
                String ownerName,
                CampaignId campaign,
                CompetitorId rival) {
            this.tenant = tenant;
            this.clock = clock;
            this.random = random;
            this.prefix = prefix;
            this.token = String.format("%08x", random.nextInt());
            this.owner = StaffId.of(ownerName + "." + token);
            this.campaign = campaign;
            this.rival = rival;
        }

        /** A new marker, recorded with where it goes. */
        private String mark(String source, String field) {
            String text = prefix + "-" + token + "-" + String.format("%03d", markers.size() + 1);
            markers.add(new Marker(source, field, text));
            return text;
        }

        /** A new marker with Chinese characters in front. */
        private String markChinese(String source, String field) {
            String text = "张伟" + prefix + "-" + token + "-" + String.format("%03d", markers.size() + 1);
            markers.add(new Marker(source, field, text));
            return text;
        }

        /** A Chinese mobile number with random digits; its marker is the eleven national digits. */
        private String phoneNumber(String source, String field) {
            StringBuilder digits = new StringBuilder("139");
            for (int i = 0; i < 8; i++) {
                digits.append(random.nextInt(10));
            }
            markers.add(new Marker(source, field, digits.toString()));
            return "+86 " + digits.substring(0, 3) + " " + digits.substring(3, 7) + " " + digits.substring(7);
        }

        private Instant now() {
            return clock.instant();
        }

        private LocalDate today() {
            return LocalDate.ofInstant(now(), ZoneOffset.UTC);
        }

        private void step() {
            tick(clock, Duration.ofMinutes(5));
        }

        void register(boolean mixedCaseEmail) {
            String customer = "customer";
            String displayName = markChinese(customer, "displayName");
            String legalName = mark(customer, "legalName");
            String local = mixedCaseEmail ? "PiI-MiXeD-" + token : prefix + "-" + token + "-mail";
            email = local + "@Example.COM";
            markers.add(new Marker(customer, "contactPoints.email", local));
            phone = phoneNumber(customer, "contactPoints.phone");
            String fax = phoneNumber(customer, "contactPoints.fax");
            String handle = mark(customer, "contactPoints.messaging");
            PostalAddress address = new PostalAddress(
                            List.of(mark(customer, "address.lines[0]"), mark(customer, "address.lines[1]")),
                            mark(customer, "address.locality"),
                            null,
                            mark(customer, "address.postalCode"),
                            "CN")
                    .withAdministrativeArea(mark(customer, "address.administrativeArea"));
            String personEmail = mark(customer, "contactPersons.email") + "@example.org";
            ContactPerson contact = new ContactPerson(
                    mark(customer, "contactPersons.name"),
                    mark(customer, "contactPersons.role"),
                    List.of(
                            ContactPoint.email(personEmail, ContactPurpose.WORK),
                            ContactPoint.phone(phoneNumber(customer, "contactPersons.phone"), ContactPurpose.WORK)));
            externalId = mark(customer, "externalId");
            String dateLabel = mark(customer, "importantDates.label");
            String consentSource = mark(customer, "preferences.consents.source");
            String nickname =
                    mark(customer, "customFields." + PERSONAL_FIELD.key().qualifiedName());
            CustomerDraft draft = CustomerDraft.organisation(displayName)
                    .legalName(legalName)
                    .email(email, ContactPurpose.WORK)
                    .phone(phone, ContactPurpose.WORK)
                    .fax(fax, ContactPurpose.WORK)
                    .messaging("wechat", handle, ContactPurpose.WORK)
                    .postalAddress(address, ContactPurpose.BILLING)
                    .contactPerson(contact)
                    .importantDate(ImportantDate.other(dateLabel, LocalDate.of(2019, 5, 20)))
                    .foundingDay(LocalDate.of(2010, 3, 1))
                    .externalId(externalId)
                    .optIn(Channel.EMAIL, now().minus(Duration.ofDays(1)), consentSource)
                    .customField(PERSONAL_FIELD.key(), nickname)
                    .customField(KEPT_FIELD.key(), KEPT_VALUE)
                    .tag("vip")
                    .owner(owner)
                    .build();
            id = tenant.customers().register(draft).id();
            step();
        }

        void plantRecords() {
            Interaction interaction = tenant.interactions()
                    .log(NewInteraction.builder(id, Channel.PHONE, Direction.INBOUND, mark("interaction", "subject"))
                            .notes(mark("interaction", "notes"))
                            .contactPerson(mark("interaction", "contactPerson"))
                            .outcome(Outcome.of(OutcomeKind.POSITIVE, mark("interaction", "outcome.summary")))
                            .staff(owner)
                            .build());
            step();
            tenant.interactions()
                    .createTask(NewTask.builder(id, mark("task", "title"), owner, today().plusDays(7))
                            .notes(mark("task", "notes"))
                            .followingUp(interaction.id())
                            .build());
            step();

            String currency = CURRENCY.getCurrencyCode();
            tenant.sales()
                    .recordPurchase(NewOrder.builder(id, today().minusDays(20))
                            .line(OrderLine.of("SKU-1", 2, Money.of("120.50", currency))
                                    .withDescription(mark("order", "lines.description")))
                            .line(OrderLine.of("SKU-2", 1, Money.of("99.99", currency))
                                    .withDescription(mark("order", "lines.description"))
                                    .withDiscount(Money.of("10.00", currency)))
                            .build());
            step();
            Order second = tenant.sales()
                    .recordPurchase(NewOrder.builder(id, today().minusDays(3))
                            .line(OrderLine.of("SKU-3", 3, Money.of("33.33", currency))
                                    .withDescription(mark("order", "lines.description")))
                            .build());
            step();

            Invoice writtenOff = tenant.sales()
                    .issueInvoice(
                            NewInvoice.builder(id, "INV-" + token + "-" + prefix + "-1", Money.of("100.00", currency))
                                    .issuedOn(today().minusDays(60))
                                    .dueOn(today().minusDays(30))
                                    .build());
            step();
            tenant.sales().writeOff(writtenOff.id(), writtenOff.version(), mark("invoice", "writeOffReason"));
            step();
            Invoice partPaid = tenant.sales()
                    .issueInvoice(
                            NewInvoice.builder(id, "INV-" + token + "-" + prefix + "-2", Money.of("250.00", currency))
                                    .forOrder(second.id())
                                    .issuedOn(today().minusDays(3))
                                    .dueOn(today().plusDays(27))
                                    .build());
            step();
            tenant.sales()
                    .recordPayment(NewPayment.builder(id, Money.of("80.55", currency), today().minusDays(1))
                            .forInvoice(partPaid.id())
                            .method(PaymentMethod.BANK_TRANSFER)
                            .reference(mark("payment", "reference"))
                            .build());
            step();

            Opportunity lost = tenant.sales()
                    .openOpportunity(
                            NewOpportunity.builder(id, mark("opportunity", "name"), Money.of("5000.00", currency))
                                    .expectedCloseDate(today().plusDays(30))
                                    .build());
            step();
            tenant.sales()
                    .lose(
                            lost.id(),
                            lost.version(),
                            mark("opportunity", "lostReason"),
                            mark("opportunity", "competitorNote"));
            step();
            tenant.sales()
                    .openOpportunity(
                            NewOpportunity.builder(id, mark("opportunity", "name"), Money.of("1234.56", currency))
                                    .probability(40)
                                    .build());
            step();

            Contract contract = tenant.sales()
                    .createContract(NewContract.builder(
                                    id, ContractKind.SALES, "CT-" + token + "-" + prefix, mark("contract", "title"))
                            .period(today().minusDays(10), today().plusDays(355))
                            .value(Money.of("12000.00", currency))
                            .build());
            step();
            contract = tenant.sales().activateContract(contract.id(), contract.version());
            step();
            tenant.sales().terminateContract(contract.id(), contract.version(), mark("contract", "terminationReason"));
            step();

            ServiceCase complaint = tenant.service()
                    .openCase(NewServiceCase.builder(
                                    id,
                                    CaseKind.COMPLAINT,
                                    Severity.HIGH,
                                    Channel.EMAIL,
                                    mark("serviceCase", "subject"))
                            .description(mark("serviceCase", "description"))
                            .build());
            step();
            complaint =
                    tenant.service().resolve(complaint.id(), complaint.version(), mark("serviceCase", "resolution"));
            step();
            complaint = tenant.service()
                    .reopen(complaint.id(), complaint.version(), mark("serviceCase", "history.note (reopen reason)"));
            step();
            tenant.service().resolve(complaint.id(), complaint.version(), mark("serviceCase", "resolution"));
            step();
            tenant.service()
                    .openCase(NewServiceCase.builder(
                                    id, CaseKind.REQUEST, Severity.LOW, Channel.PHONE, mark("serviceCase", "subject"))
                            .build());
            step();

            tenant.service()
                    .recordSurvey(NewSurveyResponse.builder(id)
                            .csat(4)
                            .nps(9)
                            .comment(mark("surveyResponse", "comment"))
                            .build());
            step();

            tenant.marketing()
                    .addTargets(
                            campaign,
                            List.of(new NewCampaignTarget(id, "manual", 1, 0.75, mark("campaignTarget", "reason"))));
            step();
            tenant.marketing()
                    .recordResponse(NewCampaignResponse.builder(campaign, id, AidaStage.INTEREST)
                            .note(mark("campaignResponse", "note"))
                            .build());
            step();

            tenant.competitors()
                    .recordDealing(NewCompetitorDealing.builder(rival, id, DealingKind.CURRENT_SUPPLIER, today())
                            .estimatedAnnualValue("3000.00", currency)
                            .note(mark("competitorDealing", "note"))
                            .build());
            step();

            tenant.membership().earn(id, "signup-" + token, 100, mark("pointsEntry", "reason"));
            step();
            tenant.membership().redeem(id, "voucher-" + token, 30, mark("pointsEntry", "reason"));
            step();

            tenant.customers().handOver(owner, StaffId.of("bob." + token), mark("ownership", "reason"));
            step();
            tenant.customers().share(id, StaffId.of("dave." + token), ShareAccess.READ, mark("share", "reason"));
            step();
        }

        void plantLifecycle() {
            step();
            tenant.lifecycle().move(id, LifecycleStage.AT_RISK, mark("lifecycleTransition", "reason"));
            step();
            tenant.lifecycle().move(id, LifecycleStage.LOST, mark("lifecycleTransition", "reason"));
            step();
            tenant.lifecycle()
                    .recordChurnReason(id, CHURN_CODE, rival, mark("churnReason", "note"), StaffId.of("li.wei"));
            step();
        }
    }
}
