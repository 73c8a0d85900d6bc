package dev.guanxi.crm.jdbc.internal;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.Opportunity;
import dev.guanxi.crm.sales.OpportunityId;
import dev.guanxi.crm.spi.storage.OpportunityRepository;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Opportunities: newest first per customer; open ones by expected close date, undated last. */
final class JdbcOpportunityRepository extends DocRepository<OpportunityId, Opportunity>
        implements OpportunityRepository {
    JdbcOpportunityRepository(JdbcUnitOfWork uow) {
        super(uow, Tables.OPPORTUNITY);
    }

    @Override
    OpportunityId idOf(UUID uuid) {
        return new OpportunityId(uuid);
    }

    private static final String BY_CLOSE_DATE =
            "CASE WHEN expected_close_date IS NULL THEN 1 ELSE 0 END, expected_close_date, id";

    @Override
    public Page<Opportunity> listByCustomer(CustomerId customerId, PageRequest page) {
        Objects.requireNonNull(customerId, "customerId");
        return page(pageSql("customer_id = ?", "created_at DESC, id"), List.of(sql.id(customerId.value())), page);
    }

    @Override
    public Page<Opportunity> listOpen(Optional<String> pipeline, PageRequest page) {
        Objects.requireNonNull(pipeline, "pipeline");
        if (pipeline.isPresent()) {
            return page(
                    pageSql("status = 'OPEN' AND pipeline = ?", BY_CLOSE_DATE),
                    List.of(sql.plain(pipeline.get(), String.class)),
                    page);
        }
        return page(pageSql("status = 'OPEN'", BY_CLOSE_DATE), List.of(), page);
    }
}
