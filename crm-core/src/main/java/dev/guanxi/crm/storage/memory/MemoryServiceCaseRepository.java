package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.service.ServiceCase;
import dev.guanxi.crm.service.ServiceCaseId;
import dev.guanxi.crm.spi.storage.ServiceCaseRepository;
import java.time.Instant;
import java.util.Comparator;

/**
 * In-memory {@link ServiceCaseRepository}. Queries scan the tenant's cases, O(n log n). Belongs to one unit of work
 * and so to one thread; the store serialises writers.
 */
final class MemoryServiceCaseRepository extends MemoryRepository<ServiceCaseId, ServiceCase>
        implements ServiceCaseRepository {
    private static final Comparator<ServiceCase> NEWEST_FIRST =
            Comparator.comparing(ServiceCase::openedAt).reversed();
    private static final Comparator<ServiceCase> MOST_URGENT_FIRST = Comparator.comparing(ServiceCase::slaDueAt);

    MemoryServiceCaseRepository(MemoryTransaction tx) {
        super(tx, ServiceCase.class);
    }

    @Override
    public Page<ServiceCase> listByCustomer(CustomerId customerId, PageRequest page) {
        return Page.slice(select(c -> c.customerId().equals(customerId), NEWEST_FIRST), page);
    }

    @Override
    public Page<ServiceCase> listActive(PageRequest page) {
        return Page.slice(select(ServiceCase::isActive, MOST_URGENT_FIRST), page);
    }

    @Override
    public Page<ServiceCase> listOverdue(Instant asOf, PageRequest page) {
        return Page.slice(select(c -> c.isActive() && c.slaDueAt().isBefore(asOf), MOST_URGENT_FIRST), page);
    }
}
