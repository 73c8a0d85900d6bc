package dev.guanxi.crm.event;

/** Events of the competitor area. */
public non-sealed interface CompetitorEvent extends DomainEvent {}
