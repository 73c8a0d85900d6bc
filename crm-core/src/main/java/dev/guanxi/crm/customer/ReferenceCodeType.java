package dev.guanxi.crm.customer;

/**
 * The code tables a tenant defines for its customers (see {@link ReferenceCodes}). Each table classifies
 * customers along one axis; a customer refers to at most one code per table. {@link #CHURN_REASON} lists the
 * reasons a lost customer may be given.
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
    INDUSTRY("industry"),
    /**
     * Why customers are lost (流失原因), e.g. price, service, competitor, moved, other: the codes a {@link
     * dev.guanxi.crm.lifecycle.ChurnReason} may carry. Not a customer field; validation errors name {@code code}.
     *
     * @since 0.1.0
     */
    CHURN_REASON("code");

    private final String field;

    ReferenceCodeType(String field) {
        this.field = field;
    }

    /**
     * Returns the customer field that holds a code of this table; validation errors name it.
     *
     * @return {@code customerType}, {@code status}, {@code region} or {@code industry}; {@code code} for {@link
     *     #CHURN_REASON}
     */
    public String field() {
        return field;
    }
}
