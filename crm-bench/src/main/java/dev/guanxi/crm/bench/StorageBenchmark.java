package dev.guanxi.crm.bench;

import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.interaction.Interaction;
import dev.guanxi.crm.jdbc.Dialect;
import dev.guanxi.crm.jdbc.JdbcStorage;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.Order;
import dev.guanxi.crm.sales.PurchaseScan;
import dev.guanxi.crm.sales.PurchaseVisitor;
import dev.guanxi.crm.service.ServiceCase;
import dev.guanxi.crm.spi.storage.UnitOfWorkContext;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The storage benchmark: crm-jdbc's {@link JdbcStorage} side by side with a hand-written plain-JDBC baseline
 * ({@link PlainJdbc}) doing the same work on the same database and the same connection, on an H2 file, an
 * embedded PostgreSQL and an embedded MariaDB. Phases (each optional, {@code --phases}):
 *
 * <ol>
 *   <li>{@code import}: bulk import of {@code --purchases} orders of one line (default 1,000,000) in batches of
 *       {@code --batch} (5,000), one transaction per batch: the SDK's {@code uow.orders().insertAll(batch)} against
 *       JDBC batches of the same rows (the order row with its JSON document and the order-line row), and on
 *       PostgreSQL {@code COPY} in CSV. Each variant starts from empty tables after an unmeasured warm-up of
 *       {@code --warmup-purchases}. Only the insert is timed (the orders are generated outside the clock).
 *   <li>{@code reads}: {@code --reads} random customer-by-id reads (default 100,000 of {@code --customers}
 *       100,000), each in its own read-only unit of work: SDK with the customer cache off, SDK with a warm cache
 *       holding every customer, and plain JDBC ({@code SELECT doc} and Jackson) in auto-commit mode and in a
 *       transaction. Reads/s and latency percentiles.
 *   <li>{@code c360}: the customer-360 read — the customer, its 20 latest interactions and its open service
 *       cases in one read-only unit of work — on {@code --c360-customers} customers with {@code --interactions}
 *       (50) interactions and 0–3 cases each, {@code --c360-ops} times; plain JDBC runs the same three queries
 *       in one transaction.
 *   <li>{@code scan}: {@code --scan-purchases} orders (default 10,000,000) loaded by the fastest path (COPY on
 *       PostgreSQL, plain JDBC batches elsewhere; the order rows only, which is all the scan reads), then the
 *       streaming purchase scan {@code uow.orders().scanPurchases(PurchaseScan.all(), visitor)} and the same query
 *       by hand: rows/s and the peak heap (run this phase with a small heap, e.g. {@code -Xmx256m}). The visitor
 *       sums the amounts and counts the customers; both are checked against the generated data, as is the order.
 * </ol>
 *
 * <p>Every phase checks its results (row counts, sums, what each read returned); {@link Report#failures()} lists
 * the checks that failed, and {@link #main} exits with status 1 if any did.
 *
 * <p>Usage: {@code java -cp crm-bench/target/crm-bench.jar dev.guanxi.crm.bench.StorageBenchmark [--db
 * h2,postgresql,mariadb] [--phases import,reads,c360,scan] [--purchases N] [--batch B] [--warmup-purchases W]
 * [--customers C] [--reads R] [--warmup-reads W] [--c360-customers K] [--c360-ops N] [--interactions I]
 * [--scan-purchases S] [--fetch-size F] [--seed S] [--dir DIR] [--keep true] [--markdown FILE]}. See
 * docs/BENCHMARKS.md.
 *
 * <p>Not thread-safe; a command-line tool.
 */
public final class StorageBenchmark {
    private static final List<String> ORDER_TABLES = List.of("guanxi_order", "guanxi_order_line");
    private static final List<String> CUSTOMER_TABLES =
            List.of("guanxi_customer", "guanxi_customer_tag", "guanxi_interaction", "guanxi_service_case");

    private final Options options;
    private final PrintStream out;
    private final List<Result> results = new ArrayList<>();
    private final List<Check> checks = new ArrayList<>();

    StorageBenchmark(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /**
     * Runs the benchmark.
     *
     * @param args the options (see the class comment)
     * @throws Exception if a database cannot be started or fails
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
        Report report = new StorageBenchmark(options, System.out).run();
        if (!report.failures().isEmpty()) {
            System.err.println("FAILED checks: " + report.failures());
            System.exit(1);
        }
    }

    /** The benchmark's options. */
    record Options(
            List<String> databases,
            Set<String> phases,
            int purchases,
            int batch,
            int warmupPurchases,
            int customers,
            int reads,
            int warmupReads,
            int c360Customers,
            int c360Ops,
            int interactions,
            int scanPurchases,
            int fetchSize,
            int runs,
            long seed,
            Path dir,
            boolean keep,
            Path markdown) {
        static final String USAGE = "usage: StorageBenchmark [--db h2,postgresql,mariadb]"
                + " [--phases import,reads,c360,scan] [--purchases N] [--batch B] [--warmup-purchases W]"
                + " [--customers C] [--reads R] [--warmup-reads W] [--c360-customers K] [--c360-ops N]"
                + " [--interactions I] [--scan-purchases S] [--fetch-size F] [--runs R] [--seed S] [--dir DIR]"
                + " [--keep true]"
                + " [--markdown FILE]";
        static final List<String> ALL_DATABASES = List.of("h2", "postgresql", "mariadb");
        static final List<String> ALL_PHASES = List.of("import", "reads", "c360", "scan");

        static Options parse(String... args) {
            List<String> databases = ALL_DATABASES;
            Set<String> phases = new LinkedHashSet<>(ALL_PHASES);
            int purchases = 1_000_000;
            int batch = 5_000;
            int warmupPurchases = 50_000;
            int customers = 100_000;
            int reads = 100_000;
            int warmupReads = 10_000;
            int c360Customers = 2_000;
            int c360Ops = 20_000;
            int interactions = 50;
            int scanPurchases = 10_000_000;
            int fetchSize = 10_000;
            int runs = 2;
            long seed = 20260101L;
            Path dir = Path.of("crm-bench", "target", "storage-bench");
            boolean keep = false;
            Path markdown = null;
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value after " + name);
                }
                String value = args[++i];
                switch (name) {
                    case "--db" -> databases = list(name, value, ALL_DATABASES);
                    case "--phases" -> phases = new LinkedHashSet<>(list(name, value, ALL_PHASES));
                    case "--purchases" -> purchases = atLeast(name, value, 1);
                    case "--batch" -> batch = atLeast(name, value, 1);
                    case "--warmup-purchases" -> warmupPurchases = atLeast(name, value, 0);
                    case "--customers" -> customers = atLeast(name, value, 1);
                    case "--reads" -> reads = atLeast(name, value, 1);
                    case "--warmup-reads" -> warmupReads = atLeast(name, value, 0);
                    case "--c360-customers" -> c360Customers = atLeast(name, value, 1);
                    case "--c360-ops" -> c360Ops = atLeast(name, value, 1);
                    case "--interactions" -> interactions = atLeast(name, value, 0);
                    case "--scan-purchases" -> scanPurchases = atLeast(name, value, 1);
                    case "--fetch-size" -> fetchSize = atLeast(name, value, 1);
                    case "--runs" -> runs = atLeast(name, value, 1);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--dir" -> dir = Path.of(value);
                    case "--keep" -> keep = Boolean.parseBoolean(value);
                    case "--markdown" -> markdown = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if (c360Customers > customers) {
                throw new IllegalArgumentException("--c360-customers must not exceed --customers");
            }
            return new Options(
                    databases,
                    phases,
                    purchases,
                    batch,
                    warmupPurchases,
                    customers,
                    reads,
                    warmupReads,
                    c360Customers,
                    c360Ops,
                    interactions,
                    scanPurchases,
                    fetchSize,
                    runs,
                    seed,
                    dir,
                    keep,
                    markdown);
        }

        private static List<String> list(String name, String value, List<String> allowed) {
            List<String> items = Arrays.stream(value.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .toList();
            for (String item : items) {
                if (!allowed.contains(item)) {
                    throw new IllegalArgumentException(name + ": unknown " + item + " (one of " + allowed + ")");
                }
            }
            if (items.isEmpty()) {
                throw new IllegalArgumentException(name + ": empty");
            }
            return items;
        }

        private static int atLeast(String name, String value, int min) {
            int v = Integer.parseInt(value.replace("_", ""));
            if (v < min) {
                throw new IllegalArgumentException(name + " must be at least " + min + ": " + v);
            }
            return v;
        }
    }

    /**
     * One measured variant.
     *
     * @param database the database's name
     * @param phase the phase
     * @param variant what ran
     * @param ops how many rows or operations
     * @param seconds how long they took (wall clock)
     * @param cpuSeconds the CPU time of the harness's thread meanwhile (the client's work; with H2 embedded, the
     *     database's too)
     * @param p50 the median latency in µs, or NaN
     * @param p99 the 99th percentile latency in µs, or NaN
     * @param note anything else (peak heap of a scan, cache hit rate)
     * @param baseline whether this is the plain-JDBC reference of its phase
     */
    record Result(
            String database,
            String phase,
            String variant,
            long ops,
            double seconds,
            double cpuSeconds,
            double p50,
            double p99,
            String note,
            boolean baseline) {
        double rate() {
            return ops / seconds;
        }

        double cpuMicrosPerOp() {
            return cpuSeconds * 1e6 / ops;
        }
    }

    /**
     * One check of a result.
     *
     * @param database the database
     * @param what what was checked
     * @param ok whether it held
     * @param detail the values
     */
    record Check(String database, String what, boolean ok, String detail) {}

    /**
     * What the run measured and checked.
     *
     * @param results the measured variants, in order
     * @param checks every check
     */
    record Report(List<Result> results, List<Check> checks) {
        /** @return the checks that failed */
        List<Check> failures() {
            return checks.stream().filter(c -> !c.ok()).toList();
        }
    }

    Report run() throws IOException, SQLException {
        Runtime rt = Runtime.getRuntime();
        out.printf(
                Locale.ROOT,
                "java %s (%s), %d processors, max heap %.0f MiB%n",
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"),
                rt.availableProcessors(),
                rt.maxMemory() / 1048576.0);
        out.println("options: " + options);
        Files.createDirectories(options.dir);
        for (String kind : options.databases) {
            long start = System.nanoTime();
            try (BenchDatabase db = BenchDatabase.start(kind, options.dir.resolve(kind), options.keep)) {
                out.printf(Locale.ROOT, "%n== %s (started in %.1f s) ==%n", db.name(), seconds(start));
                storage(db, 0).close(); // creates the schema
                if (options.phases.contains("import")) {
                    importPhase(db);
                }
                if (options.phases.contains("reads") || options.phases.contains("c360")) {
                    seedCustomers(db);
                }
                if (options.phases.contains("reads")) {
                    readsPhase(db);
                }
                if (options.phases.contains("c360")) {
                    c360Phase(db);
                }
                if (options.phases.contains("scan")) {
                    scanPhase(db);
                }
            }
        }
        out.println();
        out.println(markdown());
        List<Check> failed = checks.stream().filter(c -> !c.ok()).toList();
        out.printf(Locale.ROOT, "checks: %d passed, %d failed%n", checks.size() - failed.size(), failed.size());
        failed.forEach(c -> out.println("FAILED: " + c));
        if (options.markdown != null) {
            Files.writeString(
                    options.markdown,
                    markdown() + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        return new Report(List.copyOf(results), List.copyOf(checks));
    }

    private JdbcStorage storage(BenchDatabase db, long cacheSize) {
        return JdbcStorage.builder(db.dataSource())
                .dialect(db.dialect())
                .cacheSize(cacheSize)
                .fetchSize(options.fetchSize)
                .build();
    }

    // ---------------------------------------------------------------------------------------------- import

    private enum ImportVariant {
        SDK("SDK insertAll"),
        JDBC("plain JDBC batch"),
        COPY("COPY (CSV)");

        final String label;

        ImportVariant(String label) {
            this.label = label;
        }
    }

    private void importPhase(BenchDatabase db) throws SQLException {
        List<ImportVariant> variants = new ArrayList<>(List.of(ImportVariant.SDK, ImportVariant.JDBC));
        if (db.dialect() == Dialect.POSTGRESQL) {
            variants.add(ImportVariant.COPY);
        }
        out.printf(
                Locale.ROOT,
                "-- bulk import: %,d orders of one line, batches of %,d, one transaction per batch; %d runs of each"
                        + " variant from empty tables, the best counts (load average %.1f)%n",
                options.purchases,
                options.batch,
                options.runs,
                load());
        try (JdbcStorage storage = storage(db, 0)) {
            PlainJdbc plain = new PlainJdbc(db.dialect(), db.dataSource());
            if (options.warmupPurchases > 0) {
                for (ImportVariant v : variants) {
                    db.empty(ORDER_TABLES);
                    importOrders(
                            v, storage, plain, options.warmupPurchases, new BenchData.Orders(options.seed + 1, 1000));
                }
            }
            long[] reference = null;
            Result[] best = new Result[variants.size()];
            double[][] rates = new double[variants.size()][options.runs];
            for (int run = 0; run < options.runs; run++) {
                for (int j = 0; j < variants.size(); j++) {
                    int k = (run + j) % variants.size();
                    ImportVariant v = variants.get(k);
                    db.empty(ORDER_TABLES);
                    System.gc();
                    BenchData.Orders generated = new BenchData.Orders(options.seed, options.customers);
                    double[] times = importOrders(v, storage, plain, options.purchases, generated);
                    long[] orders = db.numbers("SELECT COUNT(*), SUM(total_minor), SUM(CHAR_LENGTH(doc)),"
                            + " COUNT(DISTINCT customer_id) FROM guanxi_order");
                    long[] lines = db.numbers("SELECT COUNT(*), SUM(quantity) FROM guanxi_order_line");
                    long[] fingerprint = {orders[0], orders[1], orders[2], orders[3], lines[0], lines[1]};
                    check(
                            db,
                            "import " + v.label + ": order and line counts, total",
                            orders[0] == options.purchases
                                    && lines[0] == options.purchases
                                    && orders[1] == generated.sumMinor()
                                    && orders[3] == generated.buyers(),
                            "orders " + orders[0] + ", lines " + lines[0] + ", sum " + orders[1] + " (expected "
                                    + generated.sumMinor() + "), buyers " + orders[3]);
                    if (reference == null) {
                        reference = fingerprint;
                    } else {
                        check(
                                db,
                                "import " + v.label + ": the same rows as the first variant's",
                                Arrays.equals(reference, fingerprint),
                                Arrays.toString(fingerprint) + " vs " + Arrays.toString(reference));
                    }
                    rates[k][run] = options.purchases / times[0];
                    if (best[k] == null || times[0] < best[k].seconds()) {
                        best[k] = new Result(
                                db.name(),
                                "import",
                                v.label,
                                options.purchases,
                                times[0],
                                times[1],
                                Double.NaN,
                                Double.NaN,
                                "",
                                v != ImportVariant.SDK);
                    }
                    out.printf(
                            Locale.ROOT,
                            "   run %d %-18s %8.2f s %,10.0f rows/s  CPU %.1f µs/row  load %.1f%n",
                            run + 1,
                            v.label,
                            times[0],
                            options.purchases / times[0],
                            times[1] * 1e6 / options.purchases,
                            load());
                }
            }
            for (int k = 0; k < variants.size(); k++) {
                Result r = best[k];
                results.add(new Result(
                        r.database(),
                        r.phase(),
                        r.variant(),
                        r.ops(),
                        r.seconds(),
                        r.cpuSeconds(),
                        r.p50(),
                        r.p99(),
                        "runs: " + rateList(rates[k]) + " rows/s",
                        r.baseline()));
            }
        }
        printPhase(db, "import", "rows/s", ImportVariant.JDBC.label);
    }

    private static String rateList(double[] rates) {
        return Arrays.stream(rates)
                .mapToObj(r -> String.format(Locale.ROOT, "%,.0f", r))
                .reduce((a, b) -> a + " / " + b)
                .orElse("");
    }

    /** @return the seconds spent inserting (generation is not timed), wall clock and this thread's CPU */
    private double[] importOrders(ImportVariant v, JdbcStorage storage, PlainJdbc plain, int n, BenchData.Orders gen)
            throws SQLException {
        long nanos = 0;
        long cpu = 0;
        for (int done = 0; done < n; ) {
            int size = Math.min(options.batch, n - done);
            List<Order> batch = gen.next(size);
            long c = cpuNanos();
            long t = System.nanoTime();
            switch (v) {
                case SDK ->
                    storage.inTransaction(UnitOfWorkContext.write(BenchData.TENANT), uow -> {
                        uow.orders().insertAll(batch);
                        return null;
                    });
                case JDBC -> plain.insertOrders(batch, true);
                case COPY -> plain.copyOrders(batch, true);
            }
            nanos += System.nanoTime() - t;
            cpu += cpuNanos() - c;
            done += size;
        }
        return new double[] {nanos / 1e9, cpu / 1e9};
    }

    // ---------------------------------------------------------------------------------------------- reads

    private void seedCustomers(BenchDatabase db) {
        db.empty(CUSTOMER_TABLES);
        long start = System.nanoTime();
        try (JdbcStorage storage = storage(db, 0)) {
            for (int from = 0; from < options.customers; from += 1000) {
                List<Customer> batch =
                        BenchData.customers(options.seed, from, Math.min(1000, options.customers - from));
                storage.inTransaction(UnitOfWorkContext.write(BenchData.TENANT), uow -> {
                    uow.customers().insertAll(batch);
                    return null;
                });
            }
        }
        db.analyze(List.of("guanxi_customer"));
        long[] count = db.numbers("SELECT COUNT(*) FROM guanxi_customer");
        check(db, "seeded customers", count[0] == options.customers, count[0] + " rows");
        out.printf(
                Locale.ROOT,
                "seeded %,d customers with the SDK (insertAll, batches of 1,000) in %.1f s, generation included%n",
                options.customers,
                seconds(start));
    }

    private int[] randomCustomers(int count, int bound, long salt) {
        SplittableRandom rnd = new SplittableRandom(options.seed ^ salt);
        int[] picks = new int[count];
        for (int i = 0; i < count; i++) {
            picks[i] = rnd.nextInt(bound);
        }
        return picks;
    }

    /** One timed operation on a customer index; returns whether the result was right. */
    @FunctionalInterface
    private interface Op {
        boolean run(int customer) throws SQLException;
    }

    /** A contender of a read phase. */
    private record Variant(String name, boolean baseline, Op op) {}

    /** Reads are interleaved in blocks of this many, the variants' order rotating from block to block. */
    private static final int BLOCK = 500;

    private void readsPhase(BenchDatabase db) throws SQLException {
        out.printf(
                Locale.ROOT,
                "-- customer by id: %,d random reads of %,d customers, one read-only unit of work each, the variants"
                        + " interleaved in blocks of %d (load average %.1f)%n",
                options.reads,
                options.customers,
                BLOCK,
                load());
        int[] warm = randomCustomers(options.warmupReads, options.customers, 0xA11CE);
        int[] picks = randomCustomers(options.reads, options.customers, 0xB0B);
        CustomerId[] ids = new CustomerId[options.customers];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = BenchData.customerId(options.seed, i);
        }
        PlainJdbc plain = new PlainJdbc(db.dialect(), db.dataSource());
        UnitOfWorkContext read = UnitOfWorkContext.read(BenchData.TENANT);
        try (JdbcStorage uncached = storage(db, 0);
                JdbcStorage cached = storage(db, options.customers)) {
            cached.inTransaction(
                    read,
                    uow -> { // fill the cache: every customer once
                        for (CustomerId id : ids) {
                            uow.customers().find(id);
                        }
                        return null;
                    });
            long hitsBefore = cached.customerCacheStats().orElseThrow().hitCount();
            long missesBefore = cached.customerCacheStats().orElseThrow().missCount();
            interleaved(
                    db,
                    "reads",
                    warm,
                    picks,
                    new Variant("plain JDBC, auto-commit", true, i -> {
                        Customer c = plain.findCustomer(ids[i], false);
                        return c != null && c.id().equals(ids[i]);
                    }),
                    new Variant("plain JDBC, transaction", true, i -> {
                        Customer c = plain.findCustomer(ids[i], true);
                        return c != null && c.id().equals(ids[i]);
                    }),
                    new Variant("SDK, cache off", false, i -> {
                        Customer c = uncached.inTransaction(
                                read, uow -> uow.customers().find(ids[i]).orElse(null));
                        return c != null && c.id().equals(ids[i]);
                    }),
                    new Variant("SDK, cache on (warm)", false, i -> {
                        Customer c = cached.inTransaction(
                                read, uow -> uow.customers().find(ids[i]).orElse(null));
                        return c != null && c.id().equals(ids[i]);
                    }));
            long hits = cached.customerCacheStats().orElseThrow().hitCount() - hitsBefore;
            long misses = cached.customerCacheStats().orElseThrow().missCount() - missesBefore;
            int last = results.size() - 1;
            Result r = results.get(last);
            results.set(
                    last,
                    new Result(
                            r.database(),
                            r.phase(),
                            r.variant(),
                            r.ops(),
                            r.seconds(),
                            r.cpuSeconds(),
                            r.p50(),
                            r.p99(),
                            String.format(Locale.ROOT, "cache hits %.1f%%", 100.0 * hits / Math.max(1, hits + misses)),
                            false));
        }
        printPhase(db, "reads", "reads/s", "plain JDBC, auto-commit");
    }

    /**
     * Times variants on the same customers: each runs the warm-up picks first (unmeasured), then the measured
     * picks are run in blocks, every variant doing each block, in an order that rotates from block to block,
     * so that a change of the machine's load or of the database's caches touches every variant alike.
     */
    private void interleaved(BenchDatabase db, String phase, int[] warm, int[] picks, Variant... variants)
            throws SQLException {
        int v = variants.length;
        int[] wrong = new int[v];
        for (int k = 0; k < v; k++) {
            for (int i : warm) {
                if (!variants[k].op().run(i)) {
                    wrong[k]++;
                }
            }
        }
        long[][] latencies = new long[v][picks.length];
        long[] wall = new long[v];
        long[] cpu = new long[v];
        for (int from = 0, block = 0; from < picks.length; from += BLOCK, block++) {
            int to = Math.min(picks.length, from + BLOCK);
            for (int j = 0; j < v; j++) {
                int k = (block + j) % v;
                Op op = variants[k].op();
                long c0 = cpuNanos();
                long t0 = System.nanoTime();
                for (int p = from; p < to; p++) {
                    long t = System.nanoTime();
                    if (!op.run(picks[p])) {
                        wrong[k]++;
                    }
                    latencies[k][p] = System.nanoTime() - t;
                }
                wall[k] += System.nanoTime() - t0;
                cpu[k] += cpuNanos() - c0;
            }
        }
        for (int k = 0; k < v; k++) {
            check(
                    db,
                    phase + " " + variants[k].name() + ": every read returned the right data",
                    wrong[k] == 0,
                    wrong[k] + " wrong");
            record(
                    db,
                    phase,
                    variants[k].name(),
                    picks.length,
                    wall[k] / 1e9,
                    cpu[k] / 1e9,
                    latencies[k],
                    "",
                    variants[k].baseline());
        }
    }

    // ---------------------------------------------------------------------------------------------- c360

    private void c360Phase(BenchDatabase db) throws SQLException {
        long start = System.nanoTime();
        int[] openCases = new int[options.c360Customers];
        try (JdbcStorage storage = storage(db, 0)) {
            int perBatch = Math.max(1, 1000 / Math.max(1, options.interactions));
            for (int from = 0; from < options.c360Customers; from += perBatch) {
                List<Interaction> interactions = new ArrayList<>();
                List<ServiceCase> cases = new ArrayList<>();
                for (int i = from; i < Math.min(options.c360Customers, from + perBatch); i++) {
                    interactions.addAll(BenchData.interactions(options.seed, i, options.interactions));
                    List<ServiceCase> mine = BenchData.cases(options.seed, i);
                    openCases[i] =
                            (int) mine.stream().filter(ServiceCase::isActive).count();
                    cases.addAll(mine);
                }
                storage.inTransaction(UnitOfWorkContext.write(BenchData.TENANT), uow -> {
                    uow.interactions().insertAll(interactions);
                    uow.serviceCases().insertAll(cases);
                    return null;
                });
            }
        }
        db.analyze(List.of("guanxi_interaction", "guanxi_service_case"));
        long[] counts = db.numbers("SELECT (SELECT COUNT(*) FROM guanxi_interaction),"
                + " (SELECT COUNT(*) FROM guanxi_service_case WHERE active = TRUE)");
        check(
                db,
                "seeded interactions and open cases",
                counts[0] == (long) options.c360Customers * options.interactions
                        && counts[1] == Arrays.stream(openCases).sum(),
                Arrays.toString(counts));
        out.printf(
                Locale.ROOT,
                "-- customer 360: seeded %,d interactions and %,d open cases (SDK insertAll) in %.1f s;"
                        + " %,d reads of customer + 20 latest interactions + open cases, interleaved in blocks of %d"
                        + " (load average %.1f)%n",
                counts[0],
                counts[1],
                seconds(start),
                options.c360Ops,
                BLOCK,
                load());
        CustomerId[] ids = new CustomerId[options.c360Customers];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = BenchData.customerId(options.seed, i);
        }
        int latest = Math.min(20, options.interactions);
        int[] warm = randomCustomers(Math.min(options.warmupReads, options.c360Ops), ids.length, 0xC0FFEE);
        int[] picks = randomCustomers(options.c360Ops, ids.length, 0xD00D);
        PlainJdbc plain = new PlainJdbc(db.dialect(), db.dataSource());
        UnitOfWorkContext read = UnitOfWorkContext.read(BenchData.TENANT);
        try (JdbcStorage uncached = storage(db, 0);
                JdbcStorage cached = storage(db, options.customers)) {
            interleaved(
                    db,
                    "c360",
                    warm,
                    picks,
                    new Variant("plain JDBC, 3 queries, transaction", true, i -> {
                        PlainJdbc.Customer360 v = plain.customer360(ids[i]);
                        return v.customer() != null
                                && v.latest().size() == latest
                                && v.openCases().size() == openCases[i];
                    }),
                    new Variant(
                            "SDK, cache off", false, i -> customer360(uncached, read, ids[i], latest, openCases[i])),
                    new Variant("SDK, cache on", false, i -> customer360(cached, read, ids[i], latest, openCases[i])));
        }
        printPhase(db, "c360", "ops/s", "plain JDBC, 3 queries, transaction");
    }

    private static boolean customer360(
            JdbcStorage storage, UnitOfWorkContext read, CustomerId id, int latest, int openCases) {
        return storage.inTransaction(read, uow -> {
            Customer c = uow.customers().find(id).orElse(null);
            List<Interaction> last =
                    uow.interactions().listByCustomer(id, PageRequest.first(20)).items();
            List<ServiceCase> open = uow.serviceCases().listByCustomer(id, PageRequest.first(100)).items().stream()
                    .filter(ServiceCase::isActive)
                    .toList();
            return c != null && last.size() == latest && open.size() == openCases;
        });
    }

    // ---------------------------------------------------------------------------------------------- scan

    /** The scan's visitor: trivial work, and what the checks need. */
    static final class ScanTotals implements PurchaseVisitor {
        long count;
        long sumMinor;
        long customers;
        boolean ordered = true;
        private CustomerId last;
        private LocalDate lastDate;

        @Override
        public void purchase(CustomerId customer, LocalDate date, long amountMinorUnits, java.util.Currency currency) {
            count++;
            sumMinor += amountMinorUnits;
            if (customer != last && !customer.equals(last)) {
                if (last != null && compareUnsigned(last, customer) >= 0) {
                    ordered = false;
                }
                customers++;
                last = customer;
            } else if (date.isBefore(lastDate)) {
                ordered = false;
            }
            lastDate = date;
        }

        private static int compareUnsigned(CustomerId a, CustomerId b) {
            int c = Long.compareUnsigned(
                    a.value().getMostSignificantBits(), b.value().getMostSignificantBits());
            return c != 0
                    ? c
                    : Long.compareUnsigned(
                            a.value().getLeastSignificantBits(), b.value().getLeastSignificantBits());
        }
    }

    private void scanPhase(BenchDatabase db) throws SQLException {
        db.empty(ORDER_TABLES);
        boolean copy = db.dialect() == Dialect.POSTGRESQL;
        PlainJdbc plain = new PlainJdbc(db.dialect(), db.dataSource());
        BenchData.Orders gen = new BenchData.Orders(options.seed + 2, options.customers);
        long start = System.nanoTime();
        int seedBatch = Math.max(options.batch, 10_000);
        List<String> indexes = db.indexes("guanxi_order");
        if (!copy) {
            // The bulk loader (H2 CSVREAD, MariaDB LOAD DATA) into the table without its secondary indexes, which
            // are built afterwards from the loaded rows: the way a large import is done by hand, and hours faster
            // than JDBC batches maintaining them row by row (about 3,000 rows/s at 10 million on both).
            db.execute(dropSecondaryIndexes(db.dialect()));
        }
        java.nio.file.Path csv = db.dir().resolve("seed-orders.csv");
        int fileRows = 500_000;
        for (int done = 0; done < options.scanPurchases; ) {
            if (copy) {
                int size = Math.min(seedBatch, options.scanPurchases - done);
                plain.copyOrders(gen.next(size), false);
                done += size;
            } else {
                int inFile = Math.min(fileRows, options.scanPurchases - done);
                try (java.io.Writer w = java.nio.file.Files.newBufferedWriter(csv)) {
                    for (int written = 0; written < inFile; ) {
                        int size = Math.min(seedBatch, inFile - written);
                        plain.writeOrdersCsv(gen.next(size), w);
                        written += size;
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                plain.loadOrders(csv, inFile);
                done += inFile;
            }
            if (done % 1_000_000 == 0) {
                out.printf(Locale.ROOT, "   seeded %,d in %.0f s (load %.1f)%n", done, seconds(start), load());
            }
        }
        try {
            java.nio.file.Files.deleteIfExists(csv);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (!copy) {
            long indexStart = System.nanoTime();
            db.execute(createSecondaryIndexes(db.dialect()));
            out.printf(Locale.ROOT, "   secondary indexes built in %.0f s%n", seconds(indexStart));
        }
        check(
                db,
                "indexes of guanxi_order as the migration made them",
                db.indexes("guanxi_order").equals(indexes),
                indexes + " -> " + db.indexes("guanxi_order"));
        double seedSeconds = seconds(start);
        long analyzeStart = System.nanoTime();
        db.analyze(List.of("guanxi_order"));
        out.printf(
                Locale.ROOT,
                "-- purchase scan: seeded %,d orders (order rows only) with %s in %.1f s (%,.0f rows/s, generation"
                        + " included), analyzed in %.1f s; %.0f MiB on disk; %d runs of each variant, the best counts"
                        + " (load average %.1f)%n",
                options.scanPurchases,
                copy
                        ? "COPY"
                        : (db.dialect() == Dialect.H2 ? "CSVREAD" : "LOAD DATA LOCAL INFILE")
                                + " of 500,000-row CSV files, secondary indexes built after",
                seedSeconds,
                options.scanPurchases / seedSeconds,
                seconds(analyzeStart),
                db.sizeOnDiskMiB(),
                options.runs,
                load());
        try (JdbcStorage storage = storage(db, 0)) {
            Scan sdk = totals -> storage.inTransaction(
                    UnitOfWorkContext.read(BenchData.TENANT),
                    uow -> uow.orders().scanPurchases(PurchaseScan.all(), totals));
            Scan byHand = totals -> plain.scan(PlainJdbc.SCAN, options.fetchSize, totals);
            List<String> names = new ArrayList<>(List.of(SCAN_SDK, SCAN_JDBC));
            List<Scan> scans = new ArrayList<>(List.of(sdk, byHand));
            if (db.dialect() == Dialect.H2) {
                // H2 sorts the whole result unless the ORDER BY starts with the index's leading tenant_id
                names.add(SCAN_TENANT_FIRST);
                scans.add(totals -> plain.scan(PlainJdbc.SCAN_TENANT_FIRST, options.fetchSize, totals));
            }
            int v = names.size();
            Result[] best = new Result[v];
            double[][] rates = new double[v][options.runs];
            for (int run = 0; run < options.runs; run++) {
                for (int j = 0; j < v; j++) {
                    int k = (run + j) % v;
                    Result r = scanOnce(db, names.get(k), k >= 1, gen, scans.get(k));
                    rates[k][run] = r.rate();
                    out.printf(
                            Locale.ROOT,
                            "   run %d %-24s %7.2f s %,10.0f rows/s  %s  load %.1f%n",
                            run + 1,
                            names.get(k),
                            r.seconds(),
                            r.rate(),
                            r.note(),
                            load());
                    if (best[k] == null || r.seconds() < best[k].seconds()) {
                        best[k] = r;
                    }
                }
            }
            for (int k = 0; k < v; k++) {
                Result r = best[k];
                results.add(new Result(
                        r.database(),
                        r.phase(),
                        r.variant(),
                        r.ops(),
                        r.seconds(),
                        r.cpuSeconds(),
                        r.p50(),
                        r.p99(),
                        r.note() + "; runs: " + rateList(rates[k]) + " rows/s",
                        r.baseline()));
            }
        }
        printPhase(db, "scan", "rows/s", SCAN_JDBC);
    }

    /** The secondary indexes of {@code guanxi_order}, as migrations V1 and V12 make them (checked after the seed). */
    private static String[] dropSecondaryIndexes(Dialect dialect) {
        return dialect == Dialect.MARIADB
                ? new String[] {
                    "ALTER TABLE guanxi_order DROP INDEX ux_guanxi_order_number, DROP INDEX ix_guanxi_order_customer"
                }
                : new String[] {"DROP INDEX ux_guanxi_order_number", "DROP INDEX ix_guanxi_order_customer"};
    }

    private static String[] createSecondaryIndexes(Dialect dialect) {
        return dialect == Dialect.MARIADB
                ? new String[] {
                    "ALTER TABLE guanxi_order ADD UNIQUE INDEX ux_guanxi_order_number (tenant_id, order_number),"
                            + " ADD INDEX ix_guanxi_order_customer (tenant_id, customer_id, order_date, id, status,"
                            + " total_minor, currency)"
                }
                : new String[] {
                    "CREATE UNIQUE INDEX ux_guanxi_order_number ON guanxi_order (tenant_id, order_number)",
                    "CREATE INDEX ix_guanxi_order_customer ON guanxi_order (tenant_id, customer_id, order_date, id,"
                            + " status, total_minor, currency)"
                };
    }

    private static final String SCAN_SDK = "SDK scanPurchases";
    private static final String SCAN_JDBC = "plain JDBC, same query";
    private static final String SCAN_TENANT_FIRST = "plain JDBC, ORDER BY tenant_id, customer_id, … (proposed)";

    @FunctionalInterface
    private interface Scan {
        long run(ScanTotals totals) throws SQLException;
    }

    private Result scanOnce(BenchDatabase db, String variant, boolean baseline, BenchData.Orders gen, Scan scan)
            throws SQLException {
        HeapWatch heap = new HeapWatch();
        ScanTotals totals = new ScanTotals();
        long cpu = cpuNanos();
        long start = System.nanoTime();
        long n = scan.run(totals);
        double seconds = seconds(start);
        double cpuSeconds = (cpuNanos() - cpu) / 1e9;
        heap.stop();
        check(
                db,
                "scan " + variant + ": count, sum, customers, order",
                n == gen.generated()
                        && totals.count == gen.generated()
                        && totals.sumMinor == gen.sumMinor()
                        && totals.customers == gen.buyers()
                        && totals.ordered,
                "count " + totals.count + "/" + n + " (expected " + gen.generated() + "), sum " + totals.sumMinor
                        + " (expected " + gen.sumMinor() + "), customers " + totals.customers + " (expected "
                        + gen.buyers() + "), ordered " + totals.ordered);
        return new Result(
                db.name(),
                "scan",
                variant,
                n,
                seconds,
                cpuSeconds,
                Double.NaN,
                Double.NaN,
                String.format(
                        Locale.ROOT,
                        "peak heap %.0f MiB (sampled; pools' peaks %.0f MiB; live before %.0f MiB; -Xmx %.0f MiB)",
                        heap.sampledPeak / 1048576.0,
                        heap.poolPeaks() / 1048576.0,
                        heap.liveBefore / 1048576.0,
                        Runtime.getRuntime().maxMemory() / 1048576.0),
                baseline);
    }

    /**
     * The heap during a scan: a full GC and a reset of the pools' peak usage before, then a thread sampling
     * the used heap every 5 ms (garbage included) until {@link #stop()}.
     */
    static final class HeapWatch {
        private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong peak = new AtomicLong();
        private final Thread sampler;
        final long liveBefore;
        long sampledPeak;

        HeapWatch() {
            System.gc();
            liveBefore = used();
            pools.forEach(MemoryPoolMXBean::resetPeakUsage);
            sampler = new Thread(
                    () -> {
                        while (running.get()) {
                            peak.accumulateAndGet(used(), Math::max);
                            try {
                                Thread.sleep(5);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        private static long used() {
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }

        void stop() {
            running.set(false);
            try {
                sampler.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sampledPeak = Math.max(peak.get(), used());
        }

        /** @return the sum of the heap pools' peaks since the reset (an upper bound of the peak heap) */
        long poolPeaks() {
            return pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        }
    }

    // ---------------------------------------------------------------------------------------------- output

    private static long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** @return the system load average of the last minute (other processes compete for the 2 cores) */
    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private void check(BenchDatabase db, String what, boolean ok, String detail) {
        Check c = new Check(db.name(), what, ok, detail);
        checks.add(c);
        if (!ok) {
            out.println("CHECK FAILED: " + what + ": " + detail);
        }
    }

    private void record(
            BenchDatabase db,
            String phase,
            String variant,
            long ops,
            double seconds,
            double cpuSeconds,
            long[] latencies,
            String note,
            boolean baseline) {
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        if (latencies != null && latencies.length > 0) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            p50 = sorted[(int) Math.min(sorted.length - 1, Math.ceil(0.50 * sorted.length) - 1)] / 1e3;
            p99 = sorted[(int) Math.min(sorted.length - 1, Math.ceil(0.99 * sorted.length) - 1)] / 1e3;
        }
        results.add(new Result(db.name(), phase, variant, ops, seconds, cpuSeconds, p50, p99, note, baseline));
    }

    private void printPhase(BenchDatabase db, String phase, String unit, String reference) {
        out.println(table(db.name(), phase, unit, reference));
    }

    private String table(String database, String phase, String unit, String reference) {
        List<Result> rows = results.stream()
                .filter(r -> r.database().equals(database) && r.phase().equals(phase))
                .toList();
        Result ref = rows.stream()
                .filter(r -> r.variant().equals(reference))
                .findFirst()
                .orElse(null);
        boolean latencies = rows.stream().anyMatch(r -> !Double.isNaN(r.p50()));
        String per = latencies ? "op" : "row";
        StringBuilder b = new StringBuilder();
        b.append("| ")
                .append(phase)
                .append(" | ")
                .append(per)
                .append("s | s | ")
                .append(unit)
                .append(" | vs ")
                .append(reference)
                .append(" | client CPU µs/")
                .append(per)
                .append(latencies ? " | p50 µs | p99 µs" : "")
                .append(" | notes |\n|---|---:|---:|---:|---:|---:|")
                .append(latencies ? "---:|---:|" : "")
                .append("---|\n");
        for (Result r : rows) {
            b.append(String.format(
                    Locale.ROOT,
                    "| %s | %,d | %.2f | %,.0f | %s | %.1f |",
                    r.variant(),
                    r.ops(),
                    r.seconds(),
                    r.rate(),
                    ref == null ? "" : String.format(Locale.ROOT, "%.0f%%", 100 * r.rate() / ref.rate()),
                    r.cpuMicrosPerOp()));
            if (latencies) {
                b.append(String.format(Locale.ROOT, " %.0f | %.0f |", r.p50(), r.p99()));
            }
            b.append(' ').append(r.note()).append(" |\n");
        }
        return b.toString();
    }

    private String markdown() {
        StringBuilder b = new StringBuilder();
        List<String> databases =
                results.stream().map(Result::database).distinct().toList();
        for (String database : databases) {
            b.append("#### ").append(database).append("\n\n");
            for (String phase : Options.ALL_PHASES) {
                String reference = results.stream()
                        .filter(r -> r.database().equals(database) && r.phase().equals(phase) && r.baseline())
                        .map(Result::variant)
                        .findFirst() // the first baseline of the phase: plain JDBC, not COPY
                        .orElse(null);
                if (reference == null) {
                    continue;
                }
                String unit = switch (phase) {
                    case "import", "scan" -> "rows/s";
                    case "reads" -> "reads/s";
                    default -> "ops/s";
                };
                b.append(table(database, phase, unit, reference)).append('\n');
            }
        }
        return b.toString();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    @Override
    public String toString() {
        return "StorageBenchmark" + Objects.toString(options);
    }
}
