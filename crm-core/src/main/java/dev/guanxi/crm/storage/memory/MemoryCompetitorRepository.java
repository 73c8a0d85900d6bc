package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.spi.storage.CompetitorRepository;

/** In-memory {@link CompetitorRepository}. STUB: to be completed by the competitor work. */
final class MemoryCompetitorRepository implements CompetitorRepository {
    MemoryCompetitorRepository(MemoryTransaction tx) {}
}
