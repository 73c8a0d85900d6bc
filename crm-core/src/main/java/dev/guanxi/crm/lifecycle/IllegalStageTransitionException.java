package dev.guanxi.crm.lifecycle;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.IllegalTransitionException;

/**
 * A customer was to move between lifecycle stages that {@link LifecycleStage}'s table does not connect. The
 * entity type is {@code CustomerLifecycle}; {@link #from()} and {@link #to()} are typed.
 *
 * <p>Thread-safe: the values it carries are final and immutable.
 */
@Beta
public class IllegalStageTransitionException extends IllegalTransitionException {
    private static final long serialVersionUID = 1L;

    /** The entity type this exception names. */
    public static final String ENTITY_TYPE = "CustomerLifecycle";

    /**
     * Creates the exception.
     *
     * @param from the current stage, or {@code null} for a customer without a stage
     * @param to the requested stage (may be {@code null} if none was given)
     */
    public IllegalStageTransitionException(LifecycleStage from, LifecycleStage to) {
        super(ENTITY_TYPE, from, to);
    }

    /** @return the stage the customer is in, or {@code null} for a customer without a stage */
    @Override
    public LifecycleStage from() {
        return (LifecycleStage) super.from();
    }

    /** @return the stage that was requested */
    @Override
    public LifecycleStage to() {
        return (LifecycleStage) super.to();
    }
}
