package dev.guanxi.crm.bench;

import dev.guanxi.crm.classification.AbcGrading;
import dev.guanxi.crm.classification.CustomerBase;
import dev.guanxi.crm.classification.CustomerScoring;
import dev.guanxi.crm.classification.RfmAnalysis;
import dev.guanxi.crm.classification.ScoringResult;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.loyalty.LoyaltyRule;
import dev.guanxi.crm.loyalty.LoyaltyScoring;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The whole-tenant classification benchmark of issue 5: grading (80/20) + RFM + loyalty + credit over {@code
 * --customers} customers (default 1,000,000) and {@code --purchases} purchases (default 10,000,000) held in
 * memory, on one thread.
 *
 * <ol>
 *   <li>Generates a deterministic tenant from {@code --seed}: each customer gets a Poisson-like number of purchases
 *       (mean purchases / customers) on sorted days within two years before the as-of day, amounts log-normal
 *       around 50.00, random overdue receivables for 10% of customers, satisfaction, complaints and payment
 *       behaviour columns. Loading them into a {@link CustomerBase} is timed separately ("load": the part a
 *       scoring run does while streaming from storage).
 *   <li>Then {@code --warmup} unmeasured and {@code --runs} measured classifications with {@link CustomerScoring}
 *       of the rules (in that order) {@code abc}, {@code rfm}, {@code credit}, {@code loyalty}; prints the median,
 *       minimum and maximum, the label counts (so the work cannot be optimised away; every run must give the same
 *       counts), and the heap: live heap after
 *       a full GC with the base and one result held, and the sum of the heap pools' peaks.
 * </ol>
 *
 * <p>Usage: {@code java -Xmx3g -cp crm-bench/target/crm-bench.jar dev.guanxi.crm.bench.ScoringBenchmark
 * [--customers N] [--purchases P] [--seed S] [--warmup W] [--runs R]}. See docs/BENCHMARKS.md.
 *
 * <p>Not thread-safe; a command-line tool.
 */
public final class ScoringBenchmark {
    private ScoringBenchmark() {}

    /** Command-line options. */
    record Options(int customers, long purchases, long seed, int warmup, int runs) {
        static Options parse(String... args) {
            int customers = 1_000_000;
            long purchases = 10_000_000;
            long seed = 42;
            int warmup = 2;
            int runs = 5;
            for (int i = 0; i < args.length; i += 2) {
                String value = args[i + 1];
                switch (args[i]) {
                    case "--customers" -> customers = Integer.parseInt(value);
                    case "--purchases" -> purchases = Long.parseLong(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--warmup" -> warmup = Integer.parseInt(value);
                    case "--runs" -> runs = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Options(customers, purchases, seed, warmup, runs);
        }
    }

    /** What a run measured. */
    record Result(
            int customers,
            long purchases,
            double loadMs,
            double[] classifyMs,
            Map<String, Map<String, Integer>> counts,
            long liveHeapBytes) {}

    /**
     * Runs the benchmark.
     *
     * @param args the options
     */
    public static void main(String[] args) {
        Result r = run(Options.parse(args), System.out);
        double[] sorted = r.classifyMs().clone();
        Arrays.sort(sorted);
        System.out.printf(
                "customers=%d purchases=%d load=%.0f ms classify median=%.0f ms min=%.0f max=%.0f live heap=%d MB%n",
                r.customers(),
                r.purchases(),
                r.loadMs(),
                sorted[sorted.length / 2],
                sorted[0],
                sorted[sorted.length - 1],
                r.liveHeapBytes() >> 20);
    }

    static CustomerScoring rules() {
        return CustomerScoring.builder()
                .add(AbcGrading.defaults())
                .add(RfmAnalysis.standard())
                .add(BenchRules.credit())
                .add(LoyaltyRule.of(
                        LoyaltyScoring.builder().recentWindowDays(90).build()))
                .build();
    }

    static Result run(Options o, PrintStream out) {
        LocalDate asOf = LocalDate.of(2026, 6, 30);
        int end = (int) asOf.toEpochDay();
        SplittableRandom random = new SplittableRandom(o.seed());
        long t0 = System.nanoTime();
        CustomerBase.Builder b =
                CustomerBase.builder(asOf, Currency.getInstance("USD")).recentDays(90);
        int n = o.customers();
        double mean = (double) o.purchases() / n;
        long total = 0;
        int[] days = new int[64];
        double[] satisfaction = new double[n];
        double[] slope = new double[n];
        double[] surveys = new double[n];
        double[] complaints = new double[n];
        double[] resolved = new double[n];
        for (int c = 0; c < n; c++) {
            int i = b.customer(new CustomerId(new UUID(random.nextLong(), random.nextLong())));
            // 1 + Poisson(mean - 1) by inversion: every customer bought at least once
            int k = 1 + poisson(random, mean - 1);
            if (k > days.length) {
                days = new int[Math.max(k, days.length * 2)];
            }
            for (int j = 0; j < k; j++) {
                days[j] = end - random.nextInt(730);
            }
            Arrays.sort(days, 0, k);
            for (int j = 0; j < k; j++) {
                long cents = Math.max(1, Math.round(5000 * Math.exp(0.8 * gaussian(random))));
                b.purchase(i, days[j], cents);
            }
            total += k;
            if (random.nextInt(10) == 0) {
                b.overdue(i, 100 + random.nextInt(100_000));
            }
            int s = random.nextInt(4);
            surveys[c] = s;
            satisfaction[c] = s == 0 ? Double.NaN : random.nextDouble();
            slope[c] = s < 2 ? Double.NaN : random.nextDouble() - 0.5;
            complaints[c] = random.nextInt(8) == 0 ? 1 + random.nextInt(3) : 0;
            resolved[c] = complaints[c] == 0 ? 0 : random.nextInt((int) complaints[c] + 1);
        }
        b.column("satisfactionMean", satisfaction)
                .column("satisfactionSlope", slope)
                .column("surveys", surveys)
                .column("complaints", complaints)
                .column("complaintsResolved", resolved);
        BenchRules.attachCredit(b, n, random);
        CustomerBase base = b.build();
        double loadMs = (System.nanoTime() - t0) / 1e6;
        out.printf("loaded %d customers, %d purchases in %.0f ms%n", n, total, loadMs);
        CustomerScoring rules = rules();
        for (int w = 0; w < o.warmup(); w++) {
            rules.classify(base);
        }
        double[] ms = new double[o.runs()];
        ScoringResult last = null;
        for (int r = 0; r < o.runs(); r++) {
            long start = System.nanoTime();
            ScoringResult previous = last;
            last = rules.classify(base);
            ms[r] = (System.nanoTime() - start) / 1e6;
            if (previous != null) {
                for (String rule : last.results().keySet()) {
                    if (!last.results()
                            .get(rule)
                            .counts()
                            .equals(previous.results().get(rule).counts())) {
                        throw new IllegalStateException("run " + (r + 1) + " labelled differently: " + rule);
                    }
                }
            }
            out.printf("run %d: %.0f ms%n", r + 1, ms[r]);
        }
        // one more pass, rule by rule, to show where the time goes
        Map<String, dev.guanxi.crm.classification.Classifications> earlier = new java.util.LinkedHashMap<>();
        StringBuilder perRule = new StringBuilder("per rule:");
        for (dev.guanxi.crm.classification.ClassificationRule rule : rules.rules()) {
            long start = System.nanoTime();
            earlier.put(
                    rule.name(),
                    rule.classify(base, new dev.guanxi.crm.classification.ClassificationContext(base.asOf(), earlier)));
            perRule.append(String.format(" %s %.0f ms", rule.name(), (System.nanoTime() - start) / 1e6));
        }
        out.println(perRule);
        earlier.clear();
        Map<String, Map<String, Integer>> counts = new java.util.LinkedHashMap<>();
        if (last != null) {
            last.results().forEach((name, c) -> counts.put(name, c.counts()));
        }
        System.gc();
        long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long peaks = 0;
        List<MemoryPoolMXBean> pools = new ArrayList<>(ManagementFactory.getMemoryPoolMXBeans());
        for (MemoryPoolMXBean p : pools) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                peaks += p.getPeakUsage().getUsed();
            }
        }
        out.printf("labels: %s%n", counts);
        out.printf(
                "live heap after GC (base + one result held): %d MB; sum of heap pool peaks: %d MB; max heap %d MB%n",
                live >> 20, peaks >> 20, Runtime.getRuntime().maxMemory() >> 20);
        if (last == null) {
            throw new IllegalStateException("no measured run");
        }
        return new Result(n, total, loadMs, ms, counts, live);
    }

    private static int poisson(SplittableRandom random, double lambda) {
        double l = Math.exp(-lambda);
        int k = 0;
        double p = random.nextDouble();
        double cdf = l;
        double term = l;
        while (p > cdf && k < 1000) {
            k++;
            term *= lambda / k;
            cdf += term;
        }
        return k;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
