package dev.guanxi.crm.lifecycle;

import dev.guanxi.crm.Beta;

/**
 * Decides the next lifecycle stage of one customer from the facts about them. The host can replace the
 * {@linkplain #standard() standard policy} with its own; the {@link LifecycleEngine} checks every proposed
 * move against {@link LifecycleStage}'s table and fails loudly on an illegal one.
 *
 * <p>A policy must be a pure function of its arguments (no clock of its own: the context carries the day and
 * instant) and thread-safe, since a batch may call it from several threads.
 */
@Beta
@FunctionalInterface
public interface LifecyclePolicy {
    /**
     * Decides whether and where the customer moves.
     *
     * @param facts the customer's facts, including the current state ({@code null} if never evaluated)
     * @param context the day and instant of the evaluation
     * @return the decision, never {@code null}
     */
    LifecycleDecision decide(LifecycleFacts facts, LifecycleContext context);

    /** @return the built-in policy with the standard thresholds per grade ({@link DefaultLifecyclePolicy}) */
    static LifecyclePolicy standard() {
        return DefaultLifecyclePolicy.standard();
    }
}
