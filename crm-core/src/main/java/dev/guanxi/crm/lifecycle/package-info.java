/**
 * The relationship lifecycle (客户关系的建立、维护与恢复) as a state machine: the {@link LifecycleStage stages}
 * and their {@link LifecyclePhase phases} (acquire → maintain → recover), the table of allowed transitions
 * (written down once, in {@link LifecycleStage}), a customer's {@link StageHistory}, the replaceable {@code
 * LifecyclePolicy} that proposes the next stage from a customer's {@code LifecycleFacts} with its reasons,
 * host-supplied {@code LifecycleGuard}s that may veto a move, and the {@code LifecycleEngine} that combines
 * them.
 *
 * <p>Everything here is pure domain code: nothing is stored or published. A host (or the scoring run) feeds
 * facts in, applies the outcomes and keeps the transitions.
 */
@dev.guanxi.crm.Beta
package dev.guanxi.crm.lifecycle;
