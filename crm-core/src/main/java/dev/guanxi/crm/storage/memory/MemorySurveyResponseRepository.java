package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.service.SurveyResponse;
import dev.guanxi.crm.service.SurveyResponseId;
import dev.guanxi.crm.spi.storage.SurveyResponseRepository;
import java.util.Comparator;

/**
 * In-memory {@link SurveyResponseRepository}. Queries scan the tenant's responses, O(n log n). Belongs to one unit of work
 * and so to one thread; the store serialises writers.
 */
final class MemorySurveyResponseRepository extends MemoryRepository<SurveyResponseId, SurveyResponse>
        implements SurveyResponseRepository {
    private static final Comparator<SurveyResponse> OLDEST_FIRST = Comparator.comparing(SurveyResponse::respondedAt);

    MemorySurveyResponseRepository(MemoryTransaction tx) {
        super(tx, SurveyResponse.class);
    }

    @Override
    public Page<SurveyResponse> listByCustomer(CustomerId customerId, PageRequest page) {
        return Page.slice(select(r -> r.customerId().equals(customerId), OLDEST_FIRST), page);
    }
}
