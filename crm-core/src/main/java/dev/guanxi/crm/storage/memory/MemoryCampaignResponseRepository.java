package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.spi.storage.CampaignResponseRepository;

/** In-memory {@link CampaignResponseRepository}. STUB: to be completed by the marketing work. */
final class MemoryCampaignResponseRepository implements CampaignResponseRepository {
    MemoryCampaignResponseRepository(MemoryTransaction tx) {}
}
