package dev.guanxi.crm.spi.storage;

import dev.guanxi.crm.competitor.CompetitorDealing;
import dev.guanxi.crm.competitor.CompetitorDealingId;
import dev.guanxi.crm.competitor.CompetitorId;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;

/**
 * Stores competitors' dealings with the tenant's customers.
 *
 * <p>Belongs to one {@link UnitOfWork} and is called only on the thread running its work; implementations
 * need not be thread-safe.
 */
public interface CompetitorDealingRepository extends AggregateRepository<CompetitorDealingId, CompetitorDealing> {
    /**
     * Lists the dealings with one customer, {@link CompetitorDealing#observedOn() observedOn} descending, ties
     * by the id's text form ascending.
     *
     * @param customerId the customer
     * @param page the slice wanted
     * @return one page
     */
    Page<CompetitorDealing> listByCustomer(CustomerId customerId, PageRequest page);

    /**
     * Lists one competitor's dealings, in the order of {@link #listByCustomer}.
     *
     * @param competitorId the competitor
     * @param page the slice wanted
     * @return one page
     */
    Page<CompetitorDealing> listByCompetitor(CompetitorId competitorId, PageRequest page);
}
