package dev.guanxi.crm.analytics;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

/**
 * The tracking view of Fader, Hardie and Lee (2005): expected repeat purchases of a whole cohort per period,
 * incremental and cumulative, beside the actual repeat purchases of the log. Customer {@code i} enters at the
 * time of the first purchase {@code s_i}; at the end of period {@code k} the cumulative forecast is the sum
 * over customers of the model's unconditional {@code E[X(k - s_i)]} (0 before entry). Actual repeat purchases
 * are the distinct purchase days after each customer's first, in the period that contains the day. Periods
 * are one {@link PeriodUnit} long and start at {@code start}; customers whose first purchase lies before
 * {@code start} are left out. Usable as a demand forecast for periods beyond the log.
 *
 * <p>With BG/NBD on the CDNOW sample, the cumulative forecast at week 78 falls about 4% short of the 4,339
 * actual repeat purchases.
 *
 * <p>Immutable and thread-safe.
 */
@Beta
public final class PurchaseTracking {
    private final LocalDate start;
    private final PeriodUnit unit;
    private final double[] expectedIncremental;
    private final double[] expectedCumulative;
    private final long[] actualIncremental;
    private final long[] actualCumulative;
    private final int customers;

    private PurchaseTracking(LocalDate start, PeriodUnit unit, double[] expected, long[] actual, int customers) {
        this.start = start;
        this.unit = unit;
        this.expectedCumulative = expected;
        this.actualIncremental = actual;
        this.customers = customers;
        int n = expected.length;
        this.expectedIncremental = new double[n];
        this.actualCumulative = new long[n];
        for (int k = 0; k < n; k++) {
            expectedIncremental[k] = expected[k] - (k == 0 ? 0 : expected[k - 1]);
            actualCumulative[k] = actual[k] + (k == 0 ? 0 : actualCumulative[k - 1]);
        }
    }

    /**
     * Computes the forecast and the actuals. O(n log n) for the n rows of the log (a sort by customer and day)
     * plus O(f · periods) model evaluations for f distinct first-purchase days.
     *
     * @param model a purchase model whose time unit is {@code unit}
     * @param log the purchases
     * @param start the first day of period 1
     * @param unit the length of one period and the model's time unit
     * @param periods how many periods, at least 1
     * @return the tracking table
     * @throws ValidationException with field {@code periods} if it is below 1
     */
    public static PurchaseTracking of(
            RepeatPurchaseModel model, TransactionLog log, LocalDate start, PeriodUnit unit, int periods) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(unit, "unit");
        if (periods < 1) {
            throw InputChecks.fail("periods", "periods must be at least 1: " + periods);
        }
        long origin = start.toEpochDay();
        int n = log.size();
        int[] cust = log.customerColumn();
        int[] days = log.dayColumn();
        long[] keys = new long[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            long offset = days[i] - origin;
            if (offset >= Integer.MIN_VALUE && offset <= Integer.MAX_VALUE) {
                keys[m++] = ((long) cust[i] << 32) | ((offset - Integer.MIN_VALUE) & 0xFFFFFFFFL);
            }
        }
        Arrays.sort(keys, 0, m);
        int unitDays = unit.days();
        long horizonDays = (long) periods * unitDays;
        long[] actual = new long[periods];
        long[] entrants = new long[(int) Math.min(horizonDays, Integer.MAX_VALUE)];
        int cohort = 0;
        int i = 0;
        while (i < m) {
            long customer = keys[i] >>> 32;
            long first = (keys[i] & 0xFFFFFFFFL) + Integer.MIN_VALUE;
            long previous = first;
            int j = i + 1;
            if (first >= 0) {
                if (first < horizonDays) {
                    entrants[(int) first]++;
                }
                cohort++;
            }
            for (; j < m && (keys[j] >>> 32) == customer; j++) {
                long day = (keys[j] & 0xFFFFFFFFL) + Integer.MIN_VALUE;
                if (first >= 0 && day != previous && day < horizonDays) {
                    actual[(int) (day / unitDays)]++;
                }
                previous = day;
            }
            i = j;
        }
        double[] expected = new double[periods];
        // E[X(t)] depends on the elapsed days only: evaluate it once per distinct elapsed day, not per
        // (entry day, period) pair (a hypergeometric series each time).
        double[] byElapsedDay = new double[(int) Math.min(horizonDays, Integer.MAX_VALUE - 8) + 1];
        java.util.Arrays.fill(byElapsedDay, Double.NaN);
        for (int f = 0; f < entrants.length; f++) {
            long count = entrants[f];
            if (count == 0) {
                continue;
            }
            for (int k = 0; k < periods; k++) {
                long elapsed = (long) (k + 1) * unitDays - f;
                if (elapsed > 0) {
                    int e = (int) elapsed;
                    if (Double.isNaN(byElapsedDay[e])) {
                        byElapsedDay[e] = model.expectedPurchases(unit.fromDays(elapsed));
                    }
                    expected[k] += count * byElapsedDay[e];
                }
            }
        }
        return new PurchaseTracking(start, unit, expected, actual, cohort);
    }

    /** @return the first day of period 1 */
    public LocalDate start() {
        return start;
    }

    /** @return the period length */
    public PeriodUnit unit() {
        return unit;
    }

    /** @return how many periods the table has */
    public int periods() {
        return expectedCumulative.length;
    }

    /** @return the customers of the cohort (first purchase on or after the start) */
    public int customers() {
        return customers;
    }

    /**
     * @param period a period, 1-based
     * @return expected repeat purchases in that period
     */
    public double expectedIncremental(int period) {
        return expectedIncremental[period - 1];
    }

    /**
     * @param period a period, 1-based
     * @return expected repeat purchases up to the end of that period
     */
    public double expectedCumulative(int period) {
        return expectedCumulative[period - 1];
    }

    /**
     * @param period a period, 1-based
     * @return actual repeat purchases (distinct days) in that period
     */
    public long actualIncremental(int period) {
        return actualIncremental[period - 1];
    }

    /**
     * @param period a period, 1-based
     * @return actual repeat purchases up to the end of that period
     */
    public long actualCumulative(int period) {
        return actualCumulative[period - 1];
    }
}
