package dev.guanxi.crm.spi.storage;

/** Stores the tenant's ServiceCase records. STUB: to be completed by the service work. */
public interface ServiceCaseRepository {}
