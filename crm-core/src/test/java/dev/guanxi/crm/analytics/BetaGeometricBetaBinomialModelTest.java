package dev.guanxi.crm.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BetaGeometricBetaBinomialModelTest {
    // Published: Fader, Hardie & Shang (2010), donations.csv (11,104 donors, 6 opportunities).
    private static final BetaGeometricBetaBinomialModel PUBLISHED =
            new BetaGeometricBetaBinomialModel(1.204, 0.750, 0.657, 2.783);

    @Test
    @DisplayName(
            "the fit on the donations reproduces the published α = 1.204, β = 0.750, γ = 0.657, δ = 2.783 and LL -33,225.6")
    void fitsPublishedParameters() {
        SpendDatasets.Donations data = SpendDatasets.donations();
        ModelFit<BetaGeometricBetaBinomialModel> fit =
                BetaGeometricBetaBinomialModel.fit(data.frequency(), data.recency(), data.periods(), data.weights());

        assertThat(fit.isConverged()).isTrue();
        assertThat(fit.observations()).isEqualTo(22);
        BetaGeometricBetaBinomialModel model = fit.model();
        // tolerance: 0.5% relative to the published 4-significant-digit values (Fader, Hardie & Shang 2010)
        assertThat(model.alpha()).isCloseTo(1.204, withinPercentage(0.5));
        assertThat(model.beta()).isCloseTo(0.750, withinPercentage(0.5));
        assertThat(model.gamma()).isCloseTo(0.657, withinPercentage(0.5));
        assertThat(model.delta()).isCloseTo(2.783, withinPercentage(0.5));
        // the paper's LL -33,225.6 (one decimal)
        assertThat(fit.logLikelihood()).isCloseTo(-33225.6, within(0.05));
        assertThat(PUBLISHED.logLikelihood(data.frequency(), data.recency(), data.periods(), data.weights()))
                .isCloseTo(-33225.6, within(0.05));
        // independent maximum: scipy Nelder-Mead (xatol 1e-10) gave α = 1.203522, β = 0.749716, γ = 0.656718,
        // δ = 2.783443, LL = -33225.581274
        assertThat(model.alpha()).isCloseTo(1.203522, within(1e-4));
        assertThat(model.beta()).isCloseTo(0.749716, within(1e-4));
        assertThat(model.gamma()).isCloseTo(0.656718, within(1e-4));
        assertThat(model.delta()).isCloseTo(2.783443, within(1e-3));
        assertThat(fit.logLikelihood()).isCloseTo(-33225.581274, within(1e-5));
    }

    @Test
    @DisplayName(
            "likelihood, P(alive) and expectations agree with a brute-force enumeration of purchase sequences and death times")
    void agreesWithBruteForce() {
        int n = 6;
        int future = 5;
        BruteForce brute = new BruteForce(PUBLISHED, n + future);
        int[][] patterns = {{0, 0, 6}, {1, 1, 6}, {1, 4, 6}, {2, 3, 6}, {3, 4, 6}, {4, 6, 6}, {6, 6, 6}, {5, 6, 6}};
        for (int[] pattern : patterns) {
            int x = pattern[0];
            int tx = pattern[1];
            BruteForce.Conditional c = brute.given(x, tx, n);
            // tolerance: 1e-10 relative, rounding only (the enumeration is exact arithmetic on Beta moments)
            assertThat(Math.exp(PUBLISHED.logLikelihood(x, tx, n)))
                    .as("L%s", java.util.Arrays.toString(pattern))
                    .isCloseTo(c.likelihood(), withinPercentage(1e-8));
            for (int m = 0; m <= future; m++) {
                assertThat(PUBLISHED.probabilityAlive(x, tx, n, m))
                        .as("P(alive at n+%d)%s", m, java.util.Arrays.toString(pattern))
                        .isCloseTo(c.aliveAt(n + m), within(1e-12));
            }
            for (int k = 0; k <= future; k++) {
                assertThat(PUBLISHED.conditionalExpectedTransactions(k, x, tx, n))
                        .as("E[X(n, n+%d)]%s", k, java.util.Arrays.toString(pattern))
                        .isCloseTo(c.expectedFuture(n + k), within(1e-12));
            }
        }
        for (int k = 0; k <= n + future; k++) {
            assertThat(PUBLISHED.expectedTransactions(k)).isCloseTo(brute.expectedTransactions(k), within(1e-12));
        }
        assertThat(brute.totalProbability()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    @DisplayName("P(alive) and expectations match values computed with scipy from the paper's formulas")
    void matchesScipyValues() {
        // scipy.special.betaln with the paper's eq. 11 and 13, published parameters, n = 6, n* = 5
        assertThat(PUBLISHED.probabilityAlive(0, 0, 6)).isCloseTo(0.10801658416867, within(1e-10));
        assertThat(PUBLISHED.probabilityAlive(3, 4, 6)).isCloseTo(0.43946285705576, within(1e-10));
        assertThat(PUBLISHED.probabilityAlive(6, 6, 6)).isCloseTo(0.93040254237288, within(1e-10));
        assertThat(PUBLISHED.conditionalExpectedTransactions(5, 0, 0, 6)).isCloseTo(0.07280287747504, within(1e-10));
        assertThat(PUBLISHED.conditionalExpectedTransactions(5, 3, 4, 6)).isCloseTo(1.03422849842111, within(1e-10));
        assertThat(PUBLISHED.conditionalExpectedTransactions(5, 6, 6, 6)).isCloseTo(3.75211560759986, within(1e-10));
    }

    @Test
    @DisplayName("the closed form for many future opportunities equals the explicit sum, also near γ = 1")
    void closedFormMatchesSum() {
        for (double g : new double[] {0.657, 1.0 + 1e-8, 1.0, 0.999, 3.5}) {
            for (int n : new int[] {0, 6, 100}) {
                int count = 20_000;
                double sum = 0;
                double logB0 = org.hipparchus.special.Beta.logBeta(g, 2.783);
                for (int k = 1; k <= count; k++) {
                    sum += Math.exp(org.hipparchus.special.Beta.logBeta(g, 2.783 + n + k) - logB0);
                }
                // tolerance: 1e-6 relative (γ within 1e-6 of 1 uses the γ = 1 digamma form)
                assertThat(Math.exp(BetaGeometricBetaBinomialModel.logSurvivalSum(g, 2.783, n, count)))
                        .as("γ=%s n=%s", g, n)
                        .isCloseTo(sum, withinPercentage(1e-4));
            }
        }
    }

    @Test
    @DisplayName(
            "properties on random patterns: P(alive) in [0,1], more recent is more alive, expectations grow with the horizon")
    void properties() {
        Random random = new Random(42L);
        for (int trial = 0; trial < 400; trial++) {
            BetaGeometricBetaBinomialModel model = new BetaGeometricBetaBinomialModel(
                    Math.exp(random.nextGaussian() * 2),
                    Math.exp(random.nextGaussian() * 2),
                    Math.exp(random.nextGaussian() * 2),
                    Math.exp(random.nextGaussian() * 2));
            int n = random.nextInt(60);
            int tx = n == 0 ? 0 : random.nextInt(n + 1);
            int x = tx == 0 ? 0 : 1 + random.nextInt(tx);
            double alive = model.probabilityAlive(x, tx, n);
            assertThat(alive).isBetween(0.0, 1.0);
            assertThat(model.probabilityAlive(x, tx, n, 0)).isBetween(alive, 1.0);
            if (x > 0 && tx < n) {
                assertThat(model.probabilityAlive(x, tx + 1, n)).isGreaterThanOrEqualTo(alive * (1 - 1e-12));
            }
            double previous = 0;
            for (int k = 1; k <= 8; k++) {
                double expected = model.conditionalExpectedTransactions(k, x, tx, n);
                assertThat(expected).isFinite().isBetween(previous * (1 - 1e-12), (double) k);
                previous = expected;
            }
            assertThat(model.expectedTransactions(n + 1))
                    .isGreaterThanOrEqualTo(model.expectedTransactions(n))
                    .isLessThanOrEqualTo(n + 1.0);
            assertThat(model.logLikelihood(x, tx, n)).isFinite().isLessThanOrEqualTo(0.0);
        }
    }

    @Test
    @DisplayName("extreme but valid inputs give finite values without NaN")
    void extremeInputs() {
        BetaGeometricBetaBinomialModel huge = new BetaGeometricBetaBinomialModel(1e12, 1e-8, 1e10, 1e-10);
        assertThat(huge.probabilityAlive(1000, 1000, 100_000)).isBetween(0.0, 1.0);
        assertThat(huge.conditionalExpectedTransactions(1_000_000, 1000, 1000, 100_000))
                .isFinite();
        assertThat(PUBLISHED.probabilityAlive(100_000, 100_000, 100_000)).isBetween(0.0, 1.0);
        assertThat(PUBLISHED.probabilityAlive(1000, 1000, 1_000_000)).isBetween(0.0, 1.0);
        assertThat(PUBLISHED.conditionalExpectedTransactions(Integer.MAX_VALUE, 3, 4, 6))
                .isFinite()
                .isPositive();
        assertThat(PUBLISHED.expectedTransactions(Integer.MAX_VALUE)).isFinite().isPositive();
        assertThat(PUBLISHED.logLikelihood(0, 0, 0)).isEqualTo(0.0);
        assertThat(PUBLISHED.probabilityAlive(0, 0, 0, 0)).isEqualTo(1.0);
    }

    @Test
    @DisplayName("columnar predictions equal the per-customer ones bit for bit")
    void columnarMatchesScalar() {
        SpendDatasets.Donations data = SpendDatasets.donations();
        double[] alive = PUBLISHED.probabilityAlive(data.frequency(), data.recency(), data.periods());
        double[] expected =
                PUBLISHED.conditionalExpectedTransactions(5, data.frequency(), data.recency(), data.periods());
        for (int i = 0; i < alive.length; i++) {
            int x = data.frequency()[i];
            int tx = data.recency()[i];
            int n = data.periods()[i];
            assertThat(alive[i]).isEqualTo(PUBLISHED.probabilityAlive(x, tx, n));
            assertThat(expected[i]).isEqualTo(PUBLISHED.conditionalExpectedTransactions(5, x, tx, n));
        }
    }

    @Test
    @DisplayName("bad patterns are refused naming the field")
    void badInputs() {
        assertField(() -> PUBLISHED.probabilityAlive(-1, 0, 6), "frequency");
        assertField(() -> PUBLISHED.probabilityAlive(2, 7, 6), "recency");
        assertField(() -> PUBLISHED.probabilityAlive(0, 3, 6), "recency");
        assertField(() -> PUBLISHED.probabilityAlive(4, 3, 6), "frequency");
        assertField(() -> PUBLISHED.probabilityAlive(0, 0, -1), "periods");
        assertField(() -> PUBLISHED.probabilityAlive(1, -1, 6), "recency");
        assertField(() -> PUBLISHED.probabilityAlive(1, 1, 6, -1), "futurePeriods");
        assertField(() -> PUBLISHED.conditionalExpectedTransactions(-1, 1, 1, 6), "futurePeriods");
        assertField(() -> PUBLISHED.expectedTransactions(-1), "periods");
        int[] f = {1, 2};
        int[] r = {1, 3};
        int[] n = {6, 6};
        assertField(() -> BetaGeometricBetaBinomialModel.fit(f, r, n, new double[] {1, 0}), "weight");
        assertField(() -> BetaGeometricBetaBinomialModel.fit(f, r, n, new double[] {1, Double.NaN}), "weight");
        assertField(() -> BetaGeometricBetaBinomialModel.fit(f, r, n, new double[] {1}), "weight");
        assertField(() -> BetaGeometricBetaBinomialModel.fit(f, new int[] {1}, n), "recency");
        assertField(() -> BetaGeometricBetaBinomialModel.fit(f, r, new int[] {6, 2}), "recency");
        assertField(() -> BetaGeometricBetaBinomialModel.fit(null, r, n), "frequency");
        assertField(() -> new BetaGeometricBetaBinomialModel(0, 1, 1, 1), "alpha");
        assertField(() -> new BetaGeometricBetaBinomialModel(1, -1, 1, 1), "beta");
        assertField(() -> new BetaGeometricBetaBinomialModel(1, 1, Double.NaN, 1), "gamma");
        assertField(() -> new BetaGeometricBetaBinomialModel(1, 1, 1, Double.POSITIVE_INFINITY), "delta");
    }

    @Test
    @DisplayName(
            "a fit without a finite maximum (nobody ever repeats) reports non-convergence and requireConverged throws")
    void divergentFitIsReported() {
        ModelFit<BetaGeometricBetaBinomialModel> fit =
                BetaGeometricBetaBinomialModel.fit(new int[] {0}, new int[] {0}, new int[] {6}, new double[] {100});
        assertThat(fit.isConverged()).isFalse();
        assertThatThrownBy(fit::requireConverged).isInstanceOf(FitNotConvergedException.class);
        assertThat(fit.model()).isNotNull();
    }

    @Test
    @DisplayName("fitting the same patterns twice gives the same bits")
    void deterministic() {
        SpendDatasets.Donations data = SpendDatasets.donations();
        ModelFit<BetaGeometricBetaBinomialModel> first =
                BetaGeometricBetaBinomialModel.fit(data.frequency(), data.recency(), data.periods(), data.weights());
        ModelFit<BetaGeometricBetaBinomialModel> second =
                BetaGeometricBetaBinomialModel.fit(data.frequency(), data.recency(), data.periods(), data.weights());
        assertThat(second.model()).isEqualTo(first.model());
        assertThat(second.iterations()).isEqualTo(first.iterations());
        assertThat(Double.doubleToRawLongBits(second.logLikelihood()))
                .isEqualTo(Double.doubleToRawLongBits(first.logLikelihood()));
    }

    private static void assertField(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.rule()).isIn(ValidationRule.OUT_OF_RANGE, ValidationRule.REQUIRED);
        });
    }

    /**
     * An independent implementation of the BG/BB process: enumerates every death time ω (alive at opportunities
     * 1..ω) and every 0/1 transaction sequence while alive over {@code horizon} opportunities, with the exact
     * mixing over p ~ beta(α, β) and θ ~ beta(γ, δ) as products of rising factorials (no Beta functions, no
     * recurrences of the model code).
     */
    private static final class BruteForce {
        private final double a;
        private final double b;
        private final double g;
        private final double d;
        private final int horizon;

        BruteForce(BetaGeometricBetaBinomialModel m, int horizon) {
            this.a = m.alpha();
            this.b = m.beta();
            this.g = m.gamma();
            this.d = m.delta();
            this.horizon = horizon;
        }

        /** E[p^k (1-p)^m]. */
        double pMoment(int k, int m) {
            double value = 1;
            for (int i = 0; i < k; i++) {
                value *= (a + i) / (a + b + i);
            }
            for (int j = 0; j < m; j++) {
                value *= (b + j) / (a + b + k + j);
            }
            return value;
        }

        /** P(alive at exactly opportunities 1..ω): E[(1-θ)^ω θ] for ω < horizon, E[(1-θ)^horizon] at the end. */
        double deathMoment(int omega) {
            double value = 1;
            for (int j = 0; j < omega; j++) {
                value *= (d + j) / (g + d + j);
            }
            return omega < horizon ? value * g / (g + d + omega) : value;
        }

        double totalProbability() {
            double total = 0;
            for (int omega = 0; omega <= horizon; omega++) {
                for (long s = 0; s < (1L << omega); s++) {
                    total += deathMoment(omega) * pMoment(Long.bitCount(s), omega - Long.bitCount(s));
                }
            }
            return total;
        }

        double expectedTransactions(int opportunities) {
            double total = 0;
            for (int omega = 0; omega <= horizon; omega++) {
                for (long s = 0; s < (1L << omega); s++) {
                    int ones = Long.bitCount(s);
                    long early = opportunities >= 63 ? s : s & ((1L << opportunities) - 1);
                    total += Long.bitCount(early) * deathMoment(omega) * pMoment(ones, omega - ones);
                }
            }
            return total;
        }

        record Conditional(double likelihood, double[] aliveMass, double[] futureMass, double mass) {
            double aliveAt(int opportunity) {
                return aliveMass[opportunity] / mass;
            }

            double expectedFuture(int until) {
                return futureMass[until] / mass;
            }
        }

        /** Conditions on the history: x ones in opportunities 1..n, the last one at t_x. */
        Conditional given(int x, int tx, int n) {
            double mass = 0;
            double[] aliveMass = new double[horizon + 1];
            double[] futureMass = new double[horizon + 1];
            for (int omega = 0; omega <= horizon; omega++) {
                for (long s = 0; s < (1L << omega); s++) {
                    long history = s & ((1L << n) - 1);
                    int last = 64 - Long.numberOfLeadingZeros(history);
                    if (Long.bitCount(history) != x || last != tx) {
                        continue;
                    }
                    int ones = Long.bitCount(s);
                    double probability = deathMoment(omega) * pMoment(ones, omega - ones);
                    mass += probability;
                    for (int t = 0; t <= horizon; t++) {
                        if (omega >= t) {
                            aliveMass[t] += probability;
                        }
                        if (t >= n) {
                            long window = (s >>> n) & ((1L << (t - n)) - 1);
                            futureMass[t] += Long.bitCount(window) * probability;
                        }
                    }
                }
            }
            // every sequence with the same (x, t_x) has the same probability: divide by their number
            double sequences = x == 0 ? 1 : binomial(tx - 1, x - 1);
            return new Conditional(mass / sequences, aliveMass, futureMass, mass);
        }

        static double binomial(int n, int k) {
            double value = 1;
            for (int i = 1; i <= k; i++) {
                value = value * (n - k + i) / i;
            }
            return value;
        }
    }
}
