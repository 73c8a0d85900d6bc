package dev.guanxi.crm.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.service.SurveyResponse;
import dev.guanxi.crm.service.SurveyResponseId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Satisfaction as a time series with a trend")
class SatisfactionTrendTest {
    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    static final CustomerId CUSTOMER = CustomerId.random();

    static SurveyResponse answer(int day, Integer csat, Integer nps) {
        Instant at = START.plus(Duration.ofDays(day));
        return new SurveyResponse(SurveyResponseId.random(), CUSTOMER, at, csat, nps, null, null, null, 1, at, at);
    }

    @ParameterizedTest(name = "csat={0} nps={1} -> {2}")
    @CsvSource({
        "1,,0.0", // (1 - 1) / 4
        "3,,0.5", // (3 - 1) / 4
        "4,,0.75", // (4 - 1) / 4
        "5,,1.0", // (5 - 1) / 4
        ",0,0.0", // 0 / 10
        ",9,0.9", // 9 / 10
        ",10,1.0", // 10 / 10
        "4,9,0.825", // (0.75 + 0.9) / 2
        "1,10,0.5" // (0 + 1) / 2
    })
    @DisplayName("CSAT c becomes (c - 1) / 4, NPS n becomes n / 10, and both together their mean")
    void normalise(Integer csat, Integer nps, double expected) {
        double value = SatisfactionTrend.normalise(csat, nps);
        assertThat(value).isCloseTo(expected, within(1e-15));
    }

    @ParameterizedTest(name = "csat={0} nps={1}")
    @CsvSource({
        ",,csat,REQUIRED",
        "0,,csat,OUT_OF_RANGE",
        "6,9,csat,OUT_OF_RANGE",
        "3,11,nps,OUT_OF_RANGE",
        ",-1,nps,OUT_OF_RANGE"
    })
    @DisplayName("a response without a score or with a score off its scale is refused naming the field")
    void badScores(Integer csat, Integer nps, String field, ValidationRule rule) {
        assertThatThrownBy(() -> SatisfactionTrend.normalise(csat, nps))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.rule()).isEqualTo(rule);
                });
    }

    @Test
    @DisplayName("responses given out of order are sorted by time; a steady rise of one CSAT point a year is +0.25")
    void steadyRise() {
        // days 0, 365, 730 with CSAT 3, 4, 5 -> 0.5, 0.75, 1.0; mean 0.75; slope 0.25 per 365 days
        SatisfactionTrend trend =
                SatisfactionTrend.of(List.of(answer(730, 5, null), answer(0, 3, null), answer(365, 4, null)));
        assertThat(trend.count()).isEqualTo(3);
        assertThat(trend.mean()).isCloseTo(0.75, within(1e-15));
        assertThat(trend.latest()).isEqualTo(1.0);
        assertThat(trend.slopePerYear()).isCloseTo(0.25, within(1e-12));
        double first = trend.value(0);
        assertThat(first).isEqualTo(0.5);
        double firstAt = trend.epochSecond(0);
        assertThat(firstAt).isEqualTo((double) START.getEpochSecond());
    }

    @Test
    @DisplayName("the slope is the least-squares slope over uneven times")
    void unevenTimes() {
        // t in years 0, 1, 3; v 0, 1, 0.5. t mean 4/3, v mean 0.5;
        // Sxy = (-4/3)(-0.5) + (-1/3)(0.5) + (5/3)(0) = 1/2; Sxx = 16/9 + 1/9 + 25/9 = 14/3; slope = 3/28
        SatisfactionTrend trend = SatisfactionTrend.ofEpochDays(new double[] {0, 365, 1095}, new double[] {0, 1, 0.5});
        assertThat(trend.slopePerYear()).isCloseTo(3.0 / 28, within(1e-12));
        assertThat(trend.mean()).isCloseTo(0.5, within(1e-15));
        assertThat(trend.latest()).isEqualTo(0.5);
    }

    @Test
    @DisplayName("epoch days and epoch seconds describe the same series")
    void daysAndSeconds() {
        double[] days = {19_000, 19_100.5, 19_400};
        double[] values = {0.9, 0.5, 0.1};
        SatisfactionTrend byDays = SatisfactionTrend.ofEpochDays(days, values);
        SatisfactionTrend bySeconds = SatisfactionTrend.ofEpochSeconds(
                new double[] {19_000 * 86_400.0, 19_100.5 * 86_400.0, 19_400 * 86_400.0}, values);
        assertThat(byDays.slopePerYear()).isEqualTo(bySeconds.slopePerYear());
        assertThat(byDays.mean()).isEqualTo(bySeconds.mean());
        assertThat(byDays.slopePerYear()).isNegative();
    }

    @Test
    @DisplayName("an empty series has count 0 and NaN statistics")
    void empty() {
        SatisfactionTrend trend = SatisfactionTrend.of(List.of());
        assertThat(trend.isEmpty()).isTrue();
        assertThat(trend.count()).isZero();
        assertThat(trend.mean()).isNaN();
        assertThat(trend.latest()).isNaN();
        assertThat(trend.slopePerYear()).isNaN();
        assertThat(trend.recencyWeightedMean(30)).isNaN();
        SatisfactionTrend columns = SatisfactionTrend.ofEpochSeconds(new double[0], new double[0]);
        assertThat(columns.count()).isZero();
        assertThat(SatisfactionTrend.empty().count()).isZero();
    }

    @Test
    @DisplayName("a single survey gives its value as mean and latest and no slope")
    void single() {
        SatisfactionTrend trend = SatisfactionTrend.of(List.of(answer(10, null, 7)));
        assertThat(trend.count()).isEqualTo(1);
        assertThat(trend.mean()).isEqualTo(0.7);
        assertThat(trend.latest()).isEqualTo(0.7);
        assertThat(trend.slopePerYear()).isNaN();
        assertThat(trend.recencyWeightedMean(30)).isEqualTo(0.7);
    }

    @Test
    @DisplayName("responses at one instant have no slope; the latest is the one given last among them")
    void sameInstant() {
        SatisfactionTrend trend = SatisfactionTrend.of(List.of(answer(5, 1, null), answer(5, 5, null)));
        assertThat(trend.slopePerYear()).isNaN();
        assertThat(trend.latest()).isEqualTo(1.0);
        assertThat(trend.mean()).isEqualTo(0.5);
        SatisfactionTrend reversed = SatisfactionTrend.of(List.of(answer(5, 5, null), answer(5, 1, null)));
        assertThat(reversed.latest()).isEqualTo(0.0);
    }

    @Test
    @DisplayName("a flat series has slope 0")
    void flat() {
        SatisfactionTrend trend =
                SatisfactionTrend.ofEpochDays(new double[] {0, 50, 400}, new double[] {0.6, 0.6, 0.6});
        assertThat(trend.slopePerYear()).isCloseTo(0.0, within(1e-15));
    }

    @Test
    @DisplayName("the recency-weighted mean halves a response's weight per half-life before the latest")
    void recencyWeighted() {
        // values 0 at day 0 and 1 at day 30, half-life 30 days: weights 1/2 and 1 -> (0 + 1) / 1.5 = 2/3
        SatisfactionTrend trend = SatisfactionTrend.ofEpochDays(new double[] {0, 30}, new double[] {0, 1});
        assertThat(trend.recencyWeightedMean(30)).isCloseTo(2.0 / 3, within(1e-15));
        // a very long half-life tends to the plain mean
        assertThat(trend.recencyWeightedMean(1e12)).isCloseTo(trend.mean(), within(1e-9));
    }

    @Test
    @DisplayName("bad columns are refused naming the field")
    void badColumns() {
        assertRefused(
                () -> SatisfactionTrend.ofEpochSeconds(new double[] {1, 2}, new double[] {0.5}),
                "values",
                ValidationRule.OUT_OF_RANGE);
        assertRefused(
                () -> SatisfactionTrend.ofEpochSeconds(new double[] {1, 2}, new double[] {0.5, 1.5}),
                "values",
                ValidationRule.OUT_OF_RANGE);
        assertRefused(
                () -> SatisfactionTrend.ofEpochSeconds(new double[] {1, 2}, new double[] {0.5, Double.NaN}),
                "values",
                ValidationRule.OUT_OF_RANGE);
        assertRefused(
                () -> SatisfactionTrend.ofEpochSeconds(new double[] {Double.NaN}, new double[] {0.5}),
                "epochSeconds",
                ValidationRule.OUT_OF_RANGE);
        assertRefused(
                () -> SatisfactionTrend.ofEpochDays(new double[] {Double.POSITIVE_INFINITY}, new double[] {0.5}),
                "epochDays",
                ValidationRule.OUT_OF_RANGE);
        SatisfactionTrend trend = SatisfactionTrend.ofEpochDays(new double[] {0}, new double[] {0.5});
        assertRefused(() -> trend.recencyWeightedMean(0), "halfLifeDays", ValidationRule.OUT_OF_RANGE);
        assertRefused(() -> trend.recencyWeightedMean(Double.NaN), "halfLifeDays", ValidationRule.OUT_OF_RANGE);
    }

    @Test
    @DisplayName("the columnar summary gives bit for bit the per-customer count, mean and slope")
    void summariseMatchesPerCustomer() {
        Random random = new Random(11L);
        int n = 200;
        int[] offsets = new int[n + 1];
        List<double[]> times = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            int k = random.nextInt(5); // 0 to 4 responses, some customers without any
            double[] t = new double[k];
            double[] v = new double[k];
            double at = 1.7e9 + random.nextInt(1_000_000);
            for (int j = 0; j < k; j++) {
                at += random.nextInt(3) == 0 ? 0 : random.nextInt(40_000_000); // ties now and then
                t[j] = at;
                v[j] = random.nextInt(11) / 10.0;
            }
            times.add(t);
            values.add(v);
            offsets[c + 1] = offsets[c] + k;
        }
        double[] allTimes = new double[offsets[n]];
        double[] allValues = new double[offsets[n]];
        for (int c = 0; c < n; c++) {
            System.arraycopy(times.get(c), 0, allTimes, offsets[c], times.get(c).length);
            System.arraycopy(values.get(c), 0, allValues, offsets[c], values.get(c).length);
        }
        int[] counts = new int[n];
        double[] means = new double[n];
        double[] slopes = new double[n];
        SatisfactionTrend.summarise(offsets, allTimes, allValues, counts, means, slopes);
        for (int c = 0; c < n; c++) {
            SatisfactionTrend one = SatisfactionTrend.ofEpochSeconds(times.get(c), values.get(c));
            assertThat(counts[c]).isEqualTo(one.count());
            long meanBits = Double.doubleToLongBits(means[c]);
            long slopeBits = Double.doubleToLongBits(slopes[c]);
            assertThat(meanBits).isEqualTo(Double.doubleToLongBits(one.mean()));
            assertThat(slopeBits).isEqualTo(Double.doubleToLongBits(one.slopePerYear()));
        }
    }

    @Test
    @DisplayName("the columnar summary refuses a bad layout naming the field and the row")
    void summariseBadLayout() {
        int[] counts = new int[2];
        double[] means = new double[2];
        double[] slopes = new double[2];
        double[] t = {1, 2, 3};
        double[] v = {0.1, 0.2, 0.3};
        assertRefused(
                () -> SatisfactionTrend.summarise(new int[] {0, 1, 2}, t, v, counts, means, slopes),
                "offsets",
                ValidationRule.OUT_OF_RANGE);
        assertRefused(
                () -> SatisfactionTrend.summarise(
                        new int[] {0, 2, 1, 3}, t, v, new int[3], new double[3], new double[3]),
                "offsets",
                ValidationRule.OUT_OF_RANGE);
        assertRefused(
                () -> SatisfactionTrend.summarise(new int[] {0, 3}, new double[] {1, 3, 2}, v, counts, means, slopes),
                "epochSeconds",
                ValidationRule.OUT_OF_RANGE);
        assertRefused(
                () -> SatisfactionTrend.summarise(new int[] {0, 1, 3}, t, v, counts, means, new double[1]),
                "slopesPerYear",
                ValidationRule.OUT_OF_RANGE);
        assertThatThrownBy(() -> SatisfactionTrend.summarise(
                        new int[] {0, 1, 3}, t, new double[] {0.1, 2, 0.3}, counts, means, slopes))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("values");
                    assertThat(e.getMessage()).contains("row 1");
                });
    }

    static void assertRefused(Runnable call, String field, ValidationRule rule) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.rule()).isEqualTo(rule);
        });
    }
}
