package dev.guanxi.crm.event;

/** Events of the competitor area: competitors registered and updated, dealings recorded and changed. */
public sealed interface CompetitorEvent extends DomainEvent
        permits CompetitorRegistered, CompetitorUpdated, CompetitorDealingRecorded, CompetitorDealingChanged {}
