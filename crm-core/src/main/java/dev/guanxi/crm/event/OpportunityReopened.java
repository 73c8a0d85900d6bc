package dev.guanxi.crm.event;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.sales.OpportunityId;
import java.util.Objects;

/**
 * A lost opportunity was reopened.
 *
 * <p>Immutable and thread-safe.
 *
 * @param metadata the event's id, tenant and time
 * @param customerId the prospective buyer, not null
 * @param opportunityId the reopened opportunity, not null
 * @param stage the stage it resumes in
 */
public record OpportunityReopened(
        EventMetadata metadata, CustomerId customerId, OpportunityId opportunityId, String stage)
        implements SalesEvent {
    /**
     * Rejects nulls.
     *
     * @param metadata the event's id, tenant and time
     * @param customerId the prospective buyer, not null
     * @param opportunityId the reopened opportunity, not null
     * @param stage the stage it resumes in
     */
    public OpportunityReopened {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(opportunityId, "opportunityId");
        Objects.requireNonNull(stage, "stage");
    }
}
