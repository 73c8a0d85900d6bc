package dev.guanxi.crm.interaction;

/**
 * How an interaction went, in a form that reports can count. The free-text detail goes into {@link
 * Outcome#summary()}.
 *
 * <p>Immutable and thread-safe.
 */
public enum OutcomeKind {
    /** The customer was reached and the contact moved things forward (interest shown, agreement reached). */
    POSITIVE,
    /** The customer was reached; nothing was decided either way. */
    NEUTRAL,
    /** The customer was reached and declined, complained or showed no interest. */
    NEGATIVE,
    /** The customer could not be reached (no answer, mail bounced, nobody at the visit). */
    NO_CONTACT
}
