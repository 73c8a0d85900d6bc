package dev.guanxi.crm.sales;

/**
 * How a {@link Payment} was made.
 *
 * <p>Immutable and thread-safe.
 */
public enum PaymentMethod {
    /** A bank transfer or direct debit. */
    BANK_TRANSFER,
    /** A credit or debit card. */
    CARD,
    /** Cash. */
    CASH,
    /** A cheque. */
    CHEQUE,
    /** A mobile or online wallet (Alipay, WeChat Pay, PayPal...). */
    WALLET,
    /** Any other way, or not known. */
    OTHER
}
