package dev.guanxi.crm.customer;

/**
 * What kind of address a {@link ContactPoint} is.
 *
 * <p>Immutable and thread-safe.
 */
public enum ContactType {
    /** A telephone number (stored normalised: {@code +} and digits, or digits only). */
    PHONE,
    /** An e-mail address. */
    EMAIL,
    /** A postal address, held as a structured {@link PostalAddress}. */
    POSTAL_ADDRESS,
    /** A fax number (stored normalised like a phone number). */
    FAX,
    /** A handle on a messaging network (WeChat, WhatsApp, LINE, Telegram...). */
    MESSAGING
}
