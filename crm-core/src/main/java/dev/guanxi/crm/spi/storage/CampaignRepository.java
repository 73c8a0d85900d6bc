package dev.guanxi.crm.spi.storage;

/** Stores the tenant's Campaign records. STUB: to be completed by the marketing work. */
public interface CampaignRepository {}
