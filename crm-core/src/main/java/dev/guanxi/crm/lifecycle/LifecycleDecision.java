package dev.guanxi.crm.lifecycle;

import dev.guanxi.crm.Beta;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link LifecyclePolicy} decided for one customer: move to a stage, or stay, with the reasons (each
 * rule that fired and its numbers; the deciding rule first). A decision says nothing about legality: the
 * {@link LifecycleEngine} checks it against the transition table.
 *
 * <p>Immutable and thread-safe.
 *
 * @param target the stage to move to, or {@code null} to stay
 * @param reasons the rules that fired, the deciding one first; copied; may be empty
 */
@Beta
public record LifecycleDecision(LifecycleStage target, List<LifecycleReason> reasons) {
    private static final LifecycleDecision STAY = new LifecycleDecision(null, List.of());

    /**
     * Copies the reasons.
     *
     * @throws NullPointerException if {@code reasons} or an element is null
     */
    public LifecycleDecision {
        Objects.requireNonNull(reasons, "reasons");
        reasons = List.copyOf(reasons);
    }

    /** @return the decision to stay, for no reason worth reporting (a shared instance) */
    public static LifecycleDecision stay() {
        return STAY;
    }

    /**
     * @param reasons the rules that fired but did not move the customer
     * @return the decision to stay
     */
    public static LifecycleDecision stay(List<LifecycleReason> reasons) {
        return reasons.isEmpty() ? STAY : new LifecycleDecision(null, reasons);
    }

    /**
     * @param target the stage to move to
     * @param reasons the rules that fired, the deciding one first
     * @return the decision to move
     */
    public static LifecycleDecision moveTo(LifecycleStage target, List<LifecycleReason> reasons) {
        Objects.requireNonNull(target, "target");
        return new LifecycleDecision(target, reasons);
    }

    /** @return the stage to move to, or empty to stay */
    public Optional<LifecycleStage> targetStage() {
        return Optional.ofNullable(target);
    }

    /** @return {@code true} if the customer stays in the current stage */
    public boolean isStay() {
        return target == null;
    }

    /**
     * Renders the reasons as one line, separated by {@code "; "}; rendered on each call, not stored.
     *
     * @return e.g. {@code pAlive 0.21 < 0.30 (at-risk threshold for ORDINARY)}, or {@code no rule fired}
     */
    public String reason() {
        if (reasons.isEmpty()) {
            return "no rule fired";
        }
        StringBuilder sb = new StringBuilder();
        for (LifecycleReason r : reasons) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(r.text());
        }
        return sb.toString();
    }
}
