package dev.guanxi.crm.spi.storage;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.Contract;
import dev.guanxi.crm.sales.ContractId;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Stores the tenant's contracts. The contract number is unique per tenant ({@link
 * dev.guanxi.crm.DuplicateKeyException} with field {@code contractNumber}). Ties in every list are broken by
 * id, ascending by the UUID's lower-case string form.
 *
 * <p>Belongs to one {@link UnitOfWork} and is called only on the thread running its work; implementations
 * need not be thread-safe.
 */
public interface ContractRepository extends AggregateRepository<ContractId, Contract> {
    /**
     * Finds a contract by its number.
     *
     * @param contractNumber the contract number
     * @return the contract, or empty if this tenant has none with that number
     */
    Optional<Contract> findByContractNumber(String contractNumber);

    /**
     * Lists a customer's contracts of every status, newest first: by start date descending, then by id.
     *
     * @param customerId the customer
     * @param page which slice
     * @return the page
     */
    Page<Contract> listByCustomer(CustomerId customerId, PageRequest page);

    /**
     * Lists the tenant's {@code ACTIVE} contracts whose effective renewal date (the renewal date, else the
     * end date) is on or before a day, by that date ascending, then by id.
     *
     * @param dueBy the last renewal date to include
     * @param page which slice
     * @return the page
     */
    Page<Contract> listDueForRenewal(LocalDate dueBy, PageRequest page);
}
