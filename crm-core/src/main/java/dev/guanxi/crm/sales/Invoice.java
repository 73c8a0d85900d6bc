package dev.guanxi.crm.sales;

import dev.guanxi.crm.Aggregate;
import dev.guanxi.crm.IllegalTransitionException;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.money.CurrencyMismatchException;
import dev.guanxi.crm.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Currency;

/**
 * A receivable: an amount a customer owes by a due date, and how much of it was paid. Together with the
 * {@link Payment}s this is the payment history credit grading works from: {@link #outstanding()} is the
 * amount owed, {@link #daysOverdue(LocalDate)} how late an open invoice is, {@link #daysLate(LocalDate)} how
 * late an invoice was or is (for a settled one, from the due date to the day it was settled).
 *
 * <p>The status follows the paid amount ({@link InvoiceStatus#OPEN} with nothing paid, {@link
 * InvoiceStatus#PARTIALLY_PAID}, {@link InvoiceStatus#PAID} when paid in full) unless the invoice was {@link
 * InvoiceStatus#WRITTEN_OFF}. Transitions follow {@link InvoiceStatus}'s table.
 *
 * <p>Immutable and thread-safe. Created by {@link Sales#issueInvoice(NewInvoice)}; storage adapters and tests
 * may use the canonical constructor or {@link #issue(InvoiceId, NewInvoice, Instant)}.
 *
 * @param id the invoice's id, assigned by the CRM when it is issued, required
 * @param customerId the customer who owes the amount
 * @param invoiceNumber the invoice number, unique per tenant
 * @param orderId the order invoiced, or {@code null} if the invoice bills no recorded order
 * @param issueDate the day it was issued
 * @param dueDate the day payment is due, not before the issue date
 * @param amount the amount owed, greater than zero
 * @param paidAmount how much was paid, zero to {@code amount}, same currency
 * @param status the status; consistent with the paid amount
 * @param lastPaymentOn the latest date of a payment received against it, or {@code null} if nothing was paid
 * @param closedOn the day it was settled (the latest payment date when paid in full) or written off, or {@code
 *     null} while it is open; set exactly when the status is {@link InvoiceStatus#PAID} or {@link
 *     InvoiceStatus#WRITTEN_OFF}
 * @param writeOffReason why it was written off, or {@code null} if it was not; set exactly when written off
 * @param version 1 when issued, +1 for every change
 * @param createdAt when it was recorded
 * @param updatedAt when it was last changed
 */
public record Invoice(
        InvoiceId id,
        CustomerId customerId,
        String invoiceNumber,
        OrderId orderId,
        LocalDate issueDate,
        LocalDate dueDate,
        Money amount,
        Money paidAmount,
        InvoiceStatus status,
        LocalDate lastPaymentOn,
        LocalDate closedOn,
        String writeOffReason,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Aggregate<InvoiceId> {
    /**
     * Validates the components.
     *
     * @param id the invoice's id, assigned by the CRM when it is issued, required
     * @param customerId the customer who owes the amount
     * @param invoiceNumber the invoice number, unique per tenant
     * @param orderId the order invoiced, or {@code null} if the invoice bills no recorded order
     * @param issueDate the day it was issued
     * @param dueDate the day payment is due, not before the issue date
     * @param amount the amount owed, greater than zero
     * @param paidAmount how much was paid, zero to {@code amount}, same currency
     * @param status the status; consistent with the paid amount
     * @param lastPaymentOn the latest date of a payment received against it, or {@code null} if nothing was paid
     * @param closedOn the day it was settled (the latest payment date when paid in full) or written off, or {@code
     *     null} while it is open; set exactly when the status is {@link InvoiceStatus#PAID} or {@link
     *     InvoiceStatus#WRITTEN_OFF}
     * @param writeOffReason why it was written off, or {@code null} if it was not; set exactly when written off
     * @param version 1 when issued, +1 for every change
     * @param createdAt when it was recorded
     * @param updatedAt when it was last changed
     * @throws ValidationException naming the field and the rule
     * @throws CurrencyMismatchException if the paid amount is in another currency
     */
    public Invoice {
        Check.required("id", id);
        Check.required("customerId", customerId);
        Check.text("invoiceNumber", invoiceNumber, SalesChecks.NUMBER_MAX);
        Check.required("issueDate", issueDate);
        Check.required("dueDate", dueDate);
        Check.order("dueDate", issueDate, dueDate);
        Check.positive("amount", amount);
        Check.nonNegative("paidAmount", paidAmount);
        if (paidAmount.isGreaterThan(amount)) {
            throw Check.fail("paidAmount", ValidationRule.OUT_OF_RANGE, "paidAmount exceeds the amount");
        }
        Check.required("status", status);
        Check.optionalText("writeOffReason", writeOffReason, Check.LINE_MAX);
        InvoiceStatus expected = paidAmount.isZero()
                ? InvoiceStatus.OPEN
                : paidAmount.equals(amount) ? InvoiceStatus.PAID : InvoiceStatus.PARTIALLY_PAID;
        boolean writtenOff = status == InvoiceStatus.WRITTEN_OFF;
        if (writtenOff ? expected == InvoiceStatus.PAID : status != expected) {
            throw Check.fail(
                    "status", ValidationRule.INVALID_STATE, status + " does not fit paid amount " + paidAmount);
        }
        if ((writeOffReason != null) != writtenOff) {
            throw Check.fail(
                    "writeOffReason", ValidationRule.INVALID_STATE, "a reason is given exactly for a write-off");
        }
        if ((closedOn != null) != (status == InvoiceStatus.PAID || writtenOff)) {
            throw Check.fail("closedOn", ValidationRule.INVALID_STATE, "closedOn is set exactly for a closed invoice");
        }
        if ((lastPaymentOn != null) == paidAmount.isZero()) {
            throw Check.fail(
                    "lastPaymentOn",
                    ValidationRule.INVALID_STATE,
                    "lastPaymentOn is set exactly when something was paid");
        }
        SalesChecks.bookkeeping(version, createdAt, updatedAt);
    }

    /**
     * Creates a newly issued, open invoice from a draft, at version 1.
     *
     * @param id the new invoice's id
     * @param draft what is owed
     * @param now when it is recorded
     * @return the invoice
     */
    public static Invoice issue(InvoiceId id, NewInvoice draft, Instant now) {
        Check.required("invoice", draft);
        return new Invoice(
                id,
                draft.customerId(),
                draft.invoiceNumber(),
                draft.orderId(),
                draft.issueDate(),
                draft.dueDate(),
                draft.amount(),
                Money.zero(draft.amount().currency()),
                InvoiceStatus.OPEN,
                null,
                null,
                null,
                1,
                now,
                now);
    }

    /** @return the currency of the invoice */
    public Currency currency() {
        return amount.currency();
    }

    /**
     * Returns what is still owed: the amount minus what was paid while the invoice is open, zero once it is
     * paid or written off.
     *
     * @return the amount owed, zero or more
     */
    public Money outstanding() {
        return status.isOpen() ? amount.minus(paidAmount) : Money.zero(currency());
    }

    /** @return the unpaid amount that was written off, or zero if the invoice was not written off */
    public Money writtenOffAmount() {
        return status == InvoiceStatus.WRITTEN_OFF ? amount.minus(paidAmount) : Money.zero(currency());
    }

    /**
     * @param asOf the day to judge on
     * @return {@code true} if the invoice is open and its due date lies before {@code asOf}
     */
    public boolean isOverdue(LocalDate asOf) {
        Check.required("asOf", asOf);
        return status.isOpen() && asOf.isAfter(dueDate);
    }

    /**
     * @param asOf the day to judge on
     * @return the days from the due date to {@code asOf} if the invoice {@link #isOverdue is overdue}, else 0
     */
    public long daysOverdue(LocalDate asOf) {
        return isOverdue(asOf) ? ChronoUnit.DAYS.between(dueDate, asOf) : 0;
    }

    /**
     * Returns how late the invoice was or is: for an open invoice the {@link #daysOverdue days overdue} on
     * {@code asOf}; for a paid or written-off one the days from the due date to the day it was closed. Never
     * negative (early payment counts as 0).
     *
     * @param asOf the day to judge an open invoice on
     * @return the days late, zero or more
     */
    public long daysLate(LocalDate asOf) {
        Check.required("asOf", asOf);
        LocalDate end = closedOn != null ? closedOn : asOf;
        return Math.max(0, ChronoUnit.DAYS.between(dueDate, end));
    }

    /**
     * Returns this invoice with a payment applied, one version on: the paid amount grows, the status becomes
     * {@link InvoiceStatus#PARTIALLY_PAID} or {@link InvoiceStatus#PAID}.
     *
     * @param payment the amount paid, greater than zero
     * @param receivedOn the day it was received
     * @param now when the change is recorded
     * @return the updated invoice
     * @throws ValidationException with field {@code invoiceId} and {@link ValidationRule#INVALID_STATE} if the
     *     invoice is paid or written off; with field {@code amount} and {@link ValidationRule#OUT_OF_RANGE} if
     *     the payment is more than {@link #outstanding()}
     * @throws CurrencyMismatchException if the payment is in another currency
     */
    public Invoice applyPayment(Money payment, LocalDate receivedOn, Instant now) {
        Check.positive("amount", payment);
        Check.required("receivedOn", receivedOn);
        if (!status.isOpen()) {
            throw Check.fail("invoiceId", ValidationRule.INVALID_STATE, "invoice " + invoiceNumber + " is " + status);
        }
        if (!payment.currency().equals(currency())) {
            throw new CurrencyMismatchException(currency(), payment.currency());
        }
        Money outstanding = outstanding();
        if (payment.isGreaterThan(outstanding)) {
            throw Check.fail(
                    "amount",
                    ValidationRule.OUT_OF_RANGE,
                    "payment " + payment + " is more than the " + outstanding + " outstanding on " + invoiceNumber);
        }
        Money paid = paidAmount.plus(payment);
        InvoiceStatus next =
                status.transitionTo(paid.equals(amount) ? InvoiceStatus.PAID : InvoiceStatus.PARTIALLY_PAID);
        LocalDate latest = lastPaymentOn != null && lastPaymentOn.isAfter(receivedOn) ? lastPaymentOn : receivedOn;
        return new Invoice(
                id,
                customerId,
                invoiceNumber,
                orderId,
                issueDate,
                dueDate,
                amount,
                paid,
                next,
                latest,
                next == InvoiceStatus.PAID ? latest : null,
                null,
                version + 1,
                createdAt,
                now);
    }

    /**
     * Returns this invoice written off, one version on. The paid amount stays; the rest is no longer owed.
     *
     * @param reason why, one-line text of at most 500 characters
     * @param on the day it is written off
     * @param now when the change is recorded
     * @return the written-off invoice
     * @throws IllegalTransitionException if the invoice is paid or already written off
     * @throws ValidationException with field {@code reason} if the reason is missing or invalid
     */
    public Invoice writeOff(String reason, LocalDate on, Instant now) {
        Check.text("reason", reason, Check.LINE_MAX);
        Check.required("on", on);
        InvoiceStatus next = status.transitionTo(InvoiceStatus.WRITTEN_OFF);
        return new Invoice(
                id,
                customerId,
                invoiceNumber,
                orderId,
                issueDate,
                dueDate,
                amount,
                paidAmount,
                next,
                lastPaymentOn,
                on,
                reason,
                version + 1,
                createdAt,
                now);
    }
}
