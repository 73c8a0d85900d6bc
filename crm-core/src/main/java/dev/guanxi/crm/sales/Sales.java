package dev.guanxi.crm.sales;

/** The Sales API of one tenant. STUB: to be completed by the sales work. */
public interface Sales {}
