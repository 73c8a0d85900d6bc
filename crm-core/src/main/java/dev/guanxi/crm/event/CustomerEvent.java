package dev.guanxi.crm.event;

import dev.guanxi.crm.customer.CustomerId;

/**
 * Events of the customer archive. Every one concerns one customer; a {@code switch} over them is checked
 * for completeness by the compiler.
 *
 * <p>Implemented only by the records it permits, each immutable and thread-safe.
 */
public sealed interface CustomerEvent extends DomainEvent
        permits CustomerRegistered,
                CustomerUpdated,
                CustomerDeleted,
                CustomerOwnerChanged,
                CustomerConsentRecorded,
                CustomerErased,
                CustomersMerged,
                CustomerMergeUndone {
    /** @return the customer the event is about */
    CustomerId customerId();
}
