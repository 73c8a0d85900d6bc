package dev.guanxi.crm.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BgNbdSimulatorTest {
    private static final BgNbdModel CDNOW = BgNbdModel.of(0.243, 4.414, 0.793, 2.426);

    @Test
    @DisplayName("the simulator is reproducible from its seed and a fit recovers the CDNOW parameters")
    void recoversParameters() {
        CustomerSummaries s = BgNbdSimulator.simulate(CDNOW, 100_000, 27, 39, PeriodUnit.WEEKS, 42);
        CustomerSummaries again = BgNbdSimulator.simulate(CDNOW, 100_000, 27, 39, PeriodUnit.WEEKS, 42);
        assertThat(again.recencies()).containsExactly(s.recencies());
        BgNbdModel m = BgNbdModel.fit(s).requireConverged();
        // 100,000 customers: sampling error of a few percent; r and alpha within 10%, a and b within 20%
        assertThat(m.r()).isCloseTo(0.243, withinPercentage(10));
        assertThat(m.alpha()).isCloseTo(4.414, withinPercentage(10));
        assertThat(m.a()).isCloseTo(0.793, withinPercentage(20));
        assertThat(m.b()).isCloseTo(2.426, withinPercentage(20));
    }
}
