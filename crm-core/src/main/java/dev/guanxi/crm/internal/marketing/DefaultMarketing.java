package dev.guanxi.crm.internal.marketing;

import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.internal.CrmContext;
import dev.guanxi.crm.marketing.Marketing;

/** Default {@link Marketing}. STUB: to be completed by the marketing work. */
public final class DefaultMarketing implements Marketing {
    private final CrmContext context;
    private final TenantId tenant;

    /**
     * @param context the CRM's configuration and storage
     * @param tenant the tenant this API works in
     */
    public DefaultMarketing(CrmContext context, TenantId tenant) {
        this.context = context;
        this.tenant = tenant;
    }
}
