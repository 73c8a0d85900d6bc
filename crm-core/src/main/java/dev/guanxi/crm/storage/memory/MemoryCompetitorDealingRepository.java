package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.competitor.CompetitorDealing;
import dev.guanxi.crm.competitor.CompetitorDealingId;
import dev.guanxi.crm.competitor.CompetitorId;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.spi.storage.CompetitorDealingRepository;
import java.util.Comparator;
import java.util.Objects;

/** In-memory {@link CompetitorDealingRepository}. Belongs to one unit of work; not thread-safe. */
final class MemoryCompetitorDealingRepository extends MemoryRepository<CompetitorDealingId, CompetitorDealing>
        implements CompetitorDealingRepository {
    private static final Comparator<CompetitorDealing> LATEST_OBSERVED_FIRST =
            Comparator.comparing(CompetitorDealing::observedOn).reversed();

    MemoryCompetitorDealingRepository(MemoryTransaction tx) {
        super(tx, CompetitorDealing.class);
    }

    @Override
    public Page<CompetitorDealing> listByCustomer(CustomerId customerId, PageRequest page) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(page, "page");
        return Page.slice(select(d -> d.customerId().equals(customerId), LATEST_OBSERVED_FIRST), page);
    }

    @Override
    public Page<CompetitorDealing> listByCompetitor(CompetitorId competitorId, PageRequest page) {
        Objects.requireNonNull(competitorId, "competitorId");
        Objects.requireNonNull(page, "page");
        return Page.slice(select(d -> d.competitorId().equals(competitorId), LATEST_OBSERVED_FIRST), page);
    }
}
