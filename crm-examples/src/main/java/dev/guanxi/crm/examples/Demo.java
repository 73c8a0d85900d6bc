package dev.guanxi.crm.examples;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.Crm;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.analytics.BgNbdModel;
import dev.guanxi.crm.analytics.CustomerLifetimeValue;
import dev.guanxi.crm.analytics.CustomerSummaries;
import dev.guanxi.crm.analytics.GammaGammaModel;
import dev.guanxi.crm.analytics.PeriodUnit;
import dev.guanxi.crm.analytics.TransactionLog;
import dev.guanxi.crm.classification.AbcGrading;
import dev.guanxi.crm.classification.Classification;
import dev.guanxi.crm.classification.Classifications;
import dev.guanxi.crm.classification.ScoringModels;
import dev.guanxi.crm.classification.ScoringReport;
import dev.guanxi.crm.classification.ScoringRequest;
import dev.guanxi.crm.classification.ScoringResult;
import dev.guanxi.crm.customer.ContactPurpose;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.CustomerQuery;
import dev.guanxi.crm.customer.ReferenceCode;
import dev.guanxi.crm.customer.ReferenceCodeType;
import dev.guanxi.crm.event.DomainEvent;
import dev.guanxi.crm.interaction.Direction;
import dev.guanxi.crm.interaction.NewInteraction;
import dev.guanxi.crm.marketing.AidaStage;
import dev.guanxi.crm.marketing.Campaign;
import dev.guanxi.crm.marketing.CampaignFunnel;
import dev.guanxi.crm.marketing.NewCampaign;
import dev.guanxi.crm.marketing.NewCampaignResponse;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.Invoice;
import dev.guanxi.crm.sales.NewInvoice;
import dev.guanxi.crm.sales.NewOrder;
import dev.guanxi.crm.sales.NewPayment;
import dev.guanxi.crm.sales.Order;
import dev.guanxi.crm.sales.OrderLine;
import dev.guanxi.crm.sales.PaymentMethod;
import dev.guanxi.crm.sales.PurchaseScan;
import dev.guanxi.crm.service.CaseKind;
import dev.guanxi.crm.service.NewServiceCase;
import dev.guanxi.crm.service.NewSurveyResponse;
import dev.guanxi.crm.service.ServiceCase;
import dev.guanxi.crm.service.Severity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo: the real purchase history of 2,357 CDNOW customers (Fader &amp; Hardie's sample) loaded into a CRM
 * on the in-memory store, with a deterministic, generated business context around it (names in Chinese and
 * English, regions, owners, invoices and payments with some late payers, service cases with surveys, a
 * win-back campaign), then a summary computed through the SDK's own API.
 *
 * <p>The CRM's clock is fixed at the end of the data, 1998-07-01, so every run prints the same numbers.
 */
public final class Demo {
    /** The instant the demo's clock stands at: the day after the last purchase of the data. */
    public static final Instant AS_OF = Instant.parse("1998-07-01T00:00:00Z");

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
     * Runs the demo and prints the summary.
     *
     * @param out where to print
     * @return the figures printed, for tests
     */
    public static Summary run(PrintStream out) {
        long started = System.nanoTime();
        Map<String, AtomicLong> eventCounts = new ConcurrentHashMap<>();
        try (Crm crm = Crm.builder()
                .clock(Clock.fixed(AS_OF, ZoneOffset.UTC))
                .listener((DomainEvent e) -> eventCounts
                        .computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicLong())
                        .incrementAndGet())
                .build()) {
            TenantCrm shop = crm.tenant("cdnow-demo");
            List<Purchase> purchases = readPurchases();
            Random random = new Random(7);

            for (String[] r : REGIONS) {
                shop.referenceCodes().define(ReferenceCodeType.REGION, r[0], r[1]);
            }
            for (String[] t : TYPES) {
                shop.referenceCodes().define(ReferenceCodeType.CUSTOMER_TYPE, t[0], t[1]);
            }

            Map<Integer, CustomerId> customers = new TreeMap<>();
            Map<Integer, LocalDate> firstPurchase = new HashMap<>();
            for (Purchase p : purchases) {
                firstPurchase.merge(p.customer(), p.date(), (a, b) -> a.isBefore(b) ? a : b);
            }
            for (int id : new java.util.TreeSet<>(firstPurchase.keySet())) {
                customers.put(
                        id, shop.customers().register(customerDraft(id, random)).id());
            }

            Map<CustomerId, List<Invoice>> invoices = new HashMap<>();
            int orderNo = 0;
            for (Purchase p : purchases) {
                orderNo++;
                CustomerId customer = customers.get(p.customer());
                Order order = shop.sales()
                        .recordPurchase(NewOrder.builder(customer, p.date())
                                .orderNumber(String.format(Locale.ROOT, "SO-%05d", orderNo))
                                .line(OrderLine.of("CD-BUNDLE", 1, Money.of(p.amount(), USD))
                                        .withDescription(p.cds() + " CDs"))
                                .build());
                if (!order.total().isPositive()) {
                    continue;
                }
                Invoice invoice = shop.sales()
                        .issueInvoice(NewInvoice.builder(
                                        customer, String.format(Locale.ROOT, "INV-%05d", orderNo), order.total())
                                .forOrder(order.id())
                                .issuedOn(p.date())
                                .dueOn(p.date().plusDays(30))
                                .build());
                invoices.computeIfAbsent(customer, k -> new ArrayList<>()).add(invoice);
                payOrNot(shop, invoice, random);
            }

            ServiceFigures service = service(shop, customers, firstPurchase, random);
            CampaignFunnel funnel = campaign(shop, customers, random);
            for (int i = 0; i < 400; i++) {
                int id = 1 + random.nextInt(customers.size());
                Channel channel = Channel.values()[random.nextInt(Channel.values().length)];
                shop.interactions()
                        .log(NewInteraction.builder(
                                        customers.get(id), channel, Direction.OUTBOUND, "Follow-up on recent order")
                                .occurredAt(AS_OF.minus(Duration.ofDays(1 + random.nextInt(60))))
                                .staff(OWNERS[random.nextInt(OWNERS.length)])
                                .build());
            }
            double loadSeconds = (System.nanoTime() - started) / 1e9;
            Summary summary = summarise(shop, customers, purchases.size(), service, funnel, eventCounts, loadSeconds);
            summary.print(out);
            return summary;
        }
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

    private static void payOrNot(TenantCrm shop, Invoice invoice, Random random) {
        int roll = random.nextInt(100);
        if (roll >= 95) {
            return; // never paid
        }
        int days = roll < 85 ? random.nextInt(26) : 35 + random.nextInt(60);
        LocalDate paidOn = invoice.issueDate().plusDays(days);
        if (paidOn.isAfter(TODAY)) {
            return; // not yet paid as of the demo's clock
        }
        shop.sales()
                .recordPayment(NewPayment.builder(invoice.customerId(), invoice.amount(), paidOn)
                        .forInvoice(invoice.id())
                        .method(roll % 2 == 0 ? PaymentMethod.CARD : PaymentMethod.BANK_TRANSFER)
                        .build());
    }

    private record ServiceFigures(int opened, int resolved, double meanCsat, int surveys) {}

    private static ServiceFigures service(
            TenantCrm shop, Map<Integer, CustomerId> customers, Map<Integer, LocalDate> firstPurchase, Random random) {
        int opened = 0;
        int resolved = 0;
        int csatSum = 0;
        int surveys = 0;
        for (Map.Entry<Integer, CustomerId> c : customers.entrySet()) {
            if (random.nextInt(100) >= 6) {
                continue;
            }
            CaseKind kind = random.nextInt(3) == 0 ? CaseKind.COMPLAINT : CaseKind.REQUEST;
            Severity severity = Severity.values()[random.nextInt(Severity.values().length)];
            Instant openedAt = AS_OF.minus(Duration.ofHours(1 + random.nextInt(24 * 20)));
            ServiceCase sc = shop.service()
                    .openCase(NewServiceCase.builder(
                                    c.getValue(),
                                    kind,
                                    severity,
                                    Channel.CALL_CENTRE,
                                    kind == CaseKind.COMPLAINT ? "Order arrived damaged" : "Change of delivery address")
                            .openedAt(openedAt)
                            .assignee(OWNERS[random.nextInt(OWNERS.length)])
                            .build());
            opened++;
            if (random.nextInt(10) < 7) {
                sc = shop.service().startWork(sc.id(), sc.version(), OWNERS[random.nextInt(OWNERS.length)]);
                sc = shop.service().resolve(sc.id(), sc.version(), "Replaced the CDs and apologised");
                resolved++;
                int csat = kind == CaseKind.COMPLAINT ? 2 + random.nextInt(4) : 3 + random.nextInt(3);
                shop.service()
                        .recordSurvey(NewSurveyResponse.builder(c.getValue())
                                .csat(csat)
                                .serviceCase(sc.id())
                                .channel(Channel.EMAIL)
                                .build());
                csatSum += csat;
                surveys++;
            }
        }
        return new ServiceFigures(opened, resolved, surveys == 0 ? 0 : (double) csatSum / surveys, surveys);
    }

    private static CampaignFunnel campaign(TenantCrm shop, Map<Integer, CustomerId> customers, Random random) {
        Campaign campaign = shop.marketing()
                .planCampaign(NewCampaign.builder("WINBACK-98", "Summer win-back 夏季挽回")
                        .channel(Channel.EMAIL)
                        .period(LocalDate.of(1998, 5, 1), LocalDate.of(1998, 6, 30))
                        .targetSegment("lapsed since Q4 1997", 600)
                        .budget(Money.of("1500.00", "USD"))
                        .build());
        campaign = shop.marketing().launch(campaign.id(), campaign.version());
        List<CustomerId> ids = new ArrayList<>(customers.values());
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
        return shop.marketing().funnel(campaign.id());
    }

    private static Summary summarise(
            TenantCrm shop,
            Map<Integer, CustomerId> customers,
            int purchaseRows,
            ServiceFigures service,
            CampaignFunnel funnel,
            Map<String, AtomicLong> eventCounts,
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
        ValueSummary value = value(shop);
        Map<String, Long> events = new TreeMap<>();
        eventCounts.forEach((k, v) -> events.put(k, v.get()));
        return new Summary(
                customers.size(),
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
                service.opened(),
                service.resolved(),
                openCases,
                overdueCases,
                service.meanCsat(),
                funnel,
                analytics,
                value,
                events,
                loadSeconds);
    }

    /**
     * What the scoring run says about customer value: label counts per rule, the 80/20 grades' share of value,
     * the arrears warnings, and the explanation of the top customer's grade.
     *
     * @param rules per rule, the number of customers per label
     * @param gradeShares per 80/20 grade, its share of value in percent
     * @param arrearsWarnings customers flagged by the arrears early warning
     * @param models the models' status and BG/NBD parameters
     * @param example the top customer's explained 80/20 grade, credit grade and loyalty
     * @param winBack the top of the win-back list, one line each: name, stage, expected recovery, why
     * @param seconds how long the run took
     */
    public record ValueSummary(
            Map<String, Map<String, Integer>> rules,
            Map<String, Double> gradeShares,
            long arrearsWarnings,
            String models,
            List<String> example,
            List<String> winBack,
            double seconds) {}

    private static ValueSummary value(TenantCrm shop) {
        ScoringReport report = shop.scoring()
                .run(ScoringRequest.of(TODAY, USD)
                        .withValueFrom(LocalDate.of(1997, 1, 1))
                        .withModels(ScoringModels.bgNbdGammaGamma()));
        ScoringResult result = report.result();
        Map<String, Map<String, Integer>> rules = new LinkedHashMap<>();
        result.results().forEach((name, c) -> {
            Map<String, Integer> sorted = new TreeMap<>(c.counts());
            rules.put(name, sorted);
        });
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
        for (Map.Entry<String, Double> e : sums.entrySet()) {
            shares.put(e.getKey(), total > 0 ? 100 * e.getValue() / total : 0);
        }
        Classifications credit = result.result("credit").orElseThrow();
        long warnings = 0;
        for (int i = 0; i < credit.size(); i++) {
            if (credit.metric("arrearsWarning", i) > 0) {
                warnings++;
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
        List<String> winBack = new ArrayList<>();
        for (dev.guanxi.crm.classification.WinBackCandidate c : shop.scoring().winBackList(5)) {
            winBack.add(String.format(
                    Locale.ROOT,
                    "%-22s %-8s expected %,10.2f USD: %s",
                    c.displayName(),
                    c.stage(),
                    c.expectedRecovery(),
                    c.reason()));
        }
        return new ValueSummary(
                rules,
                shares,
                warnings,
                models,
                example,
                winBack,
                report.elapsed().toMillis() / 1000.0);
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
     * What the demo printed.
     *
     * @param customers customers registered
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
     * @param casesOpened service cases opened
     * @param casesResolved service cases resolved
     * @param casesOpen cases not yet resolved or closed
     * @param casesOverdue open cases past their SLA
     * @param meanCsat mean CSAT of the surveys
     * @param funnel the campaign's AIDA funnel
     * @param analytics what the BG/NBD and Gamma-Gamma models say about the customer base
     * @param value what the scoring run says about customer value
     * @param events events delivered per type
     * @param seconds how long loading and summarising took
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
            int casesOpened,
            int casesResolved,
            long casesOpen,
            long casesOverdue,
            double meanCsat,
            CampaignFunnel funnel,
            Analytics analytics,
            ValueSummary value,
            Map<String, Long> events,
            double seconds) {

        void print(PrintStream out) {
            out.println("Guanxi CRM demo - in-memory store, clock fixed at " + AS_OF);
            out.printf(
                    Locale.ROOT,
                    "Loaded %,d customers and %,d purchases (CDNOW sample, Fader & Hardie) in %.1f s%n%n",
                    customers,
                    purchaseRows,
                    seconds);
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
            out.printf(
                    Locale.ROOT,
                    "%nReceivables: %,d invoices overdue, %s outstanding; largest late payers:%n",
                    overdueInvoices,
                    overdueAmount);
            latePayers.forEach(line -> out.println("  " + line));
            out.printf(
                    Locale.ROOT,
                    "%nService: %d cases opened, %d resolved, %d open (%d past their SLA); mean CSAT %.2f%n",
                    casesOpened,
                    casesResolved,
                    casesOpen,
                    casesOverdue,
                    meanCsat);
            out.printf(
                    Locale.ROOT,
                    "Campaign %s funnel: awareness %d -> interest %d -> desire %d -> action %d; cost per action %s%n",
                    "WINBACK-98",
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
            out.println();
            out.println("Customer value (scoring run: 80/20 grading, RFM, credit, loyalty with P(alive) from BG/NBD,"
                    + " selection matrix; purchases since 1997-01-01):");
            value.rules().forEach((rule, counts) -> {
                StringBuilder line = new StringBuilder();
                counts.forEach((label, n) -> {
                    line.append(line.length() == 0 ? "" : ", ")
                            .append(label)
                            .append(' ')
                            .append(n);
                    if (rule.equals(AbcGrading.NAME)) {
                        line.append(String.format(
                                Locale.ROOT,
                                " (%.1f%% of value)",
                                value.gradeShares().get(label)));
                    }
                });
                out.printf(Locale.ROOT, "  %-8s %s%n", rule, line);
            });
            out.printf(Locale.ROOT, "  arrears early warnings: %,d customers%n", value.arrearsWarnings());
            out.println("  models: " + value.models());
            out.println("  why " + value.example().get(0) + " is where it is:");
            value.example().stream().skip(1).forEach(line -> out.println("    " + line));
            out.println("  win-back list (lost and at-risk customers by expected value recovered), top "
                    + value.winBack().size() + ":");
            value.winBack().forEach(line -> out.println("    " + line));
            out.println();
            out.println("Events delivered to listeners after commit:");
            events.forEach((type, n) -> out.printf(Locale.ROOT, "  %-26s %,7d%n", type, n));
        }
    }
}
