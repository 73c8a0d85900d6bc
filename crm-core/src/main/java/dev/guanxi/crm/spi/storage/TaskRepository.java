package dev.guanxi.crm.spi.storage;

/** Stores the tenant's Task records. STUB: to be completed by the interaction work. */
public interface TaskRepository {}
