package dev.guanxi.crm.event;

/**
 * Something that happened in the CRM. The hierarchy is sealed: a {@code switch} over an area's events is
 * checked for completeness by the compiler.
 *
 * <p>Every event is an immutable, thread-safe record, so a listener may hand it to another thread as it is.
 */
public sealed interface DomainEvent
        permits CustomerEvent,
                InteractionEvent,
                SalesEvent,
                ServiceEvent,
                MarketingEvent,
                CompetitorEvent,
                CustomerValueEvent {
    /** @return the event's id, tenant and time */
    EventMetadata metadata();
}
