package dev.guanxi.crm.spi.storage;

import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.interaction.Interaction;
import dev.guanxi.crm.interaction.InteractionId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.service.ServiceCaseId;

/**
 * Stores the tenant's interactions. Every list is newest first: by {@code occurredAt} descending, ties by id
 * ascending in the order of the id's text form (its canonical UUID string). Repositories do not check that
 * referenced customers, cases, opportunities or campaigns exist: the API does.
 *
 * <p>Belongs to one {@link UnitOfWork} and is called only on the thread running its work; implementations
 * need not be thread-safe.
 */
public interface InteractionRepository extends AggregateRepository<InteractionId, Interaction> {
    /**
     * Lists a customer's interactions.
     *
     * @param customerId the customer
     * @param page the slice wanted
     * @return one page, newest first
     */
    Page<Interaction> listByCustomer(CustomerId customerId, PageRequest page);

    /**
     * Lists the interactions a member of staff had.
     *
     * @param staffId the member of staff
     * @param page the slice wanted
     * @return one page, newest first
     */
    Page<Interaction> listByStaff(StaffId staffId, PageRequest page);

    /**
     * Lists the interactions linked to a service case.
     *
     * @param caseId the case
     * @param page the slice wanted
     * @return one page, newest first
     */
    Page<Interaction> listByCase(ServiceCaseId caseId, PageRequest page);
}
