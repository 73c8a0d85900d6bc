package dev.guanxi.crm.lifecycle;

import dev.guanxi.crm.Beta;
import java.util.Objects;
import java.util.Optional;

/**
 * What the {@link LifecycleEngine} made of one customer: stay, move (the transition to apply), or a move that
 * a {@link LifecycleGuard} vetoed (with the proposed transition and the guard's reason). Never an illegal
 * transition: the engine fails instead.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind stay, move or vetoed
 * @param transition the transition to apply ({@link Kind#MOVE}) or the vetoed one ({@link Kind#VETOED});
 *     {@code null} for {@link Kind#STAY}
 * @param decision the policy's decision with all its reasons
 * @param vetoReason the guard's reason for {@link Kind#VETOED}, else {@code null}
 */
@Beta
public record LifecycleOutcome(Kind kind, StageTransition transition, LifecycleDecision decision, String vetoReason) {
    private static final LifecycleOutcome STAY = new LifecycleOutcome(Kind.STAY, null, LifecycleDecision.stay(), null);

    /** The three kinds of outcome. */
    public enum Kind {
        /** The customer stays in the current stage. */
        STAY,
        /** The customer moves: apply {@link LifecycleOutcome#transition()}. */
        MOVE,
        /** A guard vetoed the move: nothing to apply. */
        VETOED
    }

    /**
     * Validates that the components fit the kind.
     *
     * @param kind stay, move or vetoed
     * @param transition the transition to apply ({@link Kind#MOVE}) or the vetoed one ({@link Kind#VETOED}); {@code
     *     null} for {@link Kind#STAY}
     * @param decision the policy's decision with all its reasons
     * @param vetoReason the guard's reason for {@link Kind#VETOED}, else {@code null}
     * @throws IllegalArgumentException if a transition or veto reason is present or missing against the kind
     */
    public LifecycleOutcome {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(decision, "decision");
        if ((transition == null) != (kind == Kind.STAY)) {
            throw new IllegalArgumentException("a transition is required exactly for MOVE and VETOED, kind " + kind);
        }
        if ((vetoReason == null) != (kind != Kind.VETOED)) {
            throw new IllegalArgumentException("a veto reason is required exactly for VETOED, kind " + kind);
        }
        if (vetoReason != null && vetoReason.isBlank()) {
            throw new IllegalArgumentException("vetoReason must not be blank");
        }
    }

    /**
     * @param decision the policy's stay decision
     * @return the outcome; a shared instance for the shared stay decision
     */
    static LifecycleOutcome stay(LifecycleDecision decision) {
        return decision == LifecycleDecision.stay() ? STAY : new LifecycleOutcome(Kind.STAY, null, decision, null);
    }

    /** @return the transition to apply, or empty if the customer stays or the move was vetoed */
    public Optional<StageTransition> toApply() {
        return kind == Kind.MOVE ? Optional.of(transition) : Optional.empty();
    }

    /** @return the guard's reason if the move was vetoed, else empty */
    public Optional<String> veto() {
        return Optional.ofNullable(vetoReason);
    }
}
