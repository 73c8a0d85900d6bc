package dev.guanxi.crm.test.tck;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.Contract;
import dev.guanxi.crm.sales.ContractId;
import dev.guanxi.crm.sales.ContractKind;
import dev.guanxi.crm.sales.Invoice;
import dev.guanxi.crm.sales.InvoiceId;
import dev.guanxi.crm.sales.NewContract;
import dev.guanxi.crm.sales.NewInvoice;
import dev.guanxi.crm.sales.NewOpportunity;
import dev.guanxi.crm.sales.NewOrder;
import dev.guanxi.crm.sales.NewPayment;
import dev.guanxi.crm.sales.Opportunity;
import dev.guanxi.crm.sales.OpportunityId;
import dev.guanxi.crm.sales.Order;
import dev.guanxi.crm.sales.OrderId;
import dev.guanxi.crm.sales.OrderLine;
import dev.guanxi.crm.sales.Payment;
import dev.guanxi.crm.sales.PaymentId;
import dev.guanxi.crm.sales.Pipeline;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Fixture aggregates of the sales area for the repository contracts, built through the public factories. */
final class SalesFixtures {
    /** Instants with whole seconds, so that every store (microsecond precision) keeps them exactly. */
    static final Instant T0 = Instant.parse("2026-01-15T10:00:00Z");

    private SalesFixtures() {}

    static CustomerId customer(String uuid) {
        return new CustomerId(UUID.fromString(uuid));
    }

    static CustomerId anyCustomer() {
        return CustomerId.random();
    }

    static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    static Order order(CustomerId customer, LocalDate date, String amount, String currency, String number) {
        NewOrder draft = NewOrder.builder(customer, date)
                .orderNumber(number)
                .line(OrderLine.of("SKU-1", 1, Money.of(amount, currency)))
                .build();
        return Order.place(OrderId.random(), draft, T0);
    }

    static Order order(CustomerId customer, LocalDate date, String amount) {
        return order(customer, date, amount, "USD", null);
    }

    static Invoice invoice(CustomerId customer, String number, LocalDate due, String amount) {
        NewInvoice draft = NewInvoice.builder(customer, number, Money.of(amount, "USD"))
                .issuedOn(LocalDate.of(2025, 1, 1))
                .dueOn(due)
                .build();
        return Invoice.issue(InvoiceId.random(), draft, T0);
    }

    static Payment payment(CustomerId customer, InvoiceId invoice, LocalDate receivedOn, String amount, Instant now) {
        NewPayment draft = NewPayment.builder(customer, Money.of(amount, "USD"), receivedOn)
                .forInvoice(invoice)
                .build();
        return Payment.receive(PaymentId.random(), draft, now);
    }

    static Opportunity opportunity(CustomerId customer, String name, LocalDate expectedClose, Instant now) {
        return opportunity(customer, name, Pipeline.standard(), expectedClose, now);
    }

    static Opportunity opportunity(
            CustomerId customer, String name, Pipeline pipeline, LocalDate expectedClose, Instant now) {
        NewOpportunity draft = NewOpportunity.builder(customer, name, Money.of("1000.00", "EUR"))
                .pipeline(pipeline.name())
                .expectedCloseDate(expectedClose)
                .build();
        return Opportunity.open(OpportunityId.random(), draft, pipeline, now);
    }

    static Contract contract(CustomerId customer, String number, LocalDate start, LocalDate end, LocalDate renewal) {
        NewContract draft = NewContract.builder(customer, ContractKind.SERVICE, number, "Maintenance")
                .period(start, end)
                .value(Money.of("1200.00", "CNY"))
                .renewalDate(renewal)
                .build();
        return Contract.draft(ContractId.random(), draft, T0);
    }
}
