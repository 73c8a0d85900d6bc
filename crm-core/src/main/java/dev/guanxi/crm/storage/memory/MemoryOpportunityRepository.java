package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.spi.storage.OpportunityRepository;

/** In-memory {@link OpportunityRepository}. STUB: to be completed by the sales work. */
final class MemoryOpportunityRepository implements OpportunityRepository {
    MemoryOpportunityRepository(MemoryTransaction tx) {}
}
