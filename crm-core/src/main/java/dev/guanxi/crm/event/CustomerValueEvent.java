package dev.guanxi.crm.event;

import dev.guanxi.crm.customer.CustomerId;

/**
 * Events of customer value: a customer's 80/20 grade or credit grade changed in a scoring run, an arrears early
 * warning was raised, a member moved to another membership tier. A host pushes these to billing or ERP (for
 * example, to require prepayment from a customer whose credit grade fell).
 *
 * <p>Implemented only by the records it permits, each immutable and thread-safe.
 */
public sealed interface CustomerValueEvent extends DomainEvent
        permits CustomerGradeChanged,
                CreditGradeChanged,
                ArrearsWarningRaised,
                MembershipTierChanged,
                LifecycleStageChanged {
    /** @return the customer the event is about */
    CustomerId customerId();
}
