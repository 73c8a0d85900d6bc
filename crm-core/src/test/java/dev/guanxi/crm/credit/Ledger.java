package dev.guanxi.crm.credit;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.Invoice;
import dev.guanxi.crm.sales.InvoiceId;
import dev.guanxi.crm.sales.NewInvoice;
import java.time.Instant;
import java.time.LocalDate;

/** Builds one customer's invoices the way the CRM does: {@link Invoice#issue} then payments or a write-off. */
final class Ledger {
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    static final Instant NOW = Instant.parse("2026-06-30T10:00:00Z");

    final CustomerId customer = CustomerId.random();
    private int number;

    /** An invoice issued {@code issuedAgo} days before {@link #AS_OF}, due {@code term} days later, nothing paid. */
    Invoice open(String amount, int issuedAgo, int term) {
        return open(Money.of(amount, "USD"), AS_OF.minusDays(issuedAgo), AS_OF.minusDays(issuedAgo - term));
    }

    Invoice open(Money amount, LocalDate issued, LocalDate due) {
        return Invoice.issue(
                InvoiceId.random(),
                NewInvoice.builder(customer, "INV-" + ++number, amount)
                        .issuedOn(issued)
                        .dueOn(due)
                        .build(),
                NOW);
    }

    /** An invoice paid in full {@code paidAfter} days after it was issued. */
    Invoice paid(String amount, int issuedAgo, int term, int paidAfter) {
        Invoice invoice = open(amount, issuedAgo, term);
        return invoice.applyPayment(invoice.amount(), invoice.issueDate().plusDays(paidAfter), NOW);
    }

    /** An invoice of which {@code part} was paid {@code paidAfter} days after it was issued. */
    Invoice partlyPaid(String amount, String part, int issuedAgo, int term, int paidAfter) {
        Invoice invoice = open(amount, issuedAgo, term);
        return invoice.applyPayment(Money.of(part, "USD"), invoice.issueDate().plusDays(paidAfter), NOW);
    }

    /** An unpaid invoice written off {@code writtenOffAfter} days after it was issued. */
    Invoice writtenOff(String amount, int issuedAgo, int term, int writtenOffAfter) {
        Invoice invoice = open(amount, issuedAgo, term);
        return invoice.writeOff("bad debt", invoice.issueDate().plusDays(writtenOffAfter), NOW);
    }
}
