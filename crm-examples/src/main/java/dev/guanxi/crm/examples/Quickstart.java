package dev.guanxi.crm.examples;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.Crm;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.customer.ContactPurpose;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerQuery;
import dev.guanxi.crm.customer.ReferenceCodeType;
import dev.guanxi.crm.interaction.Direction;
import dev.guanxi.crm.interaction.Interaction;
import dev.guanxi.crm.interaction.NewInteraction;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.NewOrder;
import dev.guanxi.crm.sales.Order;
import dev.guanxi.crm.sales.OrderLine;
import java.time.LocalDate;
import java.util.List;

/** The quickstart of README.md, verbatim between the tags; a test checks that both stay the same. */
public final class Quickstart {
    private Quickstart() {}

    /**
     * Runs the quickstart.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        // tag::quickstart[]
        Crm crm = Crm.builder().build(); // in-memory store and system clock; pass .storage(...) for a database
        TenantCrm acme = crm.tenant("acme"); // every call through `acme` sees only tenant acme's data

        acme.referenceCodes().define(ReferenceCodeType.REGION, "CN-EAST", "华东 East China");

        Customer zhang = acme.customers()
                .register(CustomerDraft.person("张伟")
                        .legalName("Zhang Wei")
                        .email("zhang.wei@example.com", ContactPurpose.WORK)
                        .phone("+86 21 5555 0100", ContactPurpose.WORK)
                        .region("CN-EAST")
                        .tag("vip")
                        .build());

        Order order = acme.sales()
                .recordPurchase(NewOrder.builder(zhang.id(), LocalDate.of(2026, 3, 2))
                        .line(OrderLine.of("TEA-LONGJING", 2, Money.of("128.00", "CNY")))
                        .line(OrderLine.of("CUP-CELADON", 1, Money.of("45.50", "CNY")))
                        .build());

        acme.interactions()
                .log(NewInteraction.builder(zhang.id(), Channel.PHONE, Direction.INBOUND, "Asked for gift boxes")
                        .notes("Wants 20 boxes of the spring tea for colleagues")
                        .build());

        List<Customer> vips = acme.customers()
                .query(CustomerQuery.all().withTag("vip").withRegion("CN-EAST"), PageRequest.first(20))
                .items();
        List<Interaction> history = acme.interactions()
                .listByCustomer(zhang.id(), PageRequest.first(10))
                .items();

        System.out.println(vips.get(0).displayName() + " bought " + order.total()); // 张伟 bought CNY 301.50
        System.out.println(history.size() + " interaction: " + history.get(0).subject());
        // end::quickstart[]
    }
}
