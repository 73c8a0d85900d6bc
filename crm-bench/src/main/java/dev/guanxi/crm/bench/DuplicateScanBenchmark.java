package dev.guanxi.crm.bench;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.spi.storage.UnitOfWorkContext;
import dev.guanxi.crm.stewardship.DuplicateCandidate;
import dev.guanxi.crm.stewardship.DuplicateDetector;
import dev.guanxi.crm.stewardship.DuplicateScanListener;
import dev.guanxi.crm.stewardship.DuplicateScanOptions;
import dev.guanxi.crm.stewardship.DuplicateScanReport;
import dev.guanxi.crm.stewardship.Stewardship;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The whole-tenant duplicate scan of issue 7 ("1,000,000 customers scanned in minutes, not hours") on the
 * in-memory store, on one thread.
 *
 * <ol>
 *   <li>Generates {@code --customers} customers (default 1,000,000) with {@link DuplicateTenant} from {@code
 *       --seed}: 10% of the originals get one or two duplicates (typos, swapped names, full-width letters,
 *       other legal forms, reformatted phones, e-mail in other case...). Inserts them into the in-memory store
 *       in batches of 500 ({@code insertAll}, one transaction each; ids drawn from the seed). Not timed as part
 *       of the scan.
 *   <li>Runs {@code --runs} scans ({@code Stewardship.scanDuplicates} with {@link
 *       DuplicateDetector#defaults(String) DuplicateDetector.defaults("CN")} and blocks of at most {@code
 *       --max-block} customers), each timed in whole and by phase from the progress listener: read (streaming the
 *       store's scan, normalising every customer, hashing its blocking keys), block (radix sort of the keys,
 *       per-customer block lists), score (every pair of every block, each pair once), and the candidates found.
 *       The first run includes JIT warm-up; there is no separate warm-up because one run at 1M takes tens of
 *       seconds.
 *   <li>Prints the report (customers, blocks, pairs compared, oversized blocks skipped), precision and recall
 *       against the planted duplicates (pairs within one generated cluster), the live heap after a full GC with
 *       the tenant held, and the sum of the heap pools' peaks.
 * </ol>
 *
 * <p>Usage: {@code java -Xmx6g -cp crm-bench/target/crm-bench.jar dev.guanxi.crm.bench.DuplicateScanBenchmark
 * [--customers N] [--seed S] [--max-block B] [--runs R]}. See docs/BENCHMARKS.md.
 *
 * <p>Not thread-safe; a command-line tool.
 */
public final class DuplicateScanBenchmark {
    private DuplicateScanBenchmark() {}

    /** Command-line options. */
    record Options(int customers, long seed, int maxBlock, int runs) {
        static Options parse(String... args) {
            int customers = 1_000_000;
            long seed = 42;
            int maxBlock = DuplicateScanOptions.DEFAULT_MAX_BLOCK_SIZE;
            int runs = 2;
            for (int i = 0; i < args.length; i += 2) {
                String value = args[i + 1];
                switch (args[i]) {
                    case "--customers" -> customers = Integer.parseInt(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--max-block" -> maxBlock = Integer.parseInt(value);
                    case "--runs" -> runs = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Options(customers, seed, maxBlock, runs);
        }
    }

    /** What a run measured. */
    record Result(
            int customers,
            double loadMs,
            double[] scanMs,
            DuplicateScanReport report,
            double precision,
            double recall,
            long liveHeapBytes) {}

    /**
     * Runs the benchmark.
     *
     * @param args the options
     */
    public static void main(String[] args) {
        Result r = run(Options.parse(args), System.out);
        double best = Double.MAX_VALUE;
        for (double ms : r.scanMs()) {
            best = Math.min(best, ms);
        }
        System.out.printf(
                "customers=%d load=%.0f ms scan best=%.0f ms candidates=%d live heap=%d MB%n",
                r.customers(), r.loadMs(), best, r.report().candidates().size(), r.liveHeapBytes() >> 20);
    }

    static Result run(Options o, PrintStream out) {
        Crm crm = Crm.builder().build();
        TenantId tenant = TenantId.of("bench");
        SplittableRandom ids = new SplittableRandom(o.seed() ^ 0x5DEECE66DL);
        Instant now = Instant.parse("2026-11-22T00:00:00Z");
        long t0 = System.nanoTime();
        List<Customer> batch = new ArrayList<>(500);
        int[] count = {0};
        Map<CustomerId, Integer> clusterOf = new HashMap<>();
        Map<Integer, Integer> clusterSize = new HashMap<>();
        DuplicateTenant.generate(o.seed(), o.customers(), 0.10, row -> {
            CustomerId id = new CustomerId(new UUID(ids.nextLong(), ids.nextLong()));
            batch.add(Customer.create(id, row.draft(), now));
            clusterOf.put(id, row.cluster());
            clusterSize.merge(row.cluster(), 1, Integer::sum);
            count[0]++;
            if (batch.size() == 500) {
                insert(crm, tenant, batch);
            }
        });
        insert(crm, tenant, batch);
        double loadMs = (System.nanoTime() - t0) / 1e6;
        out.printf("generated and stored %d customers in %.0f ms%n", count[0], loadMs);

        Stewardship stewardship = crm.tenant(tenant).stewardship(DuplicateDetector.defaults("CN"));
        double[] ms = new double[o.runs()];
        DuplicateScanReport report = null;
        for (int r = 0; r < o.runs(); r++) {
            Map<DuplicateScanListener.Phase, Long> at = new EnumMap<>(DuplicateScanListener.Phase.class);
            long start = System.nanoTime();
            DuplicateScanOptions options =
                    new DuplicateScanOptions(o.maxBlock(), p -> at.put(p.phase(), System.nanoTime()));
            DuplicateScanReport previous = report;
            report = stewardship.scanDuplicates(options);
            long end = System.nanoTime();
            ms[r] = (end - start) / 1e6;
            out.printf(
                    "run %d: %.0f ms (read %.0f, block %.0f, score %.0f)%n",
                    r + 1,
                    ms[r],
                    (at.get(DuplicateScanListener.Phase.READ) - start) / 1e6,
                    (at.get(DuplicateScanListener.Phase.BLOCKED) - at.get(DuplicateScanListener.Phase.READ)) / 1e6,
                    (at.get(DuplicateScanListener.Phase.COMPLETED) - at.get(DuplicateScanListener.Phase.BLOCKED))
                            / 1e6);
            if (previous != null && !previous.equals(report)) {
                throw new IllegalStateException("run " + (r + 1) + " reported differently");
            }
        }
        if (report == null) {
            throw new IllegalStateException("no measured run");
        }
        out.println("report: " + report.reason());
        long truePairs = 0;
        for (int size : clusterSize.values()) {
            truePairs += (long) size * (size - 1) / 2;
        }
        long truePositives = 0;
        for (DuplicateCandidate c : report.candidates()) {
            if (clusterOf.get(c.customerA()).equals(clusterOf.get(c.customerB()))) {
                truePositives++;
            }
        }
        double precision = report.candidates().isEmpty()
                ? 1.0
                : (double) truePositives / report.candidates().size();
        double recall = truePairs == 0 ? 1.0 : (double) truePositives / truePairs;
        out.printf(
                "quality: %d planted pairs, %d candidates, %d true: precision %.4f, recall %.4f%n",
                truePairs, report.candidates().size(), truePositives, precision, recall);
        clusterOf.clear();
        System.gc();
        long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long peaks = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                peaks += p.getPeakUsage().getUsed();
            }
        }
        out.printf(
                "live heap after GC (tenant held): %d MB; sum of heap pool peaks: %d MB; max heap %d MB%n",
                live >> 20, peaks >> 20, Runtime.getRuntime().maxMemory() >> 20);
        java.lang.ref.Reference.reachabilityFence(crm);
        return new Result(count[0], loadMs, ms, report, precision, recall, live);
    }

    private static void insert(Crm crm, TenantId tenant, List<Customer> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<Customer> copy = List.copyOf(batch);
        crm.storage().inTransaction(UnitOfWorkContext.write(tenant), uow -> {
            uow.customers().insertAll(copy);
            return null;
        });
        batch.clear();
    }
}
