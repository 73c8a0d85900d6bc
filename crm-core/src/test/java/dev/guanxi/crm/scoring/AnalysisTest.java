package dev.guanxi.crm.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.analytics.StatisticsDimension;
import dev.guanxi.crm.analytics.StatisticsMeasure;
import dev.guanxi.crm.analytics.StatisticsPeriod;
import dev.guanxi.crm.analytics.StatisticsRequest;
import dev.guanxi.crm.analytics.StatisticsRow;
import dev.guanxi.crm.analytics.StatisticsTable;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.ReferenceCodeType;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.NewOrder;
import dev.guanxi.crm.sales.Order;
import dev.guanxi.crm.sales.OrderLine;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Analysis over a tenant's stored data: statistics, basket rules, acquisition funnels")
class AnalysisTest {
    static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

    @Test
    @DisplayName("groups the stored orders by region and month in one pass, cancelled orders left out, no other tenant")
    void byRegionAndMonth() {
        Crm crm = Crm.builder()
                .clock(Clock.fixed(Instant.parse("2026-06-30T12:00:00Z"), ZoneOffset.UTC))
                .build();
        TenantCrm acme = crm.tenant("acme");
        acme.referenceCodes().define(ReferenceCodeType.REGION, "EAST", "East");
        acme.referenceCodes().define(ReferenceCodeType.REGION, "WEST", "West");
        CustomerId east = acme.customers()
                .register(CustomerDraft.person("E").region("EAST").build())
                .id();
        CustomerId west = acme.customers()
                .register(CustomerDraft.person("W").region("WEST").build())
                .id();
        buy(acme, east, LocalDate.of(2026, 5, 3), "10.00");
        buy(acme, east, LocalDate.of(2026, 6, 3), "20.00");
        Order cancelled = buy(acme, east, LocalDate.of(2026, 6, 4), "999.00");
        acme.sales().cancelOrder(cancelled.id(), cancelled.version());
        buy(acme, west, LocalDate.of(2026, 6, 5), "5.50");
        TenantCrm other = crm.tenant("other");
        CustomerId stranger =
                other.customers().register(CustomerDraft.person("S").build()).id();
        buy(other, stranger, LocalDate.of(2026, 6, 5), "123.00");

        StatisticsTable table = acme.analysis()
                .statistics(StatisticsRequest.builder()
                        .groupBy(StatisticsDimension.REGION, StatisticsDimension.PERIOD)
                        .period(StatisticsPeriod.MONTH)
                        .asOf(TODAY)
                        .currency(Currency.getInstance("USD"))
                        .build());

        List<StatisticsRow> rows = table.rows();
        assertThat(rows)
                .extracting(StatisticsRow::key)
                .containsExactly(List.of("EAST", "2026-05"), List.of("EAST", "2026-06"), List.of("WEST", "2026-06"));
        assertThat(rows)
                .extracting(r -> r.value(StatisticsMeasure.SALES))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("10.00"), new BigDecimal("20.00"), new BigDecimal("5.50"));
        BigDecimal total = table.total().value(StatisticsMeasure.SALES);
        assertThat(total).isEqualByComparingTo("35.50");
        assertThat(table.total().value(StatisticsMeasure.ORDERS)).isEqualByComparingTo("3");
    }

    @Test
    @DisplayName("mines rules from the stored order lines and recommends what a customer has not bought yet")
    void basketRulesAndRecommendations() {
        Crm crm = Crm.builder()
                .clock(Clock.fixed(Instant.parse("2026-06-30T12:00:00Z"), ZoneOffset.UTC))
                .build();
        TenantCrm acme = crm.tenant("acme");
        CustomerId a =
                acme.customers().register(CustomerDraft.person("A").build()).id();
        CustomerId b =
                acme.customers().register(CustomerDraft.person("B").build()).id();
        // 4 baskets: {beer, diapers} x3, {beer} x1; a cancelled {beer, chips} order is not a basket
        for (int k = 0; k < 3; k++) {
            order(acme, a, "beer", "diapers");
        }
        Order cancelled = order(acme, a, "beer", "chips");
        acme.sales().cancelOrder(cancelled.id(), cancelled.version());
        order(acme, b, "beer");

        dev.guanxi.crm.analytics.AssociationRules rules = acme.analysis()
                .associationRules(
                        dev.guanxi.crm.analytics.AssociationOptions.defaults().withMinSupport(0.5));

        // beer -> diapers: support 3/4, confidence 3/4, lift (3/4) / (3/4) = 1
        assertThat(rules.basketCount()).isEqualTo(4);
        assertThat(rules.rules()).anySatisfy(r -> {
            assertThat(r.antecedent()).containsExactly("beer");
            assertThat(r.consequent()).containsExactly("diapers");
            assertThat(r.confidence()).isEqualTo(0.75);
        });
        assertThat(rules.itemsets()).noneSatisfy(i -> assertThat(i.items()).contains("chips"));
        List<dev.guanxi.crm.analytics.Recommendation> forB = acme.analysis().recommendations(b, rules, 5);
        assertThat(forB)
                .extracting(dev.guanxi.crm.analytics.Recommendation::productCode)
                .containsExactly("diapers");
        assertThat(acme.analysis().recommendations(a, rules, 5)).isEmpty();
    }

    @Test
    @DisplayName("the acquisition funnel sums the campaigns' AIDA funnels per channel with conversion rates")
    void acquisitionFunnels() {
        Crm crm = Crm.builder()
                .clock(Clock.fixed(Instant.parse("2026-06-30T12:00:00Z"), ZoneOffset.UTC))
                .build();
        TenantCrm acme = crm.tenant("acme");
        dev.guanxi.crm.marketing.Campaign mail = campaign(acme, "MAIL-1", dev.guanxi.crm.Channel.EMAIL);
        dev.guanxi.crm.marketing.Campaign mail2 = campaign(acme, "MAIL-2", dev.guanxi.crm.Channel.EMAIL);
        dev.guanxi.crm.marketing.Campaign call = campaign(acme, "CALL-1", dev.guanxi.crm.Channel.PHONE);
        dev.guanxi.crm.marketing.AidaStage[] stages = {
            dev.guanxi.crm.marketing.AidaStage.AWARENESS,
            dev.guanxi.crm.marketing.AidaStage.INTEREST,
            dev.guanxi.crm.marketing.AidaStage.ACTION,
            dev.guanxi.crm.marketing.AidaStage.AWARENESS
        };
        // MAIL-1: 4 responses (furthest AWARENESS, INTEREST, ACTION, AWARENESS); MAIL-2: 1 ACTION; CALL-1: 1 INTEREST
        for (int k = 0; k < stages.length; k++) {
            respond(acme, mail, stages[k]);
        }
        respond(acme, mail2, dev.guanxi.crm.marketing.AidaStage.ACTION);
        respond(acme, call, dev.guanxi.crm.marketing.AidaStage.INTEREST);

        dev.guanxi.crm.analytics.AcquisitionFunnels funnels = acme.analysis().acquisitionFunnels();

        assertThat(funnels.byCampaign().keySet()).containsExactly(call.id(), mail.id(), mail2.id()); // by code
        assertThat(funnels.byCampaign().get(mail.id()).reached(dev.guanxi.crm.marketing.AidaStage.INTEREST))
                .isEqualTo(2);
        // EMAIL: reached AWARENESS 5, INTEREST 3, DESIRE 2, ACTION 2 -> interest -> action 2/3
        java.util.Map<dev.guanxi.crm.marketing.AidaStage, Long> email =
                funnels.byChannel().get(dev.guanxi.crm.Channel.EMAIL);
        assertThat(email.get(dev.guanxi.crm.marketing.AidaStage.AWARENESS)).isEqualTo(5);
        assertThat(email.get(dev.guanxi.crm.marketing.AidaStage.INTEREST)).isEqualTo(3);
        assertThat(email.get(dev.guanxi.crm.marketing.AidaStage.ACTION)).isEqualTo(2);
        assertThat(funnels.conversionRate(
                        dev.guanxi.crm.Channel.EMAIL,
                        dev.guanxi.crm.marketing.AidaStage.INTEREST,
                        dev.guanxi.crm.marketing.AidaStage.ACTION))
                .contains(new BigDecimal("0.6667"));
        assertThat(funnels.conversionRate(
                        dev.guanxi.crm.Channel.SMS,
                        dev.guanxi.crm.marketing.AidaStage.AWARENESS,
                        dev.guanxi.crm.marketing.AidaStage.ACTION))
                .isEmpty();
    }

    private static dev.guanxi.crm.marketing.Campaign campaign(
            TenantCrm tenant, String code, dev.guanxi.crm.Channel channel) {
        dev.guanxi.crm.marketing.Campaign c = tenant.marketing()
                .planCampaign(dev.guanxi.crm.marketing.NewCampaign.builder(code, code)
                        .channel(channel)
                        .period(TODAY.minusDays(10), TODAY.plusDays(20))
                        .budget("100.00", "USD")
                        .build());
        return tenant.marketing().launch(c.id(), 1);
    }

    private static void respond(
            TenantCrm tenant, dev.guanxi.crm.marketing.Campaign campaign, dev.guanxi.crm.marketing.AidaStage stage) {
        CustomerId who =
                tenant.customers().register(CustomerDraft.person("R").build()).id();
        tenant.marketing()
                .recordResponse(dev.guanxi.crm.marketing.NewCampaignResponse.builder(campaign.id(), who, stage)
                        .build());
    }

    private static Order order(TenantCrm tenant, CustomerId who, String... products) {
        NewOrder.Builder o = NewOrder.builder(who, TODAY.minusDays(3));
        for (String p : products) {
            o.line(OrderLine.of(p, 1, Money.of("1.00", "USD")));
        }
        return tenant.sales().recordPurchase(o.build());
    }

    private static Order buy(TenantCrm tenant, CustomerId who, LocalDate day, String amount) {
        return tenant.sales()
                .recordPurchase(NewOrder.builder(who, day)
                        .line(OrderLine.of("SKU", 1, Money.of(amount, "USD")))
                        .build());
    }
}
