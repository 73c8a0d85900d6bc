package dev.guanxi.crm.lifecycle;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.marketing.AidaStage;
import java.time.Instant;

/**
 * Where a customer stands in the lifecycle: the stage, since when, and for a prospect the furthest AIDA funnel
 * stage reached (awareness → interest → desire → action).
 *
 * <p>Immutable and thread-safe.
 *
 * @param stage the current stage
 * @param since when the customer entered it
 * @param funnel the furthest AIDA stage a prospect reached, or {@code null} if unknown or not yet aware;
 *     always {@code null} for a customer past {@link LifecycleStage#PROSPECT}
 */
@Beta
public record LifecycleState(LifecycleStage stage, Instant since, AidaStage funnel) {
    /**
     * Validates the state.
     *
     * @param stage the current stage
     * @param since when the customer entered it
     * @param funnel the furthest AIDA stage a prospect reached, or {@code null} if unknown or not yet aware; always
     *     {@code null} for a customer past {@link LifecycleStage#PROSPECT}
     * @throws ValidationException naming {@code stage} or {@code since} (REQUIRED), or {@code funnel}
     *     (INVALID_STATE: a funnel position on a customer who is not a prospect)
     */
    public LifecycleState {
        Check.required("stage", stage);
        Check.required("since", since);
        if (funnel != null && stage != LifecycleStage.PROSPECT) {
            throw new ValidationException(
                    "funnel", ValidationRule.INVALID_STATE, "only a prospect has a funnel position, not " + stage);
        }
    }

    /**
     * Returns the state of a customer past the prospect stage.
     *
     * @param stage the stage
     * @param since when the customer entered it
     * @return the state, without funnel position
     */
    public static LifecycleState of(LifecycleStage stage, Instant since) {
        return new LifecycleState(stage, since, null);
    }

    /**
     * Returns the state of a prospect at a funnel position.
     *
     * @param funnel the furthest AIDA stage reached, or {@code null} if unknown
     * @param since when the customer became a prospect
     * @return the state
     */
    public static LifecycleState prospect(AidaStage funnel, Instant since) {
        return new LifecycleState(LifecycleStage.PROSPECT, since, funnel);
    }
}
