package dev.guanxi.crm.test.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.service.NewSurveyResponse;
import dev.guanxi.crm.service.ServiceCaseId;
import dev.guanxi.crm.service.SurveyResponse;
import dev.guanxi.crm.service.SurveyResponseId;
import dev.guanxi.crm.spi.storage.AggregateRepository;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Conformance tests of {@code SurveyResponseRepository}: the shared aggregate behaviour, optional scores
 * round-tripping as absent (not zero), and the per-customer time series, oldest first, ties by id in the
 * order of its text form, scoped to the tenant.
 */
public abstract class SurveyResponseRepositoryContract
        extends VersionedAggregateContract<SurveyResponseId, SurveyResponse> {
    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    private static final CustomerId CUSTOMER = CustomerId.of("c0000000-0000-0000-0000-000000000001");
    private static final CustomerId OTHER_CUSTOMER = CustomerId.of("c0000000-0000-0000-0000-000000000002");

    /** Creates the contract. */
    protected SurveyResponseRepositoryContract() {}

    @Override
    protected AggregateRepository<SurveyResponseId, SurveyResponse> repository(UnitOfWork uow) {
        return uow.surveyResponses();
    }

    @Override
    protected SurveyResponse newAggregate() {
        return response(SurveyResponseId.random(), CUSTOMER, NOW.minusSeconds(3600), 4, 9);
    }

    @Override
    protected SurveyResponse changed(SurveyResponse r) {
        return new SurveyResponse(
                r.id(),
                r.customerId(),
                r.respondedAt(),
                r.csat(),
                r.nps(),
                "Edited comment v" + (r.version() + 1),
                r.caseId(),
                r.channel(),
                r.version() + 1,
                r.createdAt(),
                r.updatedAt().plusSeconds(60));
    }

    private static SurveyResponse response(
            SurveyResponseId id, CustomerId customer, Instant respondedAt, Integer csat, Integer nps) {
        return SurveyResponse.of(
                id,
                NewSurveyResponse.builder(customer)
                        .csat(csat)
                        .nps(nps)
                        .comment("服务很好 👍")
                        .serviceCase(ServiceCaseId.random())
                        .channel(Channel.WEB)
                        .respondedAt(respondedAt)
                        .build(),
                NOW);
    }

    private void insert(SurveyResponse... responses) {
        run(TENANT_A, uow -> List.of(responses).forEach(uow.surveyResponses()::insert));
    }

    /** A missing score stays missing. */
    @Test
    @DisplayName("a response with only a CSAT score or only an NPS answer keeps the other absent, not zero")
    protected void absentScoresStayAbsent() {
        SurveyResponse csatOnly = response(SurveyResponseId.random(), CUSTOMER, NOW, 5, null);
        SurveyResponse npsOnly = response(SurveyResponseId.random(), CUSTOMER, NOW, null, 0);
        insert(csatOnly, npsOnly);
        SurveyResponse a =
                read(TENANT_A, uow -> uow.surveyResponses().find(csatOnly.id())).orElseThrow();
        SurveyResponse b =
                read(TENANT_A, uow -> uow.surveyResponses().find(npsOnly.id())).orElseThrow();
        assertThat(a).isEqualTo(csatOnly);
        assertThat(a.nps()).isNull();
        assertThat(b).isEqualTo(npsOnly);
        assertThat(b.csat()).isNull();
        assertThat(b.nps()).isZero();
    }

    /** A customer's responses come as a time series, oldest first. */
    @Test
    @DisplayName("listByCustomer is oldest first, ties by id text, paged, and only that customer's")
    protected void listByCustomerOldestFirst() {
        SurveyResponse newest = response(SurveyResponseId.random(), CUSTOMER, NOW, 5, 10);
        SurveyResponse oldest = response(SurveyResponseId.random(), CUSTOMER, NOW.minusSeconds(9000), 2, 3);
        SurveyResponse tieFirst = response(
                SurveyResponseId.of("10000000-0000-0000-0000-000000000000"), CUSTOMER, NOW.minusSeconds(60), 3, null);
        SurveyResponse tieSecond = response(
                SurveyResponseId.of("90000000-0000-0000-0000-000000000000"), CUSTOMER, NOW.minusSeconds(60), null, 7);
        SurveyResponse others = response(SurveyResponseId.random(), OTHER_CUSTOMER, NOW.minusSeconds(99999), 1, 0);
        insert(newest, tieSecond, others, oldest, tieFirst);
        Page<SurveyResponse> first =
                read(TENANT_A, uow -> uow.surveyResponses().listByCustomer(CUSTOMER, PageRequest.first(3)));
        assertThat(first.items()).containsExactly(oldest, tieFirst, tieSecond);
        assertThat(first.hasMore()).isTrue();
        assertThat(read(
                                TENANT_A,
                                uow -> uow.surveyResponses()
                                        .listByCustomer(
                                                CUSTOMER, first.nextRequest().orElseThrow()))
                        .items())
                .containsExactly(newest);
        assertThat(read(TENANT_B, uow -> uow.surveyResponses().listByCustomer(CUSTOMER, PageRequest.first(10)))
                        .items())
                .isEmpty();
    }
}
