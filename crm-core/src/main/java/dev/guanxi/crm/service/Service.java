package dev.guanxi.crm.service;

/** The Service API of one tenant. STUB: to be completed by the service work. */
public interface Service {}
