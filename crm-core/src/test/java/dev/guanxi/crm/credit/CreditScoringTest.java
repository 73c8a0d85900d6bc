package dev.guanxi.crm.credit;

import static dev.guanxi.crm.credit.CreditScaleTest.rejects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.classification.Contribution;
import dev.guanxi.crm.credit.CreditScoring.Factor;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.event.CreditGradeChanged;
import dev.guanxi.crm.event.EventMetadata;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Credit scoring: score, grade and the reasons")
class CreditScoringTest {
    static final Currency USD = Currency.getInstance("USD");

    /** A customer with every factor present; the badness of each is chosen to be easy to compute. */
    static PaymentBehaviour sample(double utilisation) {
        return new PaymentBehaviour(
                USD,
                15, // weighted days past due: 15 / (15 + 15) = 0.5
                30_000, // overdue share 30000 / 100000 = 0.3
                100_000,
                utilisation, // 0.5: 0.5^2 = 0.25
                15, // deviation: 15 / (15 + 15) = 0.5
                73, // history: 1 - 73/365 = 0.8
                10,
                8,
                3,
                1, // write-offs: 1 / (1 + 1) = 0.5
                2.0,
                0.1,
                0.1);
    }

    static PaymentBehaviour withDaysPastDue(double dpd) {
        return new PaymentBehaviour(USD, dpd, 0, 0, Double.NaN, 0, 400, 2, 2, 1, 0, Double.NaN, 0, 0);
    }

    /** A policy that looks at the days past due only: score = 100 * 15 / (d + 15). */
    static CreditScoring daysPastDueOnly(CreditScale scale) {
        CreditScoring.Builder b = CreditScoring.builder().scale(scale);
        for (Factor f : Factor.values()) {
            b.weight(f, f == Factor.DAYS_PAST_DUE ? 1 : 0);
        }
        return b.build();
    }

    @Test
    @DisplayName("the default score is 100 times the weighted mean of (1 - badness), each part a contribution")
    void handComputed() {
        CreditAssessment a = CreditScoring.defaults().assess(sample(0.5));

        // points = 100 * w * (1 - b): 40*0.5 + 15*0.7 + 15*0.75 + 10*0.5 + 10*0.5 + 10*0.2
        //        = 20 + 10.5 + 11.25 + 5 + 5 + 2 = 53.75 -> BB (50 to 60)
        assertThat(a.score()).isCloseTo(53.75, within(1e-9));
        assertThat(a.grade()).isEqualTo("BB");
        assertThat(a.gradeIndex()).isEqualTo(4);
        assertThat(a.noHistory()).isFalse();
        assertThat(a.contributions())
                .extracting(Contribution::factor)
                .containsExactly(
                        "daysPastDue",
                        "overdueShare",
                        "creditUtilisation",
                        "daysLateDeviation",
                        "writeOffs",
                        "historyLength");
        double[] points = {20, 10.5, 11.25, 5, 5, 2};
        double[] weights = {0.40, 0.15, 0.15, 0.10, 0.10, 0.10};
        double[] values = {15, 0.3, 0.5, 15, 1, 73};
        double sum = 0;
        for (int i = 0; i < points.length; i++) {
            Contribution c = a.contributions().get(i);
            assertThat(c.points()).as(c.factor()).isCloseTo(points[i], within(1e-9));
            assertThat(c.weight()).as(c.factor()).isCloseTo(weights[i], within(1e-12));
            assertThat(c.value()).as(c.factor()).isCloseTo(values[i], within(1e-12));
            sum += c.points();
        }
        assertThat(sum).isCloseTo(a.score(), within(1e-9));
    }

    @Test
    @DisplayName("a missing feature (no credit limit) is left out and the other weights share its part")
    void missingFactorLeftOut() {
        CreditAssessment a = CreditScoring.defaults().assess(sample(Double.NaN));

        // without utilisation: (20 + 10.5 + 5 + 5 + 2) / 0.85 = 42.5 / 0.85 = 50 -> BB, exactly at its threshold
        assertThat(a.score()).isCloseTo(50.0, within(1e-9));
        Contribution utilisation = a.contributions().get(2);
        assertThat(utilisation.value()).isNaN();
        assertThat(utilisation.weight()).isZero();
        assertThat(utilisation.points()).isZero();
        assertThat(utilisation.note()).isEqualTo("no credit limit");
        assertThat(a.contributions().get(0).weight()).isCloseTo(0.40 / 0.85, within(1e-12));
    }

    @Test
    @DisplayName("a score exactly at a threshold earns that grade, a hair below it the next one")
    void scoreAtThreshold() {
        CreditScoring policy = daysPastDueOnly(CreditScale.letters());

        // 100 * 15 / (15 + 15) = 50 exactly: BB starts at 50
        CreditAssessment atThreshold = policy.assess(withDaysPastDue(15));
        assertThat(atThreshold.score()).isEqualTo(50.0);
        assertThat(atThreshold.grade()).isEqualTo("BB");
        CreditAssessment below = policy.assess(withDaysPastDue(15.001));
        assertThat(below.score()).isLessThan(50.0);
        assertThat(below.grade()).isEqualTo("B");
        // 0 days past due: 100, the best grade; equal inputs tie on the same score and grade
        CreditAssessment perfect = policy.assess(withDaysPastDue(0));
        CreditAssessment twin = policy.assess(withDaysPastDue(0));
        assertThat(perfect.score()).isEqualTo(100.0);
        assertThat(perfect.grade()).isEqualTo("AAA");
        assertThat(twin).isEqualTo(perfect);
    }

    @Test
    @DisplayName("a customer without invoices gets the neutral no-history score, not a crash")
    void noHistory() {
        PaymentBehaviour none =
                PaymentBehaviour.of(List.of(), null, Ledger.AS_OF, dev.guanxi.crm.money.CurrencyConverter.single(USD));

        CreditAssessment a = CreditScoring.defaults().assess(none);
        assertThat(a.noHistory()).isTrue();
        assertThat(a.score()).isEqualTo(50.0);
        assertThat(a.grade()).isEqualTo("BB");
        assertThat(a.contributions()).isEmpty();
        assertThat(a.reason()).isEqualTo("grade BB (score 50.0): no invoice history yet, neutral grade");

        CreditScoring custom = CreditScoring.builder()
                .noHistoryScore(75)
                .scale(CreditScale.fiveBands())
                .build();
        CreditAssessment b = custom.assess(none);
        assertThat(b.grade()).isEqualTo("B"); // 75: B starts at 60
        assertThat(b.score()).isEqualTo(75.0);
    }

    @Test
    @DisplayName("the reason names the factors that cost the most points, worst first, ties in factor order")
    void reason() {
        String reason = CreditScoring.defaults().assess(sample(0.5)).reason();

        // costs: daysPastDue 20, historyLength 8, deviation 5, writeOffs 5 (tie: factor order), overdue 4.5,
        // utilisation 3.75
        assertThat(reason).startsWith("grade BB (score 5");
        assertThat(reason)
                .containsSubsequence(
                        "15.0 weighted days past due (-20.0)",
                        "history of 73 days (-8.0)",
                        "payments spread 15.0 days around the due date (-5.0)",
                        "1 invoice written off (-5.0)",
                        "30% of the amount owed is overdue (-4.5)",
                        "50% of the credit limit used (-3.");

        String perfect = daysPastDueOnly(CreditScale.letters())
                .assess(withDaysPastDue(0))
                .reason();
        assertThat(perfect).isEqualTo("grade AAA (score 100.0); nothing lowered it");
    }

    @Test
    @DisplayName("the batch scores equal the single assessments, row by row")
    void batchEqualsSingle() {
        java.util.Random random = new java.util.Random(11);
        PaymentBehaviours.Builder builder = PaymentBehaviours.builder(USD);
        for (int i = 0; i < 500; i++) {
            builder.add(CreditScoringPropertiesTest.randomFeatures(random));
        }
        PaymentBehaviours batch = builder.build();
        for (CreditScoring policy : List.of(CreditScoring.defaults(), daysPastDueOnly(CreditScale.fiveBands()))) {
            double[] scores = new double[batch.size()];
            int[] grades = new int[batch.size()];
            policy.scoreAll(batch, scores, grades);
            for (int i = 0; i < batch.size(); i++) {
                CreditAssessment single = policy.assess(batch, i);
                assertThat(scores[i]).as("row %d", i).isEqualTo(single.score());
                assertThat(grades[i]).as("row %d", i).isEqualTo(single.gradeIndex());
                assertThat(policy.scale().label(grades[i])).isEqualTo(single.grade());
            }
        }
        assertThatThrownBy(() -> CreditScoring.defaults().scoreAll(batch, new double[499], new int[500]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a new grade gives a CreditGradeChanged event with the rounded score; the same grade gives none")
    void gradeChangedEvent() {
        CreditAssessment a = CreditScoring.defaults().assess(sample(0.5));
        EventMetadata metadata = new EventMetadata(UUID.randomUUID(), TenantId.of("acme"), Instant.EPOCH);
        CustomerId customer = CustomerId.random();

        Optional<CreditGradeChanged> changed = a.changeFrom("BBB", metadata, customer, Ledger.AS_OF);
        assertThat(changed).hasValueSatisfying(e -> {
            assertThat(e.previousGrade()).isEqualTo("BBB");
            assertThat(e.newGrade()).isEqualTo("BB");
            assertThat(e.score()).isEqualTo(54); // 53.75 rounds half up
            assertThat(e.customerId()).isEqualTo(customer);
            assertThat(e.asOf()).isEqualTo(Ledger.AS_OF);
        });
        assertThat(a.changeFrom(null, metadata, customer, Ledger.AS_OF)).isPresent();
        assertThat(a.changeFrom("BB", metadata, customer, Ledger.AS_OF)).isEmpty();
    }

    @Test
    @DisplayName("bad configuration is a typed error naming the option; setting an option twice is illegal")
    void badConfiguration() {
        rejects(
                () -> CreditScoring.builder().weight(Factor.DAYS_PAST_DUE, -0.1),
                "weights.daysPastDue",
                ValidationRule.OUT_OF_RANGE);
        rejects(
                () -> CreditScoring.builder().weight(Factor.WRITE_OFFS, Double.NaN),
                "weights.writeOffs",
                ValidationRule.OUT_OF_RANGE);
        rejects(
                () -> CreditScoring.builder().weight(Factor.HISTORY_LENGTH, Double.POSITIVE_INFINITY),
                "weights.historyLength",
                ValidationRule.OUT_OF_RANGE);
        CreditScoring.Builder zero = CreditScoring.builder();
        for (Factor f : Factor.values()) {
            zero.weight(f, 0);
        }
        rejects(zero::build, "weights", ValidationRule.OUT_OF_RANGE);
        rejects(() -> CreditScoring.builder().noHistoryScore(100.5), "noHistoryScore", ValidationRule.OUT_OF_RANGE);
        rejects(
                () -> CreditScoring.builder().daysPastDueHalfPoint(0),
                "daysPastDueHalfPoint",
                ValidationRule.OUT_OF_RANGE);
        rejects(
                () -> CreditScoring.builder().daysLateDeviationHalfPoint(-1),
                "daysLateDeviationHalfPoint",
                ValidationRule.OUT_OF_RANGE);
        rejects(() -> CreditScoring.builder().fullHistoryDays(0), "fullHistoryDays", ValidationRule.OUT_OF_RANGE);
        assertThatThrownBy(() ->
                        CreditScoring.builder().weight(Factor.OVERDUE_SHARE, 1).weight(Factor.OVERDUE_SHARE, 2))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() ->
                        CreditScoring.builder().scale(CreditScale.letters()).scale(CreditScale.fiveBands()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("the defaults are the documented ones")
    void defaults() {
        CreditScoring d = CreditScoring.defaults();
        assertThat(d.scale()).isEqualTo(CreditScale.letters());
        assertThat(d.noHistoryScore()).isEqualTo(50.0);
        double[] expected = {0.40, 0.15, 0.15, 0.10, 0.10, 0.10};
        for (Factor f : Factor.values()) {
            assertThat(d.weight(f)).as(f.id()).isEqualTo(expected[f.ordinal()]);
        }
        CreditScoring tuned =
                CreditScoring.builder().weight(Factor.WRITE_OFFS, 0.3).build();
        assertThat(tuned.weight(Factor.WRITE_OFFS)).isEqualTo(0.3);
        assertThat(tuned.weight(Factor.DAYS_PAST_DUE)).isEqualTo(0.40);
    }
}
