package dev.guanxi.crm.customer;

/**
 * A customer's answer to being contacted on a channel.
 *
 * <p>Immutable and thread-safe.
 */
public enum ConsentStatus {
    /** The customer agreed to be contacted. */
    OPT_IN,
    /** The customer refused, or withdrew an earlier agreement. */
    OPT_OUT
}
