package dev.guanxi.crm.internal.analytics;

import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.analytics.Analysis;
import dev.guanxi.crm.analytics.AssociationOptions;
import dev.guanxi.crm.analytics.AssociationRules;
import dev.guanxi.crm.analytics.Baskets;
import dev.guanxi.crm.analytics.Recommendation;
import dev.guanxi.crm.analytics.SalesStatistics;
import dev.guanxi.crm.analytics.StatisticsRequest;
import dev.guanxi.crm.analytics.StatisticsTable;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.NoSuchCustomerException;
import dev.guanxi.crm.internal.CrmContext;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.Order;
import dev.guanxi.crm.sales.OrderLine;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

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

    @Override
    public AssociationRules associationRules(AssociationOptions options) {
        Objects.requireNonNull(options, "options");
        Baskets baskets = context.read(tenant, uow -> {
            Baskets b = new Baskets();
            uow.orders().scan(order -> {
                if (order.isPlaced()) {
                    for (OrderLine line : order.lines()) {
                        b.add(order.id(), line.productCode());
                    }
                }
            });
            return b;
        });
        return AssociationRules.mine(baskets, options);
    }

    @Override
    public List<Recommendation> recommendations(CustomerId customerId, AssociationRules rules, int limit) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(rules, "rules");
        Set<String> bought = context.read(tenant, uow -> {
            if (uow.customers().find(customerId).isEmpty()) {
                throw new NoSuchCustomerException(customerId);
            }
            Set<String> products = new TreeSet<>();
            PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
            while (true) {
                Page<Order> orders = uow.orders().listByCustomer(customerId, page);
                for (Order order : orders.items()) {
                    if (order.isPlaced()) {
                        order.lines().forEach(line -> products.add(line.productCode()));
                    }
                }
                if (!orders.hasMore()) {
                    return products;
                }
                page = new PageRequest(page.offset() + page.limit(), page.limit());
            }
        });
        return rules.recommend(bought, limit);
    }
}
