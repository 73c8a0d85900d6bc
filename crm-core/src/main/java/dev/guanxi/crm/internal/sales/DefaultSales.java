package dev.guanxi.crm.internal.sales;

import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.internal.CrmContext;
import dev.guanxi.crm.sales.Sales;

/** Default {@link Sales}. STUB: to be completed by the sales work. */
public final class DefaultSales implements Sales {
    private final CrmContext context;
    private final TenantId tenant;

    /**
     * @param context the CRM's configuration and storage
     * @param tenant the tenant this API works in
     */
    public DefaultSales(CrmContext context, TenantId tenant) {
        this.context = context;
        this.tenant = tenant;
    }
}
