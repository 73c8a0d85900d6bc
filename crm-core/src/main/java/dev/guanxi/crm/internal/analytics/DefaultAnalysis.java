package dev.guanxi.crm.internal.analytics;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.analytics.AcquisitionFunnels;
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
import dev.guanxi.crm.marketing.AidaStage;
import dev.guanxi.crm.marketing.Campaign;
import dev.guanxi.crm.marketing.CampaignFunnel;
import dev.guanxi.crm.marketing.CampaignId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.Order;
import dev.guanxi.crm.sales.OrderLine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    @Override
    public AcquisitionFunnels acquisitionFunnels() {
        return context.read(tenant, uow -> {
            Map<CampaignId, Campaign> campaigns = new HashMap<>();
            uow.campaigns().scan(c -> campaigns.put(c.id(), c));
            Map<CampaignId, Map<AidaStage, Long>> furthest = new HashMap<>();
            uow.campaignResponses()
                    .scan(r -> furthest.computeIfAbsent(r.campaignId(), k -> new EnumMap<>(AidaStage.class))
                            .merge(r.stage(), 1L, Long::sum));
            List<Campaign> ordered = new ArrayList<>(campaigns.values());
            ordered.sort(Comparator.comparing(Campaign::code));
            Map<CampaignId, CampaignFunnel> byCampaign = new LinkedHashMap<>();
            Map<Channel, Map<AidaStage, Long>> byChannel = new EnumMap<>(Channel.class);
            for (Campaign c : ordered) {
                CampaignFunnel funnel = CampaignFunnel.of(c, furthest.getOrDefault(c.id(), Map.of()));
                byCampaign.put(c.id(), funnel);
                Map<AidaStage, Long> sum = byChannel.computeIfAbsent(c.channel(), k -> new EnumMap<>(AidaStage.class));
                for (AidaStage stage : AidaStage.values()) {
                    sum.merge(stage, funnel.reached(stage), Long::sum);
                }
            }
            return new AcquisitionFunnels(byCampaign, byChannel);
        });
    }
}
