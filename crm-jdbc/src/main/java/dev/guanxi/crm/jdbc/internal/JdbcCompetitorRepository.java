package dev.guanxi.crm.jdbc.internal;

import dev.guanxi.crm.competitor.Competitor;
import dev.guanxi.crm.competitor.CompetitorId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.spi.storage.CompetitorRepository;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Competitors, unique and ordered by their name key (NFKC, case-folded) in code point order. */
final class JdbcCompetitorRepository extends DocRepository<CompetitorId, Competitor> implements CompetitorRepository {
    JdbcCompetitorRepository(JdbcUnitOfWork uow) {
        super(uow, Tables.COMPETITOR);
    }

    @Override
    CompetitorId idOf(UUID uuid) {
        return new CompetitorId(uuid);
    }

    @Override
    public Optional<Competitor> findByName(String name) {
        Objects.requireNonNull(name, "name");
        return uow.queryOne(
                "SELECT doc FROM guanxi_competitor WHERE tenant_id = ? AND name_key = ?",
                List.of(sql.plain(Competitor.nameKey(name), String.class)),
                rs -> read(rs.getString(1)));
    }

    @Override
    public Page<Competitor> list(PageRequest page) {
        return page(pageSql("", "name_order, id"), List.of(), page);
    }
}
