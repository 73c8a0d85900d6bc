package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.marketing.AidaStage;
import dev.guanxi.crm.marketing.CampaignId;
import dev.guanxi.crm.marketing.CampaignResponse;
import dev.guanxi.crm.marketing.CampaignResponseId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.spi.storage.CampaignResponseRepository;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** In-memory {@link CampaignResponseRepository}. Belongs to one unit of work; not thread-safe. */
final class MemoryCampaignResponseRepository extends MemoryRepository<CampaignResponseId, CampaignResponse>
        implements CampaignResponseRepository {
    private static final Comparator<CampaignResponse> BY_CUSTOMER =
            Comparator.comparing(r -> r.customerId().value(), MemoryRepository::compareAsText);
    private static final Comparator<CampaignResponse> LATEST_FIRST =
            Comparator.comparing(CampaignResponse::respondedAt).reversed();

    MemoryCampaignResponseRepository(MemoryTransaction tx) {
        super(tx, CampaignResponse.class);
        unique("customerId", r -> Optional.of(List.of(r.campaignId(), r.customerId())));
    }

    @Override
    public Optional<CampaignResponse> findByCampaignAndCustomer(CampaignId campaignId, CustomerId customerId) {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(customerId, "customerId");
        return findUnique("customerId", List.of(campaignId, customerId));
    }

    @Override
    public Page<CampaignResponse> listByCampaign(CampaignId campaignId, PageRequest page) {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(page, "page");
        return Page.slice(select(r -> r.campaignId().equals(campaignId), BY_CUSTOMER), page);
    }

    @Override
    public Page<CampaignResponse> listByCustomer(CustomerId customerId, PageRequest page) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(page, "page");
        return Page.slice(select(r -> r.customerId().equals(customerId), LATEST_FIRST), page);
    }

    @Override
    public Map<AidaStage, Long> countByStage(CampaignId campaignId) {
        Objects.requireNonNull(campaignId, "campaignId");
        Map<AidaStage, Long> counts = new EnumMap<>(AidaStage.class);
        for (CampaignResponse r : select(r -> r.campaignId().equals(campaignId), BY_CUSTOMER)) {
            counts.merge(r.stage(), 1L, Long::sum);
        }
        return counts;
    }
}
