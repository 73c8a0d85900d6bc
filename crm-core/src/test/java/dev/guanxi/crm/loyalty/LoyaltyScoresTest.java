package dev.guanxi.crm.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.classification.Contribution;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Loyalty scores in columns, and properties of the score")
class LoyaltyScoresTest {
    static final LoyaltyScoring DEFAULTS = LoyaltyScoring.defaults();

    /** Random valid columns with NaNs, zeros and values at the thresholds mixed in. */
    static final class RandomColumns {
        final int n;
        final double[] frequency;
        final double[] tenureDays;
        final double[] pAlive;
        final double[] mean;
        final double[] slope;
        final int[] surveys;
        final int[] complaints;
        final int[] resolved;
        final int[] reopened;
        final double[] share;

        RandomColumns(int n, long seed) {
            this.n = n;
            Random r = new Random(seed);
            frequency = new double[n];
            tenureDays = new double[n];
            pAlive = new double[n];
            mean = new double[n];
            slope = new double[n];
            surveys = new int[n];
            complaints = new int[n];
            resolved = new int[n];
            reopened = new int[n];
            share = new double[n];
            for (int i = 0; i < n; i++) {
                frequency[i] = r.nextInt(5) == 0 ? 0 : r.nextInt(4) == 0 ? 4 : r.nextDouble() * 30;
                tenureDays[i] = r.nextInt(6) == 0 ? 0 : r.nextDouble() * 3000;
                pAlive[i] = r.nextInt(3) == 0 ? Double.NaN : r.nextDouble();
                surveys[i] = r.nextInt(5);
                mean[i] = r.nextInt(4) == 0 ? 0.75 : r.nextDouble();
                slope[i] = r.nextInt(4) == 0 ? Double.NaN : r.nextGaussian() * 0.4;
                complaints[i] = r.nextInt(3) == 0 ? r.nextInt(6) : 0;
                resolved[i] = complaints[i] == 0 ? 0 : r.nextInt(complaints[i] + 1);
                reopened[i] = complaints[i] == 0 ? 0 : r.nextInt(3);
                share[i] = r.nextInt(5) == 0 ? Double.NaN : r.nextDouble();
            }
        }

        LoyaltyScores score(LoyaltyScoring scoring) {
            return LoyaltyScores.columns(n)
                    .frequency(frequency)
                    .tenureDays(tenureDays)
                    .pAlive(pAlive)
                    .satisfaction(mean, slope, surveys)
                    .complaints(complaints, resolved, reopened)
                    .recentSpendShare(share)
                    .score(scoring);
        }

        LoyaltyInputs.Builder inputs(int i) {
            return LoyaltyInputs.builder()
                    .frequency(frequency[i])
                    .tenureDays(tenureDays[i])
                    .pAlive(pAlive[i])
                    .satisfaction(mean[i], slope[i], surveys[i])
                    .complaints(complaints[i], resolved[i], reopened[i])
                    .recentSpendShare(share[i]);
        }
    }

    @Test
    @DisplayName(
            "the columns give bit for bit the single-customer scores, points, types, super-value flags and reasons")
    void batchEqualsSingle() {
        LoyaltyScoring custom = LoyaltyScoring.builder()
                .weight(LoyaltyFactor.P_ALIVE, 0)
                .weight(LoyaltyFactor.TENURE, 3.3)
                .frequencySaturation(7)
                .superValueFrequency(5)
                .superValueSatisfaction(0.7)
                .build();
        for (LoyaltyScoring scoring : new LoyaltyScoring[] {DEFAULTS, custom}) {
            RandomColumns columns = new RandomColumns(2_000, 42L);
            LoyaltyScores batch = columns.score(scoring);
            assertThat(batch.size()).isEqualTo(2_000);
            assertThat(batch.scoring()).isSameAs(scoring);
            double[] scores = batch.scores();
            LoyaltyType[] types = batch.types();
            int superValues = 0;
            for (int i = 0; i < columns.n; i++) {
                LoyaltyScore single = scoring.score(columns.inputs(i).build());
                assertThat(scores[i]).isEqualTo(single.score());
                assertThat(batch.score(i)).isEqualTo(single.score());
                assertThat(types[i]).isEqualTo(single.type());
                assertThat(batch.type(i)).isEqualTo(single.type());
                assertThat(batch.superValue(i)).isEqualTo(single.superValue());
                for (LoyaltyFactor f : LoyaltyFactor.values()) {
                    double points = batch.points(f, i);
                    assertThat(points).isEqualTo(single.contribution(f).points());
                }
                LoyaltyScore explained = batch.explain(i);
                assertThat(explained).isEqualTo(single);
                String reason = batch.reason(i);
                assertThat(reason).isEqualTo(single.reason());
                superValues += single.superValue() ? 1 : 0;
            }
            // the random inputs reach every type and the super-value group
            assertThat(types).contains(LoyaltyType.values());
            assertThat(superValues).isPositive();
            double[] frequencyPoints = batch.points(LoyaltyFactor.FREQUENCY);
            assertThat(frequencyPoints).hasSize(columns.n);
        }
    }

    @Test
    @DisplayName("the optional columns default to what the single-customer builder assumes")
    void optionalColumns() {
        double[] frequency = {0, 3, 12};
        double[] tenure = {0, 100, 2000};
        LoyaltyScores batch =
                LoyaltyScores.columns(3).frequency(frequency).tenureDays(tenure).score(DEFAULTS);
        for (int i = 0; i < 3; i++) {
            LoyaltyScore single = DEFAULTS.score(LoyaltyInputs.builder()
                    .frequency(frequency[i])
                    .tenureDays(tenure[i])
                    .build());
            assertThat(batch.explain(i)).isEqualTo(single);
            assertThat(batch.score(i)).isEqualTo(single.score());
            assertThat(batch.inputs(i).pAlive()).isNaN();
        }
        // empty history: 25, as computed by hand in LoyaltyScoringTest
        assertThat(batch.score(0)).isCloseTo(25.0, within(1e-9));
    }

    @Test
    @DisplayName("customers with equal inputs get equal scores; a single customer and no customer work")
    void allEqualSingleAndEmpty() {
        int n = 5;
        double[] frequency = new double[n];
        double[] tenure = new double[n];
        double[] share = new double[n];
        Arrays.fill(frequency, 6);
        Arrays.fill(tenure, 730);
        Arrays.fill(share, 0.5);
        LoyaltyScores batch = LoyaltyScores.columns(n)
                .frequency(frequency)
                .tenureDays(tenure)
                .recentSpendShare(share)
                .score(DEFAULTS);
        for (int i = 1; i < n; i++) {
            assertThat(batch.score(i)).isEqualTo(batch.score(0));
            assertThat(batch.type(i)).isEqualTo(batch.type(0));
        }
        LoyaltyScores one = LoyaltyScores.columns(1)
                .frequency(new double[] {6})
                .tenureDays(new double[] {730})
                .recentSpendShare(new double[] {0.5})
                .score(DEFAULTS);
        assertThat(one.score(0)).isEqualTo(batch.score(0));
        LoyaltyScores none = LoyaltyScores.columns(0)
                .frequency(new double[0])
                .tenureDays(new double[0])
                .score(DEFAULTS);
        assertThat(none.size()).isZero();
        assertThat(none.scores()).isEmpty();
        assertThat(none.types()).isEmpty();
        assertThatThrownBy(() -> none.score(0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    @DisplayName("a bad row is refused naming the field and the row; missing or mis-sized columns are refused")
    void badColumns() {
        RandomColumns columns = new RandomColumns(10, 3L);
        columns.resolved[3] = columns.complaints[3] + 1;
        assertThatThrownBy(() -> columns.score(DEFAULTS)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo("complaintsResolved");
            assertThat(e.rule()).isEqualTo(ValidationRule.OUT_OF_RANGE);
            assertThat(e.getMessage()).contains("row 3");
        });
        assertThatThrownBy(
                        () -> LoyaltyScores.columns(2).tenureDays(new double[2]).score(DEFAULTS))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("frequency");
                    assertThat(e.rule()).isEqualTo(ValidationRule.REQUIRED);
                });
        assertThatThrownBy(
                        () -> LoyaltyScores.columns(2).frequency(new double[2]).score(DEFAULTS))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("tenureDays"));
        assertThatThrownBy(() -> LoyaltyScores.columns(2).pAlive(new double[3]))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("pAlive");
                    assertThat(e.rule()).isEqualTo(ValidationRule.OUT_OF_RANGE);
                });
        assertThatThrownBy(() -> LoyaltyScores.columns(2).complaints(new int[2], new int[2], new int[1]))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("complaintsReopened"));
        assertThatThrownBy(() -> LoyaltyScores.columns(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("property: the score lies in 0..100 and its points add up to it")
    void scoreInRange() {
        RandomColumns columns = new RandomColumns(5_000, 7L);
        LoyaltyScores batch = columns.score(DEFAULTS);
        for (int i = 0; i < columns.n; i++) {
            double score = batch.score(i);
            assertThat(score).isBetween(0.0, 100.0);
            double sum = 0;
            for (Contribution c : batch.explain(i).contributions()) {
                sum += c.points();
                assertThat(c.points()).isBetween(0.0, 100 * c.weight() + 1e-12);
            }
            assertThat(sum).isCloseTo(score, within(1e-9));
        }
        // the extremes: everything at its best gives 100, everything at its worst 0
        LoyaltyScore best = DEFAULTS.score(LoyaltyInputs.builder()
                .frequency(1e9)
                .tenureDays(1e9)
                .pAlive(1)
                .satisfaction(1, 1e9, 9)
                .recentSpendShare(1)
                .build());
        assertThat(best.score()).isCloseTo(100.0, within(1e-9));
        assertThat(best.score()).isLessThanOrEqualTo(100.0);
        LoyaltyScore worst = DEFAULTS.score(LoyaltyInputs.builder()
                .pAlive(0)
                .satisfaction(0, -1e9, 9)
                .complaints(1_000, 0, 5)
                .recentSpendShare(0)
                .build());
        assertThat(worst.score()).isZero();
    }

    @Test
    @DisplayName("property: more purchases a year, everything else equal, never lower the score")
    void morePurchasesNeverLower() {
        Random random = new Random(99L);
        RandomColumns columns = new RandomColumns(5_000, 8L);
        for (int i = 0; i < columns.n; i++) {
            LoyaltyInputs.Builder inputs = columns.inputs(i);
            double before = DEFAULTS.score(inputs.build()).score();
            double more = columns.frequency[i] + random.nextDouble() * (random.nextBoolean() ? 1 : 20);
            double after = DEFAULTS.score(inputs.frequency(more).build()).score();
            assertThat(after).isGreaterThanOrEqualTo(before);
        }
    }

    @Test
    @DisplayName("property: one more unresolved complaint, everything else equal, never raises the score")
    void moreUnresolvedComplaintsNeverRaise() {
        RandomColumns columns = new RandomColumns(5_000, 9L);
        int lowered = 0;
        for (int i = 0; i < columns.n; i++) {
            LoyaltyInputs.Builder inputs = columns.inputs(i);
            double before = DEFAULTS.score(inputs.build()).score();
            double after = DEFAULTS.score(
                            inputs.complaints(columns.complaints[i] + 1, columns.resolved[i], columns.reopened[i])
                                    .build())
                    .score();
            assertThat(after).isLessThanOrEqualTo(before);
            lowered += after < before ? 1 : 0;
        }
        assertThat(lowered).isGreaterThan(columns.n / 2);
    }
}
