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

class GammaGammaModelTest {
    // Published: Fader & Hardie (2013), "The Gamma-Gamma Model of Monetary Value", 946 CDNOW repeat buyers.
    private static final GammaGammaModel PUBLISHED = new GammaGammaModel(6.25, 3.74, 15.44);

    @Test
    @DisplayName("the fit on the 946 CDNOW repeat buyers reproduces the published p = 6.25, q = 3.74, γ = 15.44")
    void fitsPublishedParameters() {
        SpendDatasets.CdnowSummary data = SpendDatasets.cdnow();
        ModelFit<GammaGammaModel> fit = GammaGammaModel.fit(data.x(), data.zbar());

        assertThat(fit.isConverged()).isTrue();
        assertThat(fit.observations()).isEqualTo(946);
        assertThat(fit.iterations()).isPositive();
        GammaGammaModel model = fit.model();
        // tolerance: 0.5% relative to the published 2- and 3-significant-digit values (Fader & Hardie 2013)
        assertThat(model.p()).isCloseTo(6.25, withinPercentage(0.5));
        assertThat(model.q()).isCloseTo(3.74, withinPercentage(0.5));
        assertThat(model.gamma()).isCloseTo(15.44, withinPercentage(0.5));
        // independent maximum: scipy Nelder-Mead on the same likelihood gave p = 6.24880, q = 3.74459,
        // γ = 15.44775, LL = -4055.92324 (xatol 1e-10)
        assertThat(fit.logLikelihood()).isCloseTo(-4055.92324, within(1e-4));
        assertThat(model.p()).isCloseTo(6.24880, within(1e-4));
        assertThat(model.q()).isCloseTo(3.74459, within(1e-4));
        assertThat(model.gamma()).isCloseTo(15.44775, within(1e-3));
        // the maximum is at least as good as the published point
        assertThat(fit.logLikelihood()).isGreaterThanOrEqualTo(PUBLISHED.logLikelihood(data.x(), data.zbar(), null));
    }

    @Test
    @DisplayName(
            "the conditional expected average value of CDNOW customer 1 (x = 2, zbar = 22.35) matches the formula by hand")
    void customerOneByHand() {
        // Fader & Hardie (2013) eq. 5 by hand with the published parameters:
        // (q-1)/(px+q-1) · pγ/(q-1) + px/(px+q-1) · zbar = (6.25·15.44 + 12.5·22.35) / (12.5 + 2.74)
        // = (96.5 + 279.375) / 15.24 = 24.663714...
        double byHand = (96.5 + 279.375) / 15.24;
        assertThat(PUBLISHED.conditionalExpectedAverageValue(2, 22.35)).isCloseTo(byHand, within(1e-12));
        assertThat(byHand).isCloseTo(24.6637, within(1e-4));
    }

    @Test
    @DisplayName("a customer without repeat purchases is expected to spend the population mean pγ/(q-1)")
    void zeroFrequencyGivesPopulationMean() {
        double mean = 6.25 * 15.44 / 2.74; // 35.2190
        assertThat(PUBLISHED.populationMeanValue()).isCloseTo(mean, within(1e-12));
        assertThat(PUBLISHED.conditionalExpectedAverageValue(0, 0)).isCloseTo(mean, within(1e-12));
        assertThat(PUBLISHED.conditionalExpectedAverageValue(0, 500)).isCloseTo(mean, within(1e-12));
    }

    @Test
    @DisplayName("the columnar expectation equals the per-customer one bit for bit")
    void columnarMatchesScalar() {
        SpendDatasets.CdnowSummary data = SpendDatasets.cdnow();
        double[] values = PUBLISHED.conditionalExpectedAverageValue(data.x(), data.zbar());
        for (int i = 0; i < values.length; i++) {
            assertThat(values[i]).isEqualTo(PUBLISHED.conditionalExpectedAverageValue(data.x()[i], data.zbar()[i]));
        }
    }

    @Test
    @DisplayName(
            "the expectation lies between the population mean and the customer's own mean, moving towards zbar as x grows")
    void shrinkageProperty() {
        Random random = new Random(20260115L);
        double mean = PUBLISHED.populationMeanValue();
        for (int i = 0; i < 1000; i++) {
            double x = 1 + random.nextInt(200);
            double zbar = Math.exp(random.nextGaussian() * 3);
            double value = PUBLISHED.conditionalExpectedAverageValue(x, zbar);
            assertThat(value).isBetween(Math.min(mean, zbar) * (1 - 1e-12), Math.max(mean, zbar) * (1 + 1e-12));
            double more = PUBLISHED.conditionalExpectedAverageValue(x + 1, zbar);
            assertThat(Math.abs(more - zbar)).isLessThanOrEqualTo(Math.abs(value - zbar) * (1 + 1e-12));
        }
    }

    @Test
    @DisplayName("extreme but valid inputs give finite values")
    void extremeInputs() {
        assertThat(PUBLISHED.conditionalExpectedAverageValue(1e9, 1e12))
                .isFinite()
                .isPositive();
        assertThat(PUBLISHED.logLikelihood(1000, 1e-6)).isFinite();
        assertThat(PUBLISHED.logLikelihood(1e6, 1e9)).isFinite();
        assertThat(new GammaGammaModel(1e8, 1e8, 1e-8).conditionalExpectedAverageValue(3, 10))
                .isFinite();
    }

    @Test
    @DisplayName("bad inputs are refused naming the field")
    void badInputs() {
        assertField(() -> PUBLISHED.conditionalExpectedAverageValue(-1, 10), "frequency");
        assertField(() -> PUBLISHED.conditionalExpectedAverageValue(Double.NaN, 10), "frequency");
        assertField(() -> PUBLISHED.conditionalExpectedAverageValue(2, -0.5), "monetaryValue");
        assertField(() -> PUBLISHED.conditionalExpectedAverageValue(2, Double.POSITIVE_INFINITY), "monetaryValue");
        assertField(() -> PUBLISHED.logLikelihood(0, 10), "frequency");
        assertField(() -> PUBLISHED.logLikelihood(2, 0), "monetaryValue");
        assertField(() -> GammaGammaModel.fit(new double[] {1, 2}, new double[] {10, 0}), "monetaryValue");
        assertField(() -> GammaGammaModel.fit(new double[] {1, -2}, new double[] {10, 3}), "frequency");
        assertField(() -> GammaGammaModel.fit(new double[] {1, 2}, new double[] {10, Double.NaN}), "monetaryValue");
        assertField(
                () -> GammaGammaModel.fit(new double[] {1, 2}, new double[] {10, 3}, new double[] {1, 0}), "weight");
        assertField(() -> GammaGammaModel.fit(new double[] {1, 2}, new double[] {10}), "monetaryValue");
        assertField(() -> GammaGammaModel.fit(new double[] {0, 0}, new double[] {0, 0}), "frequency");
        assertField(() -> GammaGammaModel.fit(null, new double[] {0, 0}), "frequency");
        assertField(() -> new GammaGammaModel(0, 1, 1), "p");
        assertField(() -> new GammaGammaModel(1, Double.NaN, 1), "q");
        assertField(() -> new GammaGammaModel(1, 1, Double.POSITIVE_INFINITY), "gamma");
    }

    @Test
    @DisplayName("predictions need q > 1: otherwise the mean value does not exist and the model says so")
    void meanNeedsQAboveOne() {
        GammaGammaModel heavyTailed = new GammaGammaModel(2, 0.9, 5);
        assertThatThrownBy(heavyTailed::populationMeanValue).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> heavyTailed.conditionalExpectedAverageValue(2, 3))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName(
            "a fit whose likelihood has no maximum (identical spends) reports non-convergence and requireConverged throws")
    void divergentFitIsReported() {
        ModelFit<GammaGammaModel> fit = GammaGammaModel.fit(new double[] {1, 1, 1, 1}, new double[] {10, 10, 10, 10});
        assertThat(fit.isConverged()).isFalse();
        assertThatThrownBy(fit::requireConverged)
                .isInstanceOf(FitNotConvergedException.class)
                .hasMessageContaining("converge");
        assertThat(fit.model()).isNotNull();
        // four customers whose likelihood keeps rising (by 1e-6 per decade, checked with scipy) as p -> infinity
        // along p·γ = const: a supremum on the boundary, not a maximum
        ModelFit<GammaGammaModel> ridge = GammaGammaModel.fit(new double[] {1, 2, 3, 1}, new double[] {10, 12, 9, 30});
        assertThat(ridge.isConverged()).isFalse();
    }

    @Test
    @DisplayName("weights count identical rows: a weighted fit equals the fit on the expanded rows")
    void weightsEqualRepetition() {
        double[] x = {1, 2, 3, 1, 5, 2};
        double[] z = {10, 14, 9, 30, 12, 8};
        double[] w = {2, 1, 3, 1, 2, 1};
        double[] ex = {1, 1, 2, 3, 3, 3, 1, 5, 5, 2};
        double[] ez = {10, 10, 14, 9, 9, 9, 30, 12, 12, 8};
        GammaGammaModel model = new GammaGammaModel(3, 4, 20);
        assertThat(model.logLikelihood(x, z, w)).isCloseTo(model.logLikelihood(ex, ez, null), within(1e-9));
    }

    /** Random spend data: frequencies 0 to 30 (many repeated), log-normal mean values, some weights. */
    private static double[][] randomSpend(Random random, int n) {
        double[] x = new double[n];
        double[] z = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(random.nextBoolean() ? 3 : 30);
            z[i] = x[i] == 0 ? 0 : Math.exp(3 + random.nextGaussian());
            w[i] = 1 + random.nextInt(3);
        }
        return new double[][] {x, z, w};
    }

    @Test
    @DisplayName("property: the total log-likelihood (grouped by frequency) is the sum of the customers' own, at any"
            + " parameters")
    void groupedLikelihoodIsTheSum() {
        Random random = new Random(31);
        for (int round = 0; round < 50; round++) {
            double[][] d = randomSpend(random, 1 + random.nextInt(400));
            GammaGammaModel model = new GammaGammaModel(
                    0.2 + 10 * random.nextDouble(), 1.1 + 10 * random.nextDouble(), 1 + 50 * random.nextDouble());
            double sum = 0;
            for (int i = 0; i < d[0].length; i++) {
                if (d[0][i] > 0) {
                    sum += d[2][i] * model.logLikelihood(d[0][i], d[1][i]);
                }
            }
            if (sum == 0) {
                continue;
            }

            double total = model.logLikelihood(d[0], d[1], d[2]);

            assertThat(total).as("round %d", round).isCloseTo(sum, within(1e-10 * Math.abs(sum)));
        }
    }

    @Test
    @DisplayName("property: the fit is a maximum: moving any parameter by 0.1% either way lowers the likelihood")
    void fitIsAMaximum() {
        Random random = new Random(37);
        for (int round = 0; round < 10; round++) {
            double[][] d = randomSpend(random, 2_000);
            ModelFit<GammaGammaModel> fit = GammaGammaModel.fit(d[0], d[1], d[2]);
            assertThat(fit.isConverged()).isTrue();
            GammaGammaModel m = fit.model();
            double best = m.logLikelihood(d[0], d[1], d[2]);
            for (int k = 0; k < 3; k++) {
                for (double f : new double[] {0.999, 1.001}) {
                    GammaGammaModel moved = new GammaGammaModel(
                            m.p() * (k == 0 ? f : 1), m.q() * (k == 1 ? f : 1), m.gamma() * (k == 2 ? f : 1));

                    double ll = moved.logLikelihood(d[0], d[1], d[2]);

                    assertThat(ll)
                            .as("round %d, parameter %d × %s", round, k, f)
                            .isLessThan(best);
                }
            }
        }
    }

    @Test
    @DisplayName("fitting the same data twice gives the same bits")
    void deterministic() {
        SpendDatasets.CdnowSummary data = SpendDatasets.cdnow();
        ModelFit<GammaGammaModel> first = GammaGammaModel.fit(data.x(), data.zbar());
        ModelFit<GammaGammaModel> second = GammaGammaModel.fit(data.x(), data.zbar());
        assertThat(second.model()).isEqualTo(first.model());
        assertThat(Double.doubleToRawLongBits(second.logLikelihood()))
                .isEqualTo(Double.doubleToRawLongBits(first.logLikelihood()));
    }

    private static void assertField(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.rule()).isIn(ValidationRule.OUT_OF_RANGE, ValidationRule.REQUIRED);
        });
    }
}
