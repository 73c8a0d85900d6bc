package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.spi.storage.CompetitorDealingRepository;

/** In-memory {@link CompetitorDealingRepository}. STUB: to be completed by the competitor work. */
final class MemoryCompetitorDealingRepository implements CompetitorDealingRepository {
    MemoryCompetitorDealingRepository(MemoryTransaction tx) {}
}
