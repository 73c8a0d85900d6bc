package dev.guanxi.crm.lifecycle;

import static dev.guanxi.crm.lifecycle.LifecycleStage.ACTIVE;
import static dev.guanxi.crm.lifecycle.LifecycleStage.AT_RISK;
import static dev.guanxi.crm.lifecycle.LifecycleStage.LOST;
import static dev.guanxi.crm.lifecycle.LifecycleStage.NEW_CUSTOMER;
import static dev.guanxi.crm.lifecycle.LifecycleStage.PROSPECT;
import static dev.guanxi.crm.lifecycle.LifecycleStage.WON_BACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.classification.CustomerGrade;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.marketing.AidaStage;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DefaultLifecyclePolicyTest {
    static final CustomerId ID = CustomerId.of("00000000-0000-0000-0000-0000000000aa");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-30T12:00:00Z"), ZoneOffset.UTC);
    static final LifecycleContext CONTEXT = LifecycleContext.of(CLOCK);
    static final LocalDate TODAY = LocalDate.of(2026, 6, 30);
    static final Instant SINCE = Instant.parse("2025-01-01T00:00:00Z");

    private final DefaultLifecyclePolicy policy = DefaultLifecyclePolicy.standard();

    /**
     * An ORDINARY customer in a stage with 5 purchases, the last {@code daysSinceLast} days ago, a mean interval
     * of {@code mean} days, unknown P(alive): no rule fires unless the test changes something. ORDINARY: at risk
     * P(alive) &lt; 0.30, lost &lt; 0.05, factor 2, expected cycle 180, lost after 365 days, 2 complaints, 1
     * overdue case, credit drop 2.
     */
    static LifecycleFacts.Builder customer(LifecycleStage stage, int daysSinceLast, double mean) {
        return LifecycleFacts.builder(ID)
                .state(LifecycleState.of(stage, SINCE))
                .purchases(5, TODAY.minusDays(daysSinceLast + 400), TODAY.minusDays(daysSinceLast))
                .meanInterPurchaseDays(mean)
                .grade(CustomerGrade.ORDINARY);
    }

    private LifecycleDecision decide(LifecycleFacts.Builder facts) {
        return policy.decide(facts.build(), CONTEXT);
    }

    private static List<String> rules(LifecycleDecision d) {
        return d.reasons().stream().map(LifecycleReason::rule).toList();
    }

    static Stream<Arguments> thresholdCases() {
        // name, change applied to an ACTIVE customer (10 days since the last purchase, mean 30 days), expected
        // target (null = stay), expected first rule
        return Stream.of(
                row("pAlive exactly at 0.30 does not warn", b -> b.pAlive(0.30), null, null),
                row(
                        "pAlive just below 0.30 is at risk",
                        b -> b.pAlive(Math.nextDown(0.30)),
                        AT_RISK,
                        DefaultLifecyclePolicy.AT_RISK_P_ALIVE),
                row(
                        "pAlive exactly at 0.05 is at risk, not lost",
                        b -> b.pAlive(0.05),
                        AT_RISK,
                        DefaultLifecyclePolicy.AT_RISK_P_ALIVE),
                row(
                        "pAlive just below 0.05 is lost",
                        b -> b.pAlive(Math.nextDown(0.05)),
                        LOST,
                        DefaultLifecyclePolicy.LOST_P_ALIVE),
                // mean 30 x factor 2 = 60 days allowed
                row(
                        "60 days since the last purchase with a 30-day cycle is fine",
                        b -> lastPurchase(b, 60),
                        null,
                        null),
                row(
                        "61 days overruns the 30-day cycle by more than 2x",
                        b -> lastPurchase(b, 61),
                        AT_RISK,
                        DefaultLifecyclePolicy.CYCLE_OVERRUN),
                // mean 0 counts as 1 day: 2 x 1 = 2 days allowed
                row(
                        "2 days with a zero mean interval is fine",
                        b -> lastPurchase(b, 2).meanInterPurchaseDays(0),
                        null,
                        null),
                row(
                        "3 days with a zero mean interval overruns",
                        b -> lastPurchase(b, 3).meanInterPurchaseDays(0),
                        AT_RISK,
                        DefaultLifecyclePolicy.CYCLE_OVERRUN),
                // mean 200 x 2 = 400 days allowed, so only the silence rule can fire
                row(
                        "364 days of silence is not lost",
                        b -> lastPurchase(b, 364).meanInterPurchaseDays(200),
                        null,
                        null),
                row(
                        "365 days of silence is lost",
                        b -> lastPurchase(b, 365).meanInterPurchaseDays(200),
                        LOST,
                        DefaultLifecyclePolicy.LOST_SILENCE),
                row("1 unresolved complaint does not warn", b -> b.unresolvedComplaints(1), null, null),
                row(
                        "2 unresolved complaints are at risk",
                        b -> b.unresolvedComplaints(2),
                        AT_RISK,
                        DefaultLifecyclePolicy.UNRESOLVED_COMPLAINTS),
                row("no overdue case does not warn", b -> b.overdueCases(0), null, null),
                row("1 overdue case is at risk", b -> b.overdueCases(1), AT_RISK, DefaultLifecyclePolicy.OVERDUE_CASES),
                row("a credit drop of 1 step does not warn", b -> b.creditGrades(3, 2), null, null),
                row(
                        "a credit drop of 2 steps is at risk",
                        b -> b.creditGrades(4, 2),
                        AT_RISK,
                        DefaultLifecyclePolicy.CREDIT_GRADE_DROP),
                row("a credit improvement does not warn", b -> b.creditGrades(0, 5), null, null),
                row("no previous credit grade does not warn", b -> b.creditGrades(6, -1), null, null),
                row("NaN pAlive fires nothing", b -> b.pAlive(Double.NaN), null, null));
    }

    private static LifecycleFacts.Builder lastPurchase(LifecycleFacts.Builder b, int days) {
        return b.purchases(5, TODAY.minusDays(days + 400), TODAY.minusDays(days))
                .meanInterPurchaseDays(30);
    }

    private static Arguments row(
            String name, UnaryOperator<LifecycleFacts.Builder> change, LifecycleStage target, String rule) {
        return Arguments.of(name, change, target, rule);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("thresholdCases")
    @DisplayName("Each rule fires exactly at its threshold and not before (ORDINARY, active customer)")
    void thresholds(String name, UnaryOperator<LifecycleFacts.Builder> change, LifecycleStage target, String rule) {
        LifecycleDecision d = decide(change.apply(customer(ACTIVE, 10, 30)));
        LifecycleStage actual = d.target();
        assertThat(actual).isEqualTo(target);
        if (rule == null) {
            assertThat(d.reasons()).isEmpty();
        } else {
            assertThat(d.reasons().get(0).rule()).isEqualTo(rule);
        }
    }

    @Test
    @DisplayName("A reason names the rule and the numbers, e.g. pAlive 0.21 < 0.30 for ORDINARY")
    void reasonText() {
        LifecycleDecision d = decide(customer(ACTIVE, 10, 30).pAlive(0.21));
        assertThat(d.reason()).isEqualTo("pAlive 0.21 < 0.30 (at-risk threshold for ORDINARY)");
        assertThat(d.reason()).isSameAs(d.reason());
        assertThat(LifecycleDecision.stay().reason()).isEqualTo("no rule fired");
        LifecycleDecision same = LifecycleDecision.moveTo(AT_RISK, d.reasons());
        assertThat(same).isEqualTo(d).hasSameHashCodeAs(d);
        // 61 days > 2 x 30 = 60
        LifecycleDecision cycle = decide(customer(ACTIVE, 61, 30));
        assertThat(cycle.reason())
                .isEqualTo("daysSinceLastPurchase 61 > 60 (2 x own mean interval, at-risk threshold for ORDINARY)");
    }

    @Test
    @DisplayName("Every rule that fires is reported, in the documented order, and lost wins over at risk")
    void allFiringRulesReported() {
        LifecycleDecision d = decide(customer(ACTIVE, 400, 30)
                .pAlive(0.01)
                .unresolvedComplaints(3)
                .overdueCases(2)
                .creditGrades(5, 2));
        assertThat(d.target()).isEqualTo(LOST);
        assertThat(rules(d))
                .containsExactly(
                        DefaultLifecyclePolicy.LOST_P_ALIVE,
                        DefaultLifecyclePolicy.LOST_SILENCE,
                        DefaultLifecyclePolicy.AT_RISK_P_ALIVE,
                        DefaultLifecyclePolicy.CYCLE_OVERRUN,
                        DefaultLifecyclePolicy.UNRESOLVED_COMPLAINTS,
                        DefaultLifecyclePolicy.OVERDUE_CASES,
                        DefaultLifecyclePolicy.CREDIT_GRADE_DROP);
        // credit drop: 5 - 2 = 3 steps
        assertThat(d.reasons().get(6).value()).isEqualTo(3.0);
    }

    @Test
    @DisplayName("Key customers are warned earlier than ordinary and small ones")
    void keyStricter() {
        LifecycleDecision key = decide(customer(ACTIVE, 10, 30).pAlive(0.45).grade(CustomerGrade.KEY));
        LifecycleDecision ordinary = decide(customer(ACTIVE, 10, 30).pAlive(0.45));
        assertThat(key.target()).isEqualTo(AT_RISK);
        assertThat(key.reason()).isEqualTo("pAlive 0.45 < 0.50 (at-risk threshold for KEY)");
        assertThat(ordinary.isStay()).isTrue();
        LifecycleDecision keyComplaint =
                decide(customer(ACTIVE, 10, 30).unresolvedComplaints(1).grade(CustomerGrade.KEY));
        assertThat(keyComplaint.target()).isEqualTo(AT_RISK);
        // SMALL: 3 x 30 = 90 days allowed; ORDINARY 2 x 30 = 60
        LifecycleDecision small = decide(customer(ACTIVE, 80, 30).grade(CustomerGrade.SMALL));
        LifecycleDecision ordinary80 = decide(customer(ACTIVE, 80, 30));
        assertThat(small.isStay()).isTrue();
        assertThat(ordinary80.target()).isEqualTo(AT_RISK);
    }

    @Test
    @DisplayName("A customer without a grade gets the ordinary thresholds unless the builder sets others")
    void ungraded() {
        LifecycleDecision d = decide(customer(ACTIVE, 10, 30).pAlive(0.29).grade(null));
        assertThat(d.target()).isEqualTo(AT_RISK);
        assertThat(d.reason()).endsWith("(at-risk threshold for ungraded)");
        DefaultLifecyclePolicy lenient = DefaultLifecyclePolicy.builder()
                .ungraded(new LifecycleThresholds(0.10, 0.01, 5, 365, 900, 9, 9, 9))
                .build();
        LifecycleDecision stays =
                lenient.decide(customer(ACTIVE, 10, 30).pAlive(0.29).grade(null).build(), CONTEXT);
        assertThat(stays.isStay()).isTrue();
        assertThat(lenient.thresholds(CustomerGrade.KEY)).isEqualTo(LifecycleThresholds.standard(CustomerGrade.KEY));
    }

    @Test
    @DisplayName("A customer never evaluated is placed: prospect, new, active, or lost by the facts")
    void firstPlacement() {
        LifecycleDecision prospect = decide(LifecycleFacts.builder(ID));
        assertThat(prospect.target()).isEqualTo(PROSPECT);
        assertThat(rules(prospect)).containsExactly(DefaultLifecyclePolicy.FIRST_SEEN);

        LifecycleFacts.Builder oneBuy =
                LifecycleFacts.builder(ID).purchases(1, TODAY, TODAY).purchasedSinceLastEvaluation(true);
        LifecycleDecision fresh = decide(oneBuy);
        assertThat(fresh.target()).isEqualTo(NEW_CUSTOMER);
        assertThat(fresh.reason()).isEqualTo("purchases 1 >= 1 (first purchase)");

        // 3 purchases over 60 days: mean (60 - 0) / 2 = 30 <= 180
        LifecycleDecision regular =
                decide(LifecycleFacts.builder(ID).purchases(3, TODAY.minusDays(70), TODAY.minusDays(10)));
        assertThat(regular.target()).isEqualTo(ACTIVE);
        assertThat(rules(regular))
                .containsExactly(DefaultLifecyclePolicy.FIRST_PURCHASE, DefaultLifecyclePolicy.REPEAT_PURCHASE);
        // the explanation shows the customer's own count, not the rule's threshold
        assertThat(regular.reason()).startsWith("purchases 3 >= 1 (first purchase); meanInterPurchaseDays 30");

        LifecycleDecision silent =
                decide(LifecycleFacts.builder(ID).purchases(1, TODAY.minusDays(400), TODAY.minusDays(400)));
        assertThat(silent.target()).isEqualTo(LOST);
        assertThat(rules(silent))
                .containsExactly(
                        DefaultLifecyclePolicy.LOST_SILENCE,
                        DefaultLifecyclePolicy.CYCLE_OVERRUN,
                        DefaultLifecyclePolicy.FIRST_PURCHASE);
    }

    @Test
    @DisplayName("A prospect's first purchase makes a new customer, whatever the funnel position")
    void prospect() {
        LifecycleFacts.Builder noBuy =
                LifecycleFacts.builder(ID).state(LifecycleState.prospect(AidaStage.DESIRE, SINCE));
        assertThat(decide(noBuy).isStay()).isTrue();
        LifecycleFacts.Builder buys = LifecycleFacts.builder(ID)
                .state(LifecycleState.prospect(AidaStage.INTEREST, SINCE))
                .purchases(2, TODAY.minusDays(3), TODAY)
                .purchasedSinceLastEvaluation(true);
        LifecycleDecision d = decide(buys);
        assertThat(d.target()).isEqualTo(NEW_CUSTOMER);
        assertThat(d.reason()).isEqualTo("purchases 2 >= 1 (first purchase)");
    }

    @Test
    @DisplayName("A new customer becomes active when the repeat purchases come within the expected cycle")
    void newToActive() {
        // two purchases 180 days apart: mean 180 <= 180 (ORDINARY)
        LifecycleFacts.Builder within = LifecycleFacts.builder(ID)
                .state(LifecycleState.of(NEW_CUSTOMER, SINCE))
                .purchases(2, TODAY.minusDays(180), TODAY)
                .grade(CustomerGrade.ORDINARY)
                .purchasedSinceLastEvaluation(true);
        LifecycleDecision d = decide(within);
        assertThat(d.target()).isEqualTo(ACTIVE);
        assertThat(d.reason()).isEqualTo("meanInterPurchaseDays 180 <= 180 (expected cycle for ORDINARY)");
        LifecycleFacts.Builder late = LifecycleFacts.builder(ID)
                .state(LifecycleState.of(NEW_CUSTOMER, SINCE))
                .purchases(2, TODAY.minusDays(181), TODAY)
                .grade(CustomerGrade.ORDINARY)
                .purchasedSinceLastEvaluation(true);
        assertThat(decide(late).isStay()).isTrue();
        // one purchase, 360 days ago: 360 <= 2 x 180 expected cycle, still new; 361 overruns
        LifecycleFacts.Builder quiet = LifecycleFacts.builder(ID)
                .state(LifecycleState.of(NEW_CUSTOMER, SINCE))
                .purchases(1, TODAY.minusDays(360), TODAY.minusDays(360))
                .grade(CustomerGrade.ORDINARY);
        assertThat(decide(quiet).isStay()).isTrue();
        LifecycleFacts.Builder quieter = LifecycleFacts.builder(ID)
                .state(LifecycleState.of(NEW_CUSTOMER, SINCE))
                .purchases(1, TODAY.minusDays(361), TODAY.minusDays(361))
                .grade(CustomerGrade.ORDINARY);
        LifecycleDecision overrun = decide(quieter);
        assertThat(overrun.target()).isEqualTo(AT_RISK);
        assertThat(overrun.reason())
                .isEqualTo("daysSinceLastPurchase 361 > 360 (2 x expected cycle of 180 days, at-risk threshold for"
                        + " ORDINARY)");
    }

    @Test
    @DisplayName("A lost customer who buys is won back; a won-back customer who buys again is active")
    void winBack() {
        LifecycleDecision stillLost = decide(customer(LOST, 500, 30).pAlive(0.01));
        assertThat(stillLost.isStay()).isTrue();
        LifecycleDecision wonBack = decide(customer(LOST, 0, 30).purchasedSinceLastEvaluation(true));
        assertThat(wonBack.target()).isEqualTo(WON_BACK);
        assertThat(rules(wonBack)).containsExactly(DefaultLifecyclePolicy.PURCHASE_AFTER_LOSS);
        LifecycleDecision again = decide(customer(WON_BACK, 0, 30).purchasedSinceLastEvaluation(true));
        assertThat(again.target()).isEqualTo(ACTIVE);
        LifecycleDecision waiting = decide(customer(WON_BACK, 20, 30));
        assertThat(waiting.isStay()).isTrue();
        LifecycleDecision slipping = decide(customer(WON_BACK, 20, 30).pAlive(0.2));
        assertThat(slipping.target()).isEqualTo(AT_RISK);
    }

    @Test
    @DisplayName("An at-risk customer recovers when no warning sign is left, stays while one is, and can be lost")
    void atRisk() {
        LifecycleDecision recovered = decide(customer(AT_RISK, 10, 30));
        assertThat(recovered.target()).isEqualTo(ACTIVE);
        assertThat(rules(recovered)).containsExactly(DefaultLifecyclePolicy.RECOVERED);
        LifecycleDecision stays = decide(customer(AT_RISK, 10, 30).unresolvedComplaints(2));
        assertThat(stays.isStay()).isTrue();
        assertThat(rules(stays)).containsExactly(DefaultLifecyclePolicy.UNRESOLVED_COMPLAINTS);
        LifecycleDecision lost = decide(customer(AT_RISK, 10, 30).pAlive(0.04));
        assertThat(lost.target()).isEqualTo(LOST);
    }

    @Test
    @DisplayName("A purchase holds off at-risk and lost: the warning signs are reported, the stage does not fall")
    void purchaseHoldsOff() {
        LifecycleDecision d =
                decide(customer(ACTIVE, 0, 30).unresolvedComplaints(5).purchasedSinceLastEvaluation(true));
        assertThat(d.isStay()).isTrue();
        assertThat(rules(d))
                .containsExactly(
                        DefaultLifecyclePolicy.UNRESOLVED_COMPLAINTS, DefaultLifecyclePolicy.PURCHASE_HOLDS_OFF);
        LifecycleDecision atRisk =
                decide(customer(AT_RISK, 0, 30).unresolvedComplaints(5).purchasedSinceLastEvaluation(true));
        assertThat(atRisk.isStay()).isTrue();
        LifecycleDecision recovers = decide(customer(AT_RISK, 0, 30).purchasedSinceLastEvaluation(true));
        assertThat(recovers.target()).isEqualTo(ACTIVE);
    }

    @Test
    @DisplayName("A last purchase after the evaluation day is rejected as FUTURE")
    void futurePurchase() {
        LifecycleFacts facts = LifecycleFacts.builder(ID)
                .state(LifecycleState.of(ACTIVE, SINCE))
                .purchases(1, TODAY.plusDays(1), TODAY.plusDays(1))
                .build();
        assertThatThrownBy(() -> policy.decide(facts, CONTEXT)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo("lastPurchaseDay");
            assertThat(e.rule()).isEqualTo(ValidationRule.FUTURE);
        });
    }

    static Stream<Arguments> badThresholds() {
        return Stream.of(
                Arguments.of("atRiskPAlive", (Runnable) () -> new LifecycleThresholds(1.1, 0.05, 2, 180, 365, 2, 1, 2)),
                Arguments.of("atRiskPAlive", (Runnable) () -> new LifecycleThresholds(-0.1, 0, 2, 180, 365, 2, 1, 2)),
                Arguments.of("atRiskPAlive", (Runnable)
                        () -> new LifecycleThresholds(Double.NaN, 0.05, 2, 180, 365, 2, 1, 2)),
                Arguments.of("lostPAlive", (Runnable) () -> new LifecycleThresholds(0.3, -0.01, 2, 180, 365, 2, 1, 2)),
                Arguments.of("lostPAlive", (Runnable) () -> new LifecycleThresholds(0.3, 0.31, 2, 180, 365, 2, 1, 2)),
                Arguments.of("cycleOverrunFactor", (Runnable)
                        () -> new LifecycleThresholds(0.3, 0.05, 0.9, 180, 365, 2, 1, 2)),
                Arguments.of("cycleOverrunFactor", (Runnable)
                        () -> new LifecycleThresholds(0.3, 0.05, Double.POSITIVE_INFINITY, 180, 365, 2, 1, 2)),
                Arguments.of(
                        "expectedCycleDays", (Runnable) () -> new LifecycleThresholds(0.3, 0.05, 2, 0, 365, 2, 1, 2)),
                Arguments.of("lostAfterDays", (Runnable) () -> new LifecycleThresholds(0.3, 0.05, 2, 180, -5, 2, 1, 2)),
                Arguments.of("unresolvedComplaints", (Runnable)
                        () -> new LifecycleThresholds(0.3, 0.05, 2, 180, 365, 0, 1, 2)),
                Arguments.of(
                        "overdueCases", (Runnable) () -> new LifecycleThresholds(0.3, 0.05, 2, 180, 365, 2, -1, 2)),
                Arguments.of(
                        "creditGradeDrop", (Runnable) () -> new LifecycleThresholds(0.3, 0.05, 2, 180, 365, 2, 1, 0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badThresholds")
    @DisplayName("Bad thresholds are rejected naming the field")
    void badThresholdsRejected(String field, Runnable create) {
        assertThatThrownBy(create::run).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.rule()).isEqualTo(ValidationRule.OUT_OF_RANGE);
        });
    }

    @Test
    @DisplayName("Edge thresholds are accepted: lost equal to at risk, probabilities 0 and 1, factor 1")
    void edgeThresholds() {
        LifecycleThresholds t = new LifecycleThresholds(1, 1, 1, 1, 1, 1, 1, 1);
        assertThat(t.lostPAlive()).isEqualTo(1.0);
        LifecycleThresholds zero = new LifecycleThresholds(0, 0, 1, 1, 1, 1, 1, 1);
        assertThat(zero.atRiskPAlive()).isEqualTo(0.0);
    }

    @Test
    @DisplayName("Setting a grade's thresholds twice fails at once")
    void builderRepeats() {
        DefaultLifecyclePolicy.Builder b = DefaultLifecyclePolicy.builder()
                .thresholds(CustomerGrade.KEY, LifecycleThresholds.standard(CustomerGrade.KEY));
        assertThatThrownBy(() -> b.thresholds(CustomerGrade.KEY, LifecycleThresholds.standard(CustomerGrade.SMALL)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("KEY");
        b.ungraded(LifecycleThresholds.standard(CustomerGrade.SMALL));
        assertThatThrownBy(() -> b.ungraded(LifecycleThresholds.standard(CustomerGrade.SMALL)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("Property: a purchase since the last evaluation never moves a customer to AT_RISK or LOST")
    void purchaseNeverMovesDown() {
        Random random = new Random(20261122L);
        LifecycleStage[] stages = LifecycleStage.values();
        CustomerGrade[] grades = CustomerGrade.values();
        int moves = 0;
        for (int i = 0; i < 20_000; i++) {
            LifecycleFacts facts = PolicyFuzz.randomFacts(random, stages, grades, TODAY, SINCE, true);
            LifecycleDecision d = policy.decide(facts, CONTEXT);
            if (!d.isStay()) {
                moves++;
                assertThat(d.target()).as("%s", facts).isNotIn(AT_RISK, LOST);
            }
        }
        // the property must be exercised: many purchases do move customers (first purchase, win-back, ...)
        assertThat(moves).isGreaterThan(1000);
    }
}
