package dev.guanxi.crm.bench;

import dev.guanxi.crm.analytics.BgNbdModel;
import dev.guanxi.crm.analytics.BgNbdSimulator;
import dev.guanxi.crm.analytics.CustomerSummaries;
import dev.guanxi.crm.analytics.FitOptions;
import dev.guanxi.crm.analytics.ModelFit;
import dev.guanxi.crm.analytics.PeriodUnit;
import dev.guanxi.crm.analytics.PurchasePatterns;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The BG/NBD fitting path on {@code customers} (default 100,000) customers drawn from the BG/NBD process at the
 * CDNOW parameters (seed fixed, T uniform on [27, 39] weeks): what one likelihood pass, the pattern compression and
 * a whole maximum-likelihood fit cost. Each {@code @Benchmark} reports milliseconds per call (average time, one
 * thread).
 *
 * <ul>
 *   <li>{@link #logLikelihood}: the total log-likelihood Σ w·ln L(x, t_x, T) over the weighted patterns through the
 *       public per-customer method (validation and all gamma functions per pattern), at the CDNOW parameters. The
 *       fit's own objective is cheaper (gamma terms once per distinct x) and is inside {@link #fit}.
 *   <li>{@link #patterns}: {@link PurchasePatterns#of(CustomerSummaries)}, hashing the (x, t_x, T) triples.
 *   <li>{@link #fit}: {@link BgNbdModel#fit(PurchasePatterns, FitOptions)} with default options, from the start
 *       point to convergence (about 20–40 objective and gradient evaluations).
 * </ul>
 *
 * <p>Run: {@code java -cp crm-bench/target/crm-bench.jar org.openjdk.jmh.Main BgNbdLikelihoodBenchmark} (after {@code
 * mvn -B -ntp -DskipTests package -pl crm-bench -am}); {@code -p customers=1000000} for the large case.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx200m")
public class BgNbdLikelihoodBenchmark {
    /** How many customers are simulated. */
    @Param("100000")
    public int customers;

    private CustomerSummaries summaries;
    private PurchasePatterns patterns;

    /** Simulates the customers and compresses them once per trial. */
    @Setup
    public void setUp() {
        summaries = BgNbdSimulator.simulate(BtydBenchmark.CDNOW, customers, 27, 39, PeriodUnit.WEEKS, 20050301L);
        patterns = PurchasePatterns.of(summaries);
    }

    /**
     * One pass of the log-likelihood over the weighted patterns at the CDNOW parameters.
     *
     * @return the total log-likelihood
     */
    @Benchmark
    public double logLikelihood() {
        BgNbdModel model = BtydBenchmark.CDNOW;
        double sum = 0;
        for (int i = 0; i < patterns.size(); i++) {
            sum += patterns.weight(i)
                    * model.logLikelihood(patterns.frequency(i), patterns.recency(i), patterns.age(i));
        }
        return sum;
    }

    /**
     * Compresses the summaries into weighted patterns.
     *
     * @return the patterns
     */
    @Benchmark
    public PurchasePatterns patterns() {
        return PurchasePatterns.of(summaries);
    }

    /**
     * A whole maximum-likelihood fit on the patterns.
     *
     * @return the fit
     */
    @Benchmark
    public ModelFit<BgNbdModel> fit() {
        return BgNbdModel.fit(patterns, FitOptions.defaults());
    }
}
