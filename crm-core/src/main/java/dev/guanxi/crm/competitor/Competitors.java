package dev.guanxi.crm.competitor;

/** The Competitors API of one tenant. STUB: to be completed by the competitor work. */
public interface Competitors {}
