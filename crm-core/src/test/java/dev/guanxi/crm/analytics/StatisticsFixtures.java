package dev.guanxi.crm.analytics;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.marketing.AidaStage;
import dev.guanxi.crm.marketing.CampaignId;
import dev.guanxi.crm.marketing.CampaignResponse;
import dev.guanxi.crm.marketing.CampaignResponseId;
import dev.guanxi.crm.marketing.StageReached;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.Invoice;
import dev.guanxi.crm.sales.InvoiceId;
import dev.guanxi.crm.sales.NewInvoice;
import dev.guanxi.crm.sales.NewOrder;
import dev.guanxi.crm.sales.NewPayment;
import dev.guanxi.crm.sales.Order;
import dev.guanxi.crm.sales.OrderId;
import dev.guanxi.crm.sales.OrderLine;
import dev.guanxi.crm.sales.Payment;
import dev.guanxi.crm.sales.PaymentId;
import dev.guanxi.crm.service.CaseKind;
import dev.guanxi.crm.service.NewServiceCase;
import dev.guanxi.crm.service.ServiceCase;
import dev.guanxi.crm.service.ServiceCaseId;
import dev.guanxi.crm.service.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.concurrent.atomic.AtomicLong;

/** Domain objects for the statistics tests, built with the aggregates' own factories (no storage). */
final class StatisticsFixtures {
    static final Instant NOW = Instant.parse("2026-12-31T12:00:00Z");
    static final Currency CNY = Currency.getInstance("CNY");
    static final Currency USD = Currency.getInstance("USD");
    private static final AtomicLong NUMBERS = new AtomicLong();

    private StatisticsFixtures() {}

    static Customer customer(String owner, String region, String type) {
        return Customer.create(
                CustomerId.random(),
                CustomerDraft.person("客户")
                        .owner(owner == null ? null : StaffId.of(owner))
                        .region(region)
                        .customerType(type)
                        .build(),
                Instant.EPOCH);
    }

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    static OrderLine line(String product, long quantity, Money unitPrice) {
        return OrderLine.of(product, quantity, unitPrice);
    }

    static Order order(CustomerId who, LocalDate date, OrderLine... lines) {
        NewOrder.Builder b = NewOrder.builder(who, date);
        for (OrderLine l : lines) {
            b.line(l);
        }
        return Order.place(OrderId.random(), b.build(), NOW);
    }

    static Order cancelled(Order order) {
        return order.cancel(NOW);
    }

    static Invoice invoice(CustomerId who, LocalDate issued, LocalDate due, Money amount) {
        return Invoice.issue(
                InvoiceId.random(),
                NewInvoice.builder(who, "INV-" + NUMBERS.incrementAndGet(), amount)
                        .issuedOn(issued)
                        .dueOn(due)
                        .build(),
                NOW);
    }

    static Payment payment(CustomerId who, Money amount, LocalDate receivedOn) {
        return Payment.receive(
                PaymentId.random(), NewPayment.builder(who, amount, receivedOn).build(), NOW);
    }

    static ServiceCase serviceCase(CustomerId who, Instant openedAt) {
        NewServiceCase draft = NewServiceCase.builder(
                        who, CaseKind.COMPLAINT, Severity.HIGH, Channel.PHONE, "Noisy unit")
                .openedAt(openedAt)
                .build();
        return ServiceCase.open(ServiceCaseId.random(), draft, openedAt.plus(Duration.ofDays(2)), NOW);
    }

    static CampaignResponse response(CustomerId who, Instant at) {
        return CampaignResponse.first(
                CampaignResponseId.random(),
                CampaignId.random(),
                who,
                new StageReached(AidaStage.INTEREST, at, Channel.EMAIL),
                null,
                null,
                null,
                NOW);
    }

    static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    static Instant at(String iso) {
        return Instant.parse(iso);
    }
}
