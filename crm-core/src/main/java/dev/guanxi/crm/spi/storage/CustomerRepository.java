package dev.guanxi.crm.spi.storage;

import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.CustomerQuery;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import java.util.Optional;

/**
 * Stores the tenant's customers.
 *
 * <p>Beyond {@link AggregateRepository}: the external id is unique per tenant ({@link #insert} and {@link
 * #update} throw {@link DuplicateKeyException} with field {@code externalId} and the id of the customer that
 * holds it); names and every other text are stored and returned exactly as given (UTF-8 capable columns, no
 * trimming, no Unicode normalisation). A store must return a customer {@link Object#equals equal} to the one
 * it was given.
 *
 * <p>Belongs to one {@link UnitOfWork} and is called only on the thread running its work; implementations
 * need not be thread-safe.
 */
public interface CustomerRepository extends AggregateRepository<CustomerId, Customer> {
    /**
     * Finds a customer by its id in another system.
     *
     * @param externalId the external id (exact, case-sensitive match)
     * @return the customer, or empty if this tenant has none with that external id
     */
    Optional<Customer> findByExternalId(String externalId);

    /**
     * Lists the customers that {@linkplain CustomerQuery#matches match} a query, ordered by {@link
     * Customer#displayName()} in {@link String} order (UTF-16 code units), then by id in its canonical
     * lower-case text form.
     *
     * @param query the filters, combined with AND
     * @param page which slice of the ordered result
     * @return the page
     */
    Page<Customer> query(CustomerQuery query, PageRequest page);

    /**
     * Counts the customers that {@linkplain CustomerQuery#matches match} a query.
     *
     * @param query the filters, combined with AND
     * @return how many match
     */
    long count(CustomerQuery query);

    /**
     * Finds customers by their ids in another system, as {@link #findByExternalId} would one by one: the bulk path
     * of imports. A store should look them up in few round trips; the default looks up one by one.
     *
     * @param externalIds the external ids (exact, case-sensitive matches)
     * @return the customers found, by external id; an id this tenant has no customer with is absent
     * @since 0.1.0
     */
    default java.util.Map<String, Customer> findByExternalIds(java.util.Collection<String> externalIds) {
        java.util.Map<String, Customer> found = new java.util.HashMap<>();
        for (String externalId : externalIds) {
            findByExternalId(externalId).ifPresent(c -> found.put(externalId, c));
        }
        return found;
    }
}
