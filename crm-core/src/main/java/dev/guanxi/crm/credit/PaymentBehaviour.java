package dev.guanxi.crm.credit;

import static dev.guanxi.crm.credit.CreditChecks.atLeast;
import static dev.guanxi.crm.credit.CreditChecks.between;
import static dev.guanxi.crm.credit.CreditChecks.outOfRange;
import static dev.guanxi.crm.credit.CreditChecks.positive;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.money.CurrencyConverter;
import dev.guanxi.crm.money.MissingExchangeRateException;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.Invoice;
import dev.guanxi.crm.sales.InvoiceStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * The payment behaviour of one customer on one day, the input of {@link CreditScoring} and {@link
 * ArrearsEarlyWarning}: how late the customer pays, how much is owed and overdue, how much of the credit limit
 * is used, how regular the payments are, how long the history is and where the days to pay are heading.
 *
 * <p>Computed from the customer's invoices with {@link #of(List, Money, LocalDate, CurrencyConverter)}, or by a
 * host that computes the features itself (e.g. in SQL) through the canonical constructor. A feature that cannot
 * be computed (no evidence) is {@code NaN}, as documented per component; the scoring policies leave it out.
 *
 * <p>Definitions, for the invoices issued on or before {@code asOf} (later ones are ignored) taken in the state
 * the host passes them ("settled" means {@link InvoiceStatus#PAID}):
 *
 * <ul>
 *   <li>An invoice is <em>evidence</em> of payment behaviour when it is settled, written off, or open and
 *       overdue; an open invoice that is not yet due says nothing yet. Its days past due are its {@link
 *       Invoice#daysLate days late} (settled), its current {@link Invoice#daysOverdue days overdue} (open), or
 *       at least {@link Options#writeOffDays()} (written off: a write-off counts heavily).
 *   <li>Its weight decays with the time since it was closed: {@code 0.5^(age / halfLifeDays)} with {@code age}
 *       the days from {@code closedOn} to {@code asOf}; an open invoice is current (weight 1).
 *   <li>Amounts are in minor units of the converter's base currency: amounts of one currency are added
 *       exactly, then each currency's total is converted once, at the rate for {@code asOf}.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @param currency the currency of the amounts (the converter's base)
 * @param weightedDaysPastDue the decay-weighted mean of the days past due of the evidence invoices, 0 or more;
 *     {@code NaN} if there is no evidence
 * @param overdueMinor the amount owed on open invoices past their due date, in minor units, 0 to {@code
 *     outstandingMinor}
 * @param outstandingMinor the amount owed on open invoices, in minor units, 0 or more
 * @param creditUtilisation outstanding divided by the credit limit, 0 or more; {@code NaN} without a credit
 *     limit; {@link Double#POSITIVE_INFINITY} for an amount owed under a limit of zero
 * @param daysLateDeviation the spread of payment days around the due date: the root mean square of the days
 *     late of the settled invoices (lower is more regular; 0 for a customer who always pays on time; unlike a
 *     standard deviation around the mean, paying on time never counts as irregular); {@code NaN} if no invoice
 *     is settled
 * @param historyDays the days from the first invoice's issue date to {@code asOf}, 0 without invoices
 * @param invoiceCount the invoices issued on or before {@code asOf}
 * @param settledCount the invoices paid in full
 * @param lateCount the settled invoices paid after the due date plus the open invoices overdue
 * @param writtenOffCount the invoices written off
 * @param daysToPayTrend the least-squares slope of the days to pay (issue date to settlement) over the last
 *     {@link Options#trendWindow()} settled invoices in the order of their issue dates, in days per invoice
 *     (positive: paying ever more slowly); {@code NaN} with fewer than two settled invoices
 * @param outstandingGrowth the change of the outstanding amount over the last {@link
 *     Options#growthWindowDays()} days, relative to the larger of the two amounts: -1 to 1, 0 if both are 0
 * @param partialPaymentShare the share of the last {@link Options#trendWindow()} invoices (by issue date) that
 *     are partly paid and still open, 0 to 1 (0 without invoices)
 */
@Beta
public record PaymentBehaviour(
        Currency currency,
        double weightedDaysPastDue,
        long overdueMinor,
        long outstandingMinor,
        double creditUtilisation,
        double daysLateDeviation,
        int historyDays,
        int invoiceCount,
        int settledCount,
        int lateCount,
        int writtenOffCount,
        double daysToPayTrend,
        double outstandingGrowth,
        double partialPaymentShare) {

    private static final Comparator<Invoice> ISSUE_ORDER = Comparator.comparing(Invoice::issueDate)
            .thenComparing(Invoice::dueDate)
            .thenComparing(Invoice::invoiceNumber)
            .thenComparing(i -> i.id().value());

    /**
     * Validates the features.
     *
     * @param currency the currency of the amounts (the converter's base)
     * @param weightedDaysPastDue the decay-weighted mean of the days past due of the evidence invoices, 0 or more;
     *     {@code NaN} if there is no evidence
     * @param overdueMinor the amount owed on open invoices past their due date, in minor units, 0 to {@code
     *     outstandingMinor}
     * @param outstandingMinor the amount owed on open invoices, in minor units, 0 or more
     * @param creditUtilisation outstanding divided by the credit limit, 0 or more; {@code NaN} without a credit limit;
     *     {@link Double#POSITIVE_INFINITY} for an amount owed under a limit of zero
     * @param daysLateDeviation the spread of payment days around the due date: the root mean square of the days late of
     *     the settled invoices (lower is more regular; 0 for a customer who always pays on time; unlike a standard
     *     deviation around the mean, paying on time never counts as irregular); {@code NaN} if no invoice is settled
     * @param historyDays the days from the first invoice's issue date to {@code asOf}, 0 without invoices
     * @param invoiceCount the invoices issued on or before {@code asOf}
     * @param settledCount the invoices paid in full
     * @param lateCount the settled invoices paid after the due date plus the open invoices overdue
     * @param writtenOffCount the invoices written off
     * @param daysToPayTrend the least-squares slope of the days to pay (issue date to settlement) over the last {@link
     *     Options#trendWindow()} settled invoices in the order of their issue dates, in days per invoice (positive:
     *     paying ever more slowly); {@code NaN} with fewer than two settled invoices
     * @param outstandingGrowth the change of the outstanding amount over the last {@link Options#growthWindowDays()}
     *     days, relative to the larger of the two amounts: -1 to 1, 0 if both are 0
     * @param partialPaymentShare the share of the last {@link Options#trendWindow()} invoices (by issue date) that are
     *     partly paid and still open, 0 to 1 (0 without invoices)
     * @throws ValidationException naming the field, with rule {@link ValidationRule#REQUIRED} for a missing
     *     currency and {@link ValidationRule#OUT_OF_RANGE} for a value outside its documented range
     */
    public PaymentBehaviour {
        if (currency == null) {
            throw new ValidationException("currency", ValidationRule.REQUIRED, "currency is required");
        }
        nonNegativeOrNaN("weightedDaysPastDue", weightedDaysPastDue, false);
        if (outstandingMinor < 0) {
            throw outOfRange("outstandingMinor", "must be at least 0 but was " + outstandingMinor);
        }
        if (overdueMinor < 0 || overdueMinor > outstandingMinor) {
            throw outOfRange("overdueMinor", "must be 0 to outstandingMinor but was " + overdueMinor);
        }
        nonNegativeOrNaN("creditUtilisation", creditUtilisation, true);
        nonNegativeOrNaN("daysLateDeviation", daysLateDeviation, false);
        atLeast("historyDays", historyDays, 0);
        atLeast("invoiceCount", invoiceCount, 0);
        atLeast("settledCount", settledCount, 0);
        atLeast("lateCount", lateCount, 0);
        atLeast("writtenOffCount", writtenOffCount, 0);
        if ((long) settledCount + writtenOffCount > invoiceCount) {
            throw outOfRange("settledCount", "plus writtenOffCount exceeds invoiceCount " + invoiceCount);
        }
        if (lateCount > invoiceCount) {
            throw outOfRange("lateCount", "exceeds invoiceCount " + invoiceCount);
        }
        if (Double.isInfinite(daysToPayTrend)) {
            throw outOfRange("daysToPayTrend", "must be finite or NaN but was " + daysToPayTrend);
        }
        between("outstandingGrowth", outstandingGrowth, -1, 1);
        between("partialPaymentShare", partialPaymentShare, 0, 1);
    }

    private static void nonNegativeOrNaN(String field, double value, boolean infinityAllowed) {
        if (value < 0 || (!infinityAllowed && value == Double.POSITIVE_INFINITY)) {
            throw outOfRange(field, "must be at least 0" + (infinityAllowed ? "" : " and finite") + " or NaN");
        }
    }

    /**
     * Computes the features of one customer with the {@link Options#defaults() default options}.
     *
     * @param invoices the customer's invoices, in any order
     * @param creditLimit the customer's credit limit ({@link dev.guanxi.crm.customer.Customer#creditLimit()}), or
     *     {@code null} for none
     * @param asOf the day the features are for
     * @param converter converts into the currency of the result
     * @return the features
     * @throws MissingExchangeRateException if an amount owed (now or at the start of the growth window) or the
     *     credit limit is in another currency and the converter has no rate for it
     * @throws IllegalArgumentException if the invoices belong to more than one customer
     * @see #of(List, Money, LocalDate, CurrencyConverter, Options)
     */
    public static PaymentBehaviour of(
            List<Invoice> invoices, Money creditLimit, LocalDate asOf, CurrencyConverter converter) {
        return of(invoices, creditLimit, asOf, converter, Options.defaults());
    }

    /**
     * Computes the features of one customer. O(k log k) time for k invoices (one sort by issue date), O(k)
     * memory; exchange rates are asked once per currency.
     *
     * @param invoices the customer's invoices, in any order
     * @param creditLimit the customer's credit limit, or {@code null} for none
     * @param asOf the day the features are for
     * @param converter converts into the currency of the result
     * @param options the half-life, write-off days and windows
     * @return the features
     * @throws MissingExchangeRateException if an amount owed (now or at the start of the growth window) or the
     *     credit limit is in another currency and the converter has no rate for it
     * @throws IllegalArgumentException if the invoices belong to more than one customer
     */
    public static PaymentBehaviour of(
            List<Invoice> invoices, Money creditLimit, LocalDate asOf, CurrencyConverter converter, Options options) {
        Objects.requireNonNull(invoices, "invoices");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(converter, "converter");
        Objects.requireNonNull(options, "options");
        List<Invoice> considered = new ArrayList<>(invoices.size());
        CustomerId customer = null;
        for (int i = 0; i < invoices.size(); i++) {
            Invoice invoice = Objects.requireNonNull(invoices.get(i), "invoices[" + i + "]");
            if (customer == null) {
                customer = invoice.customerId();
            } else if (!customer.equals(invoice.customerId())) {
                throw new IllegalArgumentException("invoices[" + i + "] belongs to customer " + invoice.customerId()
                        + ", invoices[0] to " + customer);
            }
            if (!invoice.issueDate().isAfter(asOf)) {
                considered.add(invoice);
            }
        }
        considered.sort(ISSUE_ORDER);

        long today = asOf.toEpochDay();
        long windowStart = today - options.growthWindowDays();
        double decayPerDay = Math.log(2) / options.halfLifeDays();
        Totals totals = new Totals();
        double weightSum = 0;
        double weightedDays = 0;
        double squaredLate = 0;
        int settled = 0;
        int late = 0;
        int writtenOff = 0;
        for (Invoice invoice : considered) {
            InvoiceStatus status = invoice.status();
            long amount = invoice.amount().minorUnits();
            long paid = invoice.paidAmount().minorUnits();
            long owedThen = owedOn(invoice, windowStart, amount, paid);
            if (status.isOpen()) {
                boolean overdue = invoice.isOverdue(asOf);
                totals.add(invoice.currency(), amount - paid, overdue ? amount - paid : 0, owedThen);
                if (overdue) {
                    late++;
                    weightedDays += invoice.daysOverdue(asOf);
                    weightSum += 1;
                }
                continue;
            }
            totals.add(invoice.currency(), 0, 0, owedThen);
            long daysLate = invoice.daysLate(asOf);
            double weight = Math.exp(
                    -decayPerDay * Math.max(0, today - invoice.closedOn().toEpochDay()));
            if (status == InvoiceStatus.PAID) {
                settled++;
                if (daysLate > 0) {
                    late++;
                }
                squaredLate += (double) daysLate * daysLate;
            } else {
                writtenOff++;
                daysLate = Math.max(daysLate, options.writeOffDays());
            }
            weightedDays += weight * daysLate;
            weightSum += weight;
        }

        long outstanding = totals.convert(converter, asOf, 0);
        long overdue = totals.convert(converter, asOf, 1);
        long outstandingThen = totals.convert(converter, asOf, 2);
        double utilisation = Double.NaN;
        if (creditLimit != null) {
            long limit = converter.toBaseMinor(creditLimit.minorUnits(), creditLimit.currency(), asOf);
            utilisation = limit > 0 ? (double) outstanding / limit : outstanding > 0 ? Double.POSITIVE_INFINITY : 0;
        }
        long larger = Math.max(outstanding, outstandingThen);
        double growth = larger == 0 ? 0 : (double) (outstanding - outstandingThen) / larger;
        int history = considered.isEmpty()
                ? 0
                : Math.toIntExact(today - considered.get(0).issueDate().toEpochDay());
        return new PaymentBehaviour(
                converter.base(),
                weightSum > 0 ? weightedDays / weightSum : Double.NaN,
                overdue,
                outstanding,
                utilisation,
                settled > 0 ? Math.sqrt(squaredLate / settled) : Double.NaN,
                history,
                considered.size(),
                settled,
                late,
                writtenOff,
                daysToPayTrend(considered, options.trendWindow()),
                growth,
                partialPaymentShare(considered, options.trendWindow()));
    }

    /**
     * What was owed on an invoice at the end of a day, from its current state. Payments are taken to have been
     * made on the last payment day (the invoice keeps only that day), so a part payment before it counts as not
     * yet made.
     */
    private static long owedOn(Invoice invoice, long day, long amount, long paid) {
        if (invoice.issueDate().toEpochDay() > day) {
            return 0;
        }
        if (invoice.closedOn() != null && invoice.closedOn().toEpochDay() <= day) {
            return 0;
        }
        boolean paidBy =
                invoice.lastPaymentOn() != null && invoice.lastPaymentOn().toEpochDay() <= day;
        return paidBy ? amount - paid : amount;
    }

    private static double daysToPayTrend(List<Invoice> byIssueDate, int window) {
        double[] days = new double[window];
        int k = 0;
        for (int i = byIssueDate.size() - 1; i >= 0 && k < window; i--) {
            Invoice invoice = byIssueDate.get(i);
            if (invoice.status() == InvoiceStatus.PAID) {
                days[k++] =
                        invoice.closedOn().toEpochDay() - invoice.issueDate().toEpochDay();
            }
        }
        if (k < 2) {
            return Double.NaN;
        }
        // days[0] is the latest invoice, at x = k - 1; the oldest is at x = 0
        double meanX = (k - 1) / 2.0;
        double meanY = 0;
        for (int i = 0; i < k; i++) {
            meanY += days[i];
        }
        meanY /= k;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < k; i++) {
            double dx = (k - 1 - i) - meanX;
            sxy += dx * (days[i] - meanY);
            sxx += dx * dx;
        }
        return sxy / sxx;
    }

    private static double partialPaymentShare(List<Invoice> byIssueDate, int window) {
        int n = Math.min(window, byIssueDate.size());
        if (n == 0) {
            return 0;
        }
        int partial = 0;
        for (int i = byIssueDate.size() - n; i < byIssueDate.size(); i++) {
            if (byIssueDate.get(i).status() == InvoiceStatus.PARTIALLY_PAID) {
                partial++;
            }
        }
        return (double) partial / n;
    }

    /** @return {@code true} if the customer has at least one invoice issued on or before the day */
    public boolean hasHistory() {
        return invoiceCount > 0;
    }

    /** @return the overdue amount divided by the outstanding amount, 0 to 1 (0 if nothing is outstanding) */
    public double overdueShare() {
        return outstandingMinor == 0 ? 0 : (double) overdueMinor / outstandingMinor;
    }

    /** @return the amount owed on open invoices */
    public Money outstanding() {
        return Money.ofMinor(outstandingMinor, currency);
    }

    /** @return the amount owed on open invoices past their due date */
    public Money overdue() {
        return Money.ofMinor(overdueMinor, currency);
    }

    /**
     * How features are computed from invoices: the half-life of an invoice's weight, how late a write-off
     * counts, and the windows of the trend and the growth.
     *
     * <p>Immutable and thread-safe.
     *
     * @param halfLifeDays after how many days since it was closed an invoice weighs half, greater than 0
     *     (default 180)
     * @param writeOffDays the least days past due a written-off invoice counts as, 0 or more (default 180)
     * @param trendWindow how many of the latest settled invoices the days-to-pay trend is fitted to, and how many
     *     of the latest invoices the partial payment share looks at, at least 2 (default 6)
     * @param growthWindowDays over how many days the outstanding growth is measured, at least 1 (default 90)
     */
    public record Options(double halfLifeDays, int writeOffDays, int trendWindow, int growthWindowDays) {
        /**
         * Validates the options.
         *
         * @param halfLifeDays after how many days since it was closed an invoice weighs half, greater than 0 (default
         *     180)
         * @param writeOffDays the least days past due a written-off invoice counts as, 0 or more (default 180)
         * @param trendWindow how many of the latest settled invoices the days-to-pay trend is fitted to, and how many
         *     of the latest invoices the partial payment share looks at, at least 2 (default 6)
         * @param growthWindowDays over how many days the outstanding growth is measured, at least 1 (default 90)
         * @throws ValidationException naming the field with rule {@link ValidationRule#OUT_OF_RANGE}
         */
        public Options {
            positive("halfLifeDays", halfLifeDays);
            atLeast("writeOffDays", writeOffDays, 0);
            atLeast("trendWindow", trendWindow, 2);
            atLeast("growthWindowDays", growthWindowDays, 1);
        }

        /** @return half-life 180 days, write-offs at least 180 days late, trend window 6, growth window 90 days */
        public static Options defaults() {
            return new Options(180, 180, 6, 90);
        }

        /**
         * @param days the new half-life
         * @return these options with another half-life
         */
        public Options withHalfLifeDays(double days) {
            return new Options(days, writeOffDays, trendWindow, growthWindowDays);
        }

        /**
         * @param days the new least days past due of a write-off
         * @return these options with another write-off weight
         */
        public Options withWriteOffDays(int days) {
            return new Options(halfLifeDays, days, trendWindow, growthWindowDays);
        }

        /**
         * @param invoices the new trend window
         * @return these options with another trend window
         */
        public Options withTrendWindow(int invoices) {
            return new Options(halfLifeDays, writeOffDays, invoices, growthWindowDays);
        }

        /**
         * @param days the new growth window
         * @return these options with another growth window
         */
        public Options withGrowthWindowDays(int days) {
            return new Options(halfLifeDays, writeOffDays, trendWindow, days);
        }
    }

    /** Exact per-currency sums (outstanding, overdue, outstanding at the window start); mostly one currency. */
    private static final class Totals {
        private final List<Currency> currencies = new ArrayList<>(1);
        private final List<long[]> sums = new ArrayList<>(1);

        void add(Currency currency, long outstanding, long overdue, long owedThen) {
            if (outstanding == 0 && owedThen == 0) {
                return;
            }
            int at = currencies.indexOf(currency);
            if (at < 0) {
                currencies.add(currency);
                sums.add(new long[3]);
                at = currencies.size() - 1;
            }
            long[] sum = sums.get(at);
            sum[0] = Math.addExact(sum[0], outstanding);
            sum[1] = Math.addExact(sum[1], overdue);
            sum[2] = Math.addExact(sum[2], owedThen);
        }

        long convert(CurrencyConverter converter, LocalDate on, int column) {
            long total = 0;
            for (int i = 0; i < currencies.size(); i++) {
                long amount = sums.get(i)[column];
                if (amount != 0) {
                    total = Math.addExact(total, converter.toBaseMinor(amount, currencies.get(i), on));
                }
            }
            return total;
        }
    }
}
