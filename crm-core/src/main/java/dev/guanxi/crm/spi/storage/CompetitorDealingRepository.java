package dev.guanxi.crm.spi.storage;

/** Stores the tenant's CompetitorDealing records. STUB: to be completed by the competitor work. */
public interface CompetitorDealingRepository {}
