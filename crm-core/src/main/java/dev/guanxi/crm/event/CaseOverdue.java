package dev.guanxi.crm.event;

import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.service.CaseKind;
import dev.guanxi.crm.service.ServiceCaseId;
import dev.guanxi.crm.service.Severity;
import java.time.Instant;
import java.util.Objects;

/**
 * An active service case passed its SLA due instant without being resolved, as found by {@link
 * dev.guanxi.crm.service.Service#raiseOverdueCases}. Overdue cases also count toward a customer's {@code AT_RISK}
 * stage in the lifecycle.
 *
 * <p>Immutable and thread-safe.
 *
 * @param metadata the event's id, tenant and time
 * @param customerId the customer the case is for, not null
 * @param caseId the overdue case, not null
 * @param kind complaint, request or enquiry
 * @param severity the case's severity
 * @param assignee who works on it, or {@code null} if nobody does
 * @param slaDueAt when it was due
 * @since 0.1.0
 */
public record CaseOverdue(
        EventMetadata metadata,
        CustomerId customerId,
        ServiceCaseId caseId,
        CaseKind kind,
        Severity severity,
        StaffId assignee,
        Instant slaDueAt)
        implements ServiceEvent {
    /**
     * Rejects nulls (except {@code assignee}).
     *
     * @param metadata the event's id, tenant and time
     * @param customerId the customer the case is for, not null
     * @param caseId the overdue case, not null
     * @param kind complaint, request or enquiry
     * @param severity the case's severity
     * @param assignee who works on it, or {@code null} if nobody does
     * @param slaDueAt when it was due
     */
    public CaseOverdue {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(slaDueAt, "slaDueAt");
    }
}
