package dev.guanxi.crm.examples;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.analytics.BgNbdModel;
import dev.guanxi.crm.analytics.CustomerLifetimeValue;
import dev.guanxi.crm.analytics.CustomerSummaries;
import dev.guanxi.crm.analytics.GammaGammaModel;
import dev.guanxi.crm.analytics.PeriodUnit;
import dev.guanxi.crm.analytics.TransactionLog;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.NewOrder;
import dev.guanxi.crm.sales.OrderLine;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;

/**
 * The README's analytics example: the CDNOW purchase history recorded in a CRM, then the customer-base models
 * fitted to the tenant's purchases and every customer scored. The code between the tags is the README block.
 */
public final class AnalyticsExample {
    private AnalyticsExample() {}

    /**
     * Runs the example.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        Crm crm = Crm.builder().clock(Clock.fixed(Demo.AS_OF, ZoneOffset.UTC)).build();
        TenantCrm shop = crm.tenant("cdnow");
        Map<Integer, CustomerId> ids = new HashMap<>();
        for (Demo.Purchase p : Demo.readPurchases()) {
            CustomerId id = ids.computeIfAbsent(
                    p.customer(),
                    k -> shop.customers()
                            .register(CustomerDraft.person("Customer " + k).build())
                            .id());
            shop.sales()
                    .recordPurchase(NewOrder.builder(id, p.date())
                            .line(OrderLine.of("CD", 1, Money.of(p.amount(), Currency.getInstance("USD"))))
                            .build());
        }
        // tag::analytics[]
        TransactionLog log = TransactionLog.fromPurchases(shop); // streams the tenant's purchases, no domain objects
        CustomerSummaries summaries = CustomerSummaries.fromLog(log, LocalDate.of(1997, 9, 30), PeriodUnit.WEEKS);

        BgNbdModel purchases = BgNbdModel.fit(summaries).requireConverged();
        GammaGammaModel spend = GammaGammaModel.fit(summaries.frequencies(), summaries.monetaryValues())
                .requireConverged();
        CustomerLifetimeValue clv = CustomerLifetimeValue.of(purchases, spend, PeriodUnit.WEEKS, 12, 0.01);

        System.out.printf(
                "BG/NBD r=%.3f alpha=%.3f a=%.3f b=%.3f%n", // 0.243 4.414 0.793 2.426 (Fader et al. 2005)
                purchases.r(), purchases.alpha(), purchases.a(), purchases.b());
        for (int i = 0; i < 3; i++) {
            double x = summaries.frequency(i);
            double tx = summaries.recency(i);
            double age = summaries.age(i);
            System.out.printf(
                    "P(alive) %.3f, purchases in the next 39 weeks %.2f, 12-month CLV USD %.2f%n",
                    purchases.probabilityAlive(x, tx, age),
                    purchases.conditionalExpectedPurchases(39, x, tx, age),
                    clv.value(x, tx, age, summaries.monetaryValue(i)));
        }
        // end::analytics[]
    }
}
