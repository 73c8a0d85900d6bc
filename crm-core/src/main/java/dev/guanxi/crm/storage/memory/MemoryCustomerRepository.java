package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.CustomerQuery;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.spi.storage.CustomerRepository;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * In-memory {@link CustomerRepository}. Queries scan the tenant's customers: O(n log n). Not thread-safe: it
 * belongs to one unit of work.
 */
final class MemoryCustomerRepository extends MemoryRepository<CustomerId, Customer> implements CustomerRepository {
    private static final Comparator<Customer> BY_NAME = Comparator.comparing(Customer::displayName);

    MemoryCustomerRepository(MemoryTransaction tx) {
        super(tx, Customer.class);
        unique("externalId", c -> Optional.ofNullable(c.externalId()));
    }

    @Override
    public Optional<Customer> findByExternalId(String externalId) {
        Objects.requireNonNull(externalId, "externalId");
        return findUnique("externalId", externalId);
    }

    @Override
    public Page<Customer> query(CustomerQuery query, PageRequest page) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(page, "page");
        return Page.slice(select(query::matches, BY_NAME), page);
    }

    @Override
    public long count(CustomerQuery query) {
        Objects.requireNonNull(query, "query");
        return count(query::matches);
    }
}
