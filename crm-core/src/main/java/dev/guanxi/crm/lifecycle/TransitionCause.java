package dev.guanxi.crm.lifecycle;

import dev.guanxi.crm.Beta;

/**
 * What triggered a lifecycle transition. Immutable and thread-safe.
 */
@Beta
public enum TransitionCause {
    /** The customer was evaluated for the first time and placed in a stage. */
    FIRST_SEEN,
    /** A purchase happened since the last evaluation (first purchase, repeat purchase, purchase after loss). */
    PURCHASE,
    /** A scheduled scoring run found warning signs, a long silence, or that warning signs are gone. */
    SCORING_RUN,
    /** A person moved the customer by hand. */
    MANUAL
}
