package dev.guanxi.crm.service;

/** Decides when a service case is due. STUB: to be completed by the service work. */
public interface SlaPolicy {
    /** @return the default policy */
    static SlaPolicy standard() {
        return new SlaPolicy() {};
    }
}
