package dev.guanxi.crm.lifecycle;

import static dev.guanxi.crm.lifecycle.LifecycleStage.ACTIVE;
import static dev.guanxi.crm.lifecycle.LifecycleStage.AT_RISK;
import static dev.guanxi.crm.lifecycle.LifecycleStage.LOST;
import static dev.guanxi.crm.lifecycle.LifecycleStage.NEW_CUSTOMER;
import static dev.guanxi.crm.lifecycle.LifecycleStage.PROSPECT;
import static dev.guanxi.crm.lifecycle.LifecycleStage.WON_BACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.IllegalTransitionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LifecycleStageTest {
    // The expected table, written independently of the enum: row = from, column = to, in declaration order
    // PROSPECT, NEW_CUSTOMER, ACTIVE, AT_RISK, LOST, WON_BACK. 'x' = allowed.
    private static final String[] MATRIX = {
        ".x....", // PROSPECT -> NEW_CUSTOMER
        "..xxx.", // NEW_CUSTOMER -> ACTIVE, AT_RISK, LOST
        "...xx.", // ACTIVE -> AT_RISK, LOST
        "..x.x.", // AT_RISK -> ACTIVE, LOST
        ".....x", // LOST -> WON_BACK
        "..xxx.", // WON_BACK -> ACTIVE, AT_RISK, LOST
    };

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        LifecycleStage[] stages = LifecycleStage.values();
        for (int f = 0; f < stages.length; f++) {
            for (int t = 0; t < stages.length; t++) {
                pairs.add(Arguments.of(stages[f], stages[t], MATRIX[f].charAt(t) == 'x'));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1} allowed: {2}")
    @MethodSource("everyPair")
    @DisplayName("Every (from, to) pair of the 6x6 matrix is allowed or rejected as the table says")
    void everyPairMatchesTheTable(LifecycleStage from, LifecycleStage to, boolean allowed) {
        boolean canMove = from.canMoveTo(to);
        boolean isAllowed = LifecycleStage.isAllowed(from, to);
        assertThat(canMove).isEqualTo(allowed);
        assertThat(isAllowed).isEqualTo(allowed);
        assertThat(from.allowedTargets().contains(to)).isEqualTo(allowed);
        if (allowed) {
            LifecycleStage result = LifecycleStage.requireAllowed(from, to);
            assertThat(result).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> LifecycleStage.requireAllowed(from, to))
                    .isInstanceOf(IllegalTransitionException.class)
                    .isInstanceOfSatisfying(IllegalStageTransitionException.class, e -> {
                        assertThat(e.from()).isEqualTo(from);
                        assertThat(e.to()).isEqualTo(to);
                        assertThat(e.getMessage()).isEqualTo("CustomerLifecycle cannot go from " + from + " to " + to);
                    });
        }
    }

    @Test
    @DisplayName("The matrix has the 6x6 size and 12 allowed moves, and no stage moves to itself")
    void matrixShape() {
        int allowed = 0;
        for (LifecycleStage from : LifecycleStage.values()) {
            allowed += from.allowedTargets().size();
            assertThat(from.canMoveTo(from)).isFalse();
            assertThat(from.allowedTargets()).isNotEmpty();
        }
        assertThat(LifecycleStage.values()).hasSize(6);
        // 1 + 3 + 2 + 2 + 1 + 3
        assertThat(allowed).isEqualTo(12);
    }

    @Test
    @DisplayName("A first placement may be any stage but WON_BACK, which needs an earlier loss")
    void firstPlacement() {
        Set<LifecycleStage> initial = LifecycleStage.initialStages();
        assertThat(initial).containsExactlyInAnyOrder(PROSPECT, NEW_CUSTOMER, ACTIVE, AT_RISK, LOST);
        assertThatThrownBy(() -> LifecycleStage.requireAllowed(null, WON_BACK))
                .isInstanceOfSatisfying(IllegalStageTransitionException.class, e -> {
                    assertThat(e.from()).isNull();
                    assertThat(e.to()).isEqualTo(WON_BACK);
                });
        boolean toNull = LifecycleStage.isAllowed(ACTIVE, null);
        assertThat(toNull).isFalse();
    }

    @Test
    @DisplayName("Each stage knows its phase: prospect acquires, won-back customers are maintained again")
    void phases() {
        assertThat(PROSPECT.phase()).isEqualTo(LifecyclePhase.ACQUIRE);
        assertThat(NEW_CUSTOMER.phase()).isEqualTo(LifecyclePhase.MAINTAIN);
        assertThat(ACTIVE.phase()).isEqualTo(LifecyclePhase.MAINTAIN);
        assertThat(AT_RISK.phase()).isEqualTo(LifecyclePhase.RECOVER);
        assertThat(LOST.phase()).isEqualTo(LifecyclePhase.RECOVER);
        assertThat(WON_BACK.phase()).isEqualTo(LifecyclePhase.MAINTAIN);
    }

    @Test
    @DisplayName("The allowed targets cannot be changed by a caller")
    void targetsAreUnmodifiable() {
        assertThatThrownBy(() -> ACTIVE.allowedTargets().add(PROSPECT))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> LifecycleStage.initialStages().add(WON_BACK))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
