package dev.guanxi.crm.event;

/**
 * Events of the competitor area: competitors registered and updated, dealings recorded and changed.
 *
 * <p>Implemented only by the records it permits, each immutable and thread-safe.
 */
public sealed interface CompetitorEvent extends DomainEvent
        permits CompetitorRegistered, CompetitorUpdated, CompetitorDealingRecorded, CompetitorDealingChanged {}
