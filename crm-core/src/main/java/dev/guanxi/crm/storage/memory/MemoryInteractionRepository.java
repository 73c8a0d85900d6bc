package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.interaction.Interaction;
import dev.guanxi.crm.interaction.InteractionId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.service.ServiceCaseId;
import dev.guanxi.crm.spi.storage.InteractionRepository;
import java.util.Comparator;

/**
 * In-memory {@link InteractionRepository}. Queries scan the tenant's interactions, O(n log n). Belongs to one unit of work
 * and so to one thread; the store serialises writers.
 */
final class MemoryInteractionRepository extends MemoryRepository<InteractionId, Interaction>
        implements InteractionRepository {
    private static final Comparator<Interaction> NEWEST_FIRST =
            Comparator.comparing(Interaction::occurredAt).reversed();

    MemoryInteractionRepository(MemoryTransaction tx) {
        super(tx, Interaction.class);
    }

    @Override
    public Page<Interaction> listByCustomer(CustomerId customerId, PageRequest page) {
        return Page.slice(select(i -> i.customerId().equals(customerId), NEWEST_FIRST), page);
    }

    @Override
    public Page<Interaction> listByStaff(StaffId staffId, PageRequest page) {
        return Page.slice(select(i -> staffId.equals(i.staffId()), NEWEST_FIRST), page);
    }

    @Override
    public Page<Interaction> listByCase(ServiceCaseId caseId, PageRequest page) {
        return Page.slice(select(i -> caseId.equals(i.caseId()), NEWEST_FIRST), page);
    }
}
