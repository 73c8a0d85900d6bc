package dev.guanxi.crm.spi.storage;

/** Stores the tenant's CampaignResponse records. STUB: to be completed by the marketing work. */
public interface CampaignResponseRepository {}
