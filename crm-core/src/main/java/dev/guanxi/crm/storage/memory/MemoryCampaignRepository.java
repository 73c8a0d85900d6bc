package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.spi.storage.CampaignRepository;

/** In-memory {@link CampaignRepository}. STUB: to be completed by the marketing work. */
final class MemoryCampaignRepository implements CampaignRepository {
    MemoryCampaignRepository(MemoryTransaction tx) {}
}
