package dev.guanxi.crm.internal.interaction;

import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.interaction.Interactions;
import dev.guanxi.crm.internal.CrmContext;

/** Default {@link Interactions}. STUB: to be completed by the interaction work. */
public final class DefaultInteractions implements Interactions {
    private final CrmContext context;
    private final TenantId tenant;

    /**
     * @param context the CRM's configuration and storage
     * @param tenant the tenant this API works in
     */
    public DefaultInteractions(CrmContext context, TenantId tenant) {
        this.context = context;
        this.tenant = tenant;
    }
}
