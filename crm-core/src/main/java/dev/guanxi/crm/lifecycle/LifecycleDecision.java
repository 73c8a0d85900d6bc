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
 * <p>Immutable and thread-safe. The one-line {@link #reason()} is rendered on first use and then kept, so a
 * policy's shared decisions (e.g. "first purchase") are rendered once per policy, not once per customer.
 */
@Beta
public final class LifecycleDecision {
    private static final LifecycleDecision STAY = new LifecycleDecision(null, List.of());

    private final LifecycleStage target;
    private final List<LifecycleReason> reasons;
    // Rendered on demand; a benign race may render it twice, with the same result (String is immutable).
    private String rendered;

    private LifecycleDecision(LifecycleStage target, List<LifecycleReason> reasons) {
        this.target = target;
        this.reasons = List.copyOf(reasons);
    }

    /** @return the decision to stay, for no reason worth reporting (a shared instance) */
    public static LifecycleDecision stay() {
        return STAY;
    }

    /**
     * @param reasons the rules that fired but did not move the customer; copied
     * @return the decision to stay
     * @throws NullPointerException if {@code reasons} or an element is null
     */
    public static LifecycleDecision stay(List<LifecycleReason> reasons) {
        return reasons.isEmpty() ? STAY : new LifecycleDecision(null, reasons);
    }

    /**
     * @param target the stage to move to
     * @param reasons the rules that fired, the deciding one first; copied
     * @return the decision to move
     * @throws NullPointerException if {@code target}, {@code reasons} or an element is null
     */
    public static LifecycleDecision moveTo(LifecycleStage target, List<LifecycleReason> reasons) {
        Objects.requireNonNull(target, "target");
        return new LifecycleDecision(target, reasons);
    }

    /** @return the stage to move to, or {@code null} to stay */
    public LifecycleStage target() {
        return target;
    }

    /** @return the rules that fired, the deciding one first; an immutable list, possibly empty */
    public List<LifecycleReason> reasons() {
        return reasons;
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
     * Renders the reasons as one line, separated by {@code "; "}.
     *
     * @return e.g. {@code pAlive 0.21 < 0.30 (at-risk threshold for ORDINARY)}, or {@code no rule fired}
     */
    public String reason() {
        String text = rendered;
        if (text == null) {
            text = render();
            rendered = text;
        }
        return text;
    }

    private String render() {
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

    // Equal when the target and the reasons are equal; the rendered text is derived.
    @Override
    public boolean equals(Object o) {
        return o instanceof LifecycleDecision d && target == d.target && reasons.equals(d.reasons);
    }

    @Override
    public int hashCode() {
        return Objects.hash(target, reasons);
    }

    @Override
    public String toString() {
        return "LifecycleDecision[" + (target == null ? "stay" : target) + ": " + reason() + "]";
    }
}
