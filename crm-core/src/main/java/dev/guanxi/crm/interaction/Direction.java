package dev.guanxi.crm.interaction;

/**
 * Who started an interaction: the customer (inbound) or we (outbound).
 *
 * <p>Immutable and thread-safe.
 */
public enum Direction {
    /** The customer contacted us: a call in, an e-mail received, a visit to our shop. */
    INBOUND,
    /** We contacted the customer: a sales visit, a call out, a mailing. */
    OUTBOUND
}
