package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.spi.storage.ServiceCaseRepository;

/** In-memory {@link ServiceCaseRepository}. STUB: to be completed by the service work. */
final class MemoryServiceCaseRepository implements ServiceCaseRepository {
    MemoryServiceCaseRepository(MemoryTransaction tx) {}
}
