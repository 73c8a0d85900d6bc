package dev.guanxi.crm.internal.scoring;

import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.classification.Classification;
import dev.guanxi.crm.classification.ContactDue;
import dev.guanxi.crm.classification.CustomerBase;
import dev.guanxi.crm.classification.RetentionPlans;
import dev.guanxi.crm.classification.Scoring;
import dev.guanxi.crm.classification.ScoringListener;
import dev.guanxi.crm.classification.ScoringReport;
import dev.guanxi.crm.classification.ScoringRequest;
import dev.guanxi.crm.classification.ScoringResult;
import dev.guanxi.crm.classification.WinBackCandidate;
import dev.guanxi.crm.credit.PaymentBehaviour;
import dev.guanxi.crm.credit.PaymentBehaviours;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.NoSuchCustomerException;
import dev.guanxi.crm.event.DomainEvent;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.internal.CrmContext;
import dev.guanxi.crm.internal.marketing.TargetLists;
import dev.guanxi.crm.lifecycle.LifecycleRule;
import dev.guanxi.crm.lifecycle.LifecycleStage;
import dev.guanxi.crm.lifecycle.LifecycleState;
import dev.guanxi.crm.lifecycle.StageTransition;
import dev.guanxi.crm.loyalty.SatisfactionTrend;
import dev.guanxi.crm.marketing.CampaignId;
import dev.guanxi.crm.marketing.CampaignTarget;
import dev.guanxi.crm.marketing.NewCampaignTarget;
import dev.guanxi.crm.money.CurrencyConverter;
import dev.guanxi.crm.money.ExchangeRate;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.Invoice;
import dev.guanxi.crm.sales.OrderLine;
import dev.guanxi.crm.sales.PurchaseScan;
import dev.guanxi.crm.service.CaseKind;
import dev.guanxi.crm.service.SurveyResponse;
import dev.guanxi.crm.spi.storage.ScoreRun;
import dev.guanxi.crm.spi.storage.ScoreSnapshot;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The scoring run: reads the tenant into a {@link CustomerBase} in one read-only unit of work (streaming
 * scans), classifies, then writes snapshots and events batch by batch. Thread-safe (holds no mutable state).
 */
public final class DefaultScoring implements Scoring {
    private final CrmContext context;
    private final TenantId tenant;

    /**
     * @param context the CRM's context
     * @param tenant the tenant
     */
    public DefaultScoring(CrmContext context, TenantId tenant) {
        this.context = context;
        this.tenant = tenant;
    }

    /** The base and what reading it counted. */
    private record Loaded(
            CustomerBase base,
            long purchases,
            List<ExchangeRate> rates,
            Map<String, String> modelAttributes,
            Previous previous) {}

    @Override
    public ScoringReport run(ScoringRequest request) {
        Objects.requireNonNull(request, "request");
        Instant started = context.now();
        Loaded loaded = context.read(tenant, uow -> load(uow, request, context.clock()));
        int n = loaded.base().size();
        ScoringListener listener = request.listener();
        listener.progress(new ScoringListener.Progress(ScoringListener.Phase.READ, n, n, 0));
        ScoringResult result = request.scoring().classify(loaded.base());
        listener.progress(new ScoringListener.Progress(ScoringListener.Phase.CLASSIFIED, n, n, 0));
        Previous previous = loaded.previous();
        UUID runId = UUID.randomUUID();
        ScoreRun initial = new ScoreRun(
                runId,
                request.asOf(),
                started,
                null,
                new java.util.TreeMap<>(Map.of(
                        "customers", String.valueOf(loaded.base().size()),
                        "purchases", String.valueOf(loaded.purchases()),
                        "rules", String.join(",", result.results().keySet()),
                        "currency", request.currency().getCurrencyCode(),
                        "exchangeRates", describe(loaded.rates()))));
        ScoreRun run = withAttributes(initial, loaded.modelAttributes());
        context.write(tenant, scope -> {
            scope.uow().scores().saveRun(run);
            return null;
        });
        int events = 0;
        int written = 0;
        long[] hashes = hashAll(new ResultHash.Layout(result), n);
        for (int from = 0; from < n; from += request.batchSize()) {
            int to = Math.min(n, from + request.batchSize());
            Batch batch = writeBatch(result, hashes, runId, from, to, previous, request.asOf());
            events += batch.events();
            written += batch.written();
            listener.progress(new ScoringListener.Progress(ScoringListener.Phase.WRITING, to, n, written));
        }
        Instant completed = context.now();
        context.write(tenant, scope -> {
            scope.uow().scores().saveRun(run.complete(completed));
            return null;
        });
        listener.progress(new ScoringListener.Progress(ScoringListener.Phase.COMPLETED, n, n, written));
        return new ScoringReport(
                runId,
                request.asOf(),
                n,
                loaded.purchases(),
                written,
                events,
                Duration.between(started, completed),
                result,
                run.attributes());
    }

    @Override
    public List<Classification> scoreCustomer(CustomerId customerId, ScoringRequest request) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(request, "request");
        Loaded loaded = context.read(tenant, uow -> {
            if (uow.customers().find(customerId).isEmpty()) {
                throw new NoSuchCustomerException(customerId);
            }
            return load(uow, request, context.clock());
        });
        ScoringResult result = request.scoring().classify(loaded.base());
        int i = result.indexOf(customerId);
        Previous previous = new Previous(result.base().size());
        context.read(tenant, uow -> uow.scores().find(customerId)).ifPresent(s -> previous.put(i, s));
        UUID runId = UUID.randomUUID();
        context.write(tenant, scope -> {
            scope.uow()
                    .scores()
                    .saveRun(new ScoreRun(
                            runId,
                            request.asOf(),
                            scope.now(),
                            scope.now(),
                            withAttributes(
                                    new java.util.TreeMap<>(Map.of("customer", customerId.toString())),
                                    loaded.modelAttributes())));
            return null;
        });
        long[] hash = new long[2];
        new ResultHash.Layout(result).hash(i, hash);
        long[] hashes = new long[2 * result.base().size()];
        hashes[2 * i] = hash[0];
        hashes[2 * i + 1] = hash[1];
        writeBatch(result, hashes, runId, i, i + 1, previous, request.asOf());
        return result.explain(i);
    }

    @Override
    public Optional<ScoreSnapshot> snapshot(CustomerId customerId) {
        Objects.requireNonNull(customerId, "customerId");
        return context.read(tenant, uow -> uow.scores().find(customerId));
    }

    @Override
    public dev.guanxi.crm.query.Page<ScoreSnapshot> snapshots(dev.guanxi.crm.query.PageRequest page) {
        Check.required("page", page);
        return context.read(tenant, uow -> uow.scores().list(page));
    }

    /** Customers per task of {@link #hashAll}. */
    private static final int HASH_BLOCK = 8192;

    /**
     * Every customer's result hash, customer {@code i}'s lanes at {@code 2i} and {@code 2i + 1}. Hashing reads
     * only the run's immutable results and the SDK's own code (no host rule, guard or listener runs here), so the
     * blocks are hashed in parallel on the common fork-join pool; the result does not depend on the split.
     */
    static long[] hashAll(ResultHash.Layout layout, int n) {
        long[] hashes = new long[2 * n];
        java.util.stream.IntStream.range(0, (n + HASH_BLOCK - 1) / HASH_BLOCK)
                .parallel()
                .forEach(block -> {
                    long[] hash = new long[2];
                    for (int i = block * HASH_BLOCK, end = Math.min(n, i + HASH_BLOCK); i < end; i++) {
                        layout.hash(i, hash);
                        hashes[2 * i] = hash[0];
                        hashes[2 * i + 1] = hash[1];
                    }
                });
        return hashes;
    }

    /** What one batch wrote. */
    private record Batch(int written, int events) {}

    /**
     * Writes one batch in one transaction: the snapshots whose results changed (a customer whose labels and
     * metrics hash to the stored snapshot's hash is skipped, so a rerun after a crash writes only the rest) and
     * the events of the changes.
     */
    private Batch writeBatch(
            ScoringResult result, long[] hashes, UUID runId, int from, int to, Previous previous, LocalDate asOf) {
        return context.write(tenant, scope -> {
            ResultBatch.Builder rows = new ResultBatch.Builder(result, runId, to - from);
            List<DomainEvent> events = new ArrayList<>();
            List<StageTransition> transitions = new ArrayList<>();
            LifecycleRule.Moves moves = keepsLifecycleLog(scope.uow())
                    ? result.result(LifecycleRule.NAME)
                            .flatMap(r -> r.attachment(LifecycleRule.Moves.class))
                            .orElse(null)
                    : null;
            for (int i = from; i < to; i++) {
                long high = hashes[2 * i];
                long low = hashes[2 * i + 1];
                if (!previous.sameHash(i, high, low)) {
                    rows.add(i, high, low);
                }
            }
            // the changed customers as views over the run's results: no snapshot, map or reason is built here
            ResultBatch batch = rows.build();
            if (batch.size() > 0) {
                scope.uow().scores().upsertBatch(batch);
            }
            java.util.function.Supplier<dev.guanxi.crm.event.EventMetadata> metadata = scope::metadata;
            for (int row = 0; row < batch.size(); row++) {
                int i = batch.index(row);
                if (moves != null) {
                    moves.of(i).ifPresent(transitions::add);
                }
                dev.guanxi.crm.spi.storage.ScoreView after = batch.view(row);
                for (ScoringEvents.Detector detector : ScoringEvents.DETECTORS) {
                    detector.detect(result, i, previous, after, metadata, asOf).ifPresent(events::add);
                }
            }
            if (!transitions.isEmpty()) {
                scope.uow().lifecycle().appendAll(transitions);
            }
            events.forEach(scope::publish);
            return new Batch(batch.size(), events.size());
        });
    }

    private static java.util.SortedMap<String, String> withAttributes(
            java.util.SortedMap<String, String> attributes, Map<String, String> more) {
        java.util.TreeMap<String, String> all = new java.util.TreeMap<>(attributes);
        all.putAll(more);
        return all;
    }

    private static ScoreRun withAttributes(ScoreRun run, Map<String, String> more) {
        if (more.isEmpty()) {
            return run;
        }
        java.util.TreeMap<String, String> all = new java.util.TreeMap<>(run.attributes());
        all.putAll(more);
        return new ScoreRun(run.id(), run.asOf(), run.startedAt(), run.completedAt(), all);
    }

    /** The rates used, one per line: {@code EUR->USD 1.08335 of 2026-06-30}. */
    private static String describe(List<ExchangeRate> rates) {
        StringBuilder s = new StringBuilder();
        for (ExchangeRate r : rates) {
            if (s.length() > ScoreRun.VALUE_MAX - 200) {
                s.append("...");
                break;
            }
            s.append(s.length() == 0 ? "" : "\n")
                    .append(r.from())
                    .append("->")
                    .append(r.to())
                    .append(' ')
                    .append(r.rate().toPlainString())
                    .append(" of ")
                    .append(r.date());
        }
        return s.length() == 0 ? "none" : s.toString();
    }

    /**
     * Reads every customer's latest snapshot once and keeps only what the run needs (see {@link Previous}): the
     * hash and the labels the event detectors compare with, and the lifecycle history — the current stage from
     * the transition log if the store keeps one (else from the snapshot), the credit grade and the day of the
     * evaluation — as an {@link LifecycleRule.IndexedHistory} attached to the base. Snapshots of customers who
     * are not in the base are ignored. O(snapshots).
     */
    private static Previous previousResults(UnitOfWork uow, CustomerBase.Builder b, LocalDate asOf) {
        int n = b.size();
        Previous previous = new Previous(n);
        LifecycleRule.IndexedHistory.Builder history = LifecycleRule.IndexedHistory.builder(n);
        boolean logged = keepsLifecycleLog(uow);
        uow.scores().scan(s -> {
            int i = b.indexOf(s.customerId());
            if (i < 0) {
                return;
            }
            previous.put(i, s);
            String stage = s.label(LifecycleRule.NAME);
            java.math.BigDecimal since = s.metric(LifecycleRule.NAME + ".sinceDay");
            if (!logged && stage != null && since != null) {
                history.state(
                        i,
                        LifecycleState.of(
                                LifecycleStage.valueOf(stage),
                                LocalDate.ofEpochDay(since.longValue())
                                        .atStartOfDay(ZoneOffset.UTC)
                                        .toInstant()));
            }
            java.math.BigDecimal grade = s.metric("credit.gradeIndex");
            if (grade != null) {
                history.creditGrade(i, grade.intValue());
            }
            history.evaluatedOn(i, s.asOf());
            if (stage != null && !s.asOf().isBefore(asOf)) {
                // a rerun for the same day: the lifecycle keeps what this snapshot reported
                java.math.BigDecimal moved = s.metric(LifecycleRule.NAME + ".moved");
                java.math.BigDecimal vetoed = s.metric(LifecycleRule.NAME + ".vetoed");
                history.evaluation(
                        i,
                        LifecycleStage.valueOf(stage),
                        moved != null && moved.signum() != 0,
                        vetoed != null && vetoed.signum() != 0);
            }
        });
        if (logged) {
            uow.lifecycle().scanCurrent((id, state) -> {
                int i = b.indexOf(id);
                if (i >= 0) {
                    history.state(i, state);
                }
            });
        }
        b.attach(LifecycleRule.IndexedHistory.class, history.build());
        return previous;
    }

    /** Whether the store keeps lifecycle transition logs ({@link UnitOfWork#lifecycle()} is not the default). */
    static boolean keepsLifecycleLog(UnitOfWork uow) {
        try {
            uow.lifecycle();
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    /** Each customer's stored 80/20 grade and lifecycle stage (either may be null). */
    private static Map<CustomerId, String[]> gradesAndStages(UnitOfWork uow) {
        Map<CustomerId, String[]> labels = new HashMap<>();
        uow.scores().scan(s -> labels.put(s.customerId(), new String[] {s.label("abc"), s.label("lifecycle")}));
        return labels;
    }

    private static Loaded load(UnitOfWork uow, ScoringRequest request, java.time.Clock clock) {
        LocalDate asOf = request.asOf();
        CurrencyConverter converter = CurrencyConverter.to(request.currency(), request.rates());
        CustomerBase.Builder b = CustomerBase.builder(asOf, request.currency()).recentDays(request.recentDays());
        Map<Integer, Money> limits = new HashMap<>();
        uow.customers().scan(c -> {
            int i = b.customer(
                    c.id(),
                    c.region(),
                    c.customerType(),
                    c.owner() == null ? null : c.owner().value());
            if (c.creditLimit() != null) {
                limits.put(i, c.creditLimit());
            }
        });
        long[] purchases = {0};
        int n = b.size();
        // one scan of every purchase up to the as-of day: the value period's go into the base; all of them give
        // each customer's lifetime purchases (the lifecycle judges silence by the last purchase ever, which may
        // lie before the value period) and, with models, the transaction log the models are fitted on
        double[] everCount = new double[n];
        double[] everFirst = new double[n];
        double[] everLast = new double[n];
        dev.guanxi.crm.analytics.TransactionLog log = request.models().enabled()
                ? new dev.guanxi.crm.analytics.TransactionLog(Money.scaleOf(request.currency()))
                : null;
        int valueFrom = (int) request.valueFrom().toEpochDay();
        // the scan comes in customer order: one index lookup per customer, not per purchase
        CustomerId[] lastId = {null};
        int[] lastIndex = {-1};
        uow.orders().scanPurchases(new PurchaseScan(null, asOf), (id, date, minor, currency) -> {
            int i;
            if (id == lastId[0] || id.equals(lastId[0])) {
                i = lastIndex[0];
            } else {
                i = b.indexOf(id);
                lastId[0] = id;
                lastIndex[0] = i;
            }
            if (i < 0) {
                return;
            }
            int day = (int) date.toEpochDay();
            if (everCount[i] == 0 || day < everFirst[i]) {
                everFirst[i] = day;
            }
            if (everCount[i] == 0 || day > everLast[i]) {
                everLast[i] = day;
            }
            everCount[i]++;
            boolean inPeriod = day >= valueFrom;
            if (!inPeriod && log == null) {
                return;
            }
            long minorBase = converter.toBaseMinor(minor, currency, date);
            if (inPeriod) {
                b.purchase(i, day, minorBase);
                purchases[0]++;
            }
            if (log != null) {
                log.add(i, day, minorBase); // by the base's customer index: Models maps summaries back by it
            }
        });
        b.column(LifecycleRule.PURCHASES_EVER_COLUMN, everCount)
                .column(LifecycleRule.FIRST_PURCHASE_EVER_COLUMN, everFirst)
                .column(LifecycleRule.LAST_PURCHASE_EVER_COLUMN, everLast);
        if (request.margins() != null) {
            uow.orders().scan(order -> {
                int i = b.indexOf(order.customerId());
                if (i < 0
                        || !order.isPlaced()
                        || order.orderDate().isBefore(request.valueFrom())
                        || order.orderDate().isAfter(asOf)) {
                    return;
                }
                long margin = 0;
                for (OrderLine line : order.lines()) {
                    Money m = request.margins().margin(order, line);
                    margin = Math.addExact(
                            margin, converter.toBaseMinor(m.minorUnits(), m.currency(), order.orderDate()));
                }
                b.margin(i, margin);
            });
        }
        Map<Integer, List<Invoice>> invoices = new HashMap<>();
        uow.invoices().scan(invoice -> {
            int i = b.indexOf(invoice.customerId());
            if (i < 0 || invoice.issueDate().isAfter(asOf)) {
                return;
            }
            invoices.computeIfAbsent(i, k -> new ArrayList<>()).add(invoice);
            if (invoice.isOverdue(asOf)) {
                b.overdue(i, converter.toBaseMinor(invoice.outstanding().minorUnits(), invoice.currency(), asOf));
            }
        });
        PaymentBehaviours.Builder behaviours = PaymentBehaviours.builder(request.currency(), n);
        PaymentBehaviour none = PaymentBehaviour.of(List.of(), null, asOf, converter);
        for (int i = 0; i < n; i++) {
            List<Invoice> list = invoices.get(i);
            Money limit = limits.get(i);
            behaviours.add(
                    list == null && limit == null
                            ? none
                            : PaymentBehaviour.of(list == null ? List.of() : list, limit, asOf, converter));
        }
        b.attach(PaymentBehaviours.class, behaviours.build());
        double[] cases = new double[n];
        double[] complaints = new double[n];
        double[] complaintsOpen = new double[n];
        double[] complaintsResolved = new double[n];
        double[] complaintsReopened = new double[n];
        double[] overdueCases = new double[n];
        Instant endOfDay = asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        uow.serviceCases().scan(c -> {
            int i = b.indexOf(c.customerId());
            LocalDate opened = LocalDate.ofInstant(c.openedAt(), ZoneOffset.UTC);
            if (i < 0 || opened.isAfter(asOf)) {
                return;
            }
            if (!opened.isBefore(request.valueFrom())) {
                cases[i]++;
            }
            if (c.isOverdue(endOfDay)) {
                overdueCases[i]++;
            }
            if (c.kind() == CaseKind.COMPLAINT) {
                complaints[i]++;
                complaintsReopened[i] += c.reopenCount();
                if (c.isActive()) {
                    complaintsOpen[i]++;
                } else {
                    complaintsResolved[i]++;
                }
            }
        });
        double[] aida = new double[n];
        uow.campaignResponses().scan(r -> {
            int i = b.indexOf(r.customerId());
            if (i < 0) {
                return;
            }
            for (dev.guanxi.crm.marketing.StageReached reached : r.history()) {
                if (!LocalDate.ofInstant(reached.at(), ZoneOffset.UTC).isAfter(asOf)) {
                    aida[i] = Math.max(aida[i], reached.stage().ordinal() + 1);
                }
            }
        });
        b.column(LifecycleRule.AIDA_COLUMN, aida);
        Map<Integer, List<SurveyResponse>> surveys = new HashMap<>();
        uow.surveyResponses().scan(r -> {
            int i = b.indexOf(r.customerId());
            if (i >= 0 && !LocalDate.ofInstant(r.respondedAt(), ZoneOffset.UTC).isAfter(asOf)) {
                surveys.computeIfAbsent(i, k -> new ArrayList<>()).add(r);
            }
        });
        double[] satisfactionMean = new double[n];
        double[] satisfactionSlope = new double[n];
        double[] surveyCount = new double[n];
        java.util.Arrays.fill(satisfactionMean, Double.NaN);
        java.util.Arrays.fill(satisfactionSlope, Double.NaN);
        surveys.forEach((i, list) -> {
            SatisfactionTrend trend = SatisfactionTrend.of(list);
            satisfactionMean[i] = trend.mean();
            satisfactionSlope[i] = trend.slopePerYear();
            surveyCount[i] = trend.count();
        });
        b.column("serviceCases", cases)
                .column("complaints", complaints)
                .column("complaintsOpen", complaintsOpen)
                .column("complaintsResolved", complaintsResolved)
                .column("complaintsReopened", complaintsReopened)
                .column("overdueCases", overdueCases)
                .column("satisfactionMean", satisfactionMean)
                .column("satisfactionSlope", satisfactionSlope)
                .column("surveys", surveyCount);
        Previous previous = previousResults(uow, b, asOf);
        Instant endOfAsOf =
                asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1);
        Instant now = clock.instant();
        b.attach(
                dev.guanxi.crm.lifecycle.LifecycleContext.class,
                new dev.guanxi.crm.lifecycle.LifecycleContext(asOf, now.isBefore(endOfAsOf) ? now : endOfAsOf));
        Map<String, String> models = log != null ? Models.apply(uow, request, log, b) : Map.of();
        return new Loaded(b.build(), purchases[0], converter.ratesUsed(), models, previous);
    }

    @Override
    public List<ContactDue> contactsDue(RetentionPlans plans, LocalDate asOf, StaffId owner) {
        Objects.requireNonNull(plans, "plans");
        Objects.requireNonNull(asOf, "asOf");
        return context.read(tenant, uow -> {
            Map<CustomerId, LocalDate> lastContact = new HashMap<>();
            uow.interactions().scan(x -> {
                LocalDate day = LocalDate.ofInstant(x.occurredAt(), ZoneOffset.UTC);
                if (!day.isAfter(asOf)) {
                    lastContact.merge(x.customerId(), day, (a, b) -> a.isAfter(b) ? a : b);
                }
            });
            Map<CustomerId, String[]> labels = gradesAndStages(uow);
            List<ContactDue> due = new ArrayList<>();
            uow.customers().scan(c -> {
                if (owner != null && !owner.equals(c.owner())) {
                    return;
                }
                String[] l = labels.getOrDefault(c.id(), new String[2]);
                String grade = l[0];
                String stage = l[1];
                plans.planFor(grade, stage).ifPresent(plan -> {
                    LocalDate last = lastContact.get(c.id());
                    LocalDate since = last != null ? last : LocalDate.ofInstant(c.createdAt(), ZoneOffset.UTC);
                    long overdue = java.time.temporal.ChronoUnit.DAYS.between(since, asOf) - plan.contactEveryDays();
                    if (overdue >= 0) {
                        due.add(new ContactDue(c.id(), c.displayName(), c.owner(), grade, stage, plan, last, overdue));
                    }
                });
            });
            due.sort(java.util.Comparator.comparingLong(ContactDue::daysOverdue)
                    .reversed()
                    .thenComparing(d -> d.customerId().value().toString()));
            return List.copyOf(due);
        });
    }

    @Override
    public List<WinBackCandidate> winBackList(int limit) {
        if (limit < 0) {
            throw new dev.guanxi.crm.ValidationException(
                    "limit", dev.guanxi.crm.ValidationRule.OUT_OF_RANGE, "limit must be 0 or more");
        }
        return context.read(tenant, uow -> {
            Map<CustomerId, dev.guanxi.crm.spi.storage.ScoreView> snapshots = new HashMap<>();
            uow.scores().scan(s -> snapshots.put(s.customerId(), s));
            List<WinBackCandidate> candidates = new ArrayList<>();
            uow.customers().scan(c -> {
                dev.guanxi.crm.spi.storage.ScoreView s = snapshots.get(c.id());
                if (s == null) {
                    return;
                }
                java.math.BigDecimal alive = s.metric("model.pAlive");
                java.math.BigDecimal clv = s.metric("model.clv");
                String stage = s.label("lifecycle");
                boolean candidate = stage != null
                        ? stage.equals("LOST") || stage.equals("AT_RISK")
                        : alive != null && alive.doubleValue() < 0.5;
                if (!candidate || alive == null || clv == null) {
                    return;
                }
                double p = Math.max(0.01, alive.doubleValue());
                double value = Math.max(0, clv.doubleValue()) / p;
                java.math.BigDecimal loyalty = s.metric("loyalty.score");
                double recoverability = loyalty == null ? 0.5 : Math.max(0, Math.min(1, loyalty.doubleValue() / 100));
                double expected = value * recoverability;
                String why = String.format(
                        java.util.Locale.ROOT,
                        "%s: worth %,.2f if won back (CLV %,.2f / P(alive) %.2f) x recoverability %.2f (loyalty %s)"
                                + " = %,.2f expected",
                        stage == null ? "P(alive) < 0.5" : stage,
                        value,
                        clv.doubleValue(),
                        alive.doubleValue(),
                        recoverability,
                        loyalty == null
                                ? "unknown"
                                : loyalty.setScale(1, java.math.RoundingMode.HALF_UP)
                                        .toPlainString(),
                        expected);
                candidates.add(new WinBackCandidate(
                        c.id(),
                        c.displayName(),
                        stage == null ? "P(alive) < 0.5" : stage,
                        value,
                        recoverability,
                        expected,
                        why));
            });
            candidates.sort(java.util.Comparator.comparingDouble(WinBackCandidate::expectedRecovery)
                    .reversed()
                    .thenComparing(w -> w.customerId().value().toString()));
            return List.copyOf(candidates.subList(0, Math.min(limit, candidates.size())));
        });
    }

    @Override
    public List<WinBackCandidate> targetWinBack(CampaignId campaign, int limit) {
        Check.required("campaignId", campaign);
        Check.range("limit", limit, 0, NewCampaignTarget.MAX_PER_CALL);
        List<WinBackCandidate> top = winBackList(limit);
        List<NewCampaignTarget> targets = new ArrayList<>(top.size());
        for (int i = 0; i < top.size(); i++) {
            WinBackCandidate c = top.get(i);
            String reason = c.reason();
            if (reason.codePointCount(0, reason.length()) > Check.LINE_MAX) {
                reason = reason.substring(0, reason.offsetByCodePoints(0, Check.LINE_MAX));
            }
            targets.add(new NewCampaignTarget(
                    c.customerId(),
                    CampaignTarget.WIN_BACK,
                    i + 1,
                    c.expectedRecovery(),
                    reason.isBlank() ? null : reason));
        }
        // Checked before the unit of work opens, as the marketing API does; the campaign is checked in it even
        // when the list is empty, so an unknown or closed campaign is reported either way.
        List<NewCampaignTarget> checked = TargetLists.checked(targets);
        context.write(tenant, scope -> TargetLists.add(scope, campaign, checked));
        return top;
    }
}
