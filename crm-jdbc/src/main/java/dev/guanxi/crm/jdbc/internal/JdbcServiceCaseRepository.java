package dev.guanxi.crm.jdbc.internal;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.service.ServiceCase;
import dev.guanxi.crm.service.ServiceCaseId;
import dev.guanxi.crm.spi.storage.ServiceCaseRepository;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Service cases: newest first per customer; active ones most urgent first. */
final class JdbcServiceCaseRepository extends DocRepository<ServiceCaseId, ServiceCase>
        implements ServiceCaseRepository {
    JdbcServiceCaseRepository(JdbcUnitOfWork uow) {
        super(uow, Tables.SERVICE_CASE);
    }

    @Override
    ServiceCaseId idOf(UUID uuid) {
        return new ServiceCaseId(uuid);
    }

    @Override
    public Page<ServiceCase> listByCustomer(CustomerId customerId, PageRequest page) {
        Objects.requireNonNull(customerId, "customerId");
        return page(pageSql("customer_id = ?", "opened_at DESC, id"), List.of(sql.id(customerId.value())), page);
    }

    @Override
    public Page<ServiceCase> listActive(PageRequest page) {
        return page(pageSql("active = TRUE", "sla_due_at, id"), List.of(), page);
    }

    @Override
    public Page<ServiceCase> listOverdue(Instant asOf, PageRequest page) {
        Objects.requireNonNull(asOf, "asOf");
        return page(pageSql("active = TRUE AND sla_due_at < ?", "sla_due_at, id"), List.of(sql.at(asOf)), page);
    }
}
