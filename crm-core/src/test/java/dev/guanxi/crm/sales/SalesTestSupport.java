package dev.guanxi.crm.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.event.DomainEvent;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.query.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;

/** A fresh CRM per test with a fixed clock, one customer in tenant "acme" and every event recorded. */
abstract class SalesTestSupport {
    static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 1, 15);
    static final PageRequest ALL = PageRequest.first(100);

    final List<DomainEvent> events = new CopyOnWriteArrayList<>();
    Crm crm;
    TenantCrm acme;
    Sales sales;
    CustomerId customer;

    @BeforeEach
    void setUpCrm() {
        Crm.Builder builder =
                Crm.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).listener(events::add);
        configure(builder);
        crm = builder.build();
        acme = crm.tenant("acme");
        sales = acme.sales();
        customer = newCustomer(acme, "张伟");
        events.clear();
    }

    /** Lets a test class add pipelines or listeners. */
    void configure(Crm.Builder builder) {}

    static CustomerId newCustomer(TenantCrm tenant, String name) {
        return tenant.customers().register(CustomerDraft.person(name).build()).id();
    }

    static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    Order purchase(CustomerId who, LocalDate date, String... unitPrices) {
        NewOrder.Builder b = NewOrder.builder(who, date);
        for (int i = 0; i < unitPrices.length; i++) {
            b.line(OrderLine.of("SKU-" + i, 1, usd(unitPrices[i])));
        }
        return sales.recordPurchase(b.build());
    }

    Invoice invoice(String number, String amount, LocalDate due) {
        return sales.issueInvoice(NewInvoice.builder(customer, number, usd(amount))
                .issuedOn(TODAY.minusDays(60))
                .dueOn(due)
                .build());
    }

    /** Asserts a validation failure naming the field and the rule. */
    static void assertInvalid(ThrowingCallable call, String field, ValidationRule rule) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).as("field").isEqualTo(field);
            assertThat(e.rule()).as("rule").isEqualTo(rule);
        });
    }

    /** @return the sales events recorded, in delivery order */
    List<DomainEvent> events() {
        return List.copyOf(events);
    }
}
