package dev.guanxi.crm.customer;

/**
 * The kind of an {@link ImportantDate}: an occasion to remember, greet or follow up on (客户关怀).
 *
 * <p>Immutable and thread-safe.
 */
public enum ImportantDateType {
    /** A person's birthday; not in the future. */
    BIRTHDAY,
    /** The day an organisation was founded; not in the future. */
    FOUNDING_DAY,
    /** The anniversary of the customer's contract with us. */
    CONTRACT_ANNIVERSARY,
    /** Anything else, named by the date's label. */
    OTHER
}
