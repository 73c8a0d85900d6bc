package dev.guanxi.crm.test;

import static dev.guanxi.crm.test.Fixtures.aCampaign;
import static dev.guanxi.crm.test.Fixtures.aCustomer;
import static dev.guanxi.crm.test.Fixtures.aServiceCase;
import static dev.guanxi.crm.test.Fixtures.anInteraction;
import static dev.guanxi.crm.test.Fixtures.anInvoice;
import static dev.guanxi.crm.test.Fixtures.anOrder;
import static dev.guanxi.crm.test.Fixtures.anOrganisation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.customer.ContactPoint;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerQuery;
import dev.guanxi.crm.customer.PartyKind;
import dev.guanxi.crm.interaction.Interaction;
import dev.guanxi.crm.marketing.Campaign;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.Invoice;
import dev.guanxi.crm.sales.Order;
import dev.guanxi.crm.service.ServiceCase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(CrmExtension.class)
@DisplayName("Fixtures")
class FixturesTest {
    private static String email(Customer c) {
        return c.contactPoints().stream().map(ContactPoint::value).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("aCustomer() registers as a person with a name and an e-mail address")
    void aCustomerRegisters(TenantCrm crm) {
        Customer c = crm.customers().register(aCustomer().tag("vip").build());

        assertThat(c.kind()).isEqualTo(PartyKind.PERSON);
        assertThat(c.displayName()).startsWith("Test Person ");
        assertThat(email(c)).endsWith("@example.com");
        assertThat(c.tags()).containsExactly("vip");
        assertThat(crm.customers().get(c.id())).isEqualTo(c);
    }

    @Test
    @DisplayName("anOrganisation() registers as an organisation with a name and an e-mail address")
    void anOrganisationRegisters(TenantCrm crm) {
        Customer c = crm.customers().register(anOrganisation().build());

        assertThat(c.kind()).isEqualTo(PartyKind.ORGANISATION);
        assertThat(c.displayName()).startsWith("Test Organisation ");
        assertThat(email(c)).endsWith("@example.com");
    }

    @Test
    @DisplayName("every customer fixture has a name and an e-mail address of its own, so many register side by side")
    void customersAreDistinct(TenantCrm crm) {
        List<CustomerDraft> drafts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            drafts.add(aCustomer().build());
            drafts.add(anOrganisation().build());
        }

        List<Customer> stored = drafts.stream().map(crm.customers()::register).toList();

        assertThat(stored).extracting(Customer::displayName).doesNotHaveDuplicates();
        assertThat(stored).extracting(FixturesTest::email).doesNotHaveDuplicates();
        assertThat(crm.customers().count(CustomerQuery.all())).isEqualTo(40);
    }

    @Test
    @DisplayName("register(crm) stores a new customer")
    void registerStores(TenantCrm crm) {
        Customer first = Fixtures.register(crm);
        Customer second = Fixtures.register(crm);

        assertThat(crm.customers().get(first.id())).isEqualTo(first);
        assertThat(second.displayName()).isNotEqualTo(first.displayName());
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.createdAt()).isEqualTo(CrmExtension.START);
    }

    @Test
    @DisplayName("anOrder(customer) records a purchase of one line on Fixtures.DAY, not in the future")
    void anOrderRecords(TenantCrm crm) {
        Customer c = Fixtures.register(crm);

        Order order = crm.sales().recordPurchase(anOrder(c.id()).build());
        Order numbered = crm.sales()
                .recordPurchase(anOrder(c.id(), LocalDate.of(2025, 12, 24))
                        .orderNumber("ERP-77")
                        .build());

        assertThat(order.orderDate()).isEqualTo(Fixtures.DAY).isBefore(LocalDate.of(2026, 1, 15));
        assertThat(order.lines()).hasSize(1);
        assertThat(order.total()).isEqualTo(Money.of("19.98", "EUR"));
        assertThat(numbered.orderNumber()).isEqualTo("ERP-77");
    }

    @Test
    @DisplayName("anInvoice(customer) issues invoices with numbers of their own")
    void anInvoiceIssues(TenantCrm crm) {
        Customer c = Fixtures.register(crm);

        Invoice first = crm.sales().issueInvoice(anInvoice(c.id()).build());
        Invoice second = crm.sales().issueInvoice(anInvoice(c.id()).build());

        assertThat(first.invoiceNumber()).isNotEqualTo(second.invoiceNumber());
        assertThat(first.issueDate()).isEqualTo(Fixtures.DAY);
        assertThat(first.dueDate()).isAfter(first.issueDate());
        assertThat(first.amount()).isEqualTo(Money.of("100.00", "EUR"));
    }

    @Test
    @DisplayName("anInteraction(customer) logs an interaction that happened now by the CRM's clock")
    void anInteractionLogs(TenantCrm crm) {
        Customer c = Fixtures.register(crm);

        Interaction logged = crm.interactions()
                .log(anInteraction(c.id()).notes("Asked for a discount").build());

        assertThat(logged.customerId()).isEqualTo(c.id());
        assertThat(logged.occurredAt()).isEqualTo(CrmExtension.START);
        assertThat(crm.interactions().find(logged.id())).contains(logged);
    }

    @Test
    @DisplayName("aServiceCase(customer) opens a case now by the CRM's clock")
    void aServiceCaseOpens(TenantCrm crm) {
        Customer c = Fixtures.register(crm);

        ServiceCase opened = crm.service().openCase(aServiceCase(c.id()).build());

        assertThat(opened.customerId()).isEqualTo(c.id());
        assertThat(opened.openedAt()).isEqualTo(CrmExtension.START);
    }

    @Test
    @DisplayName("aCampaign() plans campaigns with codes of their own")
    void aCampaignPlans(TenantCrm crm) {
        Campaign first = crm.marketing().planCampaign(aCampaign().build());
        Campaign second = crm.marketing().planCampaign(aCampaign().build());

        assertThat(first.code()).isNotEqualTo(second.code());
        assertThat(first.startDate()).isEqualTo(Fixtures.DAY);
        assertThat(first.endDate()).isAfter(first.startDate());
    }
}
