package dev.guanxi.crm.event;

/**
 * Something that happened in the CRM. The hierarchy is sealed: a {@code switch} over an area's events is
 * checked for completeness by the compiler.
 */
public sealed interface DomainEvent
        permits CustomerEvent, InteractionEvent, SalesEvent, ServiceEvent, MarketingEvent, CompetitorEvent {
    /** @return the event's id, tenant and time */
    EventMetadata metadata();
}
