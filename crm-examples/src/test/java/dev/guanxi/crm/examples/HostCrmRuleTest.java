package dev.guanxi.crm.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerQuery;
import dev.guanxi.crm.event.CustomerUpdated;
import dev.guanxi.crm.examples.HostRuleTestingExample.OverdueInvoiceRule;
import dev.guanxi.crm.examples.HostRuleTestingExample.OverdueInvoiceRule.Change;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.Invoice;
import dev.guanxi.crm.sales.NewPayment;
import dev.guanxi.crm.test.CrmExtension;
import dev.guanxi.crm.test.CrmExtension.RecordedEvents;
import dev.guanxi.crm.test.Fixtures;
import dev.guanxi.crm.test.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How a host application tests its own CRM rule ({@link OverdueInvoiceRule}: an invoice more than 60 days overdue
 * flags its customer) with crm-test, without a database and without waiting for real days to pass.
 *
 * <ul>
 *   <li>{@code @ExtendWith(CrmExtension.class)}: each test method gets a fresh in-memory CRM. Declare what you
 *       need as parameters: the {@link TenantCrm}, its {@link MutableClock} (at {@link CrmExtension#START},
 *       2026-01-15T09:00Z) and the {@link RecordedEvents} it delivered.
 *   <li>{@link Fixtures}: valid customers, invoices, orders... so a test sets only what it is about. {@code
 *       Fixtures.anInvoice(id)} is EUR 100.00 issued on {@link Fixtures#DAY} (2026-01-14) and due 30 days later,
 *       on 2026-02-13.
 *   <li>{@link MutableClock#advance}: time moves only when the test says so, so day counts are exact.
 * </ul>
 */
@ExtendWith(CrmExtension.class)
class HostCrmRuleTest {
    private static final LocalDate DUE = Fixtures.DAY.plusDays(30); // 2026-02-13

    private final OverdueInvoiceRule rule = new OverdueInvoiceRule(60);

    private static LocalDate today(MutableClock clock) {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    @Test
    @DisplayName("a customer is flagged on the 61st day overdue, not on the 60th")
    void flaggedAfterSixtyDays(TenantCrm crm, MutableClock clock, RecordedEvents events) {
        Customer late = crm.customers().register(Fixtures.anOrganisation().build());
        Invoice invoice = crm.sales().issueInvoice(Fixtures.anInvoice(late.id()).build());

        // 2026-01-15 + 89 days = 2026-04-14, which is 60 days after the due date 2026-02-13: not yet.
        clock.advance(Duration.ofDays(89));
        assertThat(today(clock)).isEqualTo(DUE.plusDays(60));
        List<Change> none = rule.apply(crm, today(clock));
        assertThat(none).isEmpty();
        assertThat(events.of(CustomerUpdated.class)).isEmpty();

        // One day later it is 61 days overdue: flagged, with the invoice named in the reason.
        clock.advance(Duration.ofDays(1));
        List<Change> changes = rule.apply(crm, today(clock));
        assertThat(changes)
                .containsExactly(new Change(
                        late.id(),
                        true,
                        "flagged overdue-60: invoice " + invoice.invoiceNumber() + " is 61 days overdue"));
        Customer flagged = crm.customers().get(late.id());
        assertThat(flagged.tags()).contains(OverdueInvoiceRule.TAG);
        // The SDK recorded the tag change like any other update, stamped by the test's clock.
        assertThat(events.of(CustomerUpdated.class)).hasSize(1);
        assertThat(flagged.updatedAt()).isEqualTo(CrmExtension.START.plus(Duration.ofDays(90)));
    }

    @Test
    @DisplayName("only the customers with a late enough invoice are flagged, and a second run changes nothing")
    void onlyLateCustomersAndIdempotent(TenantCrm crm, MutableClock clock) {
        Customer late = crm.customers().register(Fixtures.anOrganisation().build());
        Customer recent = crm.customers().register(Fixtures.anOrganisation().build());
        Customer paid = crm.customers().register(Fixtures.anOrganisation().build());
        crm.sales().issueInvoice(Fixtures.anInvoice(late.id()).build()); // due 2026-02-13
        crm.sales()
                .issueInvoice(Fixtures.anInvoice(recent.id())
                        .issuedOn(LocalDate.of(2026, 1, 15))
                        .dueOn(LocalDate.of(2026, 3, 31))
                        .build());
        Invoice settled = crm.sales().issueInvoice(Fixtures.anInvoice(paid.id()).build());
        crm.sales()
                .recordPayment(NewPayment.builder(paid.id(), Money.of("100.00", Fixtures.CURRENCY), Fixtures.DAY)
                        .forInvoice(settled.id())
                        .build());

        clock.advance(Duration.ofDays(100)); // 2026-04-25: late 71 days overdue, recent 25, paid none
        List<Change> first = rule.apply(crm, today(clock));
        List<Change> second = rule.apply(crm, today(clock));

        assertThat(first).extracting(Change::customerId).containsExactly(late.id());
        assertThat(second).isEmpty();
        long flagged = crm.customers().count(CustomerQuery.all().withTag(OverdueInvoiceRule.TAG));
        assertThat(flagged).isEqualTo(1);
    }

    @Test
    @DisplayName("paying the invoice removes the flag at the next run")
    void paymentUnflags(TenantCrm crm, MutableClock clock) {
        Customer late = crm.customers().register(Fixtures.anOrganisation().build());
        Invoice invoice = crm.sales().issueInvoice(Fixtures.anInvoice(late.id()).build());
        clock.advance(Duration.ofDays(100));
        rule.apply(crm, today(clock));

        crm.sales()
                .recordPayment(NewPayment.builder(late.id(), Money.of("100.00", Fixtures.CURRENCY), today(clock))
                        .forInvoice(invoice.id())
                        .build());
        clock.advance(Duration.ofDays(1));
        List<Change> changes = rule.apply(crm, today(clock));

        assertThat(changes)
                .containsExactly(
                        new Change(late.id(), false, "unflagged: no invoice more than 60 days overdue any more"));
        assertThat(crm.customers().get(late.id()).tags()).doesNotContain(OverdueInvoiceRule.TAG);
    }

    @Test
    @DisplayName("a threshold below one day is a programming error")
    void badThreshold() {
        assertThatThrownBy(() -> new OverdueInvoiceRule(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("days must be 1 or more");
    }

    @Test
    @DisplayName("the example's main flags the customer 61 days overdue and leaves the one 30 days overdue")
    void mainRuns() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            HostRuleTestingExample.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        // due 2026-01-30 -> 1 + 28 + 31 + 1 = 61 days before 2026-04-01; due 2026-03-02 -> 29 + 1 = 30 days
        assertThat(buffer.toString(StandardCharsets.UTF_8))
                .isEqualTo("迟付公司 Late Payers Ltd: flagged overdue-60: invoice INV-1 is 61 days overdue"
                        + System.lineSeparator());
    }
}
