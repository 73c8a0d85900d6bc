package dev.guanxi.crm.event;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.sales.OpportunityId;
import java.util.Objects;

/**
 * An open opportunity moved to another stage of its pipeline.
 *
 * <p>Immutable and thread-safe.
 *
 * @param metadata the event's id, tenant and time
 * @param customerId the prospective buyer, not null
 * @param opportunityId the opportunity that moved, not null
 * @param fromStage the stage it left
 * @param toStage the stage it entered
 * @param probability its probability now, in percent
 */
public record OpportunityStageChanged(
        EventMetadata metadata,
        CustomerId customerId,
        OpportunityId opportunityId,
        String fromStage,
        String toStage,
        int probability)
        implements SalesEvent {
    /**
     * Rejects nulls.
     *
     * @param metadata the event's id, tenant and time
     * @param customerId the prospective buyer, not null
     * @param opportunityId the opportunity that moved, not null
     * @param fromStage the stage it left
     * @param toStage the stage it entered
     * @param probability its probability now, in percent
     */
    public OpportunityStageChanged {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(opportunityId, "opportunityId");
        Objects.requireNonNull(fromStage, "fromStage");
        Objects.requireNonNull(toStage, "toStage");
    }
}
