package dev.guanxi.crm.analytics;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

/**
 * Per-customer repeat-purchase summaries in primitive columns, the input of the purchase models: for customer
 * {@code i}, frequency {@code x} (distinct purchase days after the first in the calibration period; same-day
 * purchases count once and their amounts are summed), recency {@code t_x} (time from the first to the last
 * purchase day, 0 when {@code x = 0}), {@code T} (time from the first purchase to the end of calibration), the
 * monetary value (mean amount of the repeat purchase days, the first excluded, in major currency units; 0 when
 * {@code x = 0}) and, when an observation end is given, the holdout frequency (distinct purchase days after the
 * calibration end up to the observation end) and the holdout duration. Times are in a {@link PeriodUnit}.
 *
 * <p>Built from a {@link TransactionLog} ({@link #fromLog}) or from summaries computed elsewhere ({@link
 * #of}). Customers of the log without a purchase on or before the calibration end are not included; rows keep
 * the ascending order of the log's customer indices ({@link #customer(int)} maps back).
 *
 * <p>Immutable and thread-safe.
 */
@Beta
public final class CustomerSummaries {
    private final int[] customers;
    private final int[] firstDays;
    final double[] frequency;
    final double[] recency;
    final double[] age;
    final double[] monetary;
    final double[] holdoutFrequency;
    private final double holdoutDuration;
    private final PeriodUnit unit;
    private final int calibrationEndDay;

    private CustomerSummaries(
            int[] customers,
            int[] firstDays,
            double[] frequency,
            double[] recency,
            double[] age,
            double[] monetary,
            double[] holdoutFrequency,
            double holdoutDuration,
            PeriodUnit unit,
            int calibrationEndDay) {
        this.customers = customers;
        this.firstDays = firstDays;
        this.frequency = frequency;
        this.recency = recency;
        this.age = age;
        this.monetary = monetary;
        this.holdoutFrequency = holdoutFrequency;
        this.holdoutDuration = holdoutDuration;
        this.unit = unit;
        this.calibrationEndDay = calibrationEndDay;
    }

    /**
     * Summarises a log with a calibration period only (no holdout).
     *
     * @param log the purchases
     * @param calibrationEnd the last day of the calibration period, inclusive
     * @param unit the time unit of recency and T
     * @return the summaries
     * @see #fromLog(TransactionLog, LocalDate, LocalDate, PeriodUnit)
     */
    public static CustomerSummaries fromLog(TransactionLog log, LocalDate calibrationEnd, PeriodUnit unit) {
        return fromLog(log, calibrationEnd, calibrationEnd, unit);
    }

    /**
     * Summarises a log with a calibration period ending at {@code calibrationEnd} (inclusive) and a holdout
     * period from the next day to {@code observationEnd} (inclusive). O(n log k) time for n rows and at most k
     * rows per customer (a counting sort by customer, then a sort of each customer's days), O(n + c) memory for
     * c customers; rows after {@code observationEnd} are ignored.
     *
     * @param log the purchases
     * @param calibrationEnd the last day of the calibration period
     * @param observationEnd the last day of the holdout period, not before {@code calibrationEnd}
     * @param unit the time unit of recency, T and the holdout duration
     * @return the summaries
     * @throws ValidationException with field {@code observationEnd} and rule {@code DATE_ORDER} if it lies before
     *     the calibration end
     */
    public static CustomerSummaries fromLog(
            TransactionLog log, LocalDate calibrationEnd, LocalDate observationEnd, PeriodUnit unit) {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(calibrationEnd, "calibrationEnd");
        Objects.requireNonNull(observationEnd, "observationEnd");
        Objects.requireNonNull(unit, "unit");
        if (observationEnd.isBefore(calibrationEnd)) {
            throw new ValidationException(
                    "observationEnd", ValidationRule.DATE_ORDER, "observationEnd lies before calibrationEnd");
        }
        long calEnd = calibrationEnd.toEpochDay();
        long obsEnd = observationEnd.toEpochDay();
        int n = log.size();
        int c = log.customerCount();
        int[] cust = log.customerColumn();
        int[] days = log.dayColumn();
        long[] amounts = log.amountColumn();
        double scale = Math.pow(10, log.amountFractionDigits());

        // counting sort of the rows by customer
        int[] start = new int[c + 1];
        for (int i = 0; i < n; i++) {
            start[cust[i] + 1]++;
        }
        for (int k = 0; k < c; k++) {
            start[k + 1] += start[k];
        }
        int minDay = Integer.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            minDay = Math.min(minDay, days[i]);
        }
        // per row: (day offset << 32) | row, sorted within each customer's segment
        long[] keys = new long[n];
        int[] fill = Arrays.copyOf(start, c);
        for (int i = 0; i < n; i++) {
            keys[fill[cust[i]]++] = ((long) (days[i] - (long) minDay) << 32) | i;
        }
        int included = 0;
        for (int k = 0; k < c; k++) {
            int from = start[k];
            int to = start[k + 1];
            if (to - from > 1) {
                Arrays.sort(keys, from, to);
            }
            if (to > from && minDay + (keys[from] >>> 32) <= calEnd) {
                included++;
            }
        }
        int[] customers = new int[included];
        int[] firstDays = new int[included];
        double[] x = new double[included];
        double[] tx = new double[included];
        double[] bigT = new double[included];
        double[] money = new double[included];
        double[] holdout = new double[included];
        int row = 0;
        for (int k = 0; k < c; k++) {
            int from = start[k];
            int to = start[k + 1];
            if (to == from) {
                continue;
            }
            long first = minDay + (keys[from] >>> 32);
            if (first > calEnd) {
                continue;
            }
            long last = first;
            long repeats = 0;
            long repeatAmount = 0;
            long holdoutDays = 0;
            long previous = first;
            for (int j = from; j < to; j++) {
                long day = minDay + (keys[j] >>> 32);
                long amount = amounts[(int) keys[j]];
                if (day > obsEnd) {
                    break;
                }
                if (day <= calEnd) {
                    if (day != first) {
                        repeatAmount += amount;
                        if (day != previous) {
                            repeats++;
                        }
                        last = day;
                    }
                } else if (day != previous) {
                    holdoutDays++;
                }
                previous = day;
            }
            customers[row] = k;
            firstDays[row] = (int) first;
            x[row] = repeats;
            tx[row] = unit.fromDays(last - first);
            bigT[row] = unit.fromDays(calEnd - first);
            money[row] = repeats == 0 ? 0 : repeatAmount / scale / repeats;
            holdout[row] = holdoutDays;
            row++;
        }
        return new CustomerSummaries(
                customers, firstDays, x, tx, bigT, money, holdout, unit.fromDays(obsEnd - calEnd), unit, (int) calEnd);
    }

    /**
     * Wraps summaries computed elsewhere (e.g. read from a file); the arrays are copied and validated. Customer
     * indices are the row numbers; there is no holdout and no first-purchase date.
     *
     * @param frequency x per customer
     * @param recency t_x per customer
     * @param age T per customer
     * @param monetaryValue mean repeat-purchase value per customer, or {@code null} for none (all 0)
     * @param unit the time unit the times are in
     * @return the summaries
     * @throws ValidationException naming {@code frequency}, {@code recency}, {@code T} or {@code monetaryValue}
     *     (the message names the row) if a row is invalid
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static CustomerSummaries of(
            double[] frequency, double[] recency, double[] age, double[] monetaryValue, PeriodUnit unit) {
        Objects.requireNonNull(unit, "unit");
        int n = frequency.length;
        if (recency.length != n || age.length != n || (monetaryValue != null && monetaryValue.length != n)) {
            throw new IllegalArgumentException("frequency, recency, T and monetaryValue must have the same length");
        }
        for (int i = 0; i < n; i++) {
            try {
                InputChecks.check(frequency[i], recency[i], age[i]);
            } catch (ValidationException e) {
                throw InputChecks.fail(
                        e.field(), "row " + i + ": " + e.violations().get(0).message());
            }
            if (monetaryValue != null && !(monetaryValue[i] >= 0 && monetaryValue[i] < Double.POSITIVE_INFINITY)) {
                throw InputChecks.fail("monetaryValue", "row " + i + ": monetaryValue must be finite and at least 0");
            }
        }
        int[] customers = new int[n];
        Arrays.setAll(customers, i -> i);
        int[] firstDays = new int[n];
        Arrays.fill(firstDays, Integer.MIN_VALUE);
        return new CustomerSummaries(
                customers,
                firstDays,
                frequency.clone(),
                recency.clone(),
                age.clone(),
                monetaryValue == null ? new double[n] : monetaryValue.clone(),
                new double[n],
                0,
                unit,
                Integer.MIN_VALUE);
    }

    /** @return how many customers are summarised */
    public int size() {
        return frequency.length;
    }

    /** @return the time unit of recency, T and the holdout duration */
    public PeriodUnit unit() {
        return unit;
    }

    /**
     * @param i a row
     * @return the customer index in the log (the row number for {@link #of})
     */
    public int customer(int i) {
        return customers[i];
    }

    /**
     * @param i a row
     * @return the epoch day of the customer's first purchase ({@link Integer#MIN_VALUE} for {@link #of})
     */
    public int firstPurchaseDay(int i) {
        return firstDays[i];
    }

    /**
     * @param i a row
     * @return the frequency x
     */
    public double frequency(int i) {
        return frequency[i];
    }

    /**
     * @param i a row
     * @return the recency t_x
     */
    public double recency(int i) {
        return recency[i];
    }

    /**
     * @param i a row
     * @return T, the time from the first purchase to the calibration end
     */
    public double age(int i) {
        return age[i];
    }

    /**
     * @param i a row
     * @return the mean value of the repeat purchase days in major units, 0 when x = 0
     */
    public double monetaryValue(int i) {
        return monetary[i];
    }

    /**
     * @param i a row
     * @return the distinct purchase days in the holdout period
     */
    public double holdoutFrequency(int i) {
        return holdoutFrequency[i];
    }

    /** @return the length of the holdout period in the unit (0 when there is none) */
    public double holdoutDuration() {
        return holdoutDuration;
    }

    /** @return the epoch day of the calibration end ({@link Integer#MIN_VALUE} for {@link #of}) */
    public int calibrationEndDay() {
        return calibrationEndDay;
    }

    /** @return a copy of the frequency column */
    public double[] frequencies() {
        return frequency.clone();
    }

    /** @return a copy of the recency column */
    public double[] recencies() {
        return recency.clone();
    }

    /** @return a copy of the T column */
    public double[] ages() {
        return age.clone();
    }

    /** @return a copy of the monetary value column */
    public double[] monetaryValues() {
        return monetary.clone();
    }

    /** @return a copy of the holdout frequency column */
    public double[] holdoutFrequencies() {
        return holdoutFrequency.clone();
    }
}
