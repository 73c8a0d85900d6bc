package dev.guanxi.crm.jdbc.internal;

import dev.guanxi.crm.marketing.Campaign;
import dev.guanxi.crm.marketing.CampaignId;
import dev.guanxi.crm.marketing.CampaignStatus;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.spi.storage.CampaignRepository;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Campaigns, latest start first. */
final class JdbcCampaignRepository extends DocRepository<CampaignId, Campaign> implements CampaignRepository {
    JdbcCampaignRepository(JdbcUnitOfWork uow) {
        super(uow, Tables.CAMPAIGN);
    }

    @Override
    CampaignId idOf(UUID uuid) {
        return new CampaignId(uuid);
    }

    @Override
    public Optional<Campaign> findByCode(String code) {
        Objects.requireNonNull(code, "code");
        return uow.queryOne(
                "SELECT doc FROM guanxi_campaign WHERE tenant_id = ? AND code = ?",
                List.of(sql.plain(code, String.class)),
                rs -> read(rs.getString(1)));
    }

    @Override
    public Page<Campaign> list(PageRequest page) {
        return page(pageSql("", "start_date DESC, id"), List.of(), page);
    }

    @Override
    public Page<Campaign> listByStatus(CampaignStatus status, PageRequest page) {
        Objects.requireNonNull(status, "status");
        return page(
                pageSql("status = ?", "start_date DESC, id"), List.of(sql.plain(status.name(), String.class)), page);
    }
}
