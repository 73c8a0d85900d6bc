package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.marketing.Campaign;
import dev.guanxi.crm.marketing.CampaignId;
import dev.guanxi.crm.marketing.CampaignStatus;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.spi.storage.CampaignRepository;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/** In-memory {@link CampaignRepository}. Belongs to one unit of work; not thread-safe. */
final class MemoryCampaignRepository extends MemoryRepository<CampaignId, Campaign> implements CampaignRepository {
    private static final Comparator<Campaign> LATEST_START_FIRST =
            Comparator.comparing(Campaign::startDate).reversed();

    MemoryCampaignRepository(MemoryTransaction tx) {
        super(tx, Campaign.class);
        unique("code", c -> Optional.of(c.code()));
    }

    @Override
    public Optional<Campaign> findByCode(String code) {
        Objects.requireNonNull(code, "code");
        return findUnique("code", code);
    }

    @Override
    public Page<Campaign> list(PageRequest page) {
        Objects.requireNonNull(page, "page");
        return Page.slice(select(c -> true, LATEST_START_FIRST), page);
    }

    @Override
    public Page<Campaign> listByStatus(CampaignStatus status, PageRequest page) {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(page, "page");
        return Page.slice(select(c -> c.status() == status, LATEST_START_FIRST), page);
    }
}
