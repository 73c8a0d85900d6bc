package dev.guanxi.crm.customer;

/** The ReferenceCodes API of one tenant. STUB: to be completed by the customer work. */
public interface ReferenceCodes {}
