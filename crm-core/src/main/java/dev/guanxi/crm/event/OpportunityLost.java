package dev.guanxi.crm.event;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.sales.OpportunityId;
import java.util.Objects;

/**
 * An opportunity was lost.
 *
 * <p>Immutable and thread-safe.
 *
 * @param metadata the event's id, tenant and time
 * @param customerId the prospective buyer, not null
 * @param opportunityId the lost opportunity, not null
 * @param reason why it was lost, as the user gave it, not null
 * @param competitorNote who won it instead, or {@code null} if none was recorded
 */
public record OpportunityLost(
        EventMetadata metadata,
        CustomerId customerId,
        OpportunityId opportunityId,
        String reason,
        String competitorNote)
        implements SalesEvent {
    /**
     * Rejects nulls (except {@code competitorNote}).
     *
     * @param metadata the event's id, tenant and time
     * @param customerId the prospective buyer, not null
     * @param opportunityId the lost opportunity, not null
     * @param reason why it was lost, as the user gave it, not null
     * @param competitorNote who won it instead, or {@code null} if none was recorded
     */
    public OpportunityLost {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(opportunityId, "opportunityId");
        Objects.requireNonNull(reason, "reason");
    }
}
