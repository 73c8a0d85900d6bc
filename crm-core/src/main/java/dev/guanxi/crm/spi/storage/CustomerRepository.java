package dev.guanxi.crm.spi.storage;

/** Stores the tenant's Customer records. STUB: to be completed by the customer work. */
public interface CustomerRepository {}
