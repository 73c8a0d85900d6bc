package dev.guanxi.crm.examples;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.classification.ScoringListener;
import dev.guanxi.crm.classification.ScoringReport;
import dev.guanxi.crm.classification.ScoringRequest;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.lifecycle.LifecycleRule;
import dev.guanxi.crm.lifecycle.StageTransition;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.NewOrder;
import dev.guanxi.crm.sales.OrderLine;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A nightly scoring job: a {@link ScheduledExecutorService} runs the SDK's scoring run for the day that just
 * ended, logs its progress through SLF4J (the run's {@link ScoringListener}) and prints a summary of the lifecycle
 * transitions the run made, counted by from → to stage.
 *
 * <pre>
 * java -cp crm-examples/target/crm-examples.jar dev.guanxi.crm.examples.NightlyJobExample --once
 * </pre>
 *
 * With {@code --once} the job runs once, at once, and the program ends; without it the job runs at once and then
 * every 24 hours until the JVM is stopped. The example scores a generated tenant of {@value #CUSTOMERS} customers
 * in memory; a host passes its own {@link Crm} (on its database) to {@link NightlyJob}.
 */
public final class NightlyJobExample {
    /** The customers of the generated tenant. */
    public static final int CUSTOMERS = 500;

    private static final Currency CNY = Currency.getInstance("CNY");

    private NightlyJobExample() {}

    /**
     * Schedules the job.
     *
     * @param args {@code --once} to run once and stop
     * @throws InterruptedException if interrupted while waiting for the job
     * @throws ExecutionException if the job failed
     */
    public static void main(String[] args) throws InterruptedException, ExecutionException {
        boolean once = Arrays.asList(args).contains("--once");
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Clock clock = Clock.systemUTC();
        try (Crm crm = Crm.builder().clock(clock).build()) {
            TenantCrm tenant = crm.tenant("acme");
            generate(tenant, CUSTOMERS, LocalDate.now(clock).minusDays(1), 42L);
            NightlyJob job = new NightlyJob(tenant, clock, out);
            ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "nightly-scoring");
                t.setDaemon(false);
                return t;
            });
            try {
                if (once) {
                    scheduler.schedule(job, 0, TimeUnit.SECONDS).get();
                } else {
                    // runs now and then every day; get() returns only if a run throws
                    scheduler.scheduleAtFixedRate(job, 0, 1, TimeUnit.DAYS).get();
                }
            } finally {
                scheduler.shutdown();
                scheduler.awaitTermination(1, TimeUnit.MINUTES);
            }
        }
    }

    /**
     * Fills a tenant with a deterministic population: customers with 0 to 6 purchases of CNY 100 to 5,000 on
     * days of the two years before {@code today}. O(customers).
     *
     * @param tenant the tenant, without customers
     * @param customers how many customers
     * @param today the last day a purchase may be on
     * @param seed the random seed
     */
    public static void generate(TenantCrm tenant, int customers, LocalDate today, long seed) {
        Random random = new Random(seed);
        for (int c = 0; c < customers; c++) {
            Customer customer = tenant.customers()
                    .register(CustomerDraft.organisation(String.format("Customer %04d", c))
                            .build());
            int purchases = random.nextInt(7);
            for (int p = 0; p < purchases; p++) {
                LocalDate day = today.minusDays(random.nextInt(730));
                long fen = 10_000L + random.nextInt(490_001);
                tenant.sales()
                        .recordPurchase(NewOrder.builder(customer.id(), day)
                                .line(OrderLine.of("SKU-" + random.nextInt(20), 1, Money.ofMinor(fen, CNY)))
                                .build());
            }
        }
    }

    /**
     * One night's work: score the previous day and summarise the lifecycle transitions. Safe to run from a
     * scheduler thread; runs must not overlap (a single-threaded scheduler guarantees that).
     */
    public static final class NightlyJob implements Runnable {
        private static final Logger LOG = LoggerFactory.getLogger(NightlyJob.class);

        private final TenantCrm tenant;
        private final Clock clock;
        private final PrintStream out;
        private volatile Summary last;

        /**
         * Creates the job.
         *
         * @param tenant the tenant to score
         * @param clock the clock that says which day just ended
         * @param out where the summary is printed
         */
        public NightlyJob(TenantCrm tenant, Clock clock, PrintStream out) {
            this.tenant = Objects.requireNonNull(tenant, "tenant");
            this.clock = Objects.requireNonNull(clock, "clock");
            this.out = Objects.requireNonNull(out, "out");
        }

        @Override
        public void run() {
            Summary summary = runFor(LocalDate.now(clock).minusDays(1));
            out.println(summary.render());
        }

        /** @return the summary of the latest run, or {@code null} before the first */
        public Summary last() {
            return last;
        }

        /**
         * Scores one day. O(n log n) in customers plus what the run reads.
         *
         * @param asOf the day scored
         * @return what the run did
         */
        public Summary runFor(LocalDate asOf) {
            LOG.info("nightly scoring of tenant {} as of {} starts", tenant.tenant(), asOf);
            ScoringListener progress = p -> LOG.info(
                    "scoring {}: {}/{} customers, {} snapshots written", p.phase(), p.done(), p.total(), p.written());
            ScoringReport report =
                    tenant.scoring().run(ScoringRequest.of(asOf, CNY).withListener(progress));
            LifecycleRule.Moves moves = report.result()
                    .result(LifecycleRule.NAME)
                    .flatMap(r -> r.attachment(LifecycleRule.Moves.class))
                    .orElseThrow();
            SortedMap<String, Integer> transitions = new TreeMap<>();
            for (int i = 0; i < report.customers(); i++) {
                moves.of(i).ifPresent(t -> transitions.merge(key(t), 1, Integer::sum));
            }
            Summary summary = new Summary(asOf, report.customers(), report.snapshotsWritten(), transitions);
            LOG.info(
                    "nightly scoring as of {} done in {} ms: {} transitions",
                    asOf,
                    report.elapsed().toMillis(),
                    moves.count());
            last = summary;
            return summary;
        }

        private static String key(StageTransition t) {
            return (t.from() == null ? "(new)" : t.from().name()) + " -> " + t.to().name();
        }
    }

    /**
     * What one nightly run did.
     *
     * @param asOf the day scored
     * @param customers the customers scored
     * @param snapshotsWritten the snapshots written (unchanged customers are skipped)
     * @param transitions the lifecycle transitions made, counted by {@code "FROM -> TO"} ({@code (new)} for a
     *     first placement), sorted by that text
     */
    public record Summary(LocalDate asOf, int customers, int snapshotsWritten, SortedMap<String, Integer> transitions) {
        /**
         * Copies the map.
         *
         * @param asOf the day scored
         * @param customers the customers scored
         * @param snapshotsWritten the snapshots written (unchanged customers are skipped)
         * @param transitions the lifecycle transitions made, counted by {@code "FROM -> TO"} ({@code (new)} for a first
         *     placement), sorted by that text
         */
        public Summary {
            Objects.requireNonNull(asOf, "asOf");
            transitions = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(transitions));
        }

        /** @return the number of transitions */
        public int transitionCount() {
            return transitions.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** @return the summary as lines: a header, then one line per from → to pair */
        public String render() {
            StringBuilder s = new StringBuilder()
                    .append("nightly run ")
                    .append(asOf)
                    .append(": ")
                    .append(customers)
                    .append(" customers, ")
                    .append(snapshotsWritten)
                    .append(" snapshots written, ")
                    .append(transitionCount())
                    .append(" transitions");
            for (Map.Entry<String, Integer> e : transitions.entrySet()) {
                s.append(System.lineSeparator())
                        .append("  ")
                        .append(e.getKey())
                        .append(": ")
                        .append(e.getValue());
            }
            return s.toString();
        }
    }
}
