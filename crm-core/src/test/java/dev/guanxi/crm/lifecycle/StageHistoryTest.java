package dev.guanxi.crm.lifecycle;

import static dev.guanxi.crm.lifecycle.LifecycleStage.ACTIVE;
import static dev.guanxi.crm.lifecycle.LifecycleStage.AT_RISK;
import static dev.guanxi.crm.lifecycle.LifecycleStage.LOST;
import static dev.guanxi.crm.lifecycle.LifecycleStage.NEW_CUSTOMER;
import static dev.guanxi.crm.lifecycle.LifecycleStage.PROSPECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StageHistoryTest {
    private static final CustomerId ALICE = CustomerId.of("00000000-0000-0000-0000-000000000001");
    private static final CustomerId BOB = CustomerId.of("00000000-0000-0000-0000-000000000002");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static StageTransition move(CustomerId id, LifecycleStage from, LifecycleStage to, Instant at) {
        return new StageTransition(id, from, to, at, TransitionCause.MANUAL, "test", List.of());
    }

    private static Instant day(int n) {
        return T0.plus(Duration.ofDays(n));
    }

    @Test
    @DisplayName("An empty history has no current stage and no time in any stage")
    void empty() {
        StageHistory history = StageHistory.empty(ALICE);
        Optional<LifecycleStage> stage = history.currentStage();
        Optional<Instant> since = history.since();
        assertThat(stage).isEmpty();
        assertThat(since).isEmpty();
        Duration time = history.timeInStage(PROSPECT, day(5));
        assertThat(time).isEqualTo(Duration.ZERO);
    }

    @Test
    @DisplayName("Time in stage adds every visit and counts the current one up to now")
    void timeInStageOverVisits() {
        StageHistory history = StageHistory.of(
                ALICE,
                List.of(
                        move(ALICE, null, PROSPECT, day(0)),
                        move(ALICE, PROSPECT, NEW_CUSTOMER, day(10)),
                        move(ALICE, NEW_CUSTOMER, ACTIVE, day(40)),
                        move(ALICE, ACTIVE, AT_RISK, day(100)),
                        move(ALICE, AT_RISK, ACTIVE, day(130)),
                        move(ALICE, ACTIVE, AT_RISK, day(200))));
        // ACTIVE: day 40..100 (60) + day 130..200 (70) = 130 days
        Duration active = history.timeInStage(ACTIVE, day(250));
        assertThat(active).isEqualTo(Duration.ofDays(130));
        // AT_RISK: day 100..130 (30) + day 200..250 now (50) = 80 days
        Duration atRisk = history.timeInStage(AT_RISK, day(250));
        assertThat(atRisk).isEqualTo(Duration.ofDays(80));
        Duration prospect = history.timeInStage(PROSPECT, day(250));
        assertThat(prospect).isEqualTo(Duration.ofDays(10));
        Duration lost = history.timeInStage(LOST, day(250));
        assertThat(lost).isEqualTo(Duration.ZERO);
        assertThat(history.currentStage()).contains(AT_RISK);
        assertThat(history.since()).contains(day(200));
    }

    @Test
    @DisplayName("Appending keeps the old history unchanged and equal instants are allowed")
    void appendIsPersistent() {
        StageHistory one = StageHistory.empty(ALICE).append(move(ALICE, null, PROSPECT, day(3)));
        StageHistory two = one.append(move(ALICE, PROSPECT, NEW_CUSTOMER, day(3)));
        assertThat(one.transitions()).hasSize(1);
        assertThat(two.transitions()).hasSize(2);
        assertThat(two.currentStage()).contains(NEW_CUSTOMER);
        Duration prospect = two.timeInStage(PROSPECT, day(9));
        assertThat(prospect).isEqualTo(Duration.ZERO);
    }

    @Test
    @DisplayName("A transition earlier than the previous one is rejected as DATE_ORDER")
    void timeNeverMovesBackwards() {
        List<StageTransition> list =
                List.of(move(ALICE, null, PROSPECT, day(5)), move(ALICE, PROSPECT, NEW_CUSTOMER, day(4)));
        assertThatThrownBy(() -> StageHistory.of(ALICE, list)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo("transitions[1].at");
            assertThat(e.rule()).isEqualTo(ValidationRule.DATE_ORDER);
        });
        StageHistory one = StageHistory.of(ALICE, list.subList(0, 1));
        assertThatThrownBy(() -> one.append(list.get(1)))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("transitions[1].at"));
    }

    @Test
    @DisplayName("A transition that does not start where the previous one ended is rejected")
    void chainMustConnect() {
        List<StageTransition> gap = List.of(move(ALICE, null, PROSPECT, day(0)), move(ALICE, ACTIVE, AT_RISK, day(1)));
        assertThatThrownBy(() -> StageHistory.of(ALICE, gap)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo("transitions[1].from");
            assertThat(e.rule()).isEqualTo(ValidationRule.INVALID_STATE);
        });
        List<StageTransition> noStart = List.of(move(ALICE, PROSPECT, NEW_CUSTOMER, day(0)));
        assertThatThrownBy(() -> StageHistory.of(ALICE, noStart))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("transitions[0].from"));
    }

    @Test
    @DisplayName("Another customer's transition is rejected")
    void oneCustomer() {
        List<StageTransition> mixed =
                List.of(move(ALICE, null, PROSPECT, day(0)), move(BOB, PROSPECT, NEW_CUSTOMER, day(1)));
        assertThatThrownBy(() -> StageHistory.of(ALICE, mixed)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo("transitions[1].customerId");
            assertThat(e.rule()).isEqualTo(ValidationRule.INVALID_STATE);
        });
    }

    @Test
    @DisplayName("Time in stage up to an instant before the newest transition is a caller error")
    void nowBeforeNewest() {
        StageHistory history = StageHistory.of(ALICE, List.of(move(ALICE, null, PROSPECT, day(5))));
        assertThatThrownBy(() -> history.timeInStage(PROSPECT, day(4))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("A transition the table forbids cannot even be created; a missing reason is a validation error")
    void transitionValidates() {
        assertThatThrownBy(() -> move(ALICE, PROSPECT, LOST, day(0)))
                .isInstanceOfSatisfying(IllegalStageTransitionException.class, e -> {
                    assertThat(e.from()).isEqualTo(PROSPECT);
                    assertThat(e.to()).isEqualTo(LOST);
                });
        assertThatThrownBy(() ->
                        new StageTransition(ALICE, null, PROSPECT, day(0), TransitionCause.MANUAL, " ", List.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("reason");
                    assertThat(e.rule()).isEqualTo(ValidationRule.BLANK);
                });
        assertThatThrownBy(() -> new StageTransition(ALICE, null, null, day(0), TransitionCause.MANUAL, "x", List.of()))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("to"));
    }

    @Test
    @DisplayName("A transition copies its reasons")
    void reasonsCopied() {
        List<LifecycleReason> reasons = new ArrayList<>();
        reasons.add(new LifecycleReason("r", "q", 1, "=", 1, ""));
        StageTransition t = new StageTransition(ALICE, null, PROSPECT, day(0), TransitionCause.MANUAL, "x", reasons);
        reasons.clear();
        assertThat(t.reasons()).hasSize(1);
    }
}
