/**
 * The relationship lifecycle (客户关系的建立、维护与恢复) as a state machine: the {@link LifecycleStage stages}
 * and their {@link LifecyclePhase phases} (acquire → maintain → recover), the table of allowed transitions
 * (written down once, in {@link LifecycleStage}), a customer's {@link StageHistory}, the replaceable {@link
 * LifecyclePolicy} that proposes the next stage from a customer's {@link LifecycleFacts} with its reasons
 * ({@link DefaultLifecyclePolicy} with {@link LifecycleThresholds} per 80/20 grade), host-supplied {@link
 * LifecycleGuard}s that may veto a move, and the {@link LifecycleEngine} that combines them into {@link
 * LifecycleOutcome}s.
 *
 * <p>Everything here is pure domain code: nothing is stored or published. A host (or the scoring run) feeds
 * facts in, applies the outcomes' transitions and keeps them (as {@link StageTransition} events).
 */
@dev.guanxi.crm.Beta
package dev.guanxi.crm.lifecycle;
