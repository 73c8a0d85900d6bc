package dev.guanxi.crm.service;

/**
 * What a service case is.
 *
 * <p>Immutable and thread-safe.
 */
public enum CaseKind {
    /** The customer is dissatisfied (投诉). Complaints are archived with their resolution and get tighter SLAs. */
    COMPLAINT,
    /** The customer asks for something to be done (a repair, a change, a return). */
    REQUEST,
    /** The customer asks a question. */
    ENQUIRY
}
