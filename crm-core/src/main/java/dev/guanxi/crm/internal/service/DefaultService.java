package dev.guanxi.crm.internal.service;

import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.internal.CrmContext;
import dev.guanxi.crm.service.Service;

/** Default {@link Service}. STUB: to be completed by the service work. */
public final class DefaultService implements Service {
    private final CrmContext context;
    private final TenantId tenant;

    /**
     * @param context the CRM's configuration and storage
     * @param tenant the tenant this API works in
     */
    public DefaultService(CrmContext context, TenantId tenant) {
        this.context = context;
        this.tenant = tenant;
    }
}
