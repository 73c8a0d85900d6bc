package dev.guanxi.crm.event;

/** Events of the service area. */
public non-sealed interface ServiceEvent extends DomainEvent {}
