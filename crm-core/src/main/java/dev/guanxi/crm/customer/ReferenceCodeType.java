package dev.guanxi.crm.customer;

/**
 * The code tables a tenant defines for its customers (see {@link ReferenceCodes}). Each table classifies
 * customers along one axis; a customer refers to at most one code per table.
 *
 * <p>Immutable and thread-safe.
 */
public enum ReferenceCodeType {
    /** The kind of customer, e.g. agent, distributor, direct buyer (客户类型). */
    CUSTOMER_TYPE("customerType"),
    /** The customer's status in the host's own terms, e.g. prospect, active, blocked (客户状态). */
    CUSTOMER_STATUS("status"),
    /** The sales region or territory (区域). */
    REGION("region"),
    /** The customer's industry or sector (行业). */
    INDUSTRY("industry");

    private final String field;

    ReferenceCodeType(String field) {
        this.field = field;
    }

    /**
     * Returns the customer field that holds a code of this table; validation errors name it.
     *
     * @return {@code customerType}, {@code status}, {@code region} or {@code industry}
     */
    public String field() {
        return field;
    }
}
