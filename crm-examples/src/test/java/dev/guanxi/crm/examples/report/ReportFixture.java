package dev.guanxi.crm.examples.report;

import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.classification.ScoringModels;
import dev.guanxi.crm.classification.ScoringRequest;
import dev.guanxi.crm.classification.StandardRules;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.ReferenceCodeType;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.Invoice;
import dev.guanxi.crm.sales.NewInvoice;
import dev.guanxi.crm.sales.NewOrder;
import dev.guanxi.crm.sales.NewPayment;
import dev.guanxi.crm.sales.Order;
import dev.guanxi.crm.sales.OrderLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Test data for the report: customers with names in Chinese and English (and one named {@code <b>&"x}), regions,
 * owners, purchases, invoices and payments (some late, some never paid), loaded through the SDK, then two scoring
 * runs (half a year apart, so that the lifecycle log has moves). Either synthetic customers or the bundled CDNOW
 * purchase history.
 */
final class ReportFixture {
    static final Instant NOW = Instant.parse("1998-07-01T00:00:00Z");
    static final LocalDate AS_OF = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
    static final LocalDate FIRST_RUN = LocalDate.of(1998, 1, 1);
    static final Currency USD = Currency.getInstance("USD");
    static final String TRICKY_NAME = "<b>&\"x";

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强"};
    private static final String[] FIRST = {"Emma", "Liam", "Olivia", "Noah", "Ava", "Lucas"};
    private static final String[] LAST = {"Smith", "Brown", "García", "Müller", "Rossi", "Nakamura"};
    private static final String[][] REGIONS = {
        {"CN-EAST", "华东 East China"}, {"CN-NORTH", "华北 North China"}, {"US-WEST", "US West"}, {"EU", "Europe & <UK>"}
    };
    private static final StaffId[] OWNERS = {
        StaffId.of("li.na"), StaffId.of("wang.fang"), StaffId.of("j.smith"), StaffId.of("m.garcia")
    };

    /** One purchase: customer number, day, amount. */
    record Purchase(int customer, LocalDate date, BigDecimal amount) {}

    private ReportFixture() {}

    /**
     * Synthetic purchases: customer k buys a geometric number of times between 1997-01-01 and 1998-06-30, with a
     * heavy-tailed basket value; about one customer in six stops buying after 1997.
     */
    static List<Purchase> synthetic(int customers, long seed) {
        Random random = new Random(seed);
        List<Purchase> rows = new ArrayList<>();
        for (int k = 1; k <= customers; k++) {
            int orders = 1 + (int) Math.floor(-Math.log(1 - random.nextDouble()) * 3);
            boolean stopped = random.nextInt(6) == 0;
            int span = stopped ? 364 : 545;
            double scale = Math.exp(random.nextGaussian() * 0.9) * 30;
            if (k == 1) { // the customer named <b>&"x: a big, frequent buyer who stopped in 1997, to be won back
                orders = 12;
                span = 300;
                scale = 400;
            }
            for (int o = 0; o < orders; o++) {
                LocalDate day = LocalDate.of(1997, 1, 1).plusDays(random.nextInt(span));
                BigDecimal amount = BigDecimal.valueOf(scale * (0.5 + random.nextDouble()))
                        .setScale(2, RoundingMode.HALF_UP)
                        .max(new BigDecimal("1.00"));
                rows.add(new Purchase(k, day, amount));
            }
        }
        return rows;
    }

    /**
     * Loads the purchases into the tenant (customer 1 is named {@code <b>&"x}) and runs the scoring twice.
     *
     * @return the number of customers registered
     */
    static int load(TenantCrm shop, List<Purchase> purchases, long seed) {
        Random random = new Random(seed);
        for (String[] r : REGIONS) {
            shop.referenceCodes().define(ReferenceCodeType.REGION, r[0], r[1]);
        }
        Map<Integer, CustomerId> ids = new TreeMap<>();
        for (Purchase p : purchases) {
            ids.putIfAbsent(p.customer(), null);
        }
        for (Map.Entry<Integer, CustomerId> e : ids.entrySet()) {
            int k = e.getKey();
            boolean chinese = random.nextInt(10) < 6;
            String name = k == 1
                    ? TRICKY_NAME
                    : chinese
                            ? SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
                            : FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
            String region = REGIONS[chinese ? random.nextInt(2) : 2 + random.nextInt(2)][0];
            e.setValue(shop.customers()
                    .register(CustomerDraft.person(name)
                            .externalId(String.format(Locale.ROOT, "C-%05d", k))
                            .region(region)
                            .owner(OWNERS[random.nextInt(OWNERS.length)])
                            .build())
                    .id());
        }
        int no = 0;
        for (Purchase p : purchases) {
            no++;
            CustomerId customer = ids.get(p.customer());
            Order order = shop.sales()
                    .recordPurchase(NewOrder.builder(customer, p.date())
                            .orderNumber(String.format(Locale.ROOT, "SO-%06d", no))
                            .line(OrderLine.of("CD", 1, Money.of(p.amount(), USD)))
                            .build());
            if (!order.total().isPositive()) {
                continue;
            }
            Invoice invoice = shop.sales()
                    .issueInvoice(
                            NewInvoice.builder(customer, String.format(Locale.ROOT, "INV-%06d", no), order.total())
                                    .forOrder(order.id())
                                    .issuedOn(p.date())
                                    .dueOn(p.date().plusDays(30))
                                    .build());
            int roll = random.nextInt(100);
            if (roll >= 95) {
                continue; // never paid
            }
            LocalDate paidOn = p.date().plusDays(roll < 85 ? random.nextInt(26) : 35 + random.nextInt(60));
            if (!paidOn.isAfter(AS_OF)) {
                shop.sales()
                        .recordPayment(NewPayment.builder(customer, invoice.amount(), paidOn)
                                .forInvoice(invoice.id())
                                .build());
            }
        }
        score(shop, FIRST_RUN);
        score(shop, AS_OF);
        return ids.size();
    }

    /** One scoring run with every built-in rule and the BG/NBD + Gamma-Gamma models. */
    static void score(TenantCrm shop, LocalDate asOf) {
        shop.scoring()
                .run(ScoringRequest.of(asOf, USD)
                        .withScoring(StandardRules.all())
                        .withModels(ScoringModels.bgNbdGammaGamma()));
    }
}
