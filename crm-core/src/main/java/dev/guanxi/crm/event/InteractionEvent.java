package dev.guanxi.crm.event;

import dev.guanxi.crm.customer.CustomerId;

/** Events of the interaction area: interactions logged and follow-up tasks created and completed. */
public sealed interface InteractionEvent extends DomainEvent permits InteractionLogged, TaskCreated, TaskCompleted {
    /** @return the customer the event is about */
    CustomerId customerId();
}
