package dev.guanxi.crm.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.marketing.AidaStage;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LifecycleFactsTest {
    static final CustomerId ID = DefaultLifecyclePolicyTest.ID;
    static final LocalDate D = LocalDate.of(2026, 3, 1);

    private static LifecycleFacts.Builder b() {
        return LifecycleFacts.builder(ID);
    }

    static Stream<Arguments> badFacts() {
        return Stream.of(
                bad(
                        "purchases",
                        ValidationRule.OUT_OF_RANGE,
                        () -> b().purchases(-1, null, null).build()),
                bad(
                        "pAlive",
                        ValidationRule.OUT_OF_RANGE,
                        () -> b().pAlive(1.01).build()),
                bad(
                        "pAlive",
                        ValidationRule.OUT_OF_RANGE,
                        () -> b().pAlive(-0.01).build()),
                bad(
                        "unresolvedComplaints",
                        ValidationRule.OUT_OF_RANGE,
                        () -> b().unresolvedComplaints(-1).build()),
                bad(
                        "overdueCases",
                        ValidationRule.OUT_OF_RANGE,
                        () -> b().overdueCases(-1).build()),
                bad(
                        "creditGradeIndex",
                        ValidationRule.OUT_OF_RANGE,
                        () -> b().creditGrades(-2, 0).build()),
                bad(
                        "previousCreditGradeIndex",
                        ValidationRule.OUT_OF_RANGE,
                        () -> b().creditGrades(0, -2).build()),
                bad(
                        "firstPurchaseDay",
                        ValidationRule.REQUIRED,
                        () -> b().purchases(1, null, D).build()),
                bad(
                        "lastPurchaseDay",
                        ValidationRule.REQUIRED,
                        () -> b().purchases(1, D, null).build()),
                bad(
                        "firstPurchaseDay",
                        ValidationRule.INVALID_STATE,
                        () -> b().purchases(0, D, D).build()),
                bad(
                        "lastPurchaseDay",
                        ValidationRule.DATE_ORDER,
                        () -> b().purchases(2, D, D.minusDays(1)).build()),
                bad(
                        "meanInterPurchaseDays",
                        ValidationRule.OUT_OF_RANGE,
                        () -> b().purchases(2, D, D)
                                .meanInterPurchaseDays(Double.NaN)
                                .build()),
                bad(
                        "meanInterPurchaseDays",
                        ValidationRule.OUT_OF_RANGE,
                        () -> b().purchases(2, D, D).meanInterPurchaseDays(-1).build()),
                bad(
                        "meanInterPurchaseDays",
                        ValidationRule.OUT_OF_RANGE,
                        () -> b().purchases(1, D, D).meanInterPurchaseDays(3).build()),
                bad(
                        "purchasedSinceLastEvaluation",
                        ValidationRule.INVALID_STATE,
                        () -> b().purchasedSinceLastEvaluation(true).build()),
                bad(
                        "funnel",
                        ValidationRule.INVALID_STATE,
                        () -> new LifecycleState(LifecycleStage.ACTIVE, Instant.EPOCH, AidaStage.DESIRE)),
                bad("since", ValidationRule.REQUIRED, () -> LifecycleState.of(LifecycleStage.ACTIVE, null)),
                bad("asOf", ValidationRule.REQUIRED, () -> new LifecycleContext(null, Instant.EPOCH)));
    }

    private static Arguments bad(String field, ValidationRule rule, Supplier<Object> create) {
        return Arguments.of(field + " " + rule, field, rule, create);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFacts")
    @DisplayName("Bad facts, states and contexts are rejected naming the field and rule")
    void rejected(String name, String field, ValidationRule rule, Supplier<Object> create) {
        assertThatThrownBy(create::get).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.rule()).isEqualTo(rule);
        });
    }

    @Test
    @DisplayName("The builder derives the mean interval from first, last and count: (90 - 0) / (4 - 1) = 30")
    void derivedMean() {
        LifecycleFacts facts = b().purchases(4, D.minusDays(90), D).build();
        assertThat(facts.meanInterPurchaseDays()).isEqualTo(30.0);
        LifecycleFacts one = b().purchases(1, D, D).build();
        assertThat(one.meanInterPurchaseDays()).isNaN();
        assertThat(one.currentStage()).isNull();
    }

    @Test
    @DisplayName("A prospect carries its AIDA funnel position")
    void prospectFunnel() {
        LifecycleState state = LifecycleState.prospect(AidaStage.INTEREST, Instant.EPOCH);
        assertThat(state.stage()).isEqualTo(LifecycleStage.PROSPECT);
        assertThat(state.funnel()).isEqualTo(AidaStage.INTEREST);
        LifecycleFacts facts = b().state(state).build();
        assertThat(facts.currentStage()).isEqualTo(LifecycleStage.PROSPECT);
    }

    @Test
    @DisplayName("The context takes the day in the clock's zone: 23:30 UTC is already the next day in Shanghai")
    void contextFromClock() {
        Instant at = Instant.parse("2026-03-01T23:30:00Z");
        LifecycleContext shanghai = LifecycleContext.of(Clock.fixed(at, ZoneId.of("Asia/Shanghai")));
        assertThat(shanghai.asOf()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(shanghai.at()).isEqualTo(at);
    }

    @Test
    @DisplayName("Reasons render whole numbers without decimals and others with two")
    void reasonNumbers() {
        LifecycleReason r = new LifecycleReason("r", "days", 61, ">", 60.5, "");
        assertThat(r.text()).isEqualTo("days 61 > 60.50");
        // half up at two decimals: 0.125 -> 0.13, 2.999 -> 3.00, 0.004 -> 0.00, -0.5 -> -0.50, -0.004 -> 0.00
        assertThat(LifecycleReason.number(0.125)).isEqualTo("0.13");
        assertThat(LifecycleReason.number(2.999)).isEqualTo("3.00");
        assertThat(LifecycleReason.number(0.004)).isEqualTo("0.00");
        assertThat(LifecycleReason.number(-0.5)).isEqualTo("-0.50");
        assertThat(LifecycleReason.number(-0.004)).isEqualTo("0.00");
        assertThat(LifecycleReason.number(12.07)).isEqualTo("12.07");
        assertThat(LifecycleReason.number(-3)).isEqualTo("-3");
        assertThat(LifecycleReason.number(Double.NaN)).isEqualTo("NaN");
        assertThat(LifecycleReason.number(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
        assertThatThrownBy(() -> new LifecycleReason(" ", "q", 1, "<", 1, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
