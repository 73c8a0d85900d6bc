package dev.guanxi.crm.event;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.service.ServiceCaseId;
import java.time.Instant;
import java.util.Objects;

/**
 * A resolved or closed service case was reopened.
 *
 * <p>Immutable and thread-safe.
 *
 * @param metadata the event's id, tenant and time
 * @param customerId the customer the case is for, not null
 * @param caseId the reopened case, not null
 * @param reason why it was reopened
 * @param reopenCount how often it has been reopened, this time included
 * @param slaDueAt the new SLA due instant
 */
public record CaseReopened(
        EventMetadata metadata,
        CustomerId customerId,
        ServiceCaseId caseId,
        String reason,
        int reopenCount,
        Instant slaDueAt)
        implements ServiceEvent {
    /**
     * Rejects nulls.
     *
     * @param metadata the event's id, tenant and time
     * @param customerId the customer the case is for, not null
     * @param caseId the reopened case, not null
     * @param reason why it was reopened
     * @param reopenCount how often it has been reopened, this time included
     * @param slaDueAt the new SLA due instant
     */
    public CaseReopened {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(slaDueAt, "slaDueAt");
    }
}
