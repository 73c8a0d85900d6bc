package dev.guanxi.crm.event;

import dev.guanxi.crm.customer.CustomerId;

/**
 * Events of the service area: service cases opened and changed, survey responses recorded.
 *
 * <p>Implemented only by the records it permits, each immutable and thread-safe.
 */
public sealed interface ServiceEvent extends DomainEvent
        permits CaseOpened, CaseStatusChanged, CaseResolved, CaseReopened, CaseOverdue, SurveyAnswered {
    /** @return the customer the event is about */
    CustomerId customerId();
}
