package dev.guanxi.crm.internal.customer;

import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.customer.ReferenceCodes;
import dev.guanxi.crm.internal.CrmContext;

/** Default {@link ReferenceCodes}. STUB: to be completed by the customer work. */
public final class DefaultReferenceCodes implements ReferenceCodes {
    private final CrmContext context;
    private final TenantId tenant;

    /**
     * @param context the CRM's configuration and storage
     * @param tenant the tenant this API works in
     */
    public DefaultReferenceCodes(CrmContext context, TenantId tenant) {
        this.context = context;
        this.tenant = tenant;
    }
}
