package dev.guanxi.crm.event;

/** Events of the interaction area. */
public non-sealed interface InteractionEvent extends DomainEvent {}
