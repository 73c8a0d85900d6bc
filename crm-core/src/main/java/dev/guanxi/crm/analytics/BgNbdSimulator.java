package dev.guanxi.crm.analytics;

import dev.guanxi.crm.Beta;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Draws synthetic customer summaries from the BG/NBD process itself, reproducibly from a seed: each customer
 * gets a purchase rate λ ~ Gamma(r, α) and a dropout probability p ~ Beta(a, b), an age T uniform on
 * [minAge, maxAge] (rounded to whole days of the unit), buys as a Poisson process with rate λ and, after each
 * repeat purchase, drops out with probability p. For benchmarks and for tests that a fit recovers the
 * parameters (e.g. 1,000,000 customers at the CDNOW parameters with T in [27, 39] weeks).
 *
 * <p>Stateless and thread-safe; O(n + purchases) time.
 */
@Beta
public final class BgNbdSimulator {
    private BgNbdSimulator() {}

    /**
     * Simulates customers.
     *
     * @param model the true parameters
     * @param customers how many customers, at least 0
     * @param minAge the smallest T
     * @param maxAge the largest T, at least {@code minAge}
     * @param unit the unit of T (ages are rounded to whole days of it)
     * @param seed the seed: the same arguments give the same summaries, bit for bit
     * @return the summaries (no monetary values, no holdout)
     * @throws IllegalArgumentException if the counts or ages are out of range
     */
    public static CustomerSummaries simulate(
            BgNbdModel model, int customers, double minAge, double maxAge, PeriodUnit unit, long seed) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(unit, "unit");
        if (customers < 0 || !(minAge >= 0) || !(maxAge >= minAge) || Double.isInfinite(maxAge)) {
            throw new IllegalArgumentException("need customers >= 0 and 0 <= minAge <= maxAge < infinity");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[customers];
        double[] tx = new double[customers];
        double[] age = new double[customers];
        double daysPerUnit = unit.days();
        for (int i = 0; i < customers; i++) {
            double lambda = gamma(random, model.r()) / model.alpha();
            double ga = gamma(random, model.a());
            double p = ga / (ga + gamma(random, model.b()));
            double bigT = Math.rint((minAge + (maxAge - minAge) * random.nextDouble()) * daysPerUnit) / daysPerUnit;
            double t = 0;
            int purchases = 0;
            double last = 0;
            while (true) {
                t += -Math.log(1 - random.nextDouble()) / lambda;
                if (!(t <= bigT)) {
                    break;
                }
                purchases++;
                last = t;
                if (random.nextDouble() < p) {
                    break;
                }
            }
            x[i] = purchases;
            tx[i] = last;
            age[i] = bigT;
        }
        return CustomerSummaries.of(x, tx, age, null, unit);
    }

    /** Gamma(shape, 1) by Marsaglia and Tsang, with the U^(1/shape) boost for shape below 1. */
    private static double gamma(SplittableRandom random, double shape) {
        if (shape < 1) {
            double u = random.nextDouble();
            return gamma(random, shape + 1) * Math.pow(u, 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z;
            double v;
            do {
                z = normal(random);
                v = 1 + c * z;
            } while (v <= 0);
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    private static double normal(SplittableRandom random) {
        // Box-Muller, one value per call: deterministic and allocation-free
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
