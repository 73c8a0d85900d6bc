package dev.guanxi.crm.spi.storage;

/** Stores the tenant's ReferenceCode records. STUB: to be completed by the customer work. */
public interface ReferenceCodeRepository {}
