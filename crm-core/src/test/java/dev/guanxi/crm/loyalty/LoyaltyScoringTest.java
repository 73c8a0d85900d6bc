package dev.guanxi.crm.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.classification.Contribution;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Loyalty score")
class LoyaltyScoringTest {
    static final LoyaltyScoring DEFAULTS = LoyaltyScoring.defaults();

    /** Every input available; the hand-computed total below is 73.25. */
    static LoyaltyInputs.Builder full() {
        return LoyaltyInputs.builder()
                .frequency(6)
                .tenureDays(730)
                .pAlive(0.8)
                .satisfaction(0.75, 0.125, 4)
                .complaints(1, 1, 0)
                .recentSpendShare(0.5);
    }

    static double points(LoyaltyScore score, LoyaltyFactor factor) {
        return score.contribution(factor).points();
    }

    static double sumOfPoints(LoyaltyScore score) {
        double sum = 0;
        for (Contribution c : score.contributions()) {
            sum += c.points();
        }
        return sum;
    }

    @Test
    @DisplayName("with every input available each factor gives 100 × weight / 100 × its level")
    void everyFactor() {
        LoyaltyScore score = DEFAULTS.score(full().build());
        // weights sum to 100, so the points are weight × level
        assertThat(points(score, LoyaltyFactor.FREQUENCY)).isCloseTo(12.5, within(1e-9)); // 25 × 6/12
        assertThat(points(score, LoyaltyFactor.TENURE)).isCloseTo(20.0 / 3, within(1e-9)); // 10 × 730/1095
        assertThat(points(score, LoyaltyFactor.P_ALIVE)).isCloseTo(12.0, within(1e-9)); // 15 × 0.8
        assertThat(points(score, LoyaltyFactor.SATISFACTION)).isCloseTo(15.0, within(1e-9)); // 20 × 0.75
        // 5 × (0.5 + 0.125 / (2 × 0.25)) = 5 × 0.75
        assertThat(points(score, LoyaltyFactor.SATISFACTION_TREND)).isCloseTo(3.75, within(1e-9));
        assertThat(points(score, LoyaltyFactor.COMPLAINTS)).isCloseTo(10.0 / 3, within(1e-9)); // 5 × (1 - 1/3)
        assertThat(points(score, LoyaltyFactor.COMPLAINT_RESOLUTION)).isCloseTo(10.0, within(1e-9)); // 10 × 1/1
        // expected share 365/730 = 0.5, actual 0.5 -> level 1 -> 10
        assertThat(points(score, LoyaltyFactor.RECENT_SPEND)).isCloseTo(10.0, within(1e-9));
        // 12.5 + 6.667 + 12 + 15 + 3.75 + 3.333 + 10 + 10
        assertThat(score.score()).isCloseTo(73.25, within(1e-9));
        assertThat(score.score()).isCloseTo(sumOfPoints(score), within(1e-12));
        assertThat(score.type()).isEqualTo(LoyaltyType.TRUE);
        assertThat(score.superValue()).isFalse();
    }

    @Test
    @DisplayName("contributions come in factor order with the input value, the share of the weights and a note")
    void contributions() {
        LoyaltyScore score = DEFAULTS.score(full().build());
        List<String> factors =
                score.contributions().stream().map(Contribution::factor).toList();
        assertThat(factors)
                .containsExactly(
                        "frequency",
                        "tenure",
                        "pAlive",
                        "satisfaction",
                        "satisfactionTrend",
                        "complaints",
                        "complaintResolution",
                        "recentSpend");
        Contribution frequency = score.contribution(LoyaltyFactor.FREQUENCY);
        assertThat(frequency.value()).isEqualTo(6.0);
        assertThat(frequency.weight()).isCloseTo(0.25, within(1e-15));
        assertThat(frequency.note()).isEqualTo("6.00 purchases a year (full points at 12.00)");
        Contribution resolution = score.contribution(LoyaltyFactor.COMPLAINT_RESOLUTION);
        assertThat(resolution.value()).isEqualTo(1.0); // 1 of 1 resolved
        double weights =
                score.contributions().stream().mapToDouble(Contribution::weight).sum();
        assertThat(weights).isCloseTo(1.0, within(1e-12));
    }

    @Test
    @DisplayName("the reason names the type, the factor with most points and the one that missed most")
    void reason() {
        // points: satisfaction 15 of 20 is the most; frequency misses 12.5 of 25, the largest shortfall
        String reason = DEFAULTS.score(full().build()).reason();
        assertThat(reason)
                .startsWith("loyalty 73.")
                .contains("true loyalty")
                .contains("most points from satisfaction (15.0 of 20.0)")
                .contains("most missed on frequency (12.5 of 25.0)");
    }

    @Test
    @DisplayName("a NaN P(alive) leaves the factor out and shares its weight out over the others")
    void pAliveNotAvailable() {
        LoyaltyScore score = DEFAULTS.score(full().pAlive(Double.NaN).build());
        // the 73.25 less pAlive's 12 points, on 85 weight instead of 100: 61.25 × 100 / 85
        assertThat(score.score()).isCloseTo(61.25 * 100 / 85, within(1e-9));
        Contribution pAlive = score.contribution(LoyaltyFactor.P_ALIVE);
        assertThat(pAlive.weight()).isZero();
        assertThat(pAlive.points()).isZero();
        assertThat(pAlive.value()).isNaN();
        // frequency: 100 × 25/85 × 0.5
        assertThat(points(score, LoyaltyFactor.FREQUENCY)).isCloseTo(2500.0 / 85 * 0.5, within(1e-9));
        assertThat(score.contribution(LoyaltyFactor.FREQUENCY).weight()).isCloseTo(25.0 / 85, within(1e-15));
        assertThat(score.score()).isCloseTo(sumOfPoints(score), within(1e-12));
    }

    @Test
    @DisplayName("a customer without purchases, surveys or complaints scores only the complaint factors: 25")
    void emptyHistory() {
        LoyaltyScore score = DEFAULTS.score(LoyaltyInputs.builder().build());
        // available: frequency 25, tenure 10, complaints 5, resolution 10, recentSpend 10 = 60
        // points: 0 + 0 + 100 × 5/60 + 100 × 10/60 + 0 (no spend) = 25
        assertThat(score.score()).isCloseTo(25.0, within(1e-9));
        assertThat(points(score, LoyaltyFactor.RECENT_SPEND)).isZero();
        assertThat(score.contribution(LoyaltyFactor.SATISFACTION).weight()).isZero();
        assertThat(score.contribution(LoyaltyFactor.SATISFACTION_TREND).weight())
                .isZero();
        assertThat(score.type()).isEqualTo(LoyaltyType.UNDETERMINED);
        assertThat(score.superValue()).isFalse();
        assertThat(score.reason()).contains("attitude unknown");
    }

    @Test
    @DisplayName("a single survey gives a satisfaction level but no trend, whatever slope was passed")
    void singleSurvey() {
        LoyaltyInputs inputs = full().satisfaction(1.0, 0.3, 1).build();
        assertThat(inputs.satisfactionSlope()).isNaN();
        LoyaltyScore score = DEFAULTS.score(inputs);
        // available weight 95; satisfaction 100 × 20/95 × 1
        assertThat(points(score, LoyaltyFactor.SATISFACTION)).isCloseTo(2000.0 / 95, within(1e-9));
        assertThat(score.contribution(LoyaltyFactor.SATISFACTION_TREND).weight())
                .isZero();
        // the 73.25 with satisfaction at 20 (not 15) and no trend: (73.25 + 5 - 3.75) × 100 / 95
        assertThat(score.score()).isCloseTo(74.5 * 100 / 95, within(1e-9));
    }

    @ParameterizedTest(name = "slope {0} -> level {1}")
    @CsvSource({"0,0.5", "0.25,1.0", "1.0,1.0", "-0.25,0.0", "-3,0.0", "-0.125,0.25"})
    @DisplayName("the trend level is 0.5 + slope / (2 × 0.25) clamped to 0..1")
    void trendLevel(double slope, double level) {
        LoyaltyScore score = DEFAULTS.score(full().satisfaction(0.75, slope, 3).build());
        assertThat(points(score, LoyaltyFactor.SATISFACTION_TREND)).isCloseTo(5 * level, within(1e-9));
    }

    @ParameterizedTest(name = "tenure {0} share {1} -> level {2}")
    @CsvSource({
        "200,0.6,0.6", // tenure within the window: expected 1
        "365,1.0,1.0",
        "1460,0.25,1.0", // expected 365/1460 = 0.25
        "1460,0.125,0.5", // half the expected pace
        "1460,0.9,1.0", // ahead of pace: capped at 1
        "1460,0,0.0"
    })
    @DisplayName("recent spend earns share / expected share, where an even spender's share is window / tenure")
    void recentSpend(double tenureDays, double share, double level) {
        LoyaltyScore score = DEFAULTS.score(
                full().tenureDays(tenureDays).recentSpendShare(share).build());
        assertThat(points(score, LoyaltyFactor.RECENT_SPEND)).isCloseTo(10 * level, within(1e-9));
    }

    @Test
    @DisplayName(
            "all complaints unresolved earn no resolution points, all resolved the full 10, a reopening costs half")
    void complaintResolution() {
        LoyaltyScore unresolved = DEFAULTS.score(full().complaints(2, 0, 0).build());
        LoyaltyScore resolved = DEFAULTS.score(full().complaints(2, 2, 0).build());
        LoyaltyScore reopened = DEFAULTS.score(full().complaints(2, 2, 1).build());
        assertThat(points(unresolved, LoyaltyFactor.COMPLAINT_RESOLUTION)).isZero();
        assertThat(points(resolved, LoyaltyFactor.COMPLAINT_RESOLUTION)).isCloseTo(10.0, within(1e-9));
        // (2 - 0.5 × 1) / 2 = 0.75
        assertThat(points(reopened, LoyaltyFactor.COMPLAINT_RESOLUTION)).isCloseTo(7.5, within(1e-9));
        // both have 2 complaints: 5 × (1 - 2/3)
        assertThat(points(unresolved, LoyaltyFactor.COMPLAINTS)).isCloseTo(5.0 / 3, within(1e-9));
        assertThat(resolved.score() - unresolved.score()).isCloseTo(10.0, within(1e-9));
        assertThat(unresolved.contribution(LoyaltyFactor.COMPLAINT_RESOLUTION).value())
                .isZero();
        // three or more complaints use up the complaints factor
        LoyaltyScore many = DEFAULTS.score(full().complaints(7, 7, 0).build());
        assertThat(points(many, LoyaltyFactor.COMPLAINTS)).isZero();
        // many reopenings cannot push the level below 0
        LoyaltyScore reopenedOften = DEFAULTS.score(full().complaints(1, 1, 9).build());
        assertThat(points(reopenedOften, LoyaltyFactor.COMPLAINT_RESOLUTION)).isZero();
    }

    @Test
    @DisplayName("custom weights and saturation points change the arithmetic as documented")
    void customPolicy() {
        LoyaltyScoring scoring = LoyaltyScoring.builder()
                .weight(LoyaltyFactor.FREQUENCY, 1)
                .weight(LoyaltyFactor.TENURE, 1)
                .weight(LoyaltyFactor.P_ALIVE, 0)
                .weight(LoyaltyFactor.SATISFACTION, 0)
                .weight(LoyaltyFactor.SATISFACTION_TREND, 0)
                .weight(LoyaltyFactor.COMPLAINTS, 0)
                .weight(LoyaltyFactor.COMPLAINT_RESOLUTION, 0)
                .weight(LoyaltyFactor.RECENT_SPEND, 0)
                .frequencySaturation(24)
                .tenureSaturationDays(365)
                .build();
        LoyaltyScore score = scoring.score(full().build());
        // 50 × 6/24 + 50 × min(1, 730/365) = 12.5 + 50
        assertThat(score.score()).isCloseTo(62.5, within(1e-9));
        assertThat(scoring.toBuilder().build().score(full().build()).score()).isEqualTo(score.score());
        assertThat(scoring.weight(LoyaltyFactor.FREQUENCY)).isEqualTo(1.0);
        assertThat(scoring.frequencySaturation()).isEqualTo(24.0);
    }

    @Test
    @DisplayName("when only missing factors carry weight the score is 0 with every weight 0")
    void onlyMissingFactorsWeighted() {
        LoyaltyScoring onlyPAlive = LoyaltyScoring.builder()
                .weight(LoyaltyFactor.FREQUENCY, 0)
                .weight(LoyaltyFactor.TENURE, 0)
                .weight(LoyaltyFactor.SATISFACTION, 0)
                .weight(LoyaltyFactor.SATISFACTION_TREND, 0)
                .weight(LoyaltyFactor.COMPLAINTS, 0)
                .weight(LoyaltyFactor.COMPLAINT_RESOLUTION, 0)
                .weight(LoyaltyFactor.RECENT_SPEND, 0)
                .build();
        LoyaltyScore missing = onlyPAlive.score(full().pAlive(Double.NaN).build());
        assertThat(missing.score()).isZero();
        LoyaltyScore known = onlyPAlive.score(full().pAlive(0.3).build());
        assertThat(known.score()).isCloseTo(30.0, within(1e-9));
    }

    @Test
    @DisplayName("the documented defaults")
    void defaults() {
        assertThat(DEFAULTS.weight(LoyaltyFactor.FREQUENCY)).isEqualTo(25.0);
        assertThat(DEFAULTS.weight(LoyaltyFactor.TENURE)).isEqualTo(10.0);
        assertThat(DEFAULTS.weight(LoyaltyFactor.P_ALIVE)).isEqualTo(15.0);
        assertThat(DEFAULTS.weight(LoyaltyFactor.SATISFACTION)).isEqualTo(20.0);
        assertThat(DEFAULTS.weight(LoyaltyFactor.SATISFACTION_TREND)).isEqualTo(5.0);
        assertThat(DEFAULTS.weight(LoyaltyFactor.COMPLAINTS)).isEqualTo(5.0);
        assertThat(DEFAULTS.weight(LoyaltyFactor.COMPLAINT_RESOLUTION)).isEqualTo(10.0);
        assertThat(DEFAULTS.weight(LoyaltyFactor.RECENT_SPEND)).isEqualTo(10.0);
        assertThat(DEFAULTS.frequencySaturation()).isEqualTo(12.0);
        assertThat(DEFAULTS.tenureSaturationDays()).isEqualTo(1095.0);
        assertThat(DEFAULTS.trendSaturationPerYear()).isEqualTo(0.25);
        assertThat(DEFAULTS.complaintSaturation()).isEqualTo(3.0);
        assertThat(DEFAULTS.reopenedPenalty()).isEqualTo(0.5);
        assertThat(DEFAULTS.recentWindowDays()).isEqualTo(365.0);
        assertThat(DEFAULTS.highAttitude()).isEqualTo(0.75);
        assertThat(DEFAULTS.highRepeatFrequency()).isEqualTo(4.0);
        assertThat(DEFAULTS.minimumPAlive()).isEqualTo(0.5);
        assertThat(DEFAULTS.superValueSatisfaction()).isEqualTo(0.9);
        assertThat(DEFAULTS.superValueFrequency()).isEqualTo(12.0);
    }

    @Test
    @DisplayName("the inputs can come from a satisfaction series")
    void fromTrend() {
        SatisfactionTrend trend =
                SatisfactionTrend.ofEpochDays(new double[] {0, 365, 730}, new double[] {0.5, 0.75, 1.0});
        LoyaltyInputs inputs = full().satisfaction(trend).build();
        assertThat(inputs.surveys()).isEqualTo(3);
        assertThat(inputs.satisfactionMean()).isCloseTo(0.75, within(1e-15));
        assertThat(inputs.satisfactionSlope()).isCloseTo(0.25, within(1e-12));
        LoyaltyInputs none = full().satisfaction(SatisfactionTrend.empty()).build();
        assertThat(none.satisfactionMean()).isNaN();
        assertThat(none.surveys()).isZero();
    }

    static Stream<Arguments> badConfig() {
        return Stream.of(
                config(
                        "negative weight",
                        () -> LoyaltyScoring.builder().weight(LoyaltyFactor.FREQUENCY, -1),
                        "weights.frequency"),
                config(
                        "NaN weight",
                        () -> LoyaltyScoring.builder().weight(LoyaltyFactor.P_ALIVE, Double.NaN),
                        "weights.pAlive"),
                config(
                        "infinite weight",
                        () -> LoyaltyScoring.builder()
                                .weight(LoyaltyFactor.SATISFACTION_TREND, Double.POSITIVE_INFINITY),
                        "weights.satisfactionTrend"),
                config(
                        "zero frequency saturation",
                        () -> LoyaltyScoring.builder().frequencySaturation(0),
                        "frequencySaturation"),
                config(
                        "NaN tenure saturation",
                        () -> LoyaltyScoring.builder().tenureSaturationDays(Double.NaN),
                        "tenureSaturationDays"),
                config(
                        "negative trend saturation",
                        () -> LoyaltyScoring.builder().trendSaturationPerYear(-0.1),
                        "trendSaturationPerYear"),
                config(
                        "zero complaint saturation",
                        () -> LoyaltyScoring.builder().complaintSaturation(0),
                        "complaintSaturation"),
                config(
                        "negative reopened penalty",
                        () -> LoyaltyScoring.builder().reopenedPenalty(-0.5),
                        "reopenedPenalty"),
                config(
                        "infinite window",
                        () -> LoyaltyScoring.builder().recentWindowDays(Double.POSITIVE_INFINITY),
                        "recentWindowDays"),
                config("attitude above 1", () -> LoyaltyScoring.builder().highAttitude(1.5), "highAttitude"),
                config(
                        "negative repeat frequency",
                        () -> LoyaltyScoring.builder().highRepeatFrequency(-1),
                        "highRepeatFrequency"),
                config(
                        "NaN minimum P(alive)",
                        () -> LoyaltyScoring.builder().minimumPAlive(Double.NaN),
                        "minimumPAlive"),
                config(
                        "super-value satisfaction below 0",
                        () -> LoyaltyScoring.builder().superValueSatisfaction(-0.1),
                        "superValueSatisfaction"),
                config(
                        "infinite super-value frequency",
                        () -> LoyaltyScoring.builder().superValueFrequency(Double.POSITIVE_INFINITY),
                        "superValueFrequency"));
    }

    static Arguments config(String name, Supplier<LoyaltyScoring.Builder> setting, String field) {
        return Arguments.of(name, setting, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badConfig")
    @DisplayName("a bad setting is refused at once naming the field, rule OUT_OF_RANGE")
    void badSetting(String name, Supplier<LoyaltyScoring.Builder> setting, String field) {
        assertThatThrownBy(setting::get).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.rule()).isEqualTo(ValidationRule.OUT_OF_RANGE);
        });
    }

    @Test
    @DisplayName("all-zero weights are refused when building, naming the weights")
    void allZeroWeights() {
        LoyaltyScoring.Builder builder = LoyaltyScoring.builder();
        for (LoyaltyFactor f : LoyaltyFactor.values()) {
            builder.weight(f, 0);
        }
        assertThatThrownBy(builder::build).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo("weights");
            assertThat(e.rule()).isEqualTo(ValidationRule.OUT_OF_RANGE);
        });
        builder.weight(LoyaltyFactor.TENURE, 1e-9);
        LoyaltyScoring scoring = builder.build();
        assertThat(scoring.score(full().build()).score()).isCloseTo(100 * 730.0 / 1095, within(1e-9));
    }

    @Test
    @DisplayName("weights that add up to infinity are refused")
    void weightsOverflow() {
        LoyaltyScoring.Builder builder = LoyaltyScoring.builder()
                .weight(LoyaltyFactor.FREQUENCY, Double.MAX_VALUE)
                .weight(LoyaltyFactor.TENURE, Double.MAX_VALUE);
        assertThatThrownBy(builder::build)
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("weights"));
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                input("negative frequency", () -> full().frequency(-1), "frequency"),
                input("NaN frequency", () -> full().frequency(Double.NaN), "frequency"),
                input("infinite tenure", () -> full().tenureDays(Double.POSITIVE_INFINITY), "tenureDays"),
                input("P(alive) above 1", () -> full().pAlive(1.01), "pAlive"),
                input("negative survey count", () -> full().satisfaction(0.5, Double.NaN, -1), "surveys"),
                input(
                        "NaN mean with surveys",
                        () -> full().satisfaction(Double.NaN, Double.NaN, 2),
                        "satisfactionMean"),
                input("mean above 1", () -> full().satisfaction(1.2, 0, 2), "satisfactionMean"),
                input(
                        "infinite slope",
                        () -> full().satisfaction(0.5, Double.NEGATIVE_INFINITY, 2),
                        "satisfactionSlope"),
                input("negative complaints", () -> full().complaints(-1, 0, 0), "complaints"),
                input("more resolved than complaints", () -> full().complaints(1, 2, 0), "complaintsResolved"),
                input("negative resolved", () -> full().complaints(1, -1, 0), "complaintsResolved"),
                input("negative reopened", () -> full().complaints(1, 1, -1), "complaintsReopened"),
                input("reopened without complaints", () -> full().complaints(0, 0, 1), "complaintsReopened"),
                input("share above 1", () -> full().recentSpendShare(1.5), "recentSpendShare"),
                input("negative share", () -> full().recentSpendShare(-0.1), "recentSpendShare"));
    }

    static Arguments input(String name, Supplier<LoyaltyInputs.Builder> inputs, String field) {
        return Arguments.of(name, inputs, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    @DisplayName("an input outside its range is refused naming the field, rule OUT_OF_RANGE")
    void badInput(String name, Supplier<LoyaltyInputs.Builder> inputs, String field) {
        assertThatThrownBy(() -> inputs.get().build()).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.rule()).isEqualTo(ValidationRule.OUT_OF_RANGE);
        });
    }

    @Test
    @DisplayName("a score record outside 0..100 or super-value without true loyalty is refused")
    void badScoreRecord() {
        assertThatThrownBy(() -> new LoyaltyScore(100.5, List.of(), LoyaltyType.TRUE, false))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("score"));
        assertThatThrownBy(() -> new LoyaltyScore(Double.NaN, List.of(), LoyaltyType.TRUE, false))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("score"));
        assertThatThrownBy(() -> new LoyaltyScore(50, List.of(), LoyaltyType.LATENT, true))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("superValue"));
    }
}
