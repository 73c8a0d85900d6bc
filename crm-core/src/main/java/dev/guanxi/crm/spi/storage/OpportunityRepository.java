package dev.guanxi.crm.spi.storage;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.Opportunity;
import dev.guanxi.crm.sales.OpportunityId;
import java.util.Optional;

/**
 * Stores the tenant's sales opportunities with their stage history. Ties in every list are broken by id,
 * ascending by the UUID's lower-case string form.
 *
 * <p>Belongs to one {@link UnitOfWork} and is called only on the thread running its work; implementations
 * need not be thread-safe.
 */
public interface OpportunityRepository extends AggregateRepository<OpportunityId, Opportunity> {
    /**
     * Lists a customer's opportunities of every status, newest first: by {@code createdAt} descending, then
     * by id.
     *
     * @param customerId the customer
     * @param page which slice
     * @return the page
     */
    Page<Opportunity> listByCustomer(CustomerId customerId, PageRequest page);

    /**
     * Lists the tenant's open opportunities, on one pipeline or all, by expected close date ascending (those
     * without one last), then by id.
     *
     * @param pipeline the pipeline's name, or empty for every pipeline
     * @param page which slice
     * @return the page
     */
    Page<Opportunity> listOpen(Optional<String> pipeline, PageRequest page);
}
