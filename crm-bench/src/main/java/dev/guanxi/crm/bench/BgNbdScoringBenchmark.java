package dev.guanxi.crm.bench;

import dev.guanxi.crm.analytics.BgNbdModel;
import dev.guanxi.crm.analytics.BgNbdSimulator;
import dev.guanxi.crm.analytics.CustomerSummaries;
import dev.guanxi.crm.analytics.PeriodUnit;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scoring one customer with a fitted BG/NBD model (the CDNOW parameters): P(alive | x, t_x, T) and the 39-week
 * conditional expectation E[Y(39) | x, t_x, T], over {@value #CUSTOMERS} customers drawn from the BG/NBD process
 * (so the mix of x = 0 customers, which skip the series, and repeat buyers is realistic). Each {@code @Benchmark}
 * loops over all customers and reports nanoseconds per customer (average time, one thread; the loop sums the
 * results so nothing is dead code).
 *
 * <p>Run: {@code java -cp crm-bench/target/crm-bench.jar org.openjdk.jmh.Main BgNbdScoringBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx200m")
public class BgNbdScoringBenchmark {
    static final int CUSTOMERS = 100_000;

    private final BgNbdModel model = BtydBenchmark.CDNOW;
    private double[] x;
    private double[] tx;
    private double[] age;

    /** Simulates the customers once per trial. */
    @Setup
    public void setUp() {
        CustomerSummaries s = BgNbdSimulator.simulate(model, CUSTOMERS, 27, 39, PeriodUnit.WEEKS, 20050301L);
        x = s.frequencies();
        tx = s.recencies();
        age = s.ages();
    }

    /**
     * P(alive) and E[Y(39)] for every customer (what the harness's scoring phase does per customer).
     *
     * @return a checksum
     */
    @Benchmark
    @OperationsPerInvocation(CUSTOMERS)
    public double aliveAndExpected() {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += model.probabilityAlive(x[i], tx[i], age[i]);
            sum += model.conditionalExpectedPurchases(39, x[i], tx[i], age[i]);
        }
        return sum;
    }

    /**
     * P(alive) alone (closed form: one log, one log1p and a logistic).
     *
     * @return a checksum
     */
    @Benchmark
    @OperationsPerInvocation(CUSTOMERS)
    public double probabilityAlive() {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += model.probabilityAlive(x[i], tx[i], age[i]);
        }
        return sum;
    }

    /**
     * E[Y(39)] alone (P(alive) times the Gauss hypergeometric series).
     *
     * @return a checksum
     */
    @Benchmark
    @OperationsPerInvocation(CUSTOMERS)
    public double expectedPurchases() {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += model.conditionalExpectedPurchases(39, x[i], tx[i], age[i]);
        }
        return sum;
    }
}
