package dev.guanxi.crm.event;

import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.service.CaseStatus;
import dev.guanxi.crm.service.ServiceCaseId;
import java.util.Objects;

/**
 * A service case moved from one status to another. Published for every transition; resolving and reopening
 * publish {@link CaseResolved} and {@link CaseReopened} as well.
 *
 * <p>Immutable and thread-safe.
 *
 * @param metadata the event's id, tenant and time
 * @param customerId the customer the case is for, not null
 * @param caseId the case that changed status, not null
 * @param from the status it left
 * @param to the status it entered
 * @param assignee who handles it after the change, or {@code null}
 */
public record CaseStatusChanged(
        EventMetadata metadata,
        CustomerId customerId,
        ServiceCaseId caseId,
        CaseStatus from,
        CaseStatus to,
        StaffId assignee)
        implements ServiceEvent {
    /**
     * Rejects nulls (except {@code assignee}).
     *
     * @param metadata the event's id, tenant and time
     * @param customerId the customer the case is for, not null
     * @param caseId the case that changed status, not null
     * @param from the status it left
     * @param to the status it entered
     * @param assignee who handles it after the change, or {@code null}
     */
    public CaseStatusChanged {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}
