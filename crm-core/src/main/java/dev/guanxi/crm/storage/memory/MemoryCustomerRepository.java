package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.spi.storage.CustomerRepository;

/** In-memory {@link CustomerRepository}. */
final class MemoryCustomerRepository extends MemoryRepository<CustomerId, Customer> implements CustomerRepository {
    MemoryCustomerRepository(MemoryTransaction tx) {
        super(tx, Customer.class);
    }
}
