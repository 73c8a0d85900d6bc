package dev.guanxi.crm.jdbc.internal;

import dev.guanxi.crm.competitor.CompetitorDealing;
import dev.guanxi.crm.competitor.CompetitorDealingId;
import dev.guanxi.crm.competitor.CompetitorId;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.spi.storage.CompetitorDealingRepository;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Competitor dealings, latest observed first. */
final class JdbcCompetitorDealingRepository extends DocRepository<CompetitorDealingId, CompetitorDealing>
        implements CompetitorDealingRepository {
    JdbcCompetitorDealingRepository(JdbcUnitOfWork uow) {
        super(uow, Tables.COMPETITOR_DEALING);
    }

    @Override
    CompetitorDealingId idOf(UUID uuid) {
        return new CompetitorDealingId(uuid);
    }

    @Override
    public Page<CompetitorDealing> listByCustomer(CustomerId customerId, PageRequest page) {
        Objects.requireNonNull(customerId, "customerId");
        return page(pageSql("customer_id = ?", "observed_on DESC, id"), List.of(sql.id(customerId.value())), page);
    }

    @Override
    public Page<CompetitorDealing> listByCompetitor(CompetitorId competitorId, PageRequest page) {
        Objects.requireNonNull(competitorId, "competitorId");
        return page(pageSql("competitor_id = ?", "observed_on DESC, id"), List.of(sql.id(competitorId.value())), page);
    }
}
