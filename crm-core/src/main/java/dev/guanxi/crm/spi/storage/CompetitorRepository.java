package dev.guanxi.crm.spi.storage;

/** Stores the tenant's Competitor records. STUB: to be completed by the competitor work. */
public interface CompetitorRepository {}
