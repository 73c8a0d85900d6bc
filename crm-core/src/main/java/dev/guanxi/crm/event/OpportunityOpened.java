package dev.guanxi.crm.event;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.OpportunityId;
import java.util.Objects;

/**
 * A sales opportunity was opened.
 *
 * <p>Immutable and thread-safe.
 *
 * @param metadata the event's id, tenant and time
 * @param customerId the prospective buyer, not null
 * @param opportunityId the new opportunity, not null
 * @param pipeline its pipeline's name
 * @param stage the stage it starts in
 * @param amount the expected deal value
 */
public record OpportunityOpened(
        EventMetadata metadata,
        CustomerId customerId,
        OpportunityId opportunityId,
        String pipeline,
        String stage,
        Money amount)
        implements SalesEvent {
    /**
     * Rejects nulls.
     *
     * @param metadata the event's id, tenant and time
     * @param customerId the prospective buyer, not null
     * @param opportunityId the new opportunity, not null
     * @param pipeline its pipeline's name
     * @param stage the stage it starts in
     * @param amount the expected deal value
     */
    public OpportunityOpened {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(opportunityId, "opportunityId");
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(amount, "amount");
    }
}
