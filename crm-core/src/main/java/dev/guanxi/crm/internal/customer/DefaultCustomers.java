package dev.guanxi.crm.internal.customer;

import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.customer.Customers;
import dev.guanxi.crm.internal.CrmContext;

/** Default {@link Customers}. STUB: to be completed by the customer work. */
public final class DefaultCustomers implements Customers {
    private final CrmContext context;
    private final TenantId tenant;

    /**
     * @param context the CRM's configuration and storage
     * @param tenant the tenant this API works in
     */
    public DefaultCustomers(CrmContext context, TenantId tenant) {
        this.context = context;
        this.tenant = tenant;
    }
}
