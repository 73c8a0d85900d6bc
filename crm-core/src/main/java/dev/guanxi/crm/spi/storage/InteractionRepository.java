package dev.guanxi.crm.spi.storage;

/** Stores the tenant's Interaction records. STUB: to be completed by the interaction work. */
public interface InteractionRepository {}
