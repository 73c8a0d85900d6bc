package dev.guanxi.crm.spi.storage;

/** Stores the tenant's SurveyResponse records. STUB: to be completed by the service work. */
public interface SurveyResponseRepository {}
