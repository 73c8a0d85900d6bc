package dev.guanxi.crm.event;

/** Events of the customer area. */
public non-sealed interface CustomerEvent extends DomainEvent {}
