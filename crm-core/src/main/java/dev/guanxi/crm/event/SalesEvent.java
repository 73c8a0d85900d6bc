package dev.guanxi.crm.event;

/** Events of the sales area. */
public non-sealed interface SalesEvent extends DomainEvent {}
