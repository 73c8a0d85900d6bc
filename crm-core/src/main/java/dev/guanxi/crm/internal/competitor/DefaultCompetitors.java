package dev.guanxi.crm.internal.competitor;

import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.competitor.Competitors;
import dev.guanxi.crm.internal.CrmContext;

/** Default {@link Competitors}. STUB: to be completed by the competitor work. */
public final class DefaultCompetitors implements Competitors {
    private final CrmContext context;
    private final TenantId tenant;

    /**
     * @param context the CRM's configuration and storage
     * @param tenant the tenant this API works in
     */
    public DefaultCompetitors(CrmContext context, TenantId tenant) {
        this.context = context;
        this.tenant = tenant;
    }
}
