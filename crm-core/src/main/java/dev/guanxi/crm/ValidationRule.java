package dev.guanxi.crm;

/**
 * The rule a value broke, carried by {@link ValidationException}. The constant names are stable and may be
 * used as error codes in host applications' user interfaces.
 *
 * <p>Immutable and thread-safe.
 */
public enum ValidationRule {
    /** A required value is missing ({@code null}). */
    REQUIRED,
    /** A text is empty or only white space. */
    BLANK,
    /** A text, list or number is longer or larger than allowed. */
    TOO_LONG,
    /** A text contains a NUL, another control character, an unpaired surrogate or a bidirectional override. */
    ILLEGAL_CHARACTER,
    /** A value does not have the required format (e-mail address, phone number, code syntax...). */
    INVALID_FORMAT,
    /** A currency code is not an ISO 4217 currency with decimal minor units. */
    UNKNOWN_CURRENCY,
    /** An amount has more decimals than its currency allows (USD 1.005, JPY 1.5). */
    SCALE,
    /** A number is negative, zero or outside its range where that is not allowed. */
    OUT_OF_RANGE,
    /** An instant or date lies too far in the future (or a birthday lies in the future). */
    FUTURE,
    /** A date range ends before it starts. */
    DATE_ORDER,
    /** A reference code is not defined (or not active) in the tenant's code table. */
    UNKNOWN_CODE,
    /** A custom field is not defined. */
    UNKNOWN_FIELD,
    /** A custom field value does not have the type its definition declares. */
    WRONG_TYPE,
    /** Amounts in different currencies were combined. */
    CURRENCY_MISMATCH,
    /** A value must be unique (per tenant) and is already taken. */
    DUPLICATE,
    /** A value refers to an entity that does not exist in this tenant. */
    UNKNOWN_REFERENCE,
    /** A change is not allowed in the entity's current state. */
    INVALID_STATE
}
