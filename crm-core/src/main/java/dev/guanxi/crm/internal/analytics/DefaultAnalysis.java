package dev.guanxi.crm.internal.analytics;

import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.analytics.Analysis;
import dev.guanxi.crm.analytics.SalesStatistics;
import dev.guanxi.crm.analytics.StatisticsRequest;
import dev.guanxi.crm.analytics.StatisticsTable;
import dev.guanxi.crm.internal.CrmContext;
import java.util.Objects;

/** Streams a tenant's repositories into the analytics accumulators. Thread-safe (holds no mutable state). */
public final class DefaultAnalysis implements Analysis {
    private final CrmContext context;
    private final TenantId tenant;

    /**
     * @param context the CRM's context
     * @param tenant the tenant
     */
    public DefaultAnalysis(CrmContext context, TenantId tenant) {
        this.context = context;
        this.tenant = tenant;
    }

    @Override
    public StatisticsTable statistics(StatisticsRequest request) {
        Objects.requireNonNull(request, "request");
        return context.read(tenant, uow -> {
            SalesStatistics stats = SalesStatistics.of(request);
            uow.customers().scan(stats::add);
            uow.orders().scan(stats::add);
            uow.invoices().scan(stats::add);
            uow.payments().scan(stats::add);
            uow.serviceCases().scan(stats::add);
            uow.campaignResponses().scan(stats::add);
            return stats.table();
        });
    }
}
