package dev.guanxi.crm.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Churn reasons, churn reports, stage flows and transitions validate what they are given")
class LifecycleRecordsTest {
    static final CustomerId ID = CustomerId.random();
    static final Instant LOST = Instant.parse("2026-06-30T12:00:00.123456789Z");
    static final LocalDate DAY = LocalDate.of(2026, 6, 30);

    @Test
    @DisplayName("a churn reason needs a loss instant, a code of [A-Za-z0-9_.-] and a recording not before the loss")
    void churnReason() {
        ChurnReason ok = new ChurnReason(ID, LOST, "price", null, "asked for 20% off 😞", LOST, StaffId.of("li"));
        // instants are kept at microseconds, as every store keeps them
        assertThat(ok.lostAt()).isEqualTo(Instant.parse("2026-06-30T12:00:00.123456Z"));
        assertThat(ok.recordedAt()).isEqualTo(ok.lostAt());

        assertRule(
                () -> new ChurnReason(ID, LOST, "bad code!", null, null, LOST, null),
                "code",
                ValidationRule.INVALID_FORMAT);
        assertRule(() -> new ChurnReason(ID, LOST, null, null, null, LOST, null), "code", ValidationRule.REQUIRED);
        assertRule(() -> new ChurnReason(ID, null, "price", null, null, LOST, null), "lostAt", ValidationRule.REQUIRED);
        assertRule(
                () -> new ChurnReason(null, LOST, "price", null, null, LOST, null),
                "customerId",
                ValidationRule.REQUIRED);
        assertRule(
                () -> new ChurnReason(ID, LOST, "price", null, null, LOST.minusSeconds(1), null),
                "recordedAt",
                ValidationRule.DATE_ORDER);
        assertRule(
                () -> new ChurnReason(ID, LOST, "price", null, "x".repeat(ChurnReason.NOTE_MAX + 1), LOST, null),
                "note",
                ValidationRule.TOO_LONG);
        assertThat(new ChurnReason(ID, LOST, "price", null, "x".repeat(ChurnReason.NOTE_MAX), LOST, null).note())
                .hasSize(ChurnReason.NOTE_MAX);
    }

    @Test
    @DisplayName("a churn report cannot have more losses with a reason than losses")
    void churnReport() {
        ChurnReport report = new ChurnReport(DAY, DAY, 3, 1, Map.of("price", 1), Map.of());
        assertThat(report.withoutReason()).isEqualTo(2);
        assertThatThrownBy(() -> new ChurnReport(DAY, DAY, 1, 2, Map.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChurnReport(DAY, DAY, 1, -1, Map.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a stage flow counts moves of 1 or more and sums what entered and left each stage")
    void stageFlow() {
        StageFlow flow = new StageFlow(
                DAY,
                DAY,
                List.of(
                        new StageFlow.Move(null, LifecycleStage.NEW_CUSTOMER, 5),
                        new StageFlow.Move(LifecycleStage.NEW_CUSTOMER, LifecycleStage.AT_RISK, 2),
                        new StageFlow.Move(LifecycleStage.AT_RISK, LifecycleStage.LOST, 1)));
        assertThat(flow.entered(LifecycleStage.AT_RISK)).isEqualTo(2);
        assertThat(flow.left(LifecycleStage.AT_RISK)).isEqualTo(1);
        assertThat(flow.left(LifecycleStage.NEW_CUSTOMER)).isEqualTo(2);
        assertThat(flow.count(null, LifecycleStage.NEW_CUSTOMER)).isEqualTo(5);
        assertThat(flow.count(LifecycleStage.LOST, LifecycleStage.WON_BACK)).isZero();
        assertThatThrownBy(() -> new StageFlow.Move(null, LifecycleStage.ACTIVE, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a transition's instant is kept at microseconds")
    void transitionMicros() {
        StageTransition t = new StageTransition(
                ID, null, LifecycleStage.PROSPECT, LOST, TransitionCause.FIRST_SEEN, "no purchase yet", List.of());
        assertThat(t.at()).isEqualTo(Instant.parse("2026-06-30T12:00:00.123456Z"));
    }

    private static void assertRule(Runnable call, String field, ValidationRule rule) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.rule()).isEqualTo(rule);
        });
    }
}
