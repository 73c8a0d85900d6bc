package dev.guanxi.crm.event;

import dev.guanxi.crm.customer.CustomerId;

/**
 * Events of the interaction area: interactions logged and follow-up tasks created and completed.
 *
 * <p>Implemented only by the records it permits, each immutable and thread-safe.
 */
public sealed interface InteractionEvent extends DomainEvent permits InteractionLogged, TaskCreated, TaskCompleted {
    /** @return the customer the event is about */
    CustomerId customerId();
}
