package dev.guanxi.crm.analytics;

import static dev.guanxi.crm.analytics.BgNbdModelTest.assertField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MbgNbdModelTest {
    @Test
    @DisplayName("the CDNOW fit reproduces BTYDplus: r 0.525, alpha 6.183, a 0.891, b 1.614")
    void cdnowFit() {
        ModelFit<MbgNbdModel> fit = MbgNbdModel.fit(BtydData.cdnowSummaries());
        MbgNbdModel m = fit.requireConverged();
        // BTYDplus (mbgcnbd with k = 1) reports 3 decimals: ±0.5% relative
        assertThat(m.r()).isCloseTo(0.525, within(0.005 * 0.525));
        assertThat(m.alpha()).isCloseTo(6.183, within(0.005 * 6.183));
        assertThat(m.a()).isCloseTo(0.891, within(0.005 * 0.891));
        assertThat(m.b()).isCloseTo(1.614, within(0.005 * 1.614));
        assertThat(m.logLikelihood(BtydData.cdnowSummaries())).isCloseTo(fit.logLikelihood(), within(1e-8));
    }

    @Test
    @DisplayName("E[Y(t) | 0, 0, 0] equals E[X(t)] and agrees with the lifetimes formula at x > 0 by a series check")
    void expectations() {
        MbgNbdModel m = MbgNbdModel.of(0.525, 6.183, 0.891, 1.614);
        // a customer seen only at time 0 is alive with probability b/(a+b), the unconditional start
        assertThat(m.conditionalExpectedPurchases(39, 0, 0, 0)).isCloseTo(m.expectedPurchases(39), within(1e-12));
        assertThat(m.probabilityAlive(0, 0, 0)).isCloseTo(1.614 / (0.891 + 1.614), within(1e-15));
        // direct 2F1 series without Euler's transformation (lifetimes' form) at a moderate argument
        double x = 2;
        double tx = 30.43;
        double age = 38.86;
        double t = 39;
        double z = t / (6.183 + age + t);
        double hyp = 1;
        double term = 1;
        for (int k = 0; k < 2000; k++) {
            term *= (0.525 + x + k) * (1.614 + x + 1 + k) / ((0.891 + 1.614 + x + k) * (k + 1)) * z;
            hyp += term;
        }
        double numerator =
                (0.891 + 1.614 + x) / (0.891 - 1) * (1 - hyp * Math.pow((6.183 + age) / (6.183 + t + age), 0.525 + x));
        double denominator = 1 + 0.891 / (1.614 + x) * Math.pow((6.183 + age) / (6.183 + tx), 0.525 + x);
        assertThat(m.conditionalExpectedPurchases(t, x, tx, age)).isCloseTo(numerator / denominator, within(1e-10));
    }

    @Test
    @DisplayName("property: P(alive) in [0,1], more recent is more likely alive, E[X(t)] grows with t")
    void properties() {
        MbgNbdModel m = MbgNbdModel.of(0.525, 6.183, 0.891, 1.614);
        Random random = new Random(2007);
        for (int k = 0; k < 2000; k++) {
            double age = 0.1 + 100 * random.nextDouble();
            double x = random.nextInt(50);
            double tx = x == 0 ? 0 : age * random.nextDouble();
            double p = m.probabilityAlive(x, tx, age);
            assertThat(p).isBetween(0.0, 1.0);
            if (x > 0) {
                assertThat(m.probabilityAlive(x, tx + (age - tx) * random.nextDouble(), age))
                        .isGreaterThanOrEqualTo(p);
            }
            assertThat(m.conditionalExpectedPurchases(39, x, tx, age))
                    .isFinite()
                    .isGreaterThanOrEqualTo(0);
        }
        double previous = 0;
        for (int t = 1; t <= 300; t++) {
            assertThat(m.expectedPurchases(t)).isGreaterThan(previous);
            previous = m.expectedPurchases(t);
        }
        assertThat(m.probabilityAlive(1000, 10, 100)).isBetween(0.0, 1e-300);
        assertField(() -> m.probabilityAlive(1, 5, 4), "recency");
    }

    @Test
    @DisplayName("fits are deterministic")
    void deterministic() {
        assertThat(MbgNbdModel.fit(BtydData.cdnowSummaries()).model().toString())
                .isEqualTo(MbgNbdModel.fit(BtydData.cdnowSummaries()).model().toString());
    }
}
