package dev.guanxi.crm.interaction;

/** The Interactions API of one tenant. STUB: to be completed by the interaction work. */
public interface Interactions {}
