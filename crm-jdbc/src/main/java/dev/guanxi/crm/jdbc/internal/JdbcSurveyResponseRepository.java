package dev.guanxi.crm.jdbc.internal;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.service.SurveyResponse;
import dev.guanxi.crm.service.SurveyResponseId;
import dev.guanxi.crm.spi.storage.SurveyResponseRepository;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Survey responses, oldest first. */
final class JdbcSurveyResponseRepository extends DocRepository<SurveyResponseId, SurveyResponse>
        implements SurveyResponseRepository {
    JdbcSurveyResponseRepository(JdbcUnitOfWork uow) {
        super(uow, Tables.SURVEY_RESPONSE);
    }

    @Override
    SurveyResponseId idOf(UUID uuid) {
        return new SurveyResponseId(uuid);
    }

    @Override
    public Page<SurveyResponse> listByCustomer(CustomerId customerId, PageRequest page) {
        Objects.requireNonNull(customerId, "customerId");
        return page(pageSql("customer_id = ?", "responded_at, id"), List.of(sql.id(customerId.value())), page);
    }
}
