package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.spi.storage.CustomerRepository;

/** In-memory {@link CustomerRepository}. STUB: to be completed by the customer work. */
final class MemoryCustomerRepository implements CustomerRepository {
    MemoryCustomerRepository(MemoryTransaction tx) {}
}
