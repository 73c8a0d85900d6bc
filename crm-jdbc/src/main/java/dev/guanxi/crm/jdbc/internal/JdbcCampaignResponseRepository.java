package dev.guanxi.crm.jdbc.internal;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.marketing.AidaStage;
import dev.guanxi.crm.marketing.CampaignId;
import dev.guanxi.crm.marketing.CampaignResponse;
import dev.guanxi.crm.marketing.CampaignResponseId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.spi.storage.CampaignResponseRepository;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Campaign responses: per campaign by customer, per customer latest first. */
final class JdbcCampaignResponseRepository extends DocRepository<CampaignResponseId, CampaignResponse>
        implements CampaignResponseRepository {
    JdbcCampaignResponseRepository(JdbcUnitOfWork uow) {
        super(uow, Tables.CAMPAIGN_RESPONSE);
    }

    @Override
    CampaignResponseId idOf(UUID uuid) {
        return new CampaignResponseId(uuid);
    }

    @Override
    public Optional<CampaignResponse> findByCampaignAndCustomer(CampaignId campaignId, CustomerId customerId) {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(customerId, "customerId");
        return uow.queryOne(
                "SELECT doc FROM guanxi_campaign_response WHERE tenant_id = ? AND campaign_id = ? AND customer_id = ?",
                List.of(sql.id(campaignId.value()), sql.id(customerId.value())),
                rs -> read(rs.getString(1)));
    }

    @Override
    public Page<CampaignResponse> listByCampaign(CampaignId campaignId, PageRequest page) {
        Objects.requireNonNull(campaignId, "campaignId");
        return page(pageSql("campaign_id = ?", "customer_id, id"), List.of(sql.id(campaignId.value())), page);
    }

    @Override
    public Page<CampaignResponse> listByCustomer(CustomerId customerId, PageRequest page) {
        Objects.requireNonNull(customerId, "customerId");
        return page(pageSql("customer_id = ?", "responded_at DESC, id"), List.of(sql.id(customerId.value())), page);
    }

    @Override
    public Map<AidaStage, Long> countByStage(CampaignId campaignId) {
        Objects.requireNonNull(campaignId, "campaignId");
        Map<AidaStage, Long> counts = new EnumMap<>(AidaStage.class);
        uow.query(
                        "SELECT stage, COUNT(*) FROM guanxi_campaign_response WHERE tenant_id = ? AND campaign_id = ?"
                                + " GROUP BY stage",
                        List.of(sql.id(campaignId.value())),
                        rs -> Map.entry(AidaStage.valueOf(rs.getString(1)), rs.getLong(2)))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }
}
