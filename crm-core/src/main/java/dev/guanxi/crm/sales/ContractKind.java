package dev.guanxi.crm.sales;

/**
 * What a {@link Contract} is about.
 *
 * <p>Immutable and thread-safe.
 */
public enum ContractKind {
    /** A sales contract: goods or licences sold to the customer. */
    SALES,
    /** A service contract: maintenance, support or another service over a period. */
    SERVICE
}
