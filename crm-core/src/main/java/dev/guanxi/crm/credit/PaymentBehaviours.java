package dev.guanxi.crm.credit;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * The {@link PaymentBehaviour} features of n customers in primitive columns, the input of a scoring run ({@link
 * CreditScoring#scoreAll}, {@link ArrearsEarlyWarning#riskAll}). Row {@code i} holds the features of the i-th
 * customer added; the host keeps the mapping from rows to customer ids. All amounts are in one currency.
 *
 * <p>Immutable and thread-safe once built; the {@link Builder} is not thread-safe.
 */
@Beta
public final class PaymentBehaviours {
    private final Currency currency;
    private final int size;
    final double[] weightedDaysPastDue;
    final long[] overdueMinor;
    final long[] outstandingMinor;
    final double[] creditUtilisation;
    final double[] daysLateDeviation;
    final int[] historyDays;
    final int[] invoiceCount;
    final int[] settledCount;
    final int[] lateCount;
    final int[] writtenOffCount;
    final double[] daysToPayTrend;
    final double[] outstandingGrowth;
    final double[] partialPaymentShare;

    private PaymentBehaviours(Builder b) {
        this.currency = b.currency;
        this.size = b.size;
        this.weightedDaysPastDue = Arrays.copyOf(b.weightedDaysPastDue, size);
        this.overdueMinor = Arrays.copyOf(b.overdueMinor, size);
        this.outstandingMinor = Arrays.copyOf(b.outstandingMinor, size);
        this.creditUtilisation = Arrays.copyOf(b.creditUtilisation, size);
        this.daysLateDeviation = Arrays.copyOf(b.daysLateDeviation, size);
        this.historyDays = Arrays.copyOf(b.historyDays, size);
        this.invoiceCount = Arrays.copyOf(b.invoiceCount, size);
        this.settledCount = Arrays.copyOf(b.settledCount, size);
        this.lateCount = Arrays.copyOf(b.lateCount, size);
        this.writtenOffCount = Arrays.copyOf(b.writtenOffCount, size);
        this.daysToPayTrend = Arrays.copyOf(b.daysToPayTrend, size);
        this.outstandingGrowth = Arrays.copyOf(b.outstandingGrowth, size);
        this.partialPaymentShare = Arrays.copyOf(b.partialPaymentShare, size);
    }

    /**
     * Starts an empty batch.
     *
     * @param currency the currency of every row's amounts
     * @return a builder
     */
    public static Builder builder(Currency currency) {
        return new Builder(Objects.requireNonNull(currency, "currency"), 16);
    }

    /**
     * Starts an empty batch sized for a number of customers (it still grows beyond).
     *
     * @param currency the currency of every row's amounts
     * @param expectedSize how many rows are expected, 0 or more
     * @return a builder
     */
    public static Builder builder(Currency currency, int expectedSize) {
        if (expectedSize < 0) {
            throw new IllegalArgumentException("expectedSize must be at least 0, got " + expectedSize);
        }
        return new Builder(Objects.requireNonNull(currency, "currency"), Math.max(expectedSize, 1));
    }

    /**
     * Returns a batch of the given rows, in order.
     *
     * @param currency the currency of every row's amounts
     * @param rows the features, one per customer
     * @return the batch
     * @throws ValidationException with field {@code rows[i].currency} and rule {@link
     *     ValidationRule#CURRENCY_MISMATCH} if a row is in another currency
     */
    public static PaymentBehaviours of(Currency currency, List<PaymentBehaviour> rows) {
        Builder builder = builder(currency, rows.size());
        for (PaymentBehaviour row : rows) {
            builder.add(row);
        }
        return builder.build();
    }

    /** @return the number of customers (rows) */
    public int size() {
        return size;
    }

    /** @return the currency of the amounts */
    public Currency currency() {
        return currency;
    }

    /**
     * Returns one row as a record.
     *
     * @param row the row, 0 to {@code size() - 1}
     * @return the features of that customer
     * @throws IndexOutOfBoundsException if the row does not exist
     */
    public PaymentBehaviour get(int row) {
        Objects.checkIndex(row, size);
        return new PaymentBehaviour(
                currency,
                weightedDaysPastDue[row],
                overdueMinor[row],
                outstandingMinor[row],
                creditUtilisation[row],
                daysLateDeviation[row],
                historyDays[row],
                invoiceCount[row],
                settledCount[row],
                lateCount[row],
                writtenOffCount[row],
                daysToPayTrend[row],
                outstandingGrowth[row],
                partialPaymentShare[row]);
    }

    /** Collects rows. Not thread-safe; {@link #build()} copies, so the builder may go on collecting. */
    public static final class Builder {
        private final Currency currency;
        private int size;
        private double[] weightedDaysPastDue;
        private long[] overdueMinor;
        private long[] outstandingMinor;
        private double[] creditUtilisation;
        private double[] daysLateDeviation;
        private int[] historyDays;
        private int[] invoiceCount;
        private int[] settledCount;
        private int[] lateCount;
        private int[] writtenOffCount;
        private double[] daysToPayTrend;
        private double[] outstandingGrowth;
        private double[] partialPaymentShare;

        private Builder(Currency currency, int capacity) {
            this.currency = currency;
            allocate(capacity);
        }

        private void allocate(int capacity) {
            weightedDaysPastDue = grow(weightedDaysPastDue, capacity);
            overdueMinor = grow(overdueMinor, capacity);
            outstandingMinor = grow(outstandingMinor, capacity);
            creditUtilisation = grow(creditUtilisation, capacity);
            daysLateDeviation = grow(daysLateDeviation, capacity);
            historyDays = grow(historyDays, capacity);
            invoiceCount = grow(invoiceCount, capacity);
            settledCount = grow(settledCount, capacity);
            lateCount = grow(lateCount, capacity);
            writtenOffCount = grow(writtenOffCount, capacity);
            daysToPayTrend = grow(daysToPayTrend, capacity);
            outstandingGrowth = grow(outstandingGrowth, capacity);
            partialPaymentShare = grow(partialPaymentShare, capacity);
        }

        private static double[] grow(double[] a, int capacity) {
            return a == null ? new double[capacity] : Arrays.copyOf(a, capacity);
        }

        private static long[] grow(long[] a, int capacity) {
            return a == null ? new long[capacity] : Arrays.copyOf(a, capacity);
        }

        private static int[] grow(int[] a, int capacity) {
            return a == null ? new int[capacity] : Arrays.copyOf(a, capacity);
        }

        /**
         * Appends a customer's features as the next row.
         *
         * @param row the features
         * @return this builder
         * @throws ValidationException with field {@code rows[i].currency} and rule {@link
         *     ValidationRule#CURRENCY_MISMATCH} if the row is in another currency than the batch
         */
        public Builder add(PaymentBehaviour row) {
            Objects.requireNonNull(row, "row");
            if (!row.currency().equals(currency)) {
                throw new ValidationException(
                        "rows[" + size + "].currency",
                        ValidationRule.CURRENCY_MISMATCH,
                        "row " + size + " is in " + row.currency() + ", the batch in " + currency);
            }
            if (size == weightedDaysPastDue.length) {
                allocate(Math.max(16, size + (size >> 1)));
            }
            int i = size++;
            weightedDaysPastDue[i] = row.weightedDaysPastDue();
            overdueMinor[i] = row.overdueMinor();
            outstandingMinor[i] = row.outstandingMinor();
            creditUtilisation[i] = row.creditUtilisation();
            daysLateDeviation[i] = row.daysLateDeviation();
            historyDays[i] = row.historyDays();
            invoiceCount[i] = row.invoiceCount();
            settledCount[i] = row.settledCount();
            lateCount[i] = row.lateCount();
            writtenOffCount[i] = row.writtenOffCount();
            daysToPayTrend[i] = row.daysToPayTrend();
            outstandingGrowth[i] = row.outstandingGrowth();
            partialPaymentShare[i] = row.partialPaymentShare();
            return this;
        }

        /** @return the batch of the rows added so far */
        public PaymentBehaviours build() {
            return new PaymentBehaviours(this);
        }
    }
}
