package dev.guanxi.crm.event;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.service.CaseKind;
import dev.guanxi.crm.service.ServiceCaseId;
import dev.guanxi.crm.service.Severity;
import java.time.Instant;
import java.util.Objects;

/**
 * A service case was opened.
 *
 * <p>Immutable and thread-safe.
 *
 * @param metadata the event's id, tenant and time
 * @param customerId the customer the case is for, not null
 * @param caseId the new case
 * @param kind complaint, request or enquiry
 * @param severity how urgent
 * @param channel the channel it came in on
 * @param openedAt when it came in
 * @param slaDueAt by when it must be resolved
 */
public record CaseOpened(
        EventMetadata metadata,
        CustomerId customerId,
        ServiceCaseId caseId,
        CaseKind kind,
        Severity severity,
        Channel channel,
        Instant openedAt,
        Instant slaDueAt)
        implements ServiceEvent {
    /**
     * Rejects nulls.
     *
     * @param metadata the event's id, tenant and time
     * @param customerId the customer the case is for, not null
     * @param caseId the new case
     * @param kind complaint, request or enquiry
     * @param severity how urgent
     * @param channel the channel it came in on
     * @param openedAt when it came in
     * @param slaDueAt by when it must be resolved
     */
    public CaseOpened {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(slaDueAt, "slaDueAt");
    }
}
