package dev.guanxi.crm.spi.storage;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.service.ServiceCase;
import dev.guanxi.crm.service.ServiceCaseId;
import java.time.Instant;

/**
 * Stores the tenant's service cases, each with its status history (a store may keep the history in a table
 * of its own; it must give it back complete and in order). Ties in every list are broken by id ascending in
 * the order of the id's text form (its canonical UUID string).
 *
 * <p>Belongs to one {@link UnitOfWork} and is called only on the thread running its work; implementations
 * need not be thread-safe.
 */
public interface ServiceCaseRepository extends AggregateRepository<ServiceCaseId, ServiceCase> {
    /**
     * Lists a customer's cases in every status.
     *
     * @param customerId the customer
     * @param page the slice wanted
     * @return one page, by {@code openedAt} descending (newest first)
     */
    Page<ServiceCase> listByCustomer(CustomerId customerId, PageRequest page);

    /**
     * Lists the active cases: those {@link dev.guanxi.crm.service.CaseStatus#isActive() OPEN or IN_PROGRESS}.
     *
     * @param page the slice wanted
     * @return one page, by {@code slaDueAt} ascending (most urgent first)
     */
    Page<ServiceCase> listActive(PageRequest page);

    /**
     * Lists the active cases whose {@code slaDueAt} lies before an instant.
     *
     * @param asOf the instant; a case due exactly then is not included
     * @param page the slice wanted
     * @return one page, by {@code slaDueAt} ascending (most overdue first)
     */
    Page<ServiceCase> listOverdue(Instant asOf, PageRequest page);
}
