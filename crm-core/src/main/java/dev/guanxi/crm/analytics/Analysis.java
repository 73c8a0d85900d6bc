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
}
