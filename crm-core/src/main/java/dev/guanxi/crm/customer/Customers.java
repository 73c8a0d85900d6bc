package dev.guanxi.crm.customer;

/** The Customers API of one tenant. STUB: to be completed by the customer work. */
public interface Customers {}
