package dev.guanxi.crm.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.guanxi.crm.ValidationException;
import java.util.Random;
import org.hipparchus.special.Gamma;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BgNbdModelTest {
    // Fader, Hardie & Lee (2005), "Counting Your Customers the Easy Way", Marketing Science 24(2), CDNOW sample
    private static final BgNbdModel PUBLISHED = BgNbdModel.of(0.243, 4.414, 0.793, 2.426);

    @Test
    @DisplayName("the CDNOW fit reproduces FHL 2005: r 0.243, alpha 4.414, a 0.793, b 2.426, LL -9582.4")
    void cdnowFit() {
        ModelFit<BgNbdModel> fit = BgNbdModel.fit(BtydData.cdnowSummaries());
        BgNbdModel m = fit.requireConverged();
        assertThat(fit.isConverged()).isTrue();
        // FHL 2005 report 3 decimals: ±0.005 absolute for r, a; ±0.5% relative for alpha, b
        assertThat(m.r()).isCloseTo(0.243, within(0.005));
        assertThat(m.alpha()).isCloseTo(4.414, within(0.005 * 4.414));
        assertThat(m.a()).isCloseTo(0.793, within(0.005));
        assertThat(m.b()).isCloseTo(2.426, within(0.005 * 2.426));
        // FHL 2005 report LL -9582.4 (one decimal): within 0.1
        assertThat(fit.logLikelihood()).isCloseTo(-9582.4, within(0.1));
        assertThat(m.logLikelihood()).isEqualTo(fit.logLikelihood());
        assertThat(m.logLikelihood(BtydData.cdnowSummaries())).isCloseTo(fit.logLikelihood(), within(1e-8));
    }

    @Test
    @DisplayName("E[Y(39) | x=2, t_x=30.43, T=38.86] = 1.226 at the published parameters (Hardie's spreadsheet)")
    void conditionalExpectation() {
        // Hardie's BG/NBD spreadsheet gives 1.226 (3 decimals): ±0.001
        assertThat(PUBLISHED.conditionalExpectedPurchases(39, 2, 30.43, 38.86)).isCloseTo(1.226, within(0.001));
    }

    @Test
    @DisplayName("holdout: zero-class expectation ≈ 0.23 and correlation with actual holdout purchases ≈ 0.626")
    void holdoutValidation() {
        BgNbdModel m = BgNbdModel.fit(BtydData.cdnowSummaries()).requireConverged();
        double[] stats = Holdout.zeroClassAndCorrelation(m, BtydData.cdnowSummaries());
        // FHL 2005: zero class 0.23 (2 decimals), correlation 0.626: ±0.01 each
        assertThat(stats[0]).isCloseTo(0.23, within(0.01));
        assertThat(stats[1]).isCloseTo(0.626, within(0.01));
    }

    @Test
    @DisplayName(
            "the individual likelihood agrees with numerical integration over the rate and the dropout probability")
    void likelihoodCrossCheck() {
        double[][] cases = {{0, 0, 38.86}, {2, 30.43, 38.86}, {1, 1.71, 38.86}, {7, 25, 30}, {15, 35.2, 36.1}};
        for (double[] c : cases) {
            double direct = PUBLISHED.logLikelihood(c[0], c[1], c[2]);
            double numeric = numericLogLikelihood(0.243, 4.414, 0.793, 2.426, c[0], c[1], c[2]);
            // trapezoid rule in log λ and logit p, step 0.005: error far below 1e-8 relative
            assertThat(direct).as("x=%s", c[0]).isCloseTo(numeric, within(1e-8 * Math.abs(numeric)));
        }
    }

    /** L = E_λ,p[(1-p)^x λ^x e^{-λT} + [x>0] p (1-p)^(x-1) λ^x e^{-λ t_x}], both integrals by quadrature. */
    static double numericLogLikelihood(double r, double alpha, double a, double b, double x, double tx, double age) {
        double alivePart = gammaMoment(r, alpha, x, age) * betaMoment(a, b, 0, x);
        double deadPart = x > 0 ? gammaMoment(r, alpha, x, tx) * betaMoment(a, b, 1, x - 1) : 0;
        return Math.log(alivePart + deadPart);
    }

    /** E[λ^x e^{-λ t}] for λ ~ Gamma(r, α), trapezoid rule in y = ln λ. */
    static double gammaMoment(double r, double alpha, double x, double t) {
        double h = 0.005;
        double sum = 0;
        double lg = Gamma.logGamma(r);
        for (double y = -200; y <= 10; y += h) {
            double lambda = Math.exp(y);
            sum += Math.exp(r * Math.log(alpha) - lg + (r + x) * y - lambda * (alpha + t));
        }
        return sum * h;
    }

    /** E[p^i (1-p)^j] for p ~ Beta(a, b), trapezoid rule in z = logit p. */
    static double betaMoment(double a, double b, double i, double j) {
        double h = 0.005;
        double sum = 0;
        double lb = BgNbdModel.logBeta(a, b);
        for (double z = -200; z <= 200; z += h) {
            double logP = -Math.log1p(Math.exp(-z));
            double logQ = -Math.log1p(Math.exp(z));
            sum += Math.exp((a + i) * logP + (b + j) * logQ - lb);
        }
        return sum * h;
    }

    @Test
    @DisplayName("P(X(t) = n) sums to 1 over n and its mean is E[X(t)]")
    void purchaseDistribution() {
        for (double t : new double[] {1, 39, 78}) {
            double total = 0;
            double mean = 0;
            for (int n = 0; n < 400; n++) {
                double p = PUBLISHED.probabilityOfPurchases(n, t);
                assertThat(p).isBetween(0.0, 1.0);
                total += p;
                mean += n * p;
            }
            // the truncated tail beyond n = 400 is negligible at these parameters: 1e-9
            assertThat(total).as("t=%s", t).isCloseTo(1, within(1e-9));
            assertThat(mean).as("t=%s", t).isCloseTo(PUBLISHED.expectedPurchases(t), within(1e-7));
        }
        assertThat(PUBLISHED.probabilityOfPurchases(0, 0)).isEqualTo(1);
    }

    @Test
    @DisplayName("property: P(alive) in [0,1], more recent is more likely alive, E[X(t)] grows with t")
    void properties() {
        Random random = new Random(20050401);
        for (int k = 0; k < 2000; k++) {
            double age = 0.1 + 100 * random.nextDouble();
            double x = random.nextInt(50);
            double tx = x == 0 ? 0 : age * random.nextDouble();
            double p = PUBLISHED.probabilityAlive(x, tx, age);
            assertThat(p).isBetween(0.0, 1.0);
            if (x > 0) {
                double later = tx + (age - tx) * random.nextDouble();
                assertThat(PUBLISHED.probabilityAlive(x, later, age)).isGreaterThanOrEqualTo(p);
            }
            double t = 100 * random.nextDouble();
            double e = PUBLISHED.conditionalExpectedPurchases(t, x, tx, age);
            assertThat(e).isFinite().isGreaterThanOrEqualTo(0);
            assertThat(PUBLISHED.conditionalExpectedPurchases(t + 1, x, tx, age))
                    .isGreaterThanOrEqualTo(e);
        }
        double previous = 0;
        for (int t = 1; t <= 500; t++) {
            double e = PUBLISHED.expectedPurchases(t);
            assertThat(e).isGreaterThan(previous);
            previous = e;
        }
    }

    @Test
    @DisplayName("extreme but valid inputs give finite answers: x=1000, t_x=10, T=100 is dead; huge alpha; x=0")
    void extremes() {
        assertThat(PUBLISHED.probabilityAlive(1000, 10, 100)).isBetween(0.0, 1e-300);
        assertThat(PUBLISHED.conditionalExpectedPurchases(39, 1000, 10, 100)).isBetween(0.0, 1e-290);
        assertThat(PUBLISHED.logLikelihood(1000, 10, 100)).isFinite();
        assertThat(PUBLISHED.probabilityAlive(0, 0, 1e6)).isEqualTo(1);
        BgNbdModel hugeAlpha = BgNbdModel.of(0.243, 1e12, 0.793, 2.426);
        assertThat(hugeAlpha.probabilityAlive(3, 1, 50)).isBetween(0.0, 1.0);
        assertThat(hugeAlpha.conditionalExpectedPurchases(39, 3, 1, 50))
                .isFinite()
                .isGreaterThanOrEqualTo(0);
        assertThat(hugeAlpha.expectedPurchases(39)).isFinite().isGreaterThanOrEqualTo(0);
        assertThat(hugeAlpha.logLikelihood(3, 1, 50)).isFinite();
        BgNbdModel aIsOne = BgNbdModel.of(0.243, 4.414, 1.0, 2.426); // the pole of (a+b+x-1)/(a-1) cancels
        assertThat(aIsOne.conditionalExpectedPurchases(39, 2, 30.43, 38.86))
                .isCloseTo(
                        BgNbdModel.of(0.243, 4.414, 1.0 + 1e-9, 2.426)
                                .conditionalExpectedPurchases(39, 2, 30.43, 38.86),
                        within(1e-6));
        assertThat(PUBLISHED.conditionalExpectedPurchases(1e4, 0, 0, 1)).isFinite();
        assertThat(PUBLISHED.probabilityOfPurchases(2000, 39)).isBetween(0.0, 1.0);
    }

    @Test
    @DisplayName("invalid summaries are ValidationExceptions naming frequency, recency or T")
    void badInputs() {
        assertField(() -> PUBLISHED.probabilityAlive(-1, 0, 10), "frequency");
        assertField(() -> PUBLISHED.probabilityAlive(Double.NaN, 0, 10), "frequency");
        assertField(() -> PUBLISHED.probabilityAlive(2, 11, 10), "recency");
        assertField(() -> PUBLISHED.probabilityAlive(0, 1, 10), "recency");
        assertField(() -> PUBLISHED.conditionalExpectedPurchases(39, 1, 1, Double.POSITIVE_INFINITY), "T");
        assertField(() -> PUBLISHED.logLikelihood(1, 1, Double.NaN), "T");
        assertField(() -> PUBLISHED.conditionalExpectedPurchases(-1, 1, 1, 2), "t");
        assertField(() -> PUBLISHED.expectedPurchases(Double.NaN), "t");
        assertField(() -> BgNbdModel.of(0, 1, 1, 1), "r");
        assertField(() -> BgNbdModel.of(1, 1, 1, Double.POSITIVE_INFINITY), "b");
    }

    static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call)
                .isInstanceOf(ValidationException.class)
                .extracting(e -> ((ValidationException) e).field())
                .isEqualTo(field);
    }

    @Test
    @DisplayName("fits are deterministic: two fits give identical doubles")
    void deterministic() {
        BgNbdModel first = BgNbdModel.fit(BtydData.cdnowSummaries()).model();
        BgNbdModel second = BgNbdModel.fit(BtydData.cdnowSummaries()).model();
        assertThat(second.r()).isEqualTo(first.r());
        assertThat(second.alpha()).isEqualTo(first.alpha());
        assertThat(second.a()).isEqualTo(first.a());
        assertThat(second.b()).isEqualTo(first.b());
        assertThat(second.logLikelihood()).isEqualTo(first.logLikelihood());
    }

    @Test
    @DisplayName("a fit stopped early says it did not converge and requireConverged throws")
    void notConverged() {
        ModelFit<BgNbdModel> fit =
                BgNbdModel.fit(PurchasePatterns.of(BtydData.cdnowSummaries()), new FitOptions(2, 1e-7));
        assertThat(fit.isConverged()).isFalse();
        assertThat(fit.iterations()).isEqualTo(2);
        assertThatThrownBy(fit::requireConverged).isInstanceOf(FitNotConvergedException.class);
    }

    @Test
    @DisplayName("weighted patterns give the same fit as the customers they stand for")
    void weightsEqualRepetition() {
        PurchasePatterns patterns = PurchasePatterns.of(BtydData.cdnowSummaries());
        assertThat(patterns.size()).isLessThan(BtydData.cdnowSummaries().size());
        assertThat(patterns.totalWeight()).isEqualTo(2357);
        double[] x = new double[patterns.size()];
        double[] tx = new double[patterns.size()];
        double[] age = new double[patterns.size()];
        double[] w = new double[patterns.size()];
        for (int i = 0; i < patterns.size(); i++) {
            x[i] = patterns.frequency(i);
            tx[i] = patterns.recency(i);
            age[i] = patterns.age(i);
            w[i] = patterns.weight(i);
        }
        ModelFit<BgNbdModel> weighted = BgNbdModel.fit(PurchasePatterns.of(x, tx, age, w), FitOptions.defaults());
        assertThat(weighted.logLikelihood())
                .isEqualTo(BgNbdModel.fit(BtydData.cdnowSummaries()).logLikelihood());
    }

    @Test
    @DisplayName("batch scoring gives the same doubles as the per-customer methods")
    void batchScoring() {
        CustomerSummaries s = BtydData.cdnowSummaries();
        double[] alive = new double[s.size()];
        double[] expected = new double[s.size()];
        PUBLISHED.score(s, 39, alive, expected);
        for (int i = 0; i < s.size(); i++) {
            assertThat(alive[i]).isEqualTo(PUBLISHED.probabilityAlive(s.frequency(i), s.recency(i), s.age(i)));
            assertThat(expected[i])
                    .isEqualTo(PUBLISHED.conditionalExpectedPurchases(39, s.frequency(i), s.recency(i), s.age(i)));
        }
    }

    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.DisplayName(
            "a fit gives the same bits on 1 thread and on all cores (fixed chunks, summed in order)")
    void parallelFitIsBitIdentical() {
        CustomerSummaries simulated = BgNbdSimulator.simulate(
                BgNbdModel.of(0.243, 4.414, 0.793, 2.426), 60_000, 27, 39, PeriodUnit.WEEKS, 7L);
        PurchasePatterns patterns = PurchasePatterns.of(simulated);
        ModelFit<BgNbdModel> one = BgNbdModel.fit(patterns, FitOptions.defaults());
        ModelFit<BgNbdModel> many =
                BgNbdModel.fit(patterns, FitOptions.defaults().withParallelism(4));
        org.assertj.core.api.Assertions.assertThat(many.isConverged()).isTrue();
        org.assertj.core.api.Assertions.assertThat(many.logLikelihood()).isEqualTo(one.logLikelihood());
        org.assertj.core.api.Assertions.assertThat(many.model().r())
                .isEqualTo(one.model().r());
        org.assertj.core.api.Assertions.assertThat(many.model().alpha())
                .isEqualTo(one.model().alpha());
        org.assertj.core.api.Assertions.assertThat(many.model().a())
                .isEqualTo(one.model().a());
        org.assertj.core.api.Assertions.assertThat(many.model().b())
                .isEqualTo(one.model().b());
    }
}
