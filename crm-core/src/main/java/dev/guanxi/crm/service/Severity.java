package dev.guanxi.crm.service;

/**
 * How urgent a service case is, from least to most; the {@link SlaPolicy} turns it into a due instant.
 *
 * <p>Immutable and thread-safe.
 */
public enum Severity {
    /** Can wait. */
    LOW,
    /** The usual case. */
    MEDIUM,
    /** Hurts the customer's business or our relationship. */
    HIGH,
    /** Stops the customer's business; act at once. */
    CRITICAL
}
