package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.Opportunity;
import dev.guanxi.crm.sales.OpportunityId;
import dev.guanxi.crm.spi.storage.OpportunityRepository;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/** In-memory {@link OpportunityRepository}. Used by one unit of work at a time; not thread-safe on its own. */
final class MemoryOpportunityRepository extends MemoryRepository<OpportunityId, Opportunity>
        implements OpportunityRepository {
    private static final Comparator<Opportunity> NEWEST_FIRST =
            Comparator.comparing(Opportunity::createdAt).reversed();
    private static final Comparator<Opportunity> BY_CLOSE_DATE = Comparator.comparing(
            Opportunity::expectedCloseDate, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()));

    MemoryOpportunityRepository(MemoryTransaction tx) {
        super(tx, Opportunity.class);
    }

    @Override
    public Page<Opportunity> listByCustomer(CustomerId customerId, PageRequest page) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(page, "page");
        return Page.slice(select(o -> o.customerId().equals(customerId), NEWEST_FIRST), page);
    }

    @Override
    public Page<Opportunity> listOpen(Optional<String> pipeline, PageRequest page) {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(page, "page");
        return Page.slice(
                select(o -> o.isOpen() && pipeline.map(o.pipeline()::equals).orElse(true), BY_CLOSE_DATE), page);
    }
}
