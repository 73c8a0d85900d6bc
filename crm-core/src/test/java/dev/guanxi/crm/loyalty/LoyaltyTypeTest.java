package dev.guanxi.crm.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Loyalty type: attitude × repeat patronage, and the super-value group")
class LoyaltyTypeTest {
    static final LoyaltyScoring DEFAULTS = LoyaltyScoring.defaults();

    static LoyaltyScore score(
            LoyaltyScoring scoring,
            double mean,
            int surveys,
            double frequency,
            double pAlive,
            int complaints,
            int resolved) {
        return scoring.score(LoyaltyInputs.builder()
                .frequency(frequency)
                .tenureDays(400)
                .pAlive(pAlive)
                .satisfaction(mean, Double.NaN, surveys)
                .complaints(complaints, resolved, 0)
                .recentSpendShare(0.9)
                .build());
    }

    @ParameterizedTest(name = "mean={0} surveys={1} frequency={2} pAlive={3} complaints={4}/{5} -> {6} {7}")
    @CsvSource({
        // defaults: attitude high from 0.75, repeat high from 4 a year with P(alive) >= 0.5 when known
        "0.75,   2, 4,     NaN,    0, 0, TRUE,         false", // both exactly at their thresholds
        "0.7499, 2, 4,     NaN,    0, 0, SPURIOUS,     false",
        "0.75,   2, 3.999, NaN,    0, 0, LATENT,       false",
        "0.7499, 2, 3.999, NaN,    0, 0, NONE,         false",
        "0.75,   2, 4,     0.5,    0, 0, TRUE,         false", // P(alive) exactly at its threshold
        "0.75,   2, 4,     0.4999, 0, 0, LATENT,       false", // a frequent buyer who has probably left
        "0.2,    1, 50,    0.49,   0, 0, NONE,         false",
        "0.2,    1, 50,    0.99,   0, 0, SPURIOUS,     false",
        // super-value: true loyalty with mean >= 0.9 and frequency >= 12
        "0.9,    3, 12,    NaN,    0, 0, TRUE,         true",
        "0.9,    3, 11.99, NaN,    0, 0, TRUE,         false",
        "0.8999, 3, 12,    0.9,    0, 0, TRUE,         false",
        "1.0,    3, 100,   0.3,    0, 0, LATENT,       false", // not truly loyal, so not super-value
        // surveys decide the attitude even with an open complaint
        "0.8,    2, 6,     NaN,    2, 0, TRUE,         false",
        // no survey: an unresolved complaint means low attitude, otherwise the attitude is unknown
        "NaN,    0, 6,     NaN,    1, 0, SPURIOUS,     false",
        "NaN,    0, 1,     NaN,    1, 0, NONE,         false",
        "NaN,    0, 6,     NaN,    1, 1, UNDETERMINED, false",
        "NaN,    0, 60,    0.99,   0, 0, UNDETERMINED, false"
    })
    @DisplayName("the type matrix with values exactly at the thresholds counting as high")
    void matrix(
            double mean,
            int surveys,
            double frequency,
            double pAlive,
            int complaints,
            int resolved,
            LoyaltyType expected,
            boolean superValue) {
        LoyaltyScore score = score(DEFAULTS, mean, surveys, frequency, pAlive, complaints, resolved);
        assertThat(score.type()).isEqualTo(expected);
        assertThat(score.superValue()).isEqualTo(superValue);
        assertThat(score.reason()).contains(expected.label());
    }

    @Test
    @DisplayName("LoyaltyType.of is Dick and Basu's 2 × 2 matrix")
    void of() {
        assertThat(LoyaltyType.of(true, true)).isEqualTo(LoyaltyType.TRUE);
        assertThat(LoyaltyType.of(true, false)).isEqualTo(LoyaltyType.LATENT);
        assertThat(LoyaltyType.of(false, true)).isEqualTo(LoyaltyType.SPURIOUS);
        assertThat(LoyaltyType.of(false, false)).isEqualTo(LoyaltyType.NONE);
    }

    @Test
    @DisplayName("the thresholds are configurable")
    void configurable() {
        LoyaltyScoring lenient = LoyaltyScoring.builder()
                .highAttitude(0.5)
                .highRepeatFrequency(1)
                .minimumPAlive(0.2)
                .superValueSatisfaction(0.6)
                .superValueFrequency(2)
                .build();
        LoyaltyScore score = score(lenient, 0.6, 2, 2, 0.2, 0, 0);
        assertThat(score.type()).isEqualTo(LoyaltyType.TRUE);
        assertThat(score.superValue()).isTrue();
        assertThat(score.reason()).contains("super-value");
        LoyaltyScore strict = score(DEFAULTS, 0.6, 2, 2, 0.2, 0, 0);
        assertThat(strict.type()).isEqualTo(LoyaltyType.NONE);
    }

    @Test
    @DisplayName("the type does not change the score")
    void typeIsNotScored() {
        // same inputs except the attitude side: 0.7499 vs 0.75 changes the type, the score moves by 20 × 0.0001
        LoyaltyScore high = score(DEFAULTS, 0.75, 2, 6, Double.NaN, 0, 0);
        LoyaltyScore low = score(DEFAULTS, 0.7499, 2, 6, Double.NaN, 0, 0);
        assertThat(high.type()).isNotEqualTo(low.type());
        // available weights: 100 - 15 (pAlive) - 5 (no slope) = 80; satisfaction weight 100 × 20/80 = 25
        assertThat(high.score() - low.score()).isCloseTo(25 * 0.0001, within(1e-9));
    }
}
