package dev.guanxi.crm.analytics;

import static dev.guanxi.crm.analytics.BgNbdModelTest.assertField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.hipparchus.special.Gamma;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ParetoNbdModelTest {
    // Fader, Hardie & Lee (2005), CDNOW sample: r 0.553, alpha 10.578, s 0.606, beta 11.669, LL -9595.0
    private static final ParetoNbdModel PUBLISHED = ParetoNbdModel.of(0.553, 10.578, 0.606, 11.669);

    @Test
    @DisplayName("the CDNOW fit reproduces FHL 2005: LL -9595.0 and r, alpha, s near 0.553, 10.578, 0.606")
    void cdnowFit() {
        ModelFit<ParetoNbdModel> fit = ParetoNbdModel.fit(BtydData.cdnowSummaries());
        ParetoNbdModel m = fit.requireConverged();
        // published to 3 decimals; β is poorly identified, so r, α, s get ±1% relative and LL ±0.1
        assertThat(m.r()).isCloseTo(0.553, within(0.01 * 0.553));
        assertThat(m.alpha()).isCloseTo(10.578, within(0.01 * 10.578));
        assertThat(m.s()).isCloseTo(0.606, within(0.01 * 0.606));
        assertThat(fit.logLikelihood()).isCloseTo(-9595.0, within(0.1));
        assertThat(m.logLikelihood(BtydData.cdnowSummaries())).isCloseTo(fit.logLikelihood(), within(1e-8));
        // at the published parameters the likelihood is within 0.1 of the published one as well
        assertThat(PUBLISHED.logLikelihood(BtydData.cdnowSummaries())).isCloseTo(-9595.0, within(0.1));
    }

    @Test
    @DisplayName("holdout: zero-class expectation ≈ 0.14 and correlation with actual holdout purchases ≈ 0.630")
    void holdoutValidation() {
        double[] stats = Holdout.zeroClassAndCorrelation(
                ParetoNbdModel.fit(BtydData.cdnowSummaries()).requireConverged(), BtydData.cdnowSummaries());
        // FHL 2005: zero class 0.14, correlation 0.630: ±0.01 each
        assertThat(stats[0]).isCloseTo(0.14, within(0.01));
        assertThat(stats[1]).isCloseTo(0.630, within(0.01));
    }

    @Test
    @DisplayName("the likelihood with the 2F1 series agrees with a double integral over purchase and dropout rates")
    void likelihoodCrossCheck() {
        double[][] cases = {{0, 0, 38.86}, {2, 30.43, 38.86}, {1, 1.71, 38.86}, {6, 20, 32}};
        for (double[] c : cases) {
            double direct = PUBLISHED.logLikelihood(c[0], c[1], c[2]);
            double numeric = numericLogLikelihood(0.553, 10.578, 0.606, 11.669, c[0], c[1], c[2]);
            // 2-D trapezoid rule in (ln λ, ln μ), step 0.05 over [-45, 6]: agreement to 1e-7 relative
            assertThat(direct).as("x=%s", c[0]).isCloseTo(numeric, within(1e-7 * Math.abs(numeric)));
        }
        // α < β takes the other branch of the hypergeometric form
        ParetoNbdModel swapped = ParetoNbdModel.of(0.553, 11.669, 0.606, 3.0);
        double numeric = numericLogLikelihood(0.553, 11.669, 0.606, 3.0, 3, 12, 30);
        assertThat(swapped.logLikelihood(3, 12, 30)).isCloseTo(numeric, within(1e-7 * Math.abs(numeric)));
    }

    /**
     * L = E[λ^x e^{-(λ+μ)T} + λ^x μ/(λ+μ) (e^{-(λ+μ)t_x} - e^{-(λ+μ)T})] over λ ~ Gamma(r, α), μ ~ Gamma(s, β).
     */
    static double numericLogLikelihood(double r, double alpha, double s, double beta, double x, double tx, double age) {
        double h = 0.05;
        double sum = 0;
        double norm = r * Math.log(alpha) - Gamma.logGamma(r) + s * Math.log(beta) - Gamma.logGamma(s);
        for (double u = -45; u <= 6; u += h) {
            double lambda = Math.exp(u);
            double logLambdaPart = (r + x) * u - alpha * lambda;
            for (double v = -45; v <= 6; v += h) {
                double mu = Math.exp(v);
                double logMuPart = s * v - beta * mu;
                double k = lambda + mu;
                double inner = Math.exp(-k * age) + mu / k * (Math.exp(-k * tx) - Math.exp(-k * age));
                sum += Math.exp(norm + logLambdaPart + logMuPart) * inner;
            }
        }
        return Math.log(sum * h * h);
    }

    @Test
    @DisplayName("P(X(t) = n) sums to 1 over n and its mean is E[X(t)]")
    void purchaseDistribution() {
        for (double t : new double[] {1, 39}) {
            double total = 0;
            double mean = 0;
            for (int n = 0; n < 150; n++) {
                double p = PUBLISHED.probabilityOfPurchases(n, t);
                total += p;
                mean += n * p;
            }
            // tail beyond n = 150 is below 1e-6 at these parameters
            assertThat(total).as("t=%s", t).isCloseTo(1, within(1e-6));
            assertThat(mean).as("t=%s", t).isCloseTo(PUBLISHED.expectedPurchases(t), within(1e-4));
        }
    }

    @Test
    @DisplayName("property: P(alive) in [0,1], more recent is more likely alive, E[X(t)] grows with t")
    void properties() {
        Random random = new Random(1987);
        for (int k = 0; k < 1000; k++) {
            double age = 0.1 + 100 * random.nextDouble();
            double x = random.nextInt(50);
            double tx = x == 0 ? 0 : age * random.nextDouble();
            double p = PUBLISHED.probabilityAlive(x, tx, age);
            assertThat(p).isBetween(0.0, 1.0);
            if (x > 0) {
                double later = tx + (age - tx) * random.nextDouble();
                assertThat(PUBLISHED.probabilityAlive(x, later, age)).isGreaterThanOrEqualTo(p - 1e-12);
            }
            double e = PUBLISHED.conditionalExpectedPurchases(39, x, tx, age);
            assertThat(e).isFinite().isGreaterThanOrEqualTo(0);
        }
        double previous = 0;
        for (int t = 1; t <= 500; t++) {
            double e = PUBLISHED.expectedPurchases(t);
            assertThat(e).isGreaterThan(previous);
            previous = e;
        }
        // a new customer (x = 0, T = 0) is alive, so E[Y(t) | 0, 0, 0] = E[X(t)]
        assertThat(PUBLISHED.conditionalExpectedPurchases(39, 0, 0, 0))
                .isCloseTo(PUBLISHED.expectedPurchases(39), within(1e-12));
    }

    @Test
    @DisplayName("extreme but valid inputs give finite answers; s = 1 has no pole")
    void extremes() {
        assertThat(PUBLISHED.probabilityAlive(1000, 10, 100)).isBetween(0.0, 1e-300);
        assertThat(PUBLISHED.logLikelihood(1000, 10, 100)).isFinite();
        assertThat(PUBLISHED.conditionalExpectedPurchases(39, 1000, 10, 100)).isBetween(0.0, 1e-290);
        ParetoNbdModel hugeAlpha = ParetoNbdModel.of(0.553, 1e6, 0.606, 11.669);
        assertThat(hugeAlpha.probabilityAlive(3, 1, 50)).isBetween(0.0, 1.0);
        assertThat(hugeAlpha.logLikelihood(3, 1, 50)).isFinite();
        assertThat(hugeAlpha.logLikelihood(0, 0, 50)).isFinite();
        assertThat(ParetoNbdModel.of(0.553, 10.578, 1.0, 11.669).expectedPurchases(39))
                .isCloseTo(ParetoNbdModel.of(0.553, 10.578, 1.0 + 1e-9, 11.669).expectedPurchases(39), within(1e-7));
        assertThat(PUBLISHED.probabilityAlive(5, 20, 20)).isEqualTo(1);
    }

    @Test
    @DisplayName("invalid summaries are ValidationExceptions naming the field")
    void badInputs() {
        assertField(() -> PUBLISHED.probabilityAlive(-1, 0, 10), "frequency");
        assertField(() -> PUBLISHED.probabilityAlive(2, 11, 10), "recency");
        assertField(() -> PUBLISHED.probabilityAlive(0, 3, 10), "recency");
        assertField(() -> PUBLISHED.logLikelihood(1, 1, Double.NaN), "T");
        assertField(() -> ParetoNbdModel.of(1, 1, -1, 1), "s");
    }

    @Test
    @DisplayName("fits are deterministic: two fits give identical doubles")
    void deterministic() {
        ParetoNbdModel first = ParetoNbdModel.fit(BtydData.cdnowSummaries()).model();
        ParetoNbdModel second = ParetoNbdModel.fit(BtydData.cdnowSummaries()).model();
        assertThat(second.toString()).isEqualTo(first.toString());
        assertThat(second.logLikelihood()).isEqualTo(first.logLikelihood());
    }
}
