package dev.guanxi.crm;

/**
 * A contact channel (接触渠道). Interactions happen on one; a customer's preferences and marketing consent are
 * kept per channel; campaigns run on one.
 *
 * <p>Immutable and thread-safe.
 */
public enum Channel {
    /** Meeting in person (面谈). */
    FACE_TO_FACE,
    /** A field sales visit (上门拜访). */
    SALES_VISIT,
    /** A phone call outside a call centre. */
    PHONE,
    /** The call centre (呼叫中心). */
    CALL_CENTRE,
    /** E-mail. */
    EMAIL,
    /** Fax. */
    FAX,
    /** The web site, portal or web form. */
    WEB,
    /** Text message. */
    SMS,
    /** Social media and instant messaging (WeChat, WhatsApp, ...). */
    SOCIAL,
    /** Any other channel. */
    OTHER
}
