package dev.guanxi.crm.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.IllegalTransitionException;
import dev.guanxi.crm.NotFoundException;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.NoSuchCustomerException;
import dev.guanxi.crm.event.InvoiceIssued;
import dev.guanxi.crm.event.InvoiceWrittenOff;
import dev.guanxi.crm.event.PaymentReceived;
import dev.guanxi.crm.money.CurrencyMismatchException;
import dev.guanxi.crm.money.Money;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Invoices (receivables) and payments")
class ReceivablesTest extends SalesTestSupport {

    private Payment pay(InvoiceId invoice, String amount, LocalDate on) {
        return sales.recordPayment(NewPayment.builder(customer, usd(amount), on)
                .forInvoice(invoice)
                .method(PaymentMethod.BANK_TRANSFER)
                .reference("BANK-REF")
                .build());
    }

    @Test
    @DisplayName("issuing an invoice stores it open, with nothing paid, and publishes InvoiceIssued")
    void issue() {
        Order order = purchase(customer, TODAY.minusDays(40), "80.00", "20.00");
        Invoice invoice = sales.issueInvoice(NewInvoice.builder(customer, "INV-2026-001", usd("100.00"))
                .forOrder(order.id())
                .issuedOn(TODAY.minusDays(40))
                .dueOn(TODAY.minusDays(10))
                .build());

        assertThat(invoice.status()).isEqualTo(InvoiceStatus.OPEN);
        assertThat(invoice.paidAmount()).isEqualTo(usd("0.00"));
        assertThat(invoice.outstanding()).isEqualTo(usd("100.00"));
        assertThat(invoice.orderId()).isEqualTo(order.id());
        assertThat(invoice.version()).isEqualTo(1);
        assertThat(sales.getInvoice(invoice.id())).isEqualTo(invoice);
        assertThat(sales.findInvoiceByNumber("INV-2026-001")).contains(invoice);
        assertThat(events()).last().isInstanceOfSatisfying(InvoiceIssued.class, e -> {
            assertThat(e.invoiceId()).isEqualTo(invoice.id());
            assertThat(e.amount()).isEqualTo(usd("100.00"));
            assertThat(e.dueDate()).isEqualTo(TODAY.minusDays(10));
            assertThat(e.customerId()).isEqualTo(customer);
        });
    }

    @Test
    @DisplayName("overdue days and days late are derivable for credit grading")
    void overdue() {
        Invoice invoice = invoice("INV-1", "100.00", TODAY.minusDays(10));
        assertThat(invoice.isOverdue(TODAY)).isTrue();
        assertThat(invoice.daysOverdue(TODAY)).isEqualTo(10);
        assertThat(invoice.daysLate(TODAY)).isEqualTo(10);
        assertThat(invoice.isOverdue(TODAY.minusDays(10))).isFalse(); // due today is not overdue
        assertThat(invoice.daysOverdue(TODAY.minusDays(20))).isZero();

        pay(invoice.id(), "100.00", TODAY.minusDays(4));
        Invoice paid = sales.getInvoice(invoice.id());
        assertThat(paid.isOverdue(TODAY)).isFalse();
        assertThat(paid.daysOverdue(TODAY)).isZero();
        assertThat(paid.closedOn()).isEqualTo(TODAY.minusDays(4));
        assertThat(paid.daysLate(TODAY.plusDays(100))).isEqualTo(6); // settled 6 days after the due date
    }

    @Test
    @DisplayName("part payments make an invoice partially paid, the last one paid, in the same transaction")
    void partPayments() {
        Invoice invoice = invoice("INV-1", "100.00", TODAY.plusDays(30));
        events.clear();

        Payment first = pay(invoice.id(), "30.00", TODAY.minusDays(2));
        Invoice afterFirst = sales.getInvoice(invoice.id());
        assertThat(afterFirst.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(afterFirst.paidAmount()).isEqualTo(usd("30.00"));
        assertThat(afterFirst.outstanding()).isEqualTo(usd("70.00"));
        assertThat(afterFirst.version()).isEqualTo(2);
        assertThat(afterFirst.lastPaymentOn()).isEqualTo(TODAY.minusDays(2));
        assertThat(first.invoiceId()).isEqualTo(invoice.id());
        assertThat(first.method()).isEqualTo(PaymentMethod.BANK_TRANSFER);
        assertThat(first.reference()).isEqualTo("BANK-REF");

        Payment second = pay(invoice.id(), "70.00", TODAY.minusDays(5)); // recorded later, received earlier
        Invoice settled = sales.getInvoice(invoice.id());
        assertThat(settled.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(settled.outstanding()).isEqualTo(usd("0.00"));
        assertThat(settled.closedOn()).isEqualTo(TODAY.minusDays(2)); // the latest payment date
        assertThat(sales.listPayments(invoice.id())).containsExactly(second, first);
        assertThat(sales.listPayments(customer, ALL).items()).containsExactly(first, second);
        assertThat(events())
                .hasSize(2)
                .allSatisfy(e -> assertThat(e).isInstanceOf(PaymentReceived.class))
                .last()
                .isInstanceOfSatisfying(PaymentReceived.class, e -> {
                    assertThat(e.invoiceStatus()).isEqualTo(InvoiceStatus.PAID);
                    assertThat(e.amount()).isEqualTo(usd("70.00"));
                });
    }

    @Test
    @DisplayName("a payment on account (no invoice) is stored without touching any invoice")
    void paymentOnAccount() {
        Invoice invoice = invoice("INV-1", "100.00", TODAY);
        Payment payment = sales.recordPayment(NewPayment.builder(customer, Money.of("500", "JPY"), TODAY)
                .method(PaymentMethod.CASH)
                .build());
        assertThat(payment.invoiceId()).isNull();
        assertThat(sales.findPayment(payment.id())).contains(payment);
        assertThat(sales.getInvoice(invoice.id())).isEqualTo(invoice);
    }

    @Test
    @DisplayName("an over-payment is refused (amount, OUT_OF_RANGE); invoice and payments stay as they were")
    void overPayment() {
        Invoice invoice = invoice("INV-1", "100.00", TODAY);
        pay(invoice.id(), "60.00", TODAY);
        Invoice before = sales.getInvoice(invoice.id());
        events.clear();

        assertInvalid(() -> pay(invoice.id(), "40.01", TODAY), "amount", ValidationRule.OUT_OF_RANGE);

        assertThat(sales.getInvoice(invoice.id())).isEqualTo(before);
        assertThat(sales.listPayments(invoice.id())).hasSize(1);
        assertThat(events()).isEmpty();
    }

    @Test
    @DisplayName("a payment in another currency than the invoice is a currency mismatch")
    void paymentCurrency() {
        Invoice invoice = invoice("INV-1", "100.00", TODAY);
        assertThatThrownBy(() -> sales.recordPayment(NewPayment.builder(customer, eur("10.00"), TODAY)
                        .forInvoice(invoice.id())
                        .build()))
                .isInstanceOfSatisfying(
                        CurrencyMismatchException.class,
                        e -> assertThat(e.rule()).isEqualTo(ValidationRule.CURRENCY_MISMATCH));
        assertThat(sales.listPayments(customer, ALL).items()).isEmpty();
        assertThat(sales.getInvoice(invoice.id())).isEqualTo(invoice);
    }

    @Test
    @DisplayName("a payment on a paid or written-off invoice is refused (invoiceId, INVALID_STATE)")
    void paymentOnClosedInvoice() {
        Invoice paid = invoice("INV-P", "10.00", TODAY);
        pay(paid.id(), "10.00", TODAY);
        Invoice off = invoice("INV-W", "10.00", TODAY);
        sales.writeOff(off.id(), 1, "uncollectable");

        assertInvalid(() -> pay(paid.id(), "1.00", TODAY), "invoiceId", ValidationRule.INVALID_STATE);
        assertInvalid(() -> pay(off.id(), "1.00", TODAY), "invoiceId", ValidationRule.INVALID_STATE);
        assertThat(sales.listPayments(customer, ALL).items()).hasSize(1);
    }

    @Test
    @DisplayName("an invoice of another customer cannot be paid by this one (invoiceId, UNKNOWN_REFERENCE)")
    void paymentForeignInvoice() {
        CustomerId other = newCustomer(acme, "Other");
        Invoice theirs = sales.issueInvoice(
                NewInvoice.builder(other, "INV-O", usd("10.00")).issuedOn(TODAY).build());
        assertInvalid(() -> pay(theirs.id(), "1.00", TODAY), "invoiceId", ValidationRule.UNKNOWN_REFERENCE);
        assertInvalid(() -> pay(InvoiceId.random(), "1.00", TODAY), "invoiceId", ValidationRule.UNKNOWN_REFERENCE);
        assertThat(sales.getInvoice(theirs.id())).isEqualTo(theirs);
    }

    @Test
    @DisplayName("an invoice may only bill a placed order of the same customer, in the order's currency")
    void invoiceOrderReference() {
        CustomerId other = newCustomer(acme, "Other");
        Order theirs = purchase(other, TODAY, "10.00");
        Order cancelled = purchase(customer, TODAY, "10.00");
        sales.cancelOrder(cancelled.id(), 1);
        Order mine = purchase(customer, TODAY, "10.00");

        assertInvalid(
                () -> sales.issueInvoice(NewInvoice.builder(customer, "I1", usd("10.00"))
                        .issuedOn(TODAY)
                        .forOrder(theirs.id())
                        .build()),
                "orderId",
                ValidationRule.UNKNOWN_REFERENCE);
        assertInvalid(
                () -> sales.issueInvoice(NewInvoice.builder(customer, "I2", usd("10.00"))
                        .issuedOn(TODAY)
                        .forOrder(cancelled.id())
                        .build()),
                "orderId",
                ValidationRule.INVALID_STATE);
        assertThatThrownBy(() -> sales.issueInvoice(NewInvoice.builder(customer, "I3", eur("10.00"))
                        .issuedOn(TODAY)
                        .forOrder(mine.id())
                        .build()))
                .isInstanceOf(CurrencyMismatchException.class);
        assertThat(sales.listInvoices(customer, ALL).items()).isEmpty();
    }

    @Test
    @DisplayName("invoice numbers are unique per tenant")
    void duplicateNumber() {
        invoice("INV-1", "10.00", TODAY);
        assertThatThrownBy(() -> invoice("INV-1", "20.00", TODAY))
                .isInstanceOfSatisfying(
                        DuplicateKeyException.class, e -> assertThat(e.field()).isEqualTo("invoiceNumber"));
        assertThat(sales.listInvoices(customer, ALL).items()).hasSize(1);
    }

    @Test
    @DisplayName("writing off keeps the paid part, owes nothing more and publishes InvoiceWrittenOff")
    void writeOff() {
        Invoice invoice = invoice("INV-1", "100.00", TODAY.minusDays(30));
        pay(invoice.id(), "25.00", TODAY.minusDays(60));
        events.clear();

        Invoice off = sales.writeOff(invoice.id(), 2, "customer insolvent");

        assertThat(off.status()).isEqualTo(InvoiceStatus.WRITTEN_OFF);
        assertThat(off.version()).isEqualTo(3);
        assertThat(off.paidAmount()).isEqualTo(usd("25.00"));
        assertThat(off.outstanding()).isEqualTo(usd("0.00"));
        assertThat(off.writtenOffAmount()).isEqualTo(usd("75.00"));
        assertThat(off.writeOffReason()).isEqualTo("customer insolvent");
        assertThat(off.closedOn()).isEqualTo(TODAY);
        assertThat(off.daysLate(TODAY.plusDays(10))).isEqualTo(30); // closed today, 30 days after due
        assertThat(events()).singleElement().isInstanceOfSatisfying(InvoiceWrittenOff.class, e -> {
            assertThat(e.writtenOff()).isEqualTo(usd("75.00"));
            assertThat(e.reason()).isEqualTo("customer insolvent");
        });
        assertThatThrownBy(() -> sales.writeOff(invoice.id(), 3, "again"))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    @DisplayName("writing off needs a reason and the current version; a paid invoice cannot be written off")
    void writeOffRules() {
        Invoice invoice = invoice("INV-1", "100.00", TODAY);
        assertInvalid(() -> sales.writeOff(invoice.id(), 1, " "), "reason", ValidationRule.BLANK);
        assertInvalid(() -> sales.writeOff(invoice.id(), 1, null), "reason", ValidationRule.REQUIRED);
        assertThatThrownBy(() -> sales.writeOff(invoice.id(), 7, "x")).isInstanceOf(StaleVersionException.class);
        assertThat(sales.getInvoice(invoice.id())).isEqualTo(invoice);

        pay(invoice.id(), "100.00", TODAY);
        assertThatThrownBy(() -> sales.writeOff(invoice.id(), 2, "x"))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.from()).isEqualTo(InvoiceStatus.PAID);
                    assertThat(e.to()).isEqualTo(InvoiceStatus.WRITTEN_OFF);
                });
    }

    @Test
    @DisplayName("invoices are listed by due date; open and overdue lists leave out settled invoices")
    void queries() {
        Invoice late = invoice("A", "10.00", TODAY.minusDays(30));
        Invoice later = invoice("B", "10.00", TODAY.minusDays(5));
        Invoice future = invoice("C", "10.00", TODAY.plusDays(20));
        Invoice paid = invoice("D", "10.00", TODAY.minusDays(40));
        pay(paid.id(), "10.00", TODAY.minusDays(41));
        Invoice paidNow = sales.getInvoice(paid.id());
        CustomerId other = newCustomer(acme, "Other");
        Invoice otherLate = sales.issueInvoice(NewInvoice.builder(other, "E", usd("5.00"))
                .issuedOn(TODAY.minusDays(50))
                .dueOn(TODAY.minusDays(20))
                .build());

        assertThat(sales.listInvoices(customer, ALL).items()).containsExactly(paidNow, late, later, future);
        assertThat(sales.listOpenInvoices(customer, ALL).items()).containsExactly(late, later, future);
        assertThat(sales.listOverdueInvoices(TODAY, ALL).items()).containsExactly(late, otherLate, later);
        assertThat(paidNow.daysLate(TODAY)).isZero(); // paid before the due date
    }

    @Test
    @DisplayName("another tenant cannot see, pay or write off the invoices; the customer is unknown there")
    void tenantIsolation() {
        Invoice invoice = invoice("INV-1", "100.00", TODAY);
        Sales other = crm.tenant("globex").sales();
        assertThat(other.findInvoice(invoice.id())).isEmpty();
        assertThat(other.findInvoiceByNumber("INV-1")).isEmpty();
        assertThat(other.listOverdueInvoices(TODAY.plusDays(5), ALL).items()).isEmpty();
        assertThatThrownBy(() -> other.writeOff(invoice.id(), 1, "x")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.listPayments(invoice.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.recordPayment(NewPayment.builder(customer, usd("1.00"), TODAY)
                        .forInvoice(invoice.id())
                        .build()))
                .isInstanceOf(NoSuchCustomerException.class);
        assertThatThrownBy(() -> other.listInvoices(customer, ALL)).isInstanceOf(NoSuchCustomerException.class);
        assertThat(sales.getInvoice(invoice.id())).isEqualTo(invoice);
    }
}
