package dev.guanxi.crm.spi.storage;

/** Stores the tenant's Opportunity records. STUB: to be completed by the sales work. */
public interface OpportunityRepository {}
