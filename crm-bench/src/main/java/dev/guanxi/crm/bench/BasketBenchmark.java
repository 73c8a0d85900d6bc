package dev.guanxi.crm.bench;

import dev.guanxi.crm.analytics.AssociationOptions;
import dev.guanxi.crm.analytics.AssociationRule;
import dev.guanxi.crm.analytics.AssociationRules;
import dev.guanxi.crm.analytics.Baskets;
import dev.guanxi.crm.analytics.FrequentItemset;
import dev.guanxi.crm.analytics.Recommendation;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The market-basket benchmark harness: FP-growth association rules ({@link AssociationRules#mine}) on synthetic
 * order lines, timed, with the heap it needs. What it does, in order:
 *
 * <ol>
 *   <li>Generates {@code --lines} order lines (default 1,000,000) over {@code --products} products (default 5,000)
 *       from a fixed seed; not timed. Orders have 1 to 7 lines (uniform, mean 4, so about 250,000 orders for 1M
 *       lines); each line's product is drawn from a Zipf law with exponent {@code --zipf} (default 1: the product of
 *       popularity rank k is bought ∝ 1/k). Planted co-purchases make rules that chance alone would not: 20
 *       bundles of 2 and 5 bundles of 3 products, each a "trigger" of middling popularity (ranks 40 to 232) whose
 *       companions are rarely drawn on their own (ranks 1,000 and beyond); whenever a trigger is drawn, each
 *       companion is added to the same order with probability 0.6 (the added lines count in {@code --lines}). A
 *       product may repeat in an order; it counts once.
 *   <li>Then {@code --warmup} unmeasured and {@code --runs} measured repetitions of: (a) <b>build</b>: a new
 *       {@link Baskets}, one {@code add(orderNumber, productCode)} per line (one basket per order); (b)
 *       <b>mine</b>: {@link AssociationRules#mine} at {@code --min-support} (default 0.001), {@code
 *       --min-confidence} (default 0.1), {@code --max-size} (default 10): compaction of the baskets, FP-tree,
 *       FP-growth, every rule of every frequent itemset, both lists sorted; (c) <b>recommend</b>: {@code
 *       recommend(products of the order, 5)} for the first {@code --queries} orders (default 10,000).
 *   <li>Prints the median, minimum and maximum of each phase, what was found (itemsets by size, rules, whether
 *       every planted pair came out as a rule), the strongest rules with their reasons, and the heap: live heap
 *       after a full GC with the order lines and the baskets held, and the sum of the heap pools' peaks over the
 *       measured runs (an upper bound of the peak). State the {@code -Xmx} when quoting it.
 * </ol>
 *
 * <p>Usage: {@code java -Xmx256m -cp crm-bench/target/crm-bench.jar dev.guanxi.crm.bench.BasketBenchmark [--lines
 * N] [--products P] [--zipf S] [--seed S] [--warmup W] [--runs R] [--min-support F] [--min-confidence F] [--max-size
 * K] [--queries Q]}. See docs/BENCHMARKS.md.
 *
 * <p>Not thread-safe; a command-line tool.
 */
public final class BasketBenchmark {
    private final Options options;
    private final PrintStream out;

    BasketBenchmark(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /**
     * Runs the harness.
     *
     * @param args the options (see the class comment)
     */
    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        new BasketBenchmark(options, System.out).run();
    }

    /** The harness's options. */
    record Options(
            int lines,
            int products,
            double zipf,
            long seed,
            int warmup,
            int runs,
            double minSupport,
            double minConfidence,
            int maxSize,
            int queries) {
        static final String USAGE = "usage: BasketBenchmark [--lines N] [--products P] [--zipf S] [--seed S]"
                + " [--warmup W] [--runs R] [--min-support F] [--min-confidence F] [--max-size K] [--queries Q]";

        static Options parse(String... args) {
            int lines = 1_000_000;
            int products = 5_000;
            double zipf = 1.0;
            long seed = 20000501L;
            int warmup = 2;
            int runs = 5;
            double minSupport = 0.001;
            double minConfidence = 0.1;
            int maxSize = 10;
            int queries = 10_000;
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value after " + name);
                }
                String value = args[++i];
                switch (name) {
                    case "--lines" -> lines = atLeast(name, Integer.parseInt(value), 1);
                    case "--products" -> products = atLeast(name, Integer.parseInt(value), Bundles.MIN_PRODUCTS);
                    case "--zipf" -> zipf = Double.parseDouble(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--warmup" -> warmup = atLeast(name, Integer.parseInt(value), 0);
                    case "--runs" -> runs = atLeast(name, Integer.parseInt(value), 1);
                    case "--min-support" -> minSupport = Double.parseDouble(value);
                    case "--min-confidence" -> minConfidence = Double.parseDouble(value);
                    case "--max-size" -> maxSize = atLeast(name, Integer.parseInt(value), 1);
                    case "--queries" -> queries = atLeast(name, Integer.parseInt(value), 0);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if (!(zipf >= 0) || Double.isInfinite(zipf)) {
                throw new IllegalArgumentException("--zipf must be finite and at least 0: " + zipf);
            }
            return new Options(lines, products, zipf, seed, warmup, runs, minSupport, minConfidence, maxSize, queries);
        }

        private static int atLeast(String name, int value, int min) {
            if (value < min) {
                throw new IllegalArgumentException(name + " must be at least " + min + ": " + value);
            }
            return value;
        }

        AssociationOptions mining() {
            return AssociationOptions.defaults()
                    .withMinSupport(minSupport)
                    .withMinConfidence(minConfidence)
                    .withMaxItemsetSize(maxSize);
        }
    }

    /** The synthetic order lines: order index and product index per line, and the codes. */
    record OrderLines(int[] order, int[] product, String[] orderNumbers, String[] productCodes, int[][] bundles) {
        int size() {
            return order.length;
        }
    }

    /** The planted bundles: trigger first, then its companions (product indices = popularity ranks). */
    static final class Bundles {
        static final int PAIRS = 20;
        static final int TRIPLES = 5;
        static final int MIN_PRODUCTS = 1_000 + PAIRS + 2 * TRIPLES; // the companions take ranks 1,000 and on
        static final double COMPANION_PROBABILITY = 0.6;

        private Bundles() {}

        static int[][] plant(int products) {
            int[][] bundles = new int[PAIRS + TRIPLES][];
            int companion = 1_000;
            int stride = Math.max(1, (products - 1_000) / (PAIRS + 2 * TRIPLES));
            for (int b = 0; b < bundles.length; b++) {
                // ranks 40..232: at Zipf 1 and 1M lines even the rarest trigger is in ~450 orders, so its pairs
                // reach support 0.001; the triples get the most popular triggers
                int trigger = 40 + 8 * b;
                int size = b < TRIPLES ? 3 : 2;
                bundles[b] = new int[size];
                bundles[b][0] = trigger;
                for (int k = 1; k < size; k++) {
                    bundles[b][k] = companion;
                    companion += stride;
                }
            }
            return bundles;
        }
    }

    /** Generates the order lines (deterministic for the options' seed). */
    static OrderLines generate(Options o) {
        Random random = new Random(o.seed);
        double[] cdf = new double[o.products];
        double sum = 0;
        for (int k = 0; k < o.products; k++) {
            sum += 1 / Math.pow(k + 1, o.zipf);
            cdf[k] = sum;
        }
        for (int k = 0; k < o.products; k++) {
            cdf[k] /= sum;
        }
        int[][] bundles = Bundles.plant(o.products);
        int[][] companionsOf = new int[o.products][];
        for (int[] bundle : bundles) {
            companionsOf[bundle[0]] = Arrays.copyOfRange(bundle, 1, bundle.length);
        }
        int[] order = new int[o.lines];
        int[] product = new int[o.lines];
        int line = 0;
        int orders = 0;
        while (line < o.lines) {
            int size = 1 + random.nextInt(7);
            for (int j = 0; j < size && line < o.lines; j++) {
                int p = Arrays.binarySearch(cdf, random.nextDouble());
                p = p >= 0 ? p : Math.min(-p - 1, o.products - 1);
                order[line] = orders;
                product[line++] = p;
                int[] companions = companionsOf[p];
                if (companions != null) {
                    for (int c : companions) {
                        if (line < o.lines && random.nextDouble() < Bundles.COMPANION_PROBABILITY) {
                            order[line] = orders;
                            product[line++] = c;
                        }
                    }
                }
            }
            orders++;
        }
        String[] orderNumbers = new String[orders];
        for (int i = 0; i < orders; i++) {
            orderNumbers[i] = String.format(Locale.ROOT, "SO-%08d", i);
        }
        String[] productCodes = new String[o.products];
        for (int k = 0; k < o.products; k++) {
            productCodes[k] = String.format(Locale.ROOT, "SKU-%05d", k);
        }
        return new OrderLines(order, product, orderNumbers, productCodes, bundles);
    }

    /** What one run of the harness measured (seconds per phase, one entry per measured run) and found. */
    record Report(
            double[] build,
            double[] mine,
            double[] recommend,
            int orders,
            int itemsets,
            int rules,
            int plantedPairsFound,
            int plantedPairs,
            long recommendations,
            AssociationRules last) {}

    Report run() {
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
                "lines %d, products %d, zipf %s, seed %d, warm-up %d, runs %d, min support %s, min confidence %s,"
                        + " max size %d, queries %d%n",
                options.lines,
                options.products,
                options.zipf,
                options.seed,
                options.warmup,
                options.runs,
                options.minSupport,
                options.minConfidence,
                options.maxSize,
                options.queries);
        AssociationOptions mining = options.mining();

        long t0 = System.nanoTime();
        OrderLines data = generate(options);
        int orders = data.orderNumbers().length;
        out.printf(
                Locale.ROOT,
                "generated %d lines in %d orders (%.2f lines per order) in %.3f s (not timed)%n",
                data.size(),
                orders,
                (double) data.size() / orders,
                seconds(t0));
        Heap heap = new Heap();
        heap.settle();
        out.printf(Locale.ROOT, "live heap with the generated lines: %.1f MiB%n", heap.live / 1048576.0);
        heap.resetPeaks();

        int total = options.warmup + options.runs;
        double[] tBuild = new double[options.runs];
        double[] tMine = new double[options.runs];
        double[] tRecommend = new double[options.runs];
        AssociationRules mined = null;
        Baskets baskets = null;
        long offers = 0;
        double liveWithBaskets = 0;
        for (int rep = 0; rep < total; rep++) {
            boolean measured = rep >= options.warmup;
            int m = rep - options.warmup;
            baskets = null;
            mined = null;

            long start = System.nanoTime();
            baskets = build(data);
            double buildTime = seconds(start);
            if (rep == 0) {
                heap.settle();
                liveWithBaskets = heap.live;
                heap.resetPeaks();
            }

            start = System.nanoTime();
            mined = AssociationRules.mine(baskets, mining);
            double mineTime = seconds(start);

            start = System.nanoTime();
            offers = recommendAll(mined, baskets, data, Math.min(options.queries, orders));
            double recommendTime = seconds(start);

            out.printf(
                    Locale.ROOT,
                    "%s %d: build %.4f s, mine %.4f s (%d itemsets, %d rules), recommend %.4f s%n",
                    measured ? "run" : "warm-up",
                    measured ? m + 1 : rep + 1,
                    buildTime,
                    mineTime,
                    mined.itemsets().size(),
                    mined.rules().size(),
                    recommendTime);
            if (measured) {
                tBuild[m] = buildTime;
                tMine[m] = mineTime;
                tRecommend[m] = recommendTime;
            }
        }

        out.println();
        int[] bySize = new int[options.maxSize + 1];
        for (FrequentItemset s : mined.itemsets()) {
            bySize[s.size()]++;
        }
        StringBuilder sizes = new StringBuilder();
        for (int k = 1; k < bySize.length; k++) {
            if (bySize[k] > 0) {
                sizes.append(sizes.length() == 0 ? "" : ", ")
                        .append(bySize[k])
                        .append(" of size ")
                        .append(k);
            }
        }
        out.printf(
                Locale.ROOT,
                "baskets %d, distinct order lines %d; min count %d; frequent itemsets %d (%s); rules %d%n",
                mined.basketCount(),
                distinctLines(baskets),
                mined.minCount(),
                mined.itemsets().size(),
                sizes,
                mined.rules().size());
        int found = plantedPairsFound(mined, data);
        int planted = Bundles.PAIRS + 2 * Bundles.TRIPLES;
        out.printf(Locale.ROOT, "planted trigger-companion pairs found as rules: %d of %d%n", found, planted);
        out.println("strongest rules:");
        List<AssociationRule> rules = mined.rules();
        for (int i = 0; i < Math.min(5, rules.size()); i++) {
            out.println("  " + rules.get(i).antecedent() + " => " + rules.get(i).consequent() + ": "
                    + rules.get(i).reason());
        }
        out.printf(
                Locale.ROOT,
                "recommendations for %d orders: %d (%.2f per order)%n",
                Math.min(options.queries, orders),
                offers,
                options.queries == 0 ? 0.0 : (double) offers / Math.min(options.queries, orders));
        out.println();
        out.printf(Locale.ROOT, "%-28s %10s %10s %10s%n", "phase (seconds)", "median", "min", "max");
        row("build baskets", tBuild);
        row("mine (FP-growth + rules)", tMine);
        row("recommend, " + Math.min(options.queries, orders) + " orders", tRecommend);
        out.println();
        heap.print(out, liveWithBaskets);
        java.lang.ref.Reference.reachabilityFence(baskets);
        java.lang.ref.Reference.reachabilityFence(data);
        return new Report(
                tBuild,
                tMine,
                tRecommend,
                orders,
                mined.itemsets().size(),
                mined.rules().size(),
                found,
                planted,
                offers,
                mined);
    }

    private static Baskets build(OrderLines data) {
        Baskets baskets = new Baskets();
        int[] order = data.order();
        int[] product = data.product();
        String[] numbers = data.orderNumbers();
        String[] codes = data.productCodes();
        for (int i = 0; i < order.length; i++) {
            baskets.add(numbers[order[i]], codes[product[i]]);
        }
        return baskets;
    }

    private static long recommendAll(AssociationRules mined, Baskets baskets, OrderLines data, int queries) {
        long offers = 0;
        for (int q = 0; q < queries; q++) {
            Set<String> bought = baskets.products(data.orderNumbers()[q]);
            List<Recommendation> list = mined.recommend(bought, 5);
            offers += list.size();
        }
        return offers;
    }

    private static long distinctLines(Baskets baskets) {
        long lines = 0;
        for (int b = 0; b < baskets.basketCount(); b++) {
            lines += baskets.basketSize(b);
        }
        return lines;
    }

    /** How many (trigger, companion) pairs of the planted bundles are a rule trigger ⇒ companion. */
    static int plantedPairsFound(AssociationRules mined, OrderLines data) {
        Set<List<String>> rules = new HashSet<>();
        for (AssociationRule r : mined.rules()) {
            if (r.antecedent().size() == 1 && r.consequent().size() == 1) {
                rules.add(List.of(r.antecedent().get(0), r.consequent().get(0)));
            }
        }
        int found = 0;
        String[] codes = data.productCodes();
        for (int[] bundle : data.bundles()) {
            for (int k = 1; k < bundle.length; k++) {
                if (rules.contains(List.of(codes[bundle[0]], codes[bundle[k]]))) {
                    found++;
                }
            }
        }
        return found;
    }

    private void row(String name, double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        out.printf(
                Locale.ROOT,
                "%-28s %10.4f %10.4f %10.4f%n",
                name,
                BtydBenchmark.median(sorted),
                sorted[0],
                sorted[sorted.length - 1]);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Heap bookkeeping: live heap after a full GC, and the heap pools' peaks. */
    private static final class Heap {
        private final List<MemoryPoolMXBean> pools = new ArrayList<>();
        private long live;

        Heap() {
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    pools.add(pool);
                }
            }
        }

        void settle() {
            System.gc();
            live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }

        void resetPeaks() {
            pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        }

        void print(PrintStream out, double liveWithBaskets) {
            long peaks = 0;
            StringBuilder detail = new StringBuilder();
            for (MemoryPoolMXBean pool : pools) {
                long peak = pool.getPeakUsage().getUsed();
                peaks += peak;
                detail.append(String.format(Locale.ROOT, " %s %.1f;", pool.getName(), peak / 1048576.0));
            }
            settle();
            out.printf(
                    Locale.ROOT,
                    "heap: live after GC with lines + baskets %.1f MiB; with lines + baskets + the last result %.1f"
                            + " MiB; peak used over all runs (sum of pool peaks, an upper bound) %.1f MiB (%s );"
                            + " max heap (-Xmx) %.0f MiB%n",
                    liveWithBaskets / 1048576.0,
                    live / 1048576.0,
                    peaks / 1048576.0,
                    detail.toString().trim(),
                    Runtime.getRuntime().maxMemory() / 1048576.0);
        }
    }
}
