package dev.guanxi.crm.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BgNbdModelTest {
    @Test
    @DisplayName(
            "the CDNOW fit reproduces Fader, Hardie & Lee (2005): r 0.243, alpha 4.414, a 0.793, b 2.426, LL -9582.4")
    void cdnowFit() {
        ModelFit<BgNbdModel> fit = BgNbdModel.fit(BtydData.cdnowSummaries());
        System.out.println(fit + " evals " + fit.evaluations() + " grad " + fit.gradientNorm());
        BgNbdModel m = fit.requireConverged();
        // FHL 2005 report 3 decimals: ±0.005 absolute (≈ ±2% for r) covers their rounding and optimiser noise
        assertThat(m.r()).isCloseTo(0.243, within(0.005));
        assertThat(m.alpha()).isCloseTo(4.414, within(0.005 * 4.414));
        assertThat(m.a()).isCloseTo(0.793, within(0.005));
        assertThat(m.b()).isCloseTo(2.426, within(0.005 * 2.426));
        assertThat(fit.logLikelihood()).isCloseTo(-9582.4, within(0.1));
        assertThat(m.logLikelihood(BtydData.cdnowSummaries())).isCloseTo(fit.logLikelihood(), within(1e-8));
    }

    @Test
    @DisplayName("E[Y(39) | x=2, t_x=30.43, T=38.86] = 1.226 at the published parameters (Hardie's spreadsheet)")
    void conditionalExpectation() {
        BgNbdModel m = BgNbdModel.of(0.243, 4.414, 0.793, 2.426);
        assertThat(m.conditionalExpectedPurchases(39, 2, 30.43, 38.86)).isCloseTo(1.226, within(0.001));
    }
}
