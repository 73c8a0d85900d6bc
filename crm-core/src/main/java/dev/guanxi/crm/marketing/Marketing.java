package dev.guanxi.crm.marketing;

/** The Marketing API of one tenant. STUB: to be completed by the marketing work. */
public interface Marketing {}
