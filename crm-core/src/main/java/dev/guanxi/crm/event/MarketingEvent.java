package dev.guanxi.crm.event;

/** Events of the marketing area. */
public non-sealed interface MarketingEvent extends DomainEvent {}
