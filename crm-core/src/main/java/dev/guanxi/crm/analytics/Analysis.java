package dev.guanxi.crm.analytics;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.money.MissingExchangeRateException;

/**
 * Analysis over one tenant's stored data (分析型 CRM): sales statistics grouped by owner, region, customer type,
 * product and period, and market-basket association rules with recommendations. Obtained from {@code
 * crm.tenant(id).analysis()}; thread-safe. Every method reads in one read-only unit of work and streams each
 * repository once (no list of the tenant's aggregates is built).
 */
@Beta
public interface Analysis {
    /**
     * Computes sales statistics in one pass over the stored data: customers first (for owner, region and type),
     * then orders, invoices, payments, service cases and campaign responses. O(facts) time, O(groups + customers)
     * memory.
     *
     * @param request the grouping, period, date range, as-of day and currency
     * @return the table, with a total row
     * @throws MissingExchangeRateException if an amount needs a rate the request's converter does not have
     */
    StatisticsTable statistics(StatisticsRequest request);

    /**
     * Mines market-basket association rules from the stored order lines, one basket per placed order
     * (cancelled orders are not baskets). Streams the orders once: O(order lines) to collect, then FP-growth.
     *
     * @param options the thresholds
     * @return the frequent itemsets and rules
     */
    AssociationRules associationRules(AssociationOptions options);

    /**
     * Recommends products to a customer — "customers who bought X also bought Y" — from rules mined before
     * (mining is the expensive part: a host mines nightly and recommends many times). The customer's bought
     * products are read from its placed orders.
     *
     * @param customerId the customer
     * @param rules rules from {@link #associationRules(AssociationOptions)}
     * @param limit the most recommendations, 0 or more
     * @return recommendations, best first, each with the rule that fired
     * @throws dev.guanxi.crm.customer.NoSuchCustomerException if the tenant has no such customer
     */
    java.util.List<Recommendation> recommendations(
            dev.guanxi.crm.customer.CustomerId customerId, AssociationRules rules, int limit);

    /**
     * The acquisition funnel: every campaign's AIDA funnel with conversion rates, and the funnels summed per
     * channel. Streams campaigns and campaign responses once. O(responses).
     *
     * @return the funnels
     */
    AcquisitionFunnels acquisitionFunnels();
}
