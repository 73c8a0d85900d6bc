package dev.guanxi.crm.event;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.service.CaseKind;
import dev.guanxi.crm.service.ServiceCaseId;
import java.time.Instant;
import java.util.Objects;

/**
 * A service case was resolved (the complaint handled, the request done, the enquiry answered).
 *
 * <p>Immutable and thread-safe.
 *
 * @param metadata the event's id, tenant and time
 * @param customerId the customer the case is for, not null
 * @param caseId the resolved case, not null
 * @param kind complaint, request or enquiry
 * @param resolution what was done
 * @param resolvedAt when the case was resolved, by the CRM's clock, not null
 * @param withinSla whether it was resolved by its SLA due instant
 */
public record CaseResolved(
        EventMetadata metadata,
        CustomerId customerId,
        ServiceCaseId caseId,
        CaseKind kind,
        String resolution,
        Instant resolvedAt,
        boolean withinSla)
        implements ServiceEvent {
    /**
     * Rejects nulls.
     *
     * @param metadata the event's id, tenant and time
     * @param customerId the customer the case is for, not null
     * @param caseId the resolved case, not null
     * @param kind complaint, request or enquiry
     * @param resolution what was done
     * @param resolvedAt when the case was resolved, by the CRM's clock, not null
     * @param withinSla whether it was resolved by its SLA due instant
     */
    public CaseResolved {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
    }
}
