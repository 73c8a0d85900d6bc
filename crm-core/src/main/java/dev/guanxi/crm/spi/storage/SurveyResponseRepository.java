package dev.guanxi.crm.spi.storage;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.service.SurveyResponse;
import dev.guanxi.crm.service.SurveyResponseId;

/**
 * Stores the tenant's satisfaction survey responses.
 *
 * <p>Belongs to one {@link UnitOfWork} and is called only on the thread running its work; implementations
 * need not be thread-safe.
 */
public interface SurveyResponseRepository extends AggregateRepository<SurveyResponseId, SurveyResponse> {
    /**
     * Lists a customer's responses as a time series.
     *
     * @param customerId the customer
     * @param page the slice wanted
     * @return one page, by {@code respondedAt} ascending, ties by id ascending in the order of the id's text
     *     form
     */
    Page<SurveyResponse> listByCustomer(CustomerId customerId, PageRequest page);
}
