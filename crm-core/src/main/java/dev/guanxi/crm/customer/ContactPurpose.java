package dev.guanxi.crm.customer;

/**
 * What a {@link ContactPoint} is used for.
 *
 * <p>Immutable and thread-safe.
 */
public enum ContactPurpose {
    /** Work or business contact. */
    WORK,
    /** Private contact. */
    HOME,
    /** Invoices and payment matters. */
    BILLING,
    /** Deliveries. */
    SHIPPING,
    /** Anything else. */
    OTHER
}
