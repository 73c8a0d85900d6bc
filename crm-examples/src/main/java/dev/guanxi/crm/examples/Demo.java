package dev.guanxi.crm.examples;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.Crm;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.analytics.AssociationOptions;
import dev.guanxi.crm.analytics.AssociationRule;
import dev.guanxi.crm.analytics.BgNbdModel;
import dev.guanxi.crm.analytics.CustomerLifetimeValue;
import dev.guanxi.crm.analytics.CustomerSummaries;
import dev.guanxi.crm.analytics.GammaGammaModel;
import dev.guanxi.crm.analytics.PeriodUnit;
import dev.guanxi.crm.analytics.TransactionLog;
import dev.guanxi.crm.classification.AbcGrading;
import dev.guanxi.crm.classification.Classification;
import dev.guanxi.crm.classification.Classifications;
import dev.guanxi.crm.classification.RfmAnalysis;
import dev.guanxi.crm.classification.ScoringListener;
import dev.guanxi.crm.classification.ScoringModels;
import dev.guanxi.crm.classification.ScoringReport;
import dev.guanxi.crm.classification.ScoringRequest;
import dev.guanxi.crm.classification.ScoringResult;
import dev.guanxi.crm.classification.SelectionMatrix;
import dev.guanxi.crm.classification.WinBackCandidate;
import dev.guanxi.crm.credit.CollectionAction;
import dev.guanxi.crm.credit.CollectionPolicy;
import dev.guanxi.crm.credit.CreditRule;
import dev.guanxi.crm.customer.ContactPurpose;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.CustomerQuery;
import dev.guanxi.crm.customer.ReferenceCode;
import dev.guanxi.crm.customer.ReferenceCodeType;
import dev.guanxi.crm.event.DomainEvent;
import dev.guanxi.crm.interaction.Direction;
import dev.guanxi.crm.jdbc.JdbcStorage;
import dev.guanxi.crm.lifecycle.LifecycleRule;
import dev.guanxi.crm.loyalty.LoyaltyRule;
import dev.guanxi.crm.marketing.AidaStage;
import dev.guanxi.crm.marketing.Campaign;
import dev.guanxi.crm.marketing.CampaignFunnel;
import dev.guanxi.crm.marketing.CampaignStatus;
import dev.guanxi.crm.marketing.NewCampaign;
import dev.guanxi.crm.marketing.NewCampaignResponse;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.Invoice;
import dev.guanxi.crm.sales.NewInvoice;
import dev.guanxi.crm.sales.OrderLine;
import dev.guanxi.crm.sales.PaymentMethod;
import dev.guanxi.crm.sales.PurchaseScan;
import dev.guanxi.crm.service.CaseKind;
import dev.guanxi.crm.service.NewServiceCase;
import dev.guanxi.crm.service.NewSurveyResponse;
import dev.guanxi.crm.service.ServiceCase;
import dev.guanxi.crm.service.Severity;
import dev.guanxi.crm.spi.storage.Storage;
import dev.guanxi.crm.stewardship.ImportKind;
import dev.guanxi.crm.stewardship.ImportOptions;
import dev.guanxi.crm.stewardship.ImportResult;
import dev.guanxi.crm.stewardship.ImportedCustomer;
import dev.guanxi.crm.stewardship.ImportedInteraction;
import dev.guanxi.crm.stewardship.ImportedPayment;
import dev.guanxi.crm.stewardship.ImportedPurchase;
import dev.guanxi.crm.stewardship.ImportedRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo: the real purchase history of 2,357 CDNOW customers (Fader &amp; Hardie's sample) loaded into a CRM
 * on an embedded H2 database (directory {@value #DEFAULT_DIRECTORY} by default), with a deterministic, generated
 * business context around it (names in Chinese and English, regions, owners, music genres on the order lines,
 * invoices and payments with some late payers, service cases with surveys, interactions, a win-back campaign),
 * then a full scoring run (80/20 grading, RFM, credit, loyalty, lifecycle, selection matrix, BG/NBD and
 * Gamma-Gamma) and a summary computed through the SDK's own API.
 *
 * <p>The CRM's clock is fixed at the end of the data, 1998-07-01, so every run prints the same results. A second
 * run against the same directory finds the data loaded (the load's last step completes the campaign), scores
 * again — writing no snapshot, since nothing changed — and prints the same results.
 *
 * <p>Not thread-safe to run twice at the same time on one directory; the methods are otherwise stateless.
 */
public final class Demo {
    /** The instant the demo's clock stands at: the day after the last purchase of the data. */
    public static final Instant AS_OF = Instant.parse("1998-07-01T00:00:00Z");

    /** The demo's tenant, also the default tenant of {@code crm score} and {@code crm import}. */
    public static final String TENANT = "cdnow-demo";

    /** The database directory of {@code crm demo} unless {@code --db} says otherwise. */
    public static final String DEFAULT_DIRECTORY = "guanxi-demo";

    /** The first day of the value period the demo scores. */
    static final String VALUE_FROM = "1997-01-01";

    private static final String CAMPAIGN = "WINBACK-98";
    private static final LocalDate INVOICED_FROM = LocalDate.of(1998, 1, 1);
    private static final String[] GENRES = {"POP", "ROCK", "JAZZ", "CLASSICAL", "SOUNDTRACK", "COUNTRY"};
    static final String DATA = "CDNOW_sample.txt";
    private static final Currency USD = Currency.getInstance("USD");
    private static final LocalDate TODAY = LocalDate.ofInstant(AS_OF, ZoneOffset.UTC);
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "艳", "杰", "涛", "明"};
    private static final String[] FIRST = {
        "Emma", "Liam", "Olivia", "Noah", "Ava", "James", "Sophia", "Lucas", "Mia", "Ethan", "Amelia", "Mason", "Layla",
        "Omar", "Fatima", "Yuki"
    };
    private static final String[] LAST = {
        "Smith",
        "Johnson",
        "Brown",
        "Garcia",
        "Miller",
        "Davis",
        "Martinez",
        "Wilson",
        "Anderson",
        "Thomas",
        "Müller",
        "Rossi",
        "Nakamura",
        "Haddad"
    };
    private static final String[][] REGIONS = {
        {"CN-EAST", "华东 East China"}, {"CN-NORTH", "华北 North China"}, {"CN-SOUTH", "华南 South China"},
        {"US-WEST", "US West"}, {"US-EAST", "US East"}, {"EU", "Europe"}
    };
    private static final String[][] TYPES = {
        {"DIRECT", "Direct buyer 直接客户"}, {"DISTRIBUTOR", "Distributor 经销商"}, {"AGENT", "Agent 代理商"}
    };
    private static final StaffId[] OWNERS = {
        StaffId.of("li.na"),
        StaffId.of("wang.fang"),
        StaffId.of("j.smith"),
        StaffId.of("m.garcia"),
        StaffId.of("chen.jie")
    };

    private Demo() {}

    /**
     * Runs the demo on an embedded H2 database in a directory (created if missing) and prints the summary. A
     * second run against the same directory finds the data loaded and only scores and prints again.
     *
     * @param out where to print
     * @param directory the database directory, e.g. {@value #DEFAULT_DIRECTORY}
     * @return the figures printed, for tests
     * @throws IllegalStateException if the directory holds an incomplete demo database (an interrupted first run)
     */
    public static Summary run(PrintStream out, Path directory) {
        return run(out, h2(directory), directory);
    }

    /**
     * Opens the demo's H2 database: the files {@link JdbcStorage#h2(Path)} opens (so {@code crm score} and {@code
     * crm import} find them), but with H2's default write delay, which writes committed pages in the background
     * instead of at every commit: the load's thousands of small transactions take seconds instead of minutes. A
     * killed first run may lose its last commits; the next run then reports the database incomplete.
     */
    private static JdbcStorage h2(Path directory) {
        String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve("guanxi") + ";LOCK_TIMEOUT=10000";
        return JdbcStorage.builder(url, "sa", "").build();
    }

    /**
     * Runs the demo on a store (the in-memory store for tests, or any durable one) and prints the summary; the
     * store is closed at the end. Prints no report line.
     *
     * @param out where to print
     * @param storage the store
     * @return the figures printed, for tests
     */
    public static Summary run(PrintStream out, Storage storage) {
        return run(out, storage, null);
    }

    private static Summary run(PrintStream out, Storage storage, Path directory) {
        long started = System.nanoTime();
        Map<String, AtomicLong> eventCounts = new ConcurrentHashMap<>();
        try (Crm crm = Crm.builder()
                .storage(storage)
                .clock(Clock.fixed(AS_OF, ZoneOffset.UTC))
                .listener((DomainEvent e) -> eventCounts
                        .computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicLong())
                        .incrementAndGet())
                .build()) {
            TenantCrm shop = crm.tenant(TENANT);
            List<Purchase> purchases = readPurchases();
            boolean reused = isLoaded(shop, directory);
            if (!reused) {
                load(shop, purchases);
            }
            double loadSeconds = (System.nanoTime() - started) / 1e9;
            ScoringReport report = shop.scoring().run(scoringRequest(TODAY, ScoringListener.none()));
            Summary summary = summarise(shop, purchases.size(), report, eventCounts, reused, loadSeconds);
            summary.print(out);
            Path html = directory == null ? null : writeReport(shop, directory);
            if (html != null) {
                out.println();
                out.println("HTML report written to " + html.toAbsolutePath());
            }
            return summary;
        }
    }

    /**
     * Writes the demo's HTML report ({@code report.html}) into the database directory.
     *
     * @param tenant the demo's tenant, scored
     * @param dir the database directory
     * @return the report's path
     */
    static Path writeReport(TenantCrm tenant, Path dir) {
        return dev.guanxi.crm.examples.report.HtmlReport.write(tenant, TODAY, dir.resolve("report.html"));
    }

    /**
     * The scoring run the demo makes: the standard rules (80/20, RFM, credit, loyalty, lifecycle, selection matrix)
     * with BG/NBD and Gamma-Gamma, in USD, over purchases since {@value #VALUE_FROM}.
     *
     * @param asOf the day scored
     * @param listener the run's progress
     * @return the request
     */
    static ScoringRequest scoringRequest(LocalDate asOf, ScoringListener listener) {
        return ScoringRequest.of(asOf, USD)
                .withValueFrom(LocalDate.parse(VALUE_FROM))
                .withModels(ScoringModels.bgNbdGammaGamma())
                .withListener(listener);
    }

    /** Whether an earlier run loaded the data: its last step completes the campaign. */
    private static boolean isLoaded(TenantCrm shop, Path directory) {
        Optional<Campaign> campaign = shop.marketing().findCampaignByCode(CAMPAIGN);
        if (campaign.isPresent() && campaign.get().status() == CampaignStatus.COMPLETED) {
            return true;
        }
        if (shop.customers().count(CustomerQuery.all()) > 0 || campaign.isPresent()) {
            throw new IllegalStateException("the demo database"
                    + (directory == null ? "" : " in " + directory)
                    + " is incomplete (an earlier run was interrupted): delete it and run the demo again");
        }
        return false;
    }

    /**
     * Loads the data: customers, purchases, payments and interactions through the bulk import (atomic batches,
     * idempotent by external id), invoices, service cases and the campaign through the focused APIs.
     */
    private static void load(TenantCrm shop, List<Purchase> purchases) {
        Random random = new Random(7);
        for (String[] r : REGIONS) {
            shop.referenceCodes().define(ReferenceCodeType.REGION, r[0], r[1]);
        }
        for (String[] t : TYPES) {
            shop.referenceCodes().define(ReferenceCodeType.CUSTOMER_TYPE, t[0], t[1]);
        }
        Map<Integer, LocalDate> firstPurchase = new TreeMap<>();
        for (Purchase p : purchases) {
            firstPurchase.merge(p.customer(), p.date(), (a, b) -> a.isBefore(b) ? a : b);
        }
        List<ImportedCustomer> drafts = new ArrayList<>();
        Map<Integer, Integer> favourite = new HashMap<>();
        for (int id : firstPurchase.keySet()) {
            drafts.add(new ImportedCustomer(customerDraft(id, random)));
            favourite.put(id, random.nextInt(GENRES.length));
        }
        importAll(shop, ImportKind.CUSTOMERS, drafts, "demo-customers");
        Map<String, CustomerId> ids = customerIds(shop);

        List<ImportedPurchase> orders = new ArrayList<>(purchases.size());
        List<ImportedPayment> payments = new ArrayList<>();
        int orderNo = 0;
        for (Purchase p : purchases) {
            orderNo++;
            String external = externalId(p.customer());
            List<OrderLine> lines = lines(p, favourite.get(p.customer()), random);
            orders.add(new ImportedPurchase(String.format(Locale.ROOT, "SO-%05d", orderNo), external, p.date(), lines));
        }
        importAll(shop, ImportKind.PURCHASES, orders, "demo-purchases");

        // Invoicing started with the new billing system in 1998: later orders are invoiced, due in 30 days.
        orderNo = 0;
        for (Purchase p : purchases) {
            orderNo++;
            if (p.date().isBefore(INVOICED_FROM) || p.amount().signum() <= 0) {
                continue;
            }
            String number = String.format(Locale.ROOT, "INV-%05d", orderNo);
            Invoice invoice = shop.sales()
                    .issueInvoice(
                            NewInvoice.builder(ids.get(externalId(p.customer())), number, Money.of(p.amount(), USD))
                                    .issuedOn(p.date())
                                    .dueOn(p.date().plusDays(30))
                                    .build());
            ImportedPayment payment = payOrNot(externalId(p.customer()), invoice, random);
            if (payment != null) {
                payments.add(payment);
            }
        }
        importAll(shop, ImportKind.PAYMENTS, payments, "demo-payments");

        service(shop, ids, random);
        List<ImportedInteraction> interactions = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int id = 1 + random.nextInt(firstPurchase.size());
            Channel channel = Channel.values()[random.nextInt(Channel.values().length)];
            interactions.add(new ImportedInteraction(
                    String.format(Locale.ROOT, "INT-%04d", i + 1),
                    externalId(id),
                    channel,
                    Direction.OUTBOUND,
                    AS_OF.minus(Duration.ofDays(1 + random.nextInt(60))),
                    "Follow-up on recent order",
                    null,
                    null,
                    OWNERS[random.nextInt(OWNERS.length)],
                    null));
        }
        importAll(shop, ImportKind.INTERACTIONS, interactions, "demo-interactions");
        campaign(shop, ids, random);
    }

    private static void importAll(TenantCrm shop, ImportKind kind, List<? extends ImportedRecord> records, String job) {
        ImportResult result = shop.imports()
                .importRecords(
                        kind,
                        records,
                        job,
                        ImportOptions.builder().jobId(job).batchSize(10_000).build());
        if (result.counts().failed() > 0) {
            throw new IllegalStateException(
                    result.reason() + "; first error: " + result.errors().get(0).reason());
        }
    }

    private static Map<String, CustomerId> customerIds(TenantCrm shop) {
        Map<String, CustomerId> ids = new HashMap<>();
        PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<Customer> p = shop.customers().query(CustomerQuery.all(), page);
            for (Customer c : p.items()) {
                ids.put(c.externalId(), c.id());
            }
            if (p.nextRequest().isEmpty()) {
                return ids;
            }
            page = p.nextRequest().get();
        }
    }

    static String externalId(int cdnowId) {
        return String.format(Locale.ROOT, "CDNOW-%04d", cdnowId);
    }

    /**
     * Splits a purchase into one line per music genre: each CD is of the customer's favourite genre (half of
     * them), of its companion genre (three in ten) or of any genre; the amount is shared by CD count, exactly.
     */
    private static List<OrderLine> lines(Purchase p, int favourite, Random random) {
        int cds = Math.max(1, p.cds());
        int[] perGenre = new int[GENRES.length];
        for (int k = 0; k < cds; k++) {
            int roll = random.nextInt(10);
            int genre = roll < 5
                    ? favourite
                    : roll < 8 ? (favourite + GENRES.length / 2) % GENRES.length : random.nextInt(GENRES.length);
            perGenre[genre]++;
        }
        long cents = p.amount().movePointRight(2).longValueExact();
        List<OrderLine> lines = new ArrayList<>();
        long left = cents;
        int seen = 0;
        for (int g = 0; g < GENRES.length; g++) {
            if (perGenre[g] == 0) {
                continue;
            }
            seen += perGenre[g];
            long share = seen == cds ? left : cents * perGenre[g] / cds;
            left -= share;
            lines.add(OrderLine.of("CD-" + GENRES[g], 1, Money.ofMinor(share, USD))
                    .withDescription(perGenre[g] + " " + GENRES[g].toLowerCase(Locale.ROOT) + " CDs"));
        }
        return lines;
    }

    private static CustomerDraft customerDraft(int id, Random random) {
        boolean chinese = random.nextInt(10) < 6;
        String name = chinese
                ? SURNAMES[random.nextInt(SURNAMES.length)]
                        + GIVEN[random.nextInt(GIVEN.length)]
                        + (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : "")
                : FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
        String[] region = chinese ? REGIONS[random.nextInt(3)] : REGIONS[3 + random.nextInt(3)];
        CustomerDraft.Builder draft = CustomerDraft.person(name)
                .externalId(String.format(Locale.ROOT, "CDNOW-%04d", id))
                .email(String.format(Locale.ROOT, "customer%04d@example.com", id), ContactPurpose.HOME)
                .region(region[0])
                .customerType(TYPES[random.nextInt(10) < 8 ? 0 : 1 + random.nextInt(2)][0])
                .owner(OWNERS[random.nextInt(OWNERS.length)]);
        if (random.nextInt(3) == 0) {
            draft.optIn(Channel.EMAIL, AS_OF.minus(Duration.ofDays(400)), "web sign-up");
        }
        return draft.build();
    }

    private static ImportedPayment payOrNot(String customer, Invoice invoice, Random random) {
        int roll = random.nextInt(100);
        if (roll >= 95) {
            return null; // never paid
        }
        int days = roll < 85 ? random.nextInt(26) : 35 + random.nextInt(60);
        LocalDate paidOn = invoice.issueDate().plusDays(days);
        if (paidOn.isAfter(TODAY)) {
            return null; // not yet paid as of the demo's clock
        }
        return new ImportedPayment(
                "PAY-" + invoice.invoiceNumber().substring(4),
                customer,
                invoice.amount(),
                paidOn,
                roll % 2 == 0 ? PaymentMethod.CARD : PaymentMethod.BANK_TRANSFER,
                null,
                invoice.invoiceNumber());
    }

    private static void service(TenantCrm shop, Map<String, CustomerId> customers, Random random) {
        for (CustomerId customer : new TreeMap<>(customers).values()) {
            if (random.nextInt(100) >= 6) {
                continue;
            }
            CaseKind kind = random.nextInt(3) == 0 ? CaseKind.COMPLAINT : CaseKind.REQUEST;
            Severity severity = Severity.values()[random.nextInt(Severity.values().length)];
            Instant openedAt = AS_OF.minus(Duration.ofHours(1 + random.nextInt(24 * 20)));
            ServiceCase sc = shop.service()
                    .openCase(NewServiceCase.builder(
                                    customer,
                                    kind,
                                    severity,
                                    Channel.CALL_CENTRE,
                                    kind == CaseKind.COMPLAINT ? "Order arrived damaged" : "Change of delivery address")
                            .openedAt(openedAt)
                            .assignee(OWNERS[random.nextInt(OWNERS.length)])
                            .build());
            if (random.nextInt(10) < 7) {
                sc = shop.service().startWork(sc.id(), sc.version(), OWNERS[random.nextInt(OWNERS.length)]);
                sc = shop.service().resolve(sc.id(), sc.version(), "Replaced the CDs and apologised");
                int csat = kind == CaseKind.COMPLAINT ? 2 + random.nextInt(4) : 3 + random.nextInt(3);
                shop.service()
                        .recordSurvey(NewSurveyResponse.builder(customer)
                                .csat(csat)
                                .serviceCase(sc.id())
                                .channel(Channel.EMAIL)
                                .build());
            }
        }
    }

    /** Plans, runs and completes the win-back campaign; completing it is the load's last step. */
    private static void campaign(TenantCrm shop, Map<String, CustomerId> customers, Random random) {
        Campaign campaign = shop.marketing()
                .planCampaign(NewCampaign.builder(CAMPAIGN, "Summer win-back 夏季挽回")
                        .channel(Channel.EMAIL)
                        .period(LocalDate.of(1998, 5, 1), LocalDate.of(1998, 6, 30))
                        .targetSegment("lapsed since Q4 1997", 600)
                        .budget(Money.of("1500.00", "USD"))
                        .build());
        campaign = shop.marketing().launch(campaign.id(), campaign.version());
        List<CustomerId> ids = new ArrayList<>(new TreeMap<>(customers).values());
        Set<CustomerId> reached = new HashSet<>();
        for (int i = 0; i < 600; i++) {
            CustomerId customer = ids.get(random.nextInt(ids.size()));
            if (!reached.add(customer)) {
                continue;
            }
            int roll = random.nextInt(100);
            AidaStage stage = roll < 55
                    ? AidaStage.AWARENESS
                    : roll < 80 ? AidaStage.INTEREST : roll < 92 ? AidaStage.DESIRE : AidaStage.ACTION;
            shop.marketing()
                    .recordResponse(NewCampaignResponse.builder(campaign.id(), customer, stage)
                            .respondedAt(AS_OF.minus(Duration.ofDays(1 + random.nextInt(55))))
                            .build());
        }
        shop.marketing().complete(campaign.id(), campaign.version());
    }

    private static Summary summarise(
            TenantCrm shop,
            int purchaseRows,
            ScoringReport report,
            Map<String, AtomicLong> eventCounts,
            boolean reused,
            double loadSeconds) {
        // Revenue per customer through the analytics path: the streaming purchase scan, no domain objects.
        Map<CustomerId, long[]> perCustomer = new LinkedHashMap<>(); // [revenue cents, orders, distinct days]
        Map<CustomerId, LocalDate> lastDay = new HashMap<>();
        long scanned = shop.sales().scanPurchases(PurchaseScan.all(), (customer, date, cents, currency) -> {
            long[] f = perCustomer.computeIfAbsent(customer, k -> new long[3]);
            f[0] += cents;
            f[1]++;
            if (!date.equals(lastDay.put(customer, date))) {
                f[2]++;
            }
        });
        long totalCents = perCustomer.values().stream().mapToLong(f -> f[0]).sum();
        long repeatBuyers = perCustomer.values().stream().filter(f -> f[2] > 1).count();
        List<Map.Entry<CustomerId, long[]>> ranked = new ArrayList<>(perCustomer.entrySet());
        ranked.sort(Comparator.<Map.Entry<CustomerId, long[]>>comparingLong(e -> -e.getValue()[0])
                .thenComparing(e -> e.getKey().toString()));
        int top20 = (int) Math.ceil(ranked.size() * 0.2);
        long top20Cents =
                ranked.stream().limit(top20).mapToLong(e -> e.getValue()[0]).sum();

        Map<String, Long> byRegion = new LinkedHashMap<>();
        for (ReferenceCode region : shop.referenceCodes().list(ReferenceCodeType.REGION)) {
            byRegion.put(
                    region.label(), shop.customers().count(CustomerQuery.all().withRegion(region.code())));
        }
        List<String> top10 = new ArrayList<>();
        for (Map.Entry<CustomerId, long[]> e : ranked.subList(0, Math.min(10, ranked.size()))) {
            Customer c = shop.customers().get(e.getKey());
            top10.add(String.format(
                    Locale.ROOT,
                    "%s %-10s %3d orders  %s",
                    pad(c.displayName(), 16),
                    java.util.Objects.requireNonNullElse(c.region(), "-"),
                    e.getValue()[1],
                    Money.ofMinor(e.getValue()[0], USD)));
        }

        List<Invoice> overdue = new ArrayList<>();
        PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<Invoice> p = shop.sales().listOverdueInvoices(TODAY, page);
            overdue.addAll(p.items());
            if (p.nextRequest().isEmpty()) {
                break;
            }
            page = p.nextRequest().get();
        }
        Money overdueAmount =
                Money.sum(overdue.stream().map(Invoice::outstanding).toList(), USD);
        Map<CustomerId, Money> owedBy = new HashMap<>();
        for (Invoice i : overdue) {
            owedBy.merge(i.customerId(), i.outstanding(), Money::plus);
        }
        List<String> latePayers = owedBy.entrySet().stream()
                .sorted(Comparator.<Map.Entry<CustomerId, Money>, Money>comparing(Map.Entry::getValue)
                        .reversed()
                        .thenComparing(e -> e.getKey().toString()))
                .limit(5)
                .map(e -> String.format(
                        Locale.ROOT,
                        "%s owes %s",
                        pad(shop.customers().get(e.getKey()).displayName(), 16),
                        e.getValue()))
                .toList();
        long openCases = countAll(p -> shop.service().openCases(p));
        long overdueCases = countAll(p -> shop.service().overdueCases(AS_OF, p));

        Analytics analytics = analytics(shop);
        ValueSummary value = value(shop, report);
        CampaignFunnel funnel = shop.marketing()
                .funnel(shop.marketing()
                        .findCampaignByCode(CAMPAIGN)
                        .orElseThrow()
                        .id());
        Map<String, Long> events = new TreeMap<>();
        eventCounts.forEach((k, v) -> events.put(k, v.get()));
        return new Summary(
                (int) shop.customers().count(CustomerQuery.all()),
                purchaseRows,
                scanned,
                Money.ofMinor(totalCents, USD),
                repeatBuyers,
                top20,
                top20Cents * 1000 / Math.max(totalCents, 1) / 10.0,
                byRegion,
                top10,
                overdue.size(),
                overdueAmount,
                latePayers,
                openCases,
                overdueCases,
                funnel,
                analytics,
                value,
                new RunFacts(reused, report.snapshotsWritten(), value.transitions(), events, loadSeconds));
    }

    /**
     * What the scoring run says about customer value: label counts per rule, the 80/20 grades' share of value and
     * of customers, the credit grades' collection actions, the arrears warnings, the explanation of the top
     * customer's grade, the top of the win-back list and the strongest market-basket rules.
     *
     * @param rules per rule, the number of customers per label
     * @param gradeShares per 80/20 grade, its share of value in percent
     * @param gradeCountShares per 80/20 grade, its share of customers in percent
     * @param collectionActions per credit grade present, its collection actions
     * @param arrearsWarnings customers flagged by the arrears early warning
     * @param withoutCreditHistory customers without an invoice, who get the neutral credit grade
     * @param models the models' status and BG/NBD parameters
     * @param example the top customer's explained results, one line per rule (the name first)
     * @param winBack the top 10 of the win-back list
     * @param basketRules the strongest association rules between genres (highest lift first), at most 5
     * @param transitions lifecycle moves made by this run, by "FROM -> TO"
     */
    public record ValueSummary(
            Map<String, Map<String, Integer>> rules,
            Map<String, Double> gradeShares,
            Map<String, Double> gradeCountShares,
            Map<String, String> collectionActions,
            long arrearsWarnings,
            long withoutCreditHistory,
            String models,
            List<String> example,
            List<WinBackCandidate> winBack,
            List<AssociationRule> basketRules,
            Map<String, Integer> transitions) {}

    private static ValueSummary value(TenantCrm shop, ScoringReport report) {
        ScoringResult result = report.result();
        Map<String, Map<String, Integer>> rules = new LinkedHashMap<>();
        result.results().forEach((name, c) -> rules.put(name, new TreeMap<>(c.counts())));
        Classifications abc = result.result(AbcGrading.NAME).orElseThrow();
        double total = 0;
        Map<String, Double> sums = new TreeMap<>();
        int top = 0;
        for (int i = 0; i < abc.size(); i++) {
            double v = Math.max(0, abc.metric("measure", i));
            total += v;
            sums.merge(abc.label(i), v, Double::sum);
            if (abc.metric("rank", i) < abc.metric("rank", top)) {
                top = i;
            }
        }
        Map<String, Double> shares = new TreeMap<>();
        Map<String, Double> countShares = new TreeMap<>();
        for (Map.Entry<String, Double> e : sums.entrySet()) {
            shares.put(e.getKey(), total > 0 ? 100 * e.getValue() / total : 0);
            countShares.put(e.getKey(), 100.0 * abc.counts().get(e.getKey()) / Math.max(1, abc.size()));
        }
        Classifications credit = result.result(CreditRule.NAME).orElseThrow();
        long warnings = 0;
        long withoutHistory = 0;
        for (int i = 0; i < credit.size(); i++) {
            if (credit.metric("arrearsWarning", i) > 0) {
                warnings++;
            }
            if (credit.explain(i).contributions().isEmpty()) {
                withoutHistory++; // no invoice: the neutral no-history score, explained by no factor
            }
        }
        CollectionPolicy collection = CreditRule.defaults().collection();
        Map<String, String> actions = new LinkedHashMap<>();
        for (String grade : collection.scale().labels()) {
            if (credit.counts().containsKey(grade)) {
                StringBuilder line = new StringBuilder();
                for (CollectionAction action : collection.actionsFor(grade)) {
                    line.append(line.length() == 0 ? "" : ", ")
                            .append(action.kind())
                            .append(
                                    action.kind() == CollectionAction.Kind.DEFERRAL
                                            ? " " + action.days() + " days"
                                            : "");
                }
                actions.put(grade, line.toString());
            }
        }
        List<String> example = new ArrayList<>();
        example.add(shop.customers().get(result.base().customerId(top)).displayName());
        for (Classification c : result.explain(top)) {
            example.add(c.rule() + ": " + c.reason());
        }
        StringBuilder params = new StringBuilder();
        for (String p : report.attributes().getOrDefault("model.bgnbd", "").split(" ")) {
            if (!p.isEmpty()) {
                params.append(String.format(Locale.ROOT, " %.3f", Double.parseDouble(p)));
            }
        }
        String models = report.attributes().getOrDefault("model.status", "-") + "; BG/NBD r, alpha, a, b ="
                + (params.length() == 0 ? " -" : params);
        List<AssociationRule> basket = shop.analysis()
                .associationRules(AssociationOptions.defaults().withMinConfidence(0.2))
                .rules();
        return new ValueSummary(
                rules,
                shares,
                countShares,
                actions,
                warnings,
                withoutHistory,
                models,
                example,
                shop.scoring().winBackList(10),
                basket.subList(0, Math.min(5, basket.size())),
                transitions(result));
    }

    /**
     * Counts the lifecycle moves a run made, by "FROM -> TO" ("new" for first placements), in stage order.
     *
     * @param result the run's result
     * @return the counts; empty if no customer moved
     */
    static Map<String, Integer> transitions(ScoringResult result) {
        Map<String, Integer> moves = new TreeMap<>();
        Optional<Classifications> lifecycle = result.result(LifecycleRule.NAME);
        if (lifecycle.isEmpty()) {
            return moves;
        }
        LifecycleRule.Moves all =
                lifecycle.get().attachment(LifecycleRule.Moves.class).orElseThrow();
        for (int i = 0; i < lifecycle.get().size(); i++) {
            all.of(i)
                    .ifPresent(t -> moves.merge(
                            (t.from() == null ? "new" : t.from().name()) + " -> " + t.to().name(), 1, Integer::sum));
        }
        return moves;
    }

    /**
     * What the customer-base models say: BG/NBD and Gamma-Gamma fitted to every purchase the tenant recorded
     * (streamed from storage, weeks), then every customer scored.
     *
     * @param parameters the fitted BG/NBD parameters, printed
     * @param likelyActive repeat buyers with P(alive) of at least 0.5
     * @param customers repeat buyers scored (BG/NBD deems a customer without repeat purchases alive)
     * @param expectedNextQuarter expected repeat purchases of the whole base in the next 13 weeks
     * @param clvTotal the 12-month CLV of the whole base (1% monthly discount)
     * @param topClv the five customers of highest CLV, one line each
     */
    public record Analytics(
            String parameters,
            long likelyActive,
            int customers,
            double expectedNextQuarter,
            Money clvTotal,
            List<String> topClv) {}

    private static Analytics analytics(TenantCrm shop) {
        TransactionLog log = TransactionLog.fromPurchases(shop);
        CustomerSummaries summaries = CustomerSummaries.fromLog(log, TODAY.minusDays(1), PeriodUnit.WEEKS);
        BgNbdModel purchases = BgNbdModel.fit(summaries).requireConverged();
        GammaGammaModel spend = GammaGammaModel.fit(summaries.frequencies(), summaries.monetaryValues())
                .requireConverged();
        double[] clv = CustomerLifetimeValue.of(purchases, spend, PeriodUnit.WEEKS, 12, 0.01)
                .values(summaries.frequencies(), summaries.recencies(), summaries.ages(), summaries.monetaryValues());
        int n = summaries.size();
        double[] alive = new double[n];
        double[] next = new double[n];
        purchases.score(summaries, 13, alive, next);
        long likely = 0;
        int repeat = 0;
        double expected = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            // BG/NBD deems a customer without repeat purchases alive (P = 1): count the repeat buyers only.
            if (summaries.frequency(i) > 0) {
                repeat++;
                likely += alive[i] >= 0.5 ? 1 : 0;
            }
            expected += next[i];
            total += clv[i];
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(
                order, Comparator.<Integer>comparingDouble(i -> -clv[i]).thenComparingInt(i -> i));
        List<String> top = new ArrayList<>();
        for (int k = 0; k < Math.min(5, n); k++) {
            int i = order[k];
            CustomerId id = (CustomerId) log.customerKey(summaries.customer(i)).orElseThrow();
            top.add(String.format(
                    Locale.ROOT,
                    "%s P(alive) %.2f, %.1f purchases in 13 weeks, CLV %s",
                    pad(shop.customers().get(id).displayName(), 16),
                    alive[i],
                    next[i],
                    CustomerLifetimeValue.toMoney(clv[i], USD, java.math.RoundingMode.HALF_UP)));
        }
        return new Analytics(
                String.format(
                        Locale.ROOT,
                        "r=%.3f alpha=%.3f a=%.3f b=%.3f; Gamma-Gamma p=%.2f q=%.2f gamma=%.2f",
                        purchases.r(),
                        purchases.alpha(),
                        purchases.a(),
                        purchases.b(),
                        spend.p(),
                        spend.q(),
                        spend.gamma()),
                likely,
                repeat,
                expected,
                CustomerLifetimeValue.toMoney(total, USD, java.math.RoundingMode.HALF_UP),
                top);
    }

    private static long countAll(java.util.function.Function<PageRequest, Page<?>> query) {
        long n = 0;
        PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<?> p = query.apply(page);
            n += p.items().size();
            if (p.nextRequest().isEmpty()) {
                return n;
            }
            page = p.nextRequest().get();
        }
    }

    /** Pads to a width in terminal columns, counting East Asian wide characters as two. */
    static String pad(String text, int columns) {
        int width = text.codePoints()
                .map(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
                                || (cp >= 0x3000 && cp <= 0x30FF)
                                || (cp >= 0xFF00 && cp <= 0xFF60)
                        ? 2
                        : 1)
                .sum();
        return text + " ".repeat(Math.max(0, columns - width));
    }

    /** One row of the CDNOW file. */
    record Purchase(int customer, LocalDate date, int cds, BigDecimal amount) {}

    static List<Purchase> readPurchases() {
        InputStream in = Demo.class.getResourceAsStream(DATA);
        if (in == null) {
            throw new IllegalStateException(DATA + " is missing from the classpath");
        }
        DateTimeFormatter yyyymmdd = DateTimeFormatter.BASIC_ISO_DATE;
        List<Purchase> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String[] f = line.trim().split("\\s+");
                if (f.length != 5) {
                    continue;
                }
                rows.add(new Purchase(
                        Integer.parseInt(f[1]),
                        LocalDate.parse(f[2], yyyymmdd),
                        Integer.parseInt(f[3]),
                        new BigDecimal(f[4])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /**
     * What this run did, apart from the results (which are the same on every run).
     *
     * @param reused whether the data was found loaded by an earlier run
     * @param snapshotsWritten score snapshots the scoring run wrote (0 when nothing changed)
     * @param transitions lifecycle moves the scoring run made, by "FROM -> TO"
     * @param events events delivered to listeners during this run, per type
     * @param seconds how long loading (or finding the data loaded) took
     */
    public record RunFacts(
            boolean reused,
            int snapshotsWritten,
            Map<String, Integer> transitions,
            Map<String, Long> events,
            double seconds) {}

    /**
     * What the demo printed.
     *
     * @param customers customers stored
     * @param purchaseRows purchase rows in the data file
     * @param scannedPurchases purchases seen by the streaming scan
     * @param revenue total revenue
     * @param repeatBuyers customers who bought on more than one day
     * @param top20Customers how many customers make up the top 20%
     * @param top20SharePercent their share of revenue, in percent
     * @param customersByRegion customer count per region label
     * @param top10 the ten largest customers, one line each
     * @param overdueInvoices invoices past due and not settled
     * @param overdueAmount their outstanding total
     * @param latePayers the five customers owing the most overdue money
     * @param casesOpen cases not yet resolved or closed
     * @param casesOverdue open cases past their SLA
     * @param funnel the campaign's AIDA funnel
     * @param analytics what the BG/NBD and Gamma-Gamma models say about the customer base
     * @param value what the scoring run says about customer value
     * @param run what this run did (differs between the first and later runs)
     */
    public record Summary(
            int customers,
            int purchaseRows,
            long scannedPurchases,
            Money revenue,
            long repeatBuyers,
            int top20Customers,
            double top20SharePercent,
            Map<String, Long> customersByRegion,
            List<String> top10,
            int overdueInvoices,
            Money overdueAmount,
            List<String> latePayers,
            long casesOpen,
            long casesOverdue,
            CampaignFunnel funnel,
            Analytics analytics,
            ValueSummary value,
            RunFacts run) {

        void print(PrintStream out) {
            out.println("Guanxi CRM demo - tenant " + TENANT + ", clock fixed at " + AS_OF);
            out.printf(
                    Locale.ROOT,
                    "%s %,d customers and %,d purchases (CDNOW sample, Fader & Hardie) in %.1f s%n",
                    run.reused() ? "Found the database loaded:" : "Loaded",
                    customers,
                    purchaseRows,
                    run.seconds());
            out.printf(
                    Locale.ROOT,
                    "Scoring run (80/20, RFM, credit, loyalty, lifecycle, selection matrix; BG/NBD + Gamma-Gamma):"
                            + " %,d snapshots written, %,d lifecycle moves%n%n",
                    run.snapshotsWritten(),
                    run.transitions().values().stream()
                            .mapToInt(Integer::intValue)
                            .sum());
            out.println("Customers by region:");
            customersByRegion.forEach((region, n) -> out.printf(Locale.ROOT, "  %s %,6d%n", pad(region, 20), n));
            out.printf(
                    Locale.ROOT,
                    "%nRevenue %s from %,d purchases; %,d customers (%.1f%%) bought on more than one day%n",
                    revenue,
                    scannedPurchases,
                    repeatBuyers,
                    100.0 * repeatBuyers / customers);
            out.printf(
                    Locale.ROOT,
                    "80/20: the top 20%% of customers (%,d) bring %.1f%% of revenue%n%n",
                    top20Customers,
                    top20SharePercent);
            out.println("Top 10 customers by revenue:");
            top10.forEach(line -> out.println("  " + line));

            out.println();
            out.println("Key, ordinary and small customers (80/20 grading of value since " + VALUE_FROM + "):");
            value.rules()
                    .getOrDefault(AbcGrading.NAME, Map.of())
                    .forEach((grade, n) -> out.printf(
                            Locale.ROOT,
                            "  %-9s %,6d customers (%4.1f%%) hold %5.1f%% of value%n",
                            grade,
                            n,
                            value.gradeCountShares().get(grade),
                            value.gradeShares().get(grade)));
            printCounts(out, "RFM segments", value.rules().get(RfmAnalysis.NAME));
            printCounts(out, "Loyalty types", value.rules().get(LoyaltyRule.NAME));
            out.println("Credit grades and their collection actions:");
            value.rules().getOrDefault(CreditRule.NAME, Map.of()).entrySet().stream()
                    .sorted(Comparator.comparingInt(
                            e -> List.copyOf(value.collectionActions().keySet()).indexOf(e.getKey())))
                    .forEach(e -> out.printf(
                            Locale.ROOT,
                            "  %-4s %,6d  %s%n",
                            e.getKey(),
                            e.getValue(),
                            value.collectionActions().get(e.getKey())));
            out.printf(
                    Locale.ROOT,
                    "  (%,d customers have no invoice yet: they get the neutral no-history grade)%n",
                    value.withoutCreditHistory());
            out.printf(Locale.ROOT, "  arrears early warnings: %,d customers%n", value.arrearsWarnings());
            printCounts(out, "Lifecycle stages", value.rules().get(LifecycleRule.NAME));
            printCounts(out, "Selection matrix", value.rules().get(SelectionMatrix.NAME));
            out.println("Models: " + value.models());
            out.println("Why " + value.example().get(0) + " is where it is:");
            value.example().stream().skip(1).forEach(line -> out.println("  " + line));

            out.println();
            out.println("Win-back list (lost and at-risk customers by expected value recovered), top "
                    + value.winBack().size() + ":");
            for (WinBackCandidate c : value.winBack()) {
                out.printf(
                        Locale.ROOT,
                        "  %s %-8s expected %,10.2f USD: %s%n",
                        pad(c.displayName(), 18),
                        c.stage(),
                        c.expectedRecovery(),
                        c.reason());
            }
            out.println();
            out.println("Strongest market-basket rules (genres bought together, one basket per order):");
            value.basketRules().forEach(r -> out.println("  " + r.reason()));

            out.printf(
                    Locale.ROOT,
                    "%nReceivables (invoiced since %s): %,d invoices overdue, %s outstanding; largest late payers:%n",
                    INVOICED_FROM,
                    overdueInvoices,
                    overdueAmount);
            latePayers.forEach(line -> out.println("  " + line));
            out.printf(Locale.ROOT, "%nService: %d cases open (%d past their SLA)%n", casesOpen, casesOverdue);
            out.printf(
                    Locale.ROOT,
                    "Campaign %s funnel: awareness %d -> interest %d -> desire %d -> action %d; cost per action %s%n",
                    CAMPAIGN,
                    funnel.reached(AidaStage.AWARENESS),
                    funnel.reached(AidaStage.INTEREST),
                    funnel.reached(AidaStage.DESIRE),
                    funnel.reached(AidaStage.ACTION),
                    funnel.costPerAction().map(Money::toString).orElse("-"));
            out.println();
            out.println("Customer-base analytics (BG/NBD + Gamma-Gamma on every purchase, weeks): "
                    + analytics.parameters());
            out.printf(
                    Locale.ROOT,
                    "  %,d of %,d repeat buyers (%.1f%%) probably still active (P(alive) >= 0.5);"
                            + " %.0f repeat purchases expected in the next 13 weeks%n",
                    analytics.likelyActive(),
                    analytics.customers(),
                    100.0 * analytics.likelyActive() / analytics.customers(),
                    analytics.expectedNextQuarter());
            out.println("  12-month CLV of the customer base (1% monthly discount): " + analytics.clvTotal()
                    + "; highest CLV:");
            analytics.topClv().forEach(line -> out.println("    " + line));
            if (!run.events().isEmpty()) {
                out.println();
                out.println("Events delivered to listeners after commit during this run:");
                run.events().forEach((type, n) -> out.printf(Locale.ROOT, "  %-26s %,7d%n", type, n));
            }
        }

        private static void printCounts(PrintStream out, String title, Map<String, Integer> counts) {
            StringBuilder line = new StringBuilder();
            if (counts != null) {
                counts.forEach((label, n) -> line.append(line.length() == 0 ? "" : ", ")
                        .append(label)
                        .append(' ')
                        .append(n));
            }
            out.println(title + ": " + line);
        }
    }
}
