package dev.guanxi.crm.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PurchaseTrackingTest {
    @Test
    @DisplayName("CDNOW: 4,339 actual repeat purchases by week 78; BG/NBD forecasts 2-6% fewer (FHL 2005: about 4%)")
    void cdnowTracking() {
        BgNbdModel m = BgNbdModel.fit(BtydData.cdnowSummaries()).requireConverged();
        PurchaseTracking tracking =
                PurchaseTracking.of(m, BtydData.cdnowLog(), BtydData.COHORT_START, PeriodUnit.WEEKS, 78);
        assertThat(tracking.customers()).isEqualTo(2357);
        // README: 6,919 rows - 223 repeated (customer, day) pairs - 2,357 first purchases
        assertThat(tracking.actualCumulative(78)).isEqualTo(4339);
        double forecast = tracking.expectedCumulative(78);
        assertThat(forecast).isBetween(4339 * 0.94, 4339 * 0.98);
        double sum = 0;
        for (int k = 1; k <= 78; k++) {
            assertThat(tracking.expectedIncremental(k)).isGreaterThanOrEqualTo(0);
            sum += tracking.expectedIncremental(k);
        }
        assertThat(sum).isCloseTo(forecast, org.assertj.core.api.Assertions.within(1e-6));
        // calibration weeks match the fit closely: cumulative at week 39 within 3% of the actual
        assertThat(tracking.expectedCumulative(39))
                .isCloseTo(tracking.actualCumulative(39), org.assertj.core.api.Assertions.withinPercentage(3));
    }
}
