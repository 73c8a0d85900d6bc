package dev.guanxi.crm.customer;

/**
 * Whether a customer is a natural person or an organisation.
 *
 * <p>Immutable and thread-safe.
 */
public enum PartyKind {
    /** A natural person (个人客户). */
    PERSON,
    /** A company, public body or other organisation (企业客户). */
    ORGANISATION
}
