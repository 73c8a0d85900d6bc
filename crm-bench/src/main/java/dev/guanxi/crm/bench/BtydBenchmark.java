package dev.guanxi.crm.bench;

import dev.guanxi.crm.analytics.BgNbdModel;
import dev.guanxi.crm.analytics.BgNbdSimulator;
import dev.guanxi.crm.analytics.CustomerSummaries;
import dev.guanxi.crm.analytics.FitOptions;
import dev.guanxi.crm.analytics.ModelFit;
import dev.guanxi.crm.analytics.PeriodUnit;
import dev.guanxi.crm.analytics.PurchasePatterns;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The end-to-end BTYD benchmark harness: the "model path" of the BG/NBD analytics on synthetic customers, timed
 * phase by phase, with the heap it needs. What it does, in order:
 *
 * <ol>
 *   <li>Draws {@code --customers} summaries (default 1,000,000) from the BG/NBD process at the CDNOW parameters (r =
 *       0.243, α = 4.414, a = 0.793, b = 2.426, weeks; T uniform on [27, 39] weeks rounded to days, as {@link
 *       BgNbdSimulator} does) from a fixed seed; not timed. Optionally writes them as CSV {@code frequency,recency,T}
 *       for the Python reference ({@code --export FILE}). With {@code --recency-days true} the simulator's continuous
 *       purchase times are rounded to whole days first, as a transaction log would record them (far fewer distinct
 *       patterns).
 *   <li>Then {@code --warmup} unmeasured and {@code --runs} measured repetitions of: (a) compressing the summaries
 *       into weighted patterns ({@link PurchasePatterns#of}), (b) the BG/NBD maximum-likelihood fit on the patterns
 *       ({@link BgNbdModel#fit(PurchasePatterns, FitOptions)}, default options), (b') the same fit with the
 *       likelihood evaluated on {@code --threads} threads (default: all cores; the same bits, checked), (c) scoring
 *       every customer — P(alive) and E[Y(39) | x, t_x, T] into two {@code double[]} — with the batch
 *       {@link BgNbdModel#score} on one thread, and (d) per-customer scoring on {@code --threads} threads with a fixed
 *       chunking ({@code --chunk} customers per task), which gives the same bits as (c) (checked).
 *   <li>Prints the median, minimum and maximum of each phase, the fitted parameters and log-likelihood, and the heap:
 *       used heap at the end of each phase (before a full GC, so garbage included), the live heap after the GC, and
 *       the sum of the heap pools' peak usage over the measured runs (an upper bound of the peak). Run it with {@code
 *       -Xmx200m} to show that the model path fits in 200 MB.
 * </ol>
 *
 * <p>Usage: {@code java -Xmx200m -jar crm-bench/target/crm-bench.jar [--customers N] [--seed S] [--warmup W] [--runs
 * R] [--threads K] [--chunk C] [--horizon H] [--export FILE.csv] [--predictions FILE.csv] [--params FILE.json] [--recency-days true]}. See
 * docs/BENCHMARKS.md.
 *
 * <p>Not thread-safe; a command-line tool.
 */
public final class BtydBenchmark {
    /** The CDNOW maximum-likelihood parameters of Fader, Hardie and Lee (2005), in weeks. */
    static final BgNbdModel CDNOW = BgNbdModel.of(0.243, 4.414, 0.793, 2.426);

    private final Options options;
    private final PrintStream out;

    BtydBenchmark(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /**
     * Runs the harness.
     *
     * @param args the options (see the class comment)
     * @throws Exception if a file cannot be written or a scoring task fails
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
        new BtydBenchmark(options, System.out).run();
    }

    /** The harness's options. */
    record Options(
            int customers,
            long seed,
            int warmup,
            int runs,
            int threads,
            int chunk,
            double horizon,
            Path export,
            Path predictions,
            Path params,
            boolean recencyInDays) {
        static final String USAGE = "usage: BtydBenchmark [--customers N] [--seed S] [--warmup W] [--runs R]"
                + " [--threads K] [--chunk C] [--horizon H] [--export FILE.csv] [--predictions FILE.csv]"
                + " [--params FILE.json] [--recency-days true|false]";

        static Options parse(String... args) {
            int customers = 1_000_000;
            long seed = 20050301L;
            int warmup = 3;
            int runs = 5;
            int threads = Runtime.getRuntime().availableProcessors();
            int chunk = 1 << 14;
            double horizon = 39;
            Path export = null;
            Path predictions = null;
            Path params = null;
            boolean recencyInDays = false;
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value after " + name);
                }
                String value = args[++i];
                switch (name) {
                    case "--customers" -> customers = positive(name, Integer.parseInt(value), 0);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--warmup" -> warmup = positive(name, Integer.parseInt(value), 0);
                    case "--runs" -> runs = positive(name, Integer.parseInt(value), 1);
                    case "--threads" -> threads = positive(name, Integer.parseInt(value), 1);
                    case "--chunk" -> chunk = positive(name, Integer.parseInt(value), 1);
                    case "--horizon" -> horizon = Double.parseDouble(value);
                    case "--export" -> export = Path.of(value);
                    case "--predictions" -> predictions = Path.of(value);
                    case "--params" -> params = Path.of(value);
                    case "--recency-days" -> recencyInDays = Boolean.parseBoolean(value);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            return new Options(
                    customers, seed, warmup, runs, threads, chunk, horizon, export, predictions, params, recencyInDays);
        }

        private static int positive(String name, int value, int min) {
            if (value < min) {
                throw new IllegalArgumentException(name + " must be at least " + min + ": " + value);
            }
            return value;
        }
    }

    /** What one run of the harness measured (seconds per phase, one entry per measured run). */
    record Report(
            double[] patterns,
            double[] fit,
            double[] scoreOne,
            double[] scoreAll,
            ModelFit<BgNbdModel> lastFit,
            int patternCount,
            boolean identical,
            double checksum) {}

    Report run() throws IOException, InterruptedException, ExecutionException {
        Runtime rt = Runtime.getRuntime();
        out.printf(
                Locale.ROOT,
                "java %s (%s), %d processors, max heap %.0f MiB%n",
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"),
                rt.availableProcessors(),
                rt.maxMemory() / 1048576.0);
        out.printf(
                Locale.ROOT,
                "customers %d, seed %d, warm-up %d, runs %d, threads %d, chunk %d, horizon %s%n",
                options.customers,
                options.seed,
                options.warmup,
                options.runs,
                options.threads,
                options.chunk,
                options.horizon);

        long t0 = System.nanoTime();
        CustomerSummaries summaries =
                BgNbdSimulator.simulate(CDNOW, options.customers, 27, 39, PeriodUnit.WEEKS, options.seed);
        if (options.recencyInDays) {
            summaries = recencyInWholeDays(summaries);
            out.println("recency rounded to whole days (at least 1, at most T), as a transaction log records it");
        }
        out.printf(Locale.ROOT, "simulated in %.3f s (not part of the model path)%n", seconds(t0));
        describe(summaries);
        if (options.export != null) {
            writeSummaries(summaries, options.export);
            out.println("summaries written to " + options.export);
        }

        int n = summaries.size();
        double[] pAlive = new double[n];
        double[] expected = new double[n];
        double[] pAliveAll = new double[n];
        double[] expectedAll = new double[n];
        Heap heap = new Heap();
        heap.settle();
        out.printf(Locale.ROOT, "live heap with summaries and 4 output columns: %.1f MiB%n", heap.live / 1048576.0);
        heap.resetPeaks();

        int total = options.warmup + options.runs;
        double[] tPatterns = new double[options.runs];
        double[] tFit = new double[options.runs];
        double[] tFitAll = new double[options.runs];
        double[] tOne = new double[options.runs];
        double[] tAll = new double[options.runs];
        boolean fitsIdentical = true;
        ModelFit<BgNbdModel> fit = null;
        int patternCount = 0;
        ExecutorService pool = Executors.newFixedThreadPool(options.threads, r -> {
            Thread thread = new Thread(r, "score");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (int rep = 0; rep < total; rep++) {
                boolean measured = rep >= options.warmup;
                int m = rep - options.warmup;

                long start = System.nanoTime();
                PurchasePatterns patterns = PurchasePatterns.of(summaries);
                double patternsTime = seconds(start);
                patternCount = patterns.size();
                heap.phaseEnd("patterns");

                start = System.nanoTime();
                fit = BgNbdModel.fit(patterns, FitOptions.defaults());
                double fitTime = seconds(start);
                heap.phaseEnd("fit");

                start = System.nanoTime();
                ModelFit<BgNbdModel> fitAll =
                        BgNbdModel.fit(patterns, FitOptions.defaults().withParallelism(options.threads));
                double fitAllTime = seconds(start);
                heap.phaseEnd("fit, " + options.threads + " threads");
                fitsIdentical &= fitAll.logLikelihood() == fit.logLikelihood()
                        && fitAll.model().r() == fit.model().r()
                        && fitAll.model().alpha() == fit.model().alpha()
                        && fitAll.model().a() == fit.model().a()
                        && fitAll.model().b() == fit.model().b();
                patterns = null; // the scoring path needs only the model

                BgNbdModel model = fit.model();
                start = System.nanoTime();
                model.score(summaries, options.horizon, pAlive, expected); // batch: shares work per (x, T)
                double oneTime = seconds(start);
                heap.phaseEnd("score, 1 thread");

                start = System.nanoTime();
                scoreParallel(pool, model, summaries, pAliveAll, expectedAll);
                double allTime = seconds(start);
                heap.phaseEnd("score, " + options.threads + " threads");

                out.printf(
                        Locale.ROOT,
                        "%s %d: patterns %.4f s, fit %.4f s (%d iterations, %d evaluations), fit %d threads %.4f s,"
                                + " score 1 thread %.4f s, score %d threads %.4f s%n",
                        measured ? "run" : "warm-up",
                        measured ? m + 1 : rep + 1,
                        patternsTime,
                        fitTime,
                        fit.iterations(),
                        fit.evaluations(),
                        options.threads,
                        fitAllTime,
                        oneTime,
                        options.threads,
                        allTime);
                if (measured) {
                    tPatterns[m] = patternsTime;
                    tFit[m] = fitTime;
                    tFitAll[m] = fitAllTime;
                    tOne[m] = oneTime;
                    tAll[m] = allTime;
                }
            }
        } finally {
            pool.shutdownNow();
        }

        boolean identical = Arrays.equals(pAlive, pAliveAll) && Arrays.equals(expected, expectedAll);
        double checksum = 0;
        for (int i = 0; i < n; i++) {
            checksum += expected[i];
        }
        BgNbdModel model = fit.model();
        out.println();
        out.printf(
                Locale.ROOT,
                "fit: converged %s, %d iterations, %d evaluations, gradient %.3g%n",
                fit.isConverged(),
                fit.iterations(),
                fit.evaluations(),
                fit.gradientNorm());
        out.printf(
                Locale.ROOT,
                "parameters: r=%.17g alpha=%.17g a=%.17g b=%.17g%n",
                model.r(),
                model.alpha(),
                model.a(),
                model.b());
        out.printf(Locale.ROOT, "log-likelihood: %.17g%n", fit.logLikelihood());
        out.printf(
                Locale.ROOT,
                "patterns: %d distinct of %d customers; sum of E[Y(%s)] = %.10g; all-core results bit-identical to"
                        + " 1 thread: %s; %d-thread fit bit-identical: %s%n",
                patternCount,
                n,
                options.horizon,
                checksum,
                identical,
                options.threads,
                fitsIdentical);
        out.println();
        out.printf(Locale.ROOT, "%-28s %10s %10s %10s%n", "phase (seconds)", "median", "min", "max");
        row("patterns", tPatterns);
        row("fit", tFit);
        row("fit, " + options.threads + " threads", tFitAll);
        row("score, batch, 1 thread", tOne);
        row("score, per customer, " + options.threads + " thr", tAll);
        double[] totalOne = sum(tPatterns, tFit, tOne);
        // The batch scoring on one thread beats per-customer scoring on all cores; the all-core total uses it.
        double[] totalAll = sum(tPatterns, tFitAll, tOne);
        row("total, 1 thread", totalOne);
        row("total, fit on " + options.threads + " threads", totalAll);
        out.println();
        heap.print(out);

        if (options.predictions != null) {
            writePredictions(summaries, pAlive, expected, options.predictions);
            out.println("predictions written to " + options.predictions);
        }
        if (options.params != null) {
            writeParams(fit, n, options.params);
            out.println("parameters written to " + options.params);
        }
        return new Report(tPatterns, tFit, tOne, tAll, fit, patternCount, identical, checksum);
    }

    /** Scores customers [from, to): P(alive) and E[Y(horizon) | x, t_x, T]. */
    static void score(
            BgNbdModel model,
            CustomerSummaries s,
            double horizon,
            double[] pAlive,
            double[] expected,
            int from,
            int to) {
        for (int i = from; i < to; i++) {
            double x = s.frequency(i);
            double tx = s.recency(i);
            double age = s.age(i);
            pAlive[i] = model.probabilityAlive(x, tx, age);
            expected[i] = model.conditionalExpectedPurchases(horizon, x, tx, age);
        }
    }

    private void scoreParallel(
            ExecutorService pool, BgNbdModel model, CustomerSummaries s, double[] pAlive, double[] expected)
            throws InterruptedException, ExecutionException {
        int n = s.size();
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int from = 0; from < n; from += options.chunk) {
            int lo = from;
            int hi = Math.min(n, from + options.chunk);
            tasks.add(() -> {
                score(model, s, options.horizon, pAlive, expected, lo, hi);
                return null;
            });
        }
        for (Future<Void> f : pool.invokeAll(tasks)) {
            f.get();
        }
    }

    /**
     * The simulator's purchase times are continuous; a transaction log records days. Rounds t_x to the nearest
     * whole day, at least day 1 (a purchase on day 0 would merge with the first) and at most T.
     */
    static CustomerSummaries recencyInWholeDays(CustomerSummaries s) {
        double[] x = s.frequencies();
        double[] tx = s.recencies();
        double[] age = s.ages();
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0) {
                tx[i] = Math.min(age[i], Math.max(1, Math.rint(tx[i] * 7)) / 7);
            }
        }
        return CustomerSummaries.of(x, tx, age, null, PeriodUnit.WEEKS);
    }

    private void describe(CustomerSummaries s) {
        int n = s.size();
        long zero = 0;
        double purchases = 0;
        double maxX = 0;
        for (int i = 0; i < n; i++) {
            double x = s.frequency(i);
            if (x == 0) {
                zero++;
            }
            purchases += x;
            maxX = Math.max(maxX, x);
        }
        out.printf(
                Locale.ROOT,
                "customers with x = 0: %.1f%%, mean x %.4f, max x %.0f%n",
                n == 0 ? 0 : 100.0 * zero / n,
                n == 0 ? 0 : purchases / n,
                maxX);
    }

    private void row(String name, double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        out.printf(
                Locale.ROOT,
                "%-28s %10.4f %10.4f %10.4f%n",
                name,
                median(sorted),
                sorted[0],
                sorted[sorted.length - 1]);
    }

    static double median(double[] sorted) {
        int k = sorted.length;
        return k % 2 == 1 ? sorted[k / 2] : (sorted[k / 2 - 1] + sorted[k / 2]) / 2;
    }

    private static double[] sum(double[]... columns) {
        double[] total = new double[columns[0].length];
        for (double[] c : columns) {
            for (int i = 0; i < total.length; i++) {
                total[i] += c[i];
            }
        }
        return total;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Writes {@code frequency,recency,T} with round-trip (shortest exact) decimal doubles. */
    static void writeSummaries(CustomerSummaries s, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("frequency,recency,T\n");
            StringBuilder line = new StringBuilder(64);
            for (int i = 0; i < s.size(); i++) {
                line.setLength(0);
                line.append(s.frequency(i))
                        .append(',')
                        .append(s.recency(i))
                        .append(',')
                        .append(s.age(i))
                        .append('\n');
                w.append(line);
            }
        }
    }

    private static void writePredictions(CustomerSummaries s, double[] pAlive, double[] expected, Path file)
            throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("p_alive,expected_purchases\n");
            for (int i = 0; i < s.size(); i++) {
                w.write(pAlive[i] + "," + expected[i] + "\n");
            }
        }
    }

    private static void writeParams(ModelFit<BgNbdModel> fit, int customers, Path file) {
        BgNbdModel m = fit.model();
        String json = String.format(
                Locale.ROOT,
                "{\"model\": \"bgnbd\", \"parameters\": {\"r\": %s, \"alpha\": %s, \"a\": %s, \"b\": %s},"
                        + " \"log_likelihood\": %s, \"customers\": %d, \"converged\": %s}%n",
                m.r(),
                m.alpha(),
                m.a(),
                m.b(),
                fit.logLikelihood(),
                customers,
                fit.isConverged());
        try {
            Files.writeString(file, json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Heap bookkeeping: used heap at phase ends (before GC), live heap after a full GC, and pool peaks. */
    private static final class Heap {
        private final List<MemoryPoolMXBean> pools = new ArrayList<>();
        private final List<String> phases = new ArrayList<>();
        private final List<double[]> usage = new ArrayList<>();
        private long live;

        Heap() {
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    pools.add(pool);
                }
            }
        }

        /** Full GC (excluded from the timings) and the live heap after it. */
        void settle() {
            System.gc();
            live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }

        void resetPeaks() {
            pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        }

        void phaseEnd(String phase) {
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            settle();
            int k = phases.indexOf(phase);
            if (k < 0) {
                phases.add(phase);
                usage.add(new double[] {used, live});
            } else {
                double[] u = usage.get(k);
                u[0] = Math.max(u[0], used);
                u[1] = Math.max(u[1], live);
            }
        }

        void print(PrintStream out) {
            out.printf(
                    Locale.ROOT, "%-28s %16s %16s%n", "heap (MiB), max over runs", "used before GC", "live after GC");
            double maxUsed = 0;
            for (int i = 0; i < phases.size(); i++) {
                double[] u = usage.get(i);
                maxUsed = Math.max(maxUsed, u[0]);
                out.printf(Locale.ROOT, "%-28s %16.1f %16.1f%n", phases.get(i), u[0] / 1048576.0, u[1] / 1048576.0);
            }
            long peaks = 0;
            StringBuilder detail = new StringBuilder();
            for (MemoryPoolMXBean pool : pools) {
                long peak = pool.getPeakUsage().getUsed();
                peaks += peak;
                detail.append(String.format(Locale.ROOT, " %s %.1f;", pool.getName(), peak / 1048576.0));
            }
            out.printf(
                    Locale.ROOT,
                    "peak used heap (sum of pool peaks, an upper bound): %.1f MiB (%s ); max used at a phase end:"
                            + " %.1f MiB; max heap (-Xmx) %.0f MiB%n",
                    peaks / 1048576.0,
                    detail.toString().trim(),
                    maxUsed / 1048576.0,
                    Runtime.getRuntime().maxMemory() / 1048576.0);
        }
    }
}
