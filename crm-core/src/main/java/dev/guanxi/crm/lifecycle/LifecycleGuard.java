package dev.guanxi.crm.lifecycle;

import dev.guanxi.crm.Beta;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A host-supplied check that can veto a proposed lifecycle transition, e.g. "customer under contract until
 * 2027" against a move to {@code LOST}. "No objection" is {@link Optional#empty()}. The {@link LifecycleEngine}
 * asks its guards only about transitions the table allows; a vetoed transition is reported with the guard's
 * reason and not applied.
 *
 * <p>A guard must be thread-safe and should be fast and free of side effects: a batch asks it once per
 * proposed transition (not once per customer).
 */
@Beta
@FunctionalInterface
public interface LifecycleGuard {
    /**
     * Decides whether to veto a transition.
     *
     * @param proposed the transition the policy proposed, legal by the table
     * @param facts the facts the policy decided from
     * @param context the day and instant of the evaluation
     * @return a one-line reason to veto, or empty to let it pass; never {@code null}
     */
    Optional<String> veto(StageTransition proposed, LifecycleFacts facts, LifecycleContext context);

    /** @return a guard that never vetoes */
    static LifecycleGuard allowAll() {
        return (proposed, facts, context) -> Optional.empty();
    }

    /**
     * Returns a guard that asks the given guards in order and returns the first veto.
     *
     * @param guards the guards; copied
     * @return the combined guard
     */
    static LifecycleGuard allOf(LifecycleGuard... guards) {
        return allOf(List.of(guards));
    }

    /**
     * Returns a guard that asks the given guards in order and returns the first veto; a guard returning
     * {@code null} fails with {@link IllegalStateException}.
     *
     * @param guards the guards; copied
     * @return the combined guard
     */
    static LifecycleGuard allOf(List<LifecycleGuard> guards) {
        List<LifecycleGuard> copy = List.copyOf(guards);
        return (proposed, facts, context) -> {
            for (LifecycleGuard guard : copy) {
                Optional<String> veto = guard.veto(proposed, facts, context);
                if (veto == null) {
                    throw new IllegalStateException("guard " + guard + " returned null instead of a veto or empty");
                }
                if (veto.isPresent()) {
                    return veto;
                }
            }
            return Optional.empty();
        };
    }

    /**
     * Returns a guard that applies this one only to transitions into one stage.
     *
     * @param to the target stage this guard is about
     * @return the narrowed guard
     */
    default LifecycleGuard onlyInto(LifecycleStage to) {
        Objects.requireNonNull(to, "to");
        return (proposed, facts, context) -> proposed.to() == to ? veto(proposed, facts, context) : Optional.empty();
    }
}
