package dev.guanxi.crm.analytics;

import dev.guanxi.crm.Beta;

/**
 * What {@link SalesStatistics} groups by: one key column of a {@link StatisticsTable} each.
 *
 * <p>{@link #OWNER}, {@link #REGION} and {@link #CUSTOMER_TYPE} are <em>customer-derived</em>: a fact (an
 * order, a payment, a case...) takes them from its customer as that customer was {@linkplain
 * SalesStatistics#add(dev.guanxi.crm.customer.Customer) added}. A customer without the value is grouped under
 * {@value #NONE}; a fact whose customer was not added before it under {@value #UNKNOWN}.
 *
 * <p>{@link #PRODUCT} splits only the measures that belong to an order line (sales and units); every other
 * measure is reported under the product key {@value #ALL_PRODUCTS}, so that each column still adds up to the
 * grand total.
 *
 * <p>Immutable and thread-safe.
 */
@Beta
public enum StatisticsDimension {
    /** The member of staff responsible for the customer ({@code Customer.owner()}), by staff id. */
    OWNER("owner"),
    /** The customer's region code ({@code Customer.region()}). */
    REGION("region"),
    /** The customer's type code ({@code Customer.customerType()}). */
    CUSTOMER_TYPE("customer type"),
    /** The product code of an order line ({@code OrderLine.productCode()}). */
    PRODUCT("product"),
    /** The calendar period of each fact's own date, in the request's {@link StatisticsPeriod}. */
    PERIOD("period");

    /** The key of facts whose customer was not added before them (customer-derived dimensions). */
    public static final String UNKNOWN = "(unknown)";
    /** The key of customers without an owner, region or customer type. */
    public static final String NONE = "(none)";
    /** The product key of every measure that is not split by product (all but sales and units). */
    public static final String ALL_PRODUCTS = "(all products)";

    private final String label;

    StatisticsDimension(String label) {
        this.label = label;
    }

    /** @return the column name, e.g. {@code customer type} */
    public String label() {
        return label;
    }

    /** @return {@code true} for the dimensions a fact takes from its customer */
    public boolean isCustomerDerived() {
        return this == OWNER || this == REGION || this == CUSTOMER_TYPE;
    }
}
