package dev.guanxi.crm.test;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.customer.ContactPurpose;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.interaction.Direction;
import dev.guanxi.crm.interaction.NewInteraction;
import dev.guanxi.crm.marketing.NewCampaign;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.NewInvoice;
import dev.guanxi.crm.sales.NewOrder;
import dev.guanxi.crm.sales.OrderLine;
import dev.guanxi.crm.service.CaseKind;
import dev.guanxi.crm.service.NewServiceCase;
import dev.guanxi.crm.service.Severity;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builders prefilled with valid values, so that a test sets only what it is about:
 *
 * <pre>{@code
 * import static dev.guanxi.crm.test.Fixtures.*;
 *
 * Customer vip = crm.customers().register(aCustomer().tag("vip").build());
 * crm.sales().recordPurchase(anOrder(vip.id()).build());
 * crm.interactions().log(anInteraction(vip.id()).notes("Asked for a discount").build());
 * }</pre>
 *
 * <p>Names, e-mail addresses, invoice numbers and campaign codes carry a counter, so every call gives values
 * that do not clash with earlier ones (also across tenants and tests of one JVM). Dates are {@link #DAY}, the
 * day before {@link CrmExtension#START}, or later for planned dates (due dates, campaign periods); instants
 * (when an interaction happened, when a case was opened) are left to the CRM's clock. So every fixture is
 * valid for a CRM whose clock is at {@code CrmExtension.START} or later.
 *
 * <p>Thread-safe: the counter is atomic, and each call returns a new builder (builders are not thread-safe).
 */
public final class Fixtures {
    /** The date fixtures use for things that already happened: 2026-01-14, the day before the extension's start. */
    public static final LocalDate DAY = LocalDate.of(2026, 1, 14);

    /** The currency of every amount in the fixtures. */
    public static final String CURRENCY = "EUR";

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private Fixtures() {}

    private static int next() {
        return COUNTER.incrementAndGet();
    }

    /**
     * Starts a person with a unique name ({@code Test Person 7}) and a unique home e-mail address ({@code
     * person7@example.com}); nothing else is set.
     *
     * @return a builder for a valid person
     */
    public static CustomerDraft.Builder aCustomer() {
        int n = next();
        return CustomerDraft.person("Test Person " + n).email("person" + n + "@example.com", ContactPurpose.HOME);
    }

    /**
     * Starts an organisation with a unique name ({@code Test Organisation 8 Ltd}) and a unique work e-mail
     * address ({@code office8@example.com}); nothing else is set.
     *
     * @return a builder for a valid organisation
     */
    public static CustomerDraft.Builder anOrganisation() {
        int n = next();
        return CustomerDraft.organisation("Test Organisation " + n + " Ltd")
                .email("office" + n + "@example.com", ContactPurpose.WORK);
    }

    /**
     * Registers a new person built by {@link #aCustomer()}.
     *
     * @param crm the tenant to register in
     * @return the stored customer
     */
    public static Customer register(TenantCrm crm) {
        return crm.customers().register(aCustomer().build());
    }

    /**
     * Starts a purchase dated {@link #DAY} with one line: two of product {@code SKU-1} at EUR 9.99 (total EUR
     * 19.98). Add lines or an order number as needed.
     *
     * @param customer the buying customer
     * @return a builder for a valid order
     */
    public static NewOrder.Builder anOrder(CustomerId customer) {
        return anOrder(customer, DAY);
    }

    /**
     * Starts a purchase on a given day with one line: two of product {@code SKU-1} at EUR 9.99.
     *
     * @param customer the buying customer
     * @param orderDate the day of the purchase; the CRM refuses a day in the future
     * @return a builder for a valid order
     */
    public static NewOrder.Builder anOrder(CustomerId customer, LocalDate orderDate) {
        return NewOrder.builder(customer, orderDate).line(OrderLine.of("SKU-1", 2, Money.of("9.99", CURRENCY)));
    }

    /**
     * Starts an invoice of EUR 100.00 with a unique number ({@code INV-000009}), issued on {@link #DAY} and
     * due 30 days later.
     *
     * @param customer the customer who owes the amount
     * @return a builder for a valid invoice
     */
    public static NewInvoice.Builder anInvoice(CustomerId customer) {
        return NewInvoice.builder(customer, String.format("INV-%06d", next()), Money.of("100.00", CURRENCY))
                .issuedOn(DAY)
                .dueOn(DAY.plusDays(30));
    }

    /**
     * Starts an outbound phone call with a subject; it happened "now" by the CRM's clock unless {@code
     * occurredAt} is set.
     *
     * @param customer the customer called
     * @return a builder for a valid interaction
     */
    public static NewInteraction.Builder anInteraction(CustomerId customer) {
        return NewInteraction.builder(customer, Channel.PHONE, Direction.OUTBOUND, "Follow-up call about the offer");
    }

    /**
     * Starts a request of medium severity that came in by phone; opened "now" by the CRM's clock unless {@code
     * openedAt} is set.
     *
     * @param customer the customer who raised it
     * @return a builder for a valid service case
     */
    public static NewServiceCase.Builder aServiceCase(CustomerId customer) {
        return NewServiceCase.builder(
                customer, CaseKind.REQUEST, Severity.MEDIUM, Channel.PHONE, "Cannot log in to the customer portal");
    }

    /**
     * Starts an e-mail campaign with a unique code ({@code CAMPAIGN-10}), running from {@link #DAY} to 30 days
     * later, with a budget of EUR 5,000.00.
     *
     * @return a builder for a valid campaign
     */
    public static NewCampaign.Builder aCampaign() {
        int n = next();
        return NewCampaign.builder("CAMPAIGN-" + n, "Test campaign " + n)
                .channel(Channel.EMAIL)
                .period(DAY, DAY.plusDays(30))
                .budget(Money.of("5000.00", CURRENCY));
    }
}
