package dev.guanxi.crm.examples;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.classification.Classification;
import dev.guanxi.crm.classification.ClassificationContext;
import dev.guanxi.crm.classification.ClassificationRule;
import dev.guanxi.crm.classification.Classifications;
import dev.guanxi.crm.classification.CustomerBase;
import dev.guanxi.crm.classification.ScoringRequest;
import dev.guanxi.crm.classification.StandardRules;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.NewInvoice;
import dev.guanxi.crm.sales.NewOrder;
import dev.guanxi.crm.sales.OrderLine;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;

/** The customer-value example of README.md, verbatim between the tags; a test runs it. */
public final class CustomerValueExample {
    private CustomerValueExample() {}

    /**
     * A vendor's own rule, composed with the built-in ones: flags customers who bought more than 1,000.00 in
     * the value period as "bulk" buyers, and explains why.
     */
    static final class BulkBuyerRule implements ClassificationRule {
        @Override
        public String name() {
            return "bulk";
        }

        @Override
        public Classifications classify(CustomerBase base, ClassificationContext context) {
            String[] labels = new String[base.size()];
            for (int i = 0; i < base.size(); i++) {
                labels[i] = base.sales(i) > 100_000 ? "BULK" : "REGULAR";
            }
            return Classifications.builder(name(), base)
                    .labels(labels)
                    .explainer(new Classifications.Explainer() {
                        @Override
                        public List<dev.guanxi.crm.classification.Contribution> contributions(int i) {
                            return List.of();
                        }

                        @Override
                        public String reason(int i) {
                            return labels[i] + ": bought " + Money.ofMinor(base.sales(i), base.currency());
                        }
                    })
                    .build();
        }
    }

    /**
     * Runs the example.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        Crm crm = Crm.builder()
                .clock(Clock.fixed(Instant.parse("2026-06-30T18:00:00Z"), ZoneOffset.UTC))
                .build();
        TenantCrm shop = crm.tenant("tea-shop");
        LocalDate today = LocalDate.of(2026, 6, 30);
        CustomerId[] customers = new CustomerId[4];
        String[] names = {"龙井茶业", "Li Na", "Wang Fang", "Chen Jie"};
        String[] spent = {"5200.00", "1400.00", "300.00", "100.00"};
        for (int k = 0; k < customers.length; k++) {
            customers[k] = shop.customers()
                    .register(CustomerDraft.person(names[k]).build())
                    .id();
            shop.sales()
                    .recordPurchase(NewOrder.builder(customers[k], today.minusDays(10 + k))
                            .line(OrderLine.of("TEA", 1, Money.of(spent[k], "CNY")))
                            .build());
        }
        shop.sales()
                .issueInvoice(NewInvoice.builder(customers[1], "INV-7", Money.of("1400.00", "CNY"))
                        .issuedOn(today.minusDays(75))
                        .dueOn(today.minusDays(45))
                        .build());
        // tag::value[]
        // The nightly scoring run: 80/20 grading, RFM, credit, loyalty and the selection matrix for every
        // customer, plus a vendor rule; one dated snapshot per customer, grade changes published as events.
        ScoringRequest request = ScoringRequest.of(today, Currency.getInstance("CNY"))
                .withScoring(
                        StandardRules.all().toBuilder().add(new BulkBuyerRule()).build());
        shop.scoring().run(request);

        // Every result explains itself: the snapshot keeps the label, the numbers and the reason per rule.
        for (CustomerId id : customers) {
            var snapshot = shop.scoring().snapshot(id).orElseThrow();
            System.out.println(snapshot.labels().get("abc") + " "
                    + snapshot.labels().get("credit") + " " + snapshot.labels().get("bulk") + " "
                    + snapshot.labels().get("abc.reason"));
        }
        // One customer on demand, with each input's contribution.
        Classification credit =
                shop.scoring().scoreCustomer(customers[1], request).get(2);
        System.out.println(credit.reason());
        // end::value[]
    }
}
