package dev.guanxi.crm.event;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.service.ServiceCaseId;
import dev.guanxi.crm.service.SurveyResponseId;
import java.time.Instant;
import java.util.Objects;

/**
 * A customer's answer to a satisfaction survey was recorded.
 *
 * <p>Immutable and thread-safe.
 *
 * @param metadata the event's id, tenant and time
 * @param customerId the customer who answered, not null
 * @param responseId the new response
 * @param respondedAt when the customer answered
 * @param csat the CSAT score 1 to 5, or {@code null}
 * @param nps the NPS answer 0 to 10, or {@code null}
 * @param caseId the service case it was about, or {@code null}
 */
public record SurveyAnswered(
        EventMetadata metadata,
        CustomerId customerId,
        SurveyResponseId responseId,
        Instant respondedAt,
        Integer csat,
        Integer nps,
        ServiceCaseId caseId)
        implements ServiceEvent {
    /**
     * Rejects nulls (except the scores and {@code caseId}).
     *
     * @param metadata the event's id, tenant and time
     * @param customerId the customer who answered, not null
     * @param responseId the new response
     * @param respondedAt when the customer answered
     * @param csat the CSAT score 1 to 5, or {@code null}
     * @param nps the NPS answer 0 to 10, or {@code null}
     * @param caseId the service case it was about, or {@code null}
     */
    public SurveyAnswered {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(responseId, "responseId");
        Objects.requireNonNull(respondedAt, "respondedAt");
    }
}
