package dev.guanxi.crm.event;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.OpportunityId;
import java.util.Objects;

/**
 * An opportunity was won.
 *
 * <p>Immutable and thread-safe.
 *
 * @param metadata the event's id, tenant and time
 * @param customerId the buyer, not null
 * @param opportunityId the won opportunity, not null
 * @param amount the deal value
 */
public record OpportunityWon(EventMetadata metadata, CustomerId customerId, OpportunityId opportunityId, Money amount)
        implements SalesEvent {
    /**
     * Rejects nulls.
     *
     * @param metadata the event's id, tenant and time
     * @param customerId the buyer, not null
     * @param opportunityId the won opportunity, not null
     * @param amount the deal value
     */
    public OpportunityWon {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(opportunityId, "opportunityId");
        Objects.requireNonNull(amount, "amount");
    }
}
