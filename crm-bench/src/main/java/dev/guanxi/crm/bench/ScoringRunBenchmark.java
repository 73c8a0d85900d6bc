package dev.guanxi.crm.bench;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.analytics.BgNbdModel;
import dev.guanxi.crm.analytics.CustomerSummaries;
import dev.guanxi.crm.analytics.GammaGammaModel;
import dev.guanxi.crm.analytics.ModelFit;
import dev.guanxi.crm.analytics.PeriodUnit;
import dev.guanxi.crm.analytics.TransactionLog;
import dev.guanxi.crm.classification.Classifications;
import dev.guanxi.crm.classification.ScoringListener;
import dev.guanxi.crm.classification.ScoringModels;
import dev.guanxi.crm.classification.ScoringReport;
import dev.guanxi.crm.classification.ScoringRequest;
import dev.guanxi.crm.event.LifecycleStageChanged;
import dev.guanxi.crm.jdbc.JdbcStorage;
import dev.guanxi.crm.lifecycle.LifecycleRule;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.PurchaseScan;
import dev.guanxi.crm.spi.storage.ScoreView;
import dev.guanxi.crm.spi.storage.Storage;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import dev.guanxi.crm.spi.storage.UnitOfWorkContext;
import dev.guanxi.crm.storage.memory.InMemoryStorage;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The full scoring run of issue 6 through the storage path: {@code crm.tenant(t).scoring().run(...)} with the
 * standard rules (80/20 grading, RFM, credit, loyalty, lifecycle, selection matrix) and the customer-base models
 * (BG/NBD + Gamma-Gamma), over a tenant loaded into the chosen store.
 *
 * <ol>
 *   <li>Loads the deterministic tenant of {@link ScoringRunData} (default 1,000,000 customers, 10,000,000
 *       purchases) with the repositories' {@code insertAll}, one store transaction per batch, except the orders
 *       of the 30 days after run 1's day. Loading is timed on its own and is not part of the runs.
 *   <li>Run 1 on {@link ScoringRunData#RUN_1}: the first placement — every customer gets a snapshot, a lifecycle
 *       stage (first placement events) and a grade; the models are fitted.
 *   <li>The orders of the next 30 days are inserted (timed on their own), as a host's sales would be.
 *   <li>Run 2 thirty days later ({@link ScoringRunData#RUN_2}, seeing the purchases of those 30 days): the
 *       lifecycle is re-evaluated from the stored states, the models are reused from run 1 ({@code --run2-models
 *       refit} fits again), and customers whose results did not change are not rewritten.
 *   <li>Run 3 ({@code --rerun true}, the default): run 2 again on the same day with nothing changed (the cost of
 *       a rerun, e.g. after a crash): no events; only the customers whose results differ from their stored
 *       snapshot are written — those whose lifecycle stage moved in run 2 (their {@code lifecycle.moved} and
 *       reason change when they stay).
 *   <li>Optionally ({@code --breakdown true}) the store's parts of a run, each timed alone after run 2 in a
 *       read-only unit of work: the scans of customers, purchases (value period; all, as the models read them),
 *       invoices, service cases and surveys, one scan of the stored snapshots reading the five values a run reads
 *       and one building every snapshot, and the model fit itself. Each
 *       is called twice: the in-memory store caches its sorted views (scan order) until a table is next written,
 *       so there the first call may already hit a view that run 2 built; the JDBC stores cache nothing.
 * </ol>
 *
 * <p>Each run is split by the {@link ScoringListener} phases: {@code READ} (reading the tenant and fitting or
 * reusing the models: the run fits inside its read), {@code CLASSIFIED} (the rules), the first {@code WRITING}
 * (reading the previous snapshots plus the first batch), the other batches, {@code COMPLETED}. It prints the
 * used heap at each phase, the sum of the heap pools' peaks, the live heap after a full GC (outside the runs),
 * the GC time and the run thread's CPU time, the counts (snapshots written, events by type, lifecycle stages) and
 * the 1-minute load average, so that every figure of docs/BENCHMARKS.md can be read off one log.
 *
 * <p>Usage: {@code java -Xmx12g -cp crm-bench/target/crm-bench.jar dev.guanxi.crm.bench.ScoringRunBenchmark
 * [--store memory|h2file|postgresql] [--customers N] [--purchases P] [--seed S] [--batch B] [--load-batch L]
 * [--run2-models reuse|refit] [--breakdown true|false] [--dir DIR] [--keep true]}. See docs/BENCHMARKS.md.
 *
 * <p>Not thread-safe; a command-line tool.
 */
public final class ScoringRunBenchmark {
    private final Options options;
    private final PrintStream out;
    private final Map<String, AtomicLong> events = new ConcurrentHashMap<>();
    private final AtomicLong firstPlacements = new AtomicLong();

    ScoringRunBenchmark(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /**
     * Runs the benchmark.
     *
     * @param args the options (see the class comment)
     * @throws Exception if the store cannot be started or fails
     */
    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        new ScoringRunBenchmark(options, System.out).run();
    }

    /** The command-line options. */
    record Options(
            String store,
            int customers,
            long purchases,
            long seed,
            int batch,
            int loadBatch,
            boolean refitRun2,
            boolean rerun,
            boolean breakdown,
            Path dir,
            boolean keep) {
        static final String USAGE = "usage: ScoringRunBenchmark [--store memory|h2file|postgresql] [--customers N]"
                + " [--purchases P] [--seed S] [--batch B] [--load-batch L] [--run2-models reuse|refit]"
                + " [--rerun true|false] [--breakdown true|false] [--dir DIR] [--keep true]";

        static Options parse(String... args) {
            String store = "memory";
            int customers = 1_000_000;
            long purchases = 10_000_000;
            long seed = 42;
            int batch = ScoringRequest.DEFAULT_BATCH;
            int loadBatch = 0;
            boolean refit = false;
            boolean rerun = true;
            boolean breakdown = true;
            Path dir = Path.of("crm-bench", "target", "scoring-run-bench");
            boolean keep = false;
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value after " + name);
                }
                String value = args[++i].replace("_", "");
                switch (name) {
                    case "--store" -> {
                        if (!List.of("memory", "h2file", "postgresql").contains(value)) {
                            throw new IllegalArgumentException("--store: memory, h2file or postgresql, not " + value);
                        }
                        store = value;
                    }
                    case "--customers" -> customers = (int) atLeast(name, value, 1);
                    case "--purchases" -> purchases = atLeast(name, value, 0);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--batch" -> batch = (int) atLeast(name, value, 1);
                    case "--load-batch" -> loadBatch = (int) atLeast(name, value, 1);
                    case "--run2-models" -> {
                        if (!value.equals("reuse") && !value.equals("refit")) {
                            throw new IllegalArgumentException("--run2-models: reuse or refit, not " + value);
                        }
                        refit = value.equals("refit");
                    }
                    case "--rerun" -> rerun = Boolean.parseBoolean(value);
                    case "--breakdown" -> breakdown = Boolean.parseBoolean(value);
                    case "--dir" -> dir = Path.of(value);
                    case "--keep" -> keep = Boolean.parseBoolean(value);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if (loadBatch == 0) {
                loadBatch = store.equals("memory") ? 10_000 : 5_000;
            }
            return new Options(store, customers, purchases, seed, batch, loadBatch, refit, rerun, breakdown, dir, keep);
        }

        private static long atLeast(String name, String value, long min) {
            long v = Long.parseLong(value);
            if (v < min) {
                throw new IllegalArgumentException(name + " must be at least " + min + ": " + v);
            }
            return v;
        }
    }

    /** The timestamps of one run's phases, from the listener. */
    private static final class Phases implements ScoringListener {
        final long start = System.nanoTime();
        long read;
        long classified;
        long firstBatch;
        long completed;
        int batches;
        long heapAtRead;
        long heapAtClassified;
        long maxHeapWriting;
        int written;

        @Override
        public void progress(Progress p) {
            long now = System.nanoTime();
            switch (p.phase()) {
                case READ -> {
                    read = now;
                    heapAtRead = usedHeap();
                }
                case CLASSIFIED -> {
                    classified = now;
                    heapAtClassified = usedHeap();
                }
                case WRITING -> {
                    if (batches++ == 0) {
                        firstBatch = now;
                    }
                    if ((batches & 15) == 1) {
                        maxHeapWriting = Math.max(maxHeapWriting, usedHeap());
                    }
                }
                case COMPLETED -> {
                    completed = now;
                    written = p.written();
                }
            }
        }
    }

    /**
     * What one run did.
     *
     * @param name the run
     * @param customers customers scored
     * @param written snapshots written
     * @param events events published
     * @param eventsByType events published by simple class name
     * @param firstPlacements lifecycle events placing a customer for the first time
     * @param modelStatus the run's {@code model.status} attribute
     * @param seconds the run's wall-clock time
     * @param row the run's row of the markdown table
     */
    record RunResult(
            String name,
            int customers,
            int written,
            long events,
            Map<String, Long> eventsByType,
            long firstPlacements,
            String modelStatus,
            double seconds,
            String row) {}

    List<RunResult> run() throws IOException {
        Runtime rt = Runtime.getRuntime();
        out.printf(
                Locale.ROOT,
                "java %s (%s), %d processors, max heap %.0f MiB, GC %s%n",
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"),
                rt.availableProcessors(),
                rt.maxMemory() / 1048576.0,
                ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(GarbageCollectorMXBean::getName)
                        .toList());
        out.println("options: " + options);
        out.println("load average at start: " + loadAverage());
        BenchDatabase db = null;
        Storage storage;
        if (options.store.equals("memory")) {
            storage = new InMemoryStorage();
        } else {
            long t = System.nanoTime();
            Files.createDirectories(options.dir);
            db = BenchDatabase.start(
                    options.store.equals("h2file") ? "h2" : "postgresql",
                    options.dir.resolve(options.store),
                    options.keep);
            storage = JdbcStorage.builder(db.dataSource())
                    .dialect(db.dialect())
                    .fetchSize(10_000)
                    .build();
            out.printf(Locale.ROOT, "store: %s, started in %.1f s%n", db.name(), seconds(t));
        }
        try (Crm crm = Crm.builder()
                .storage(storage)
                .listener(e -> {
                    events.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicLong())
                            .incrementAndGet();
                    if (e instanceof LifecycleStageChanged c && c.from() == null) {
                        firstPlacements.incrementAndGet();
                    }
                })
                .build()) {
            ScoringRunData data = new ScoringRunData(options.seed, options.customers, options.purchases);
            load(storage, data, db);
            TenantCrm tenant = crm.tenant(ScoringRunData.TENANT);
            ScoringModels models = ScoringModels.bgNbdGammaGamma();
            List<RunResult> runs = new ArrayList<>();
            runs.add(run(tenant, "run 1 (first placement, models fitted)", ScoringRunData.RUN_1, models));
            long t = System.nanoTime();
            long[] later = insertOrders(storage, data, true);
            out.printf(
                    Locale.ROOT,
                    "%nbetween the runs: the %,d orders of the next 30 days inserted in %.1f s (total %s)%n",
                    later[0],
                    seconds(t),
                    Money.ofMinor(later[1], ScoringRunData.EUR));
            runs.add(run(
                    tenant,
                    "run 2 (+30 days, models " + (options.refitRun2 ? "refitted" : "reused") + ")",
                    ScoringRunData.RUN_2,
                    options.refitRun2 ? models.withRefit() : models));
            if (options.rerun) {
                runs.add(run(tenant, "run 3 (run 2 again, nothing changed)", ScoringRunData.RUN_2, models));
            }
            if (options.breakdown) {
                breakdown(storage);
            }
            out.println();
            out.println("| run | total s | read + models s | classify s | previous snapshots + 1st batch s"
                    + " | other batches s | snapshots written | events | used heap at read / classified / max"
                    + " writing MiB | heap pools' peak MiB | live after GC MiB | GC s | CPU s | load |");
            out.println("|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|");
            runs.forEach(r -> out.println(r.row()));
            return runs;
        } finally {
            if (db != null) {
                db.close();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------- load

    private void load(Storage storage, ScoringRunData data, BenchDatabase db) {
        out.printf(
                Locale.ROOT,
                "%nloading %,d customers (%,d buyers), %,d purchases; batches of %,d (not timed as part of the runs)%n",
                options.customers,
                data.buyers(),
                data.purchases(),
                options.loadBatch);
        long t = System.nanoTime();
        long[] n = new long[1];
        data.customers(
                options.loadBatch,
                list -> insert(storage, uow -> uow.customers().insertAll(list), n, list.size()));
        out.printf(Locale.ROOT, "  customers        %,12d in %7.1f s%n", n[0], seconds(t));
        long t2 = System.nanoTime();
        long[] orders = insertOrders(storage, data, false);
        out.printf(
                Locale.ROOT,
                "  orders up to run 1's day %,12d in %7.1f s (%,.0f rows/s), total %s%n",
                orders[0],
                seconds(t2),
                orders[0] / seconds(t2),
                Money.ofMinor(orders[1], ScoringRunData.EUR));
        long t3 = System.nanoTime();
        n[0] = 0;
        int overdue = data.invoices(
                options.loadBatch, list -> insert(storage, uow -> uow.invoices().insertAll(list), n, list.size()));
        out.printf(
                Locale.ROOT,
                "  invoices         %,12d in %7.1f s (%,d overdue on run 1's day)%n",
                n[0],
                seconds(t3),
                overdue);
        long t4 = System.nanoTime();
        n[0] = 0;
        int complaints = data.serviceCases(
                options.loadBatch,
                list -> insert(storage, uow -> uow.serviceCases().insertAll(list), n, list.size()));
        out.printf(
                Locale.ROOT, "  service cases    %,12d in %7.1f s (%,d complaints)%n", n[0], seconds(t4), complaints);
        long t5 = System.nanoTime();
        n[0] = 0;
        data.surveys(
                options.loadBatch,
                list -> insert(storage, uow -> uow.surveyResponses().insertAll(list), n, list.size()));
        out.printf(Locale.ROOT, "  survey responses %,12d in %7.1f s%n", n[0], seconds(t5));
        if (db != null) {
            long t6 = System.nanoTime();
            db.analyze(List.of(
                    "guanxi_customer",
                    "guanxi_order",
                    "guanxi_order_line",
                    "guanxi_invoice",
                    "guanxi_service_case",
                    "guanxi_survey_response"));
            out.printf(
                    Locale.ROOT,
                    "  analyze + checkpoint in %.1f s; on disk %.0f MiB%n",
                    seconds(t6),
                    db.sizeOnDiskMiB());
        }
        out.printf(Locale.ROOT, "loaded in %.1f s; load average %s%n", seconds(t), loadAverage());
        gc();
        out.printf(Locale.ROOT, "live heap after loading (after a full GC): %.0f MiB%n", usedHeap() / 1048576.0);
    }

    /** Inserts the orders up to run 1's day or those after it; returns their count and total in cents. */
    private long[] insertOrders(Storage storage, ScoringRunData data, boolean afterRun1) {
        long t = System.nanoTime();
        long[] n = new long[1];
        return data.orders(
                options.loadBatch,
                list -> {
                    insert(storage, uow -> uow.orders().insertAll(list), n, list.size());
                    if (n[0] % 1_000_000 < list.size() && n[0] >= 1_000_000) {
                        out.printf(Locale.ROOT, "    %,d orders, %.0f s, load %s%n", n[0], seconds(t), loadAverage());
                    }
                },
                afterRun1);
    }

    private static void insert(Storage storage, java.util.function.Consumer<UnitOfWork> work, long[] n, int size) {
        storage.inTransaction(UnitOfWorkContext.write(ScoringRunData.TENANT), uow -> {
            work.accept(uow);
            return null;
        });
        n[0] += size;
    }

    // ------------------------------------------------------------------------------------------------- runs

    private RunResult run(TenantCrm tenant, String name, LocalDate asOf, ScoringModels models) {
        gc();
        events.clear();
        firstPlacements.set(0);
        String load = loadAverage();
        out.printf(Locale.ROOT, "%n== %s: as of %s (load average %s) ==%n", name, asOf, load);
        List<MemoryPoolMXBean> pools = heapPools();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long gcBefore = gcMillis();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuBefore = threads.getCurrentThreadCpuTime();
        Phases phases = new Phases();
        ScoringRequest request = ScoringRequest.of(asOf, ScoringRunData.EUR)
                .withModels(models)
                .withBatchSize(options.batch)
                .withListener(phases);
        String[] status = new String[1];
        int[] customers = new int[1];
        long end = runAndDescribe(tenant, request, phases, status, customers);
        double cpu = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e9;
        double gcSeconds = (gcMillis() - gcBefore) / 1e3;
        long peak = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        double total = (end - phases.start) / 1e9;
        double read = (phases.read - phases.start) / 1e9;
        double classify = (phases.classified - phases.read) / 1e9;
        double first = (phases.firstBatch - phases.classified) / 1e9;
        double batches = (phases.completed - phases.firstBatch) / 1e9;
        out.printf(
                Locale.ROOT,
                "total %.2f s = read + models %.2f s + classify %.2f s + previous snapshots and first batch %.2f s"
                        + " + %d more batches %.2f s (%.1f ms each) + completion %.3f s%n",
                total,
                read,
                classify,
                first,
                phases.batches - 1,
                batches,
                phases.batches > 1 ? batches * 1e3 / (phases.batches - 1) : 0.0,
                (end - phases.completed) / 1e9);
        out.printf(
                Locale.ROOT,
                "heap used at READ %.0f MiB, at CLASSIFIED %.0f MiB, max sampled while writing %.0f MiB;"
                        + " heap pools' peak %.0f MiB; GC %.2f s; run thread CPU %.2f s%n",
                phases.heapAtRead / 1048576.0,
                phases.heapAtClassified / 1048576.0,
                phases.maxHeapWriting / 1048576.0,
                peak / 1048576.0,
                gcSeconds,
                cpu);
        gc(); // the report (holding the whole base) is gone: the live heap is what the store keeps
        long live = usedHeap();
        out.printf(Locale.ROOT, "live heap after the run (full GC, report dropped): %.0f MiB%n", live / 1048576.0);
        long eventCount = events.values().stream().mapToLong(AtomicLong::get).sum();
        String row = String.format(
                Locale.ROOT,
                "| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %,d | %,d | %.0f / %.0f / %.0f | %.0f | %.0f | %.2f | %.2f |"
                        + " %s |",
                name,
                total,
                read,
                classify,
                first,
                batches,
                phases.written,
                eventCount,
                phases.heapAtRead / 1048576.0,
                phases.heapAtClassified / 1048576.0,
                phases.maxHeapWriting / 1048576.0,
                peak / 1048576.0,
                live / 1048576.0,
                gcSeconds,
                cpu,
                load);
        Map<String, Long> byType = new TreeMap<>();
        events.forEach((type, count) -> byType.put(type, count.get()));
        return new RunResult(
                name,
                customers[0],
                phases.written,
                eventCount,
                Map.copyOf(byType),
                firstPlacements.get(),
                status[0],
                total,
                row);
    }

    /** Runs, prints the report's counts and lets the report go; returns when the run returned (nanoTime). */
    private long runAndDescribe(
            TenantCrm tenant, ScoringRequest request, Phases phases, String[] status, int[] customers) {
        ScoringReport report = tenant.scoring().run(request);
        long end = System.nanoTime();
        status[0] = report.attributes().get("model.status");
        customers[0] = report.customers();
        out.printf(
                Locale.ROOT,
                "customers %,d, purchases in the value period %,d, snapshots written %,d, events %,d%n",
                report.customers(),
                report.purchases(),
                report.snapshotsWritten(),
                report.eventsPublished());
        out.println("events by type: " + new TreeMap<>(events) + "; first lifecycle placements: " + firstPlacements);
        out.println("models: " + modelAttributes(report.attributes()));
        report.result()
                .result(LifecycleRule.NAME)
                .map(Classifications::counts)
                .ifPresent(c -> out.println("lifecycle stages: " + new TreeMap<>(c) + ", moved this run: "
                        + count(report.result().result(LifecycleRule.NAME).orElseThrow(), "moved")));
        report.result().result("abc").ifPresent(c -> out.println("abc grades: " + new TreeMap<>(c.counts())));
        return end;
    }

    private static int count(Classifications c, String metric) {
        int n = 0;
        for (int i = 0; i < c.size(); i++) {
            n += c.metric(metric, i) != 0 ? 1 : 0;
        }
        return n;
    }

    private static String modelAttributes(Map<String, String> attributes) {
        Map<String, String> m = new TreeMap<>();
        attributes.forEach((k, v) -> {
            if (k.startsWith("model.")) {
                m.put(k, v);
            }
        });
        return m.toString();
    }

    // -------------------------------------------------------------------------------------------- breakdown

    private void breakdown(Storage storage) {
        out.printf(
                Locale.ROOT,
                "%n== the store's parts of a run, each alone in a read-only unit of work, after run 2 (load %s) ==%n",
                loadAverage());
        LocalDate asOf = ScoringRunData.RUN_2;
        LocalDate valueFrom = asOf.minusDays(ScoringRequest.DEFAULT_PERIOD_DAYS - 1L);
        timed(storage, "customers().scan", uow -> uow.customers().scan(c -> {}));
        timed(
                storage,
                "orders().scanPurchases(value period)",
                uow -> uow.orders().scanPurchases(PurchaseScan.between(valueFrom, asOf), (id, d, m, c) -> {}));
        timed(
                storage,
                "orders().scanPurchases(up to as-of, models)",
                uow -> uow.orders().scanPurchases(new PurchaseScan(null, asOf), (id, d, m, c) -> {}));
        timed(storage, "invoices().scan", uow -> uow.invoices().scan(c -> {}));
        timed(storage, "serviceCases().scan", uow -> uow.serviceCases().scan(c -> {}));
        timed(storage, "surveyResponses().scan", uow -> uow.surveyResponses().scan(c -> {}));
        // the run reads the stored snapshots once, by scan, and only five values of each
        timed(
                storage,
                "scores().scan, five values each (as a run)",
                uow -> uow.scores().scan(v -> {
                    v.label("abc");
                    v.label("credit");
                    v.label("lifecycle");
                    v.metric("lifecycle.sinceDay");
                    v.metric("credit.gradeIndex");
                }));
        // every snapshot built (a store that keeps views builds them on read, as find and list do)
        timed(
                storage,
                "scores().scan, every snapshot built",
                uow -> uow.scores().scan(ScoreView::snapshot));
        // the models as a run fits them: the log of every purchase up to the day, summaries in weeks, both fits
        long t = System.nanoTime();
        TransactionLog log = storage.inTransaction(UnitOfWorkContext.read(ScoringRunData.TENANT), uow -> {
            TransactionLog l = new TransactionLog(Money.scaleOf(ScoringRunData.EUR));
            uow.orders().scanPurchases(new PurchaseScan(null, asOf), (id, d, m, c) -> l.add(id, d, m));
            return l;
        });
        double scan = seconds(t);
        long t1 = System.nanoTime();
        CustomerSummaries s = CustomerSummaries.fromLog(log, asOf, PeriodUnit.WEEKS);
        double summaries = seconds(t1);
        long t2 = System.nanoTime();
        ModelFit<BgNbdModel> bg = BgNbdModel.fit(s);
        double bgFit = seconds(t2);
        long t3 = System.nanoTime();
        ModelFit<GammaGammaModel> gg = GammaGammaModel.fit(s.frequencies(), s.monetaryValues());
        double ggFit = seconds(t3);
        out.printf(
                Locale.ROOT,
                "  models: scan into a TransactionLog %.2f s, summaries %.2f s, BG/NBD fit %.2f s (converged %s),"
                        + " Gamma-Gamma fit %.2f s (converged %s)%n",
                scan,
                summaries,
                bgFit,
                bg.isConverged(),
                ggFit,
                gg.isConverged());
    }

    private void timed(Storage storage, String what, Function<UnitOfWork, Long> work) {
        long t = System.nanoTime();
        long n = storage.inTransaction(UnitOfWorkContext.read(ScoringRunData.TENANT), work::apply);
        double s = seconds(t);
        long t2 = System.nanoTime();
        storage.inTransaction(UnitOfWorkContext.read(ScoringRunData.TENANT), work::apply);
        double again = seconds(t2);
        out.printf(Locale.ROOT, "  %-52s %,12d rows %8.2f s %,12.0f rows/s; again %.2f s%n", what, n, s, n / s, again);
    }

    // ------------------------------------------------------------------------------------------------- util

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
    }

    static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long gcMillis() {
        ToLongFunction<GarbageCollectorMXBean> time = GarbageCollectorMXBean::getCollectionTime;
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(time)
                .sum();
    }

    private static void gc() {
        System.gc();
        System.gc();
    }

    /** @return the 1-, 5- and 15-minute load averages (Linux), or "?" */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
