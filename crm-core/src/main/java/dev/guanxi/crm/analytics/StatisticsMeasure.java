package dev.guanxi.crm.analytics;

import dev.guanxi.crm.Beta;

/**
 * The measures of a {@link StatisticsTable}, one value column each. Money measures are exact amounts in the
 * request's base currency; counts are whole numbers; {@link #UNITS} is an exact decimal (quantities may have
 * decimals).
 *
 * <p>Immutable and thread-safe.
 */
@Beta
public enum StatisticsMeasure {
    /** Sales: the line totals of orders not cancelled, converted line by line at the order date's rate. */
    SALES("sales", true),
    /** Orders not cancelled, counted on their order date. */
    ORDERS("orders", false),
    /** The sum of the quantities of the lines of orders not cancelled. */
    UNITS("units", false),
    /** Payments collected: amounts received, on their receipt day, converted at that day's rate. */
    PAYMENTS_COLLECTED("collected", true),
    /**
     * What open invoices overdue on the as-of day still owe, converted at the as-of day's rate: a point-in-time
     * measure, dated the as-of day.
     */
    OVERDUE("overdue", true),
    /** Invoices issued, counted on their issue date. */
    INVOICES_ISSUED("invoices", false),
    /** Service cases opened, on their opening day (UTC). */
    CASES_OPENED("cases opened", false),
    /** Service cases resolved or closed, on the day they were (last) resolved (UTC). */
    CASES_RESOLVED("cases resolved", false),
    /** Campaign responses, one per campaign and customer, on the day of the first response (UTC). */
    CAMPAIGN_RESPONSES("responses", false);

    private final String label;
    private final boolean money;

    StatisticsMeasure(String label, boolean money) {
        this.label = label;
        this.money = money;
    }

    /** @return the column name, e.g. {@code cases opened} */
    public String label() {
        return label;
    }

    /** @return {@code true} for amounts of money (in the base currency) */
    public boolean isMoney() {
        return money;
    }
}
