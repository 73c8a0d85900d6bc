package dev.guanxi.crm.loyalty;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.service.SurveyResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;

/**
 * One customer's satisfaction as a time series with a trend: each survey response normalised to a value between 0
 * (least satisfied) and 1 (most satisfied), in time order, with the count, the mean, the latest value, a
 * least-squares slope a year and a recency-weighted mean.
 *
 * <p><b>Normalisation</b> ({@link #normalise(Integer, Integer)}): a CSAT score c (1 to 5) becomes (c − 1) / 4, an
 * NPS answer n (0 to 10) becomes n / 10, and a response with both becomes the plain mean of the two, so each
 * question counts half. CSAT 4 ("satisfied") is 0.75; NPS 9 (the lowest promoter) is 0.9.
 *
 * <p><b>Slope</b>: the ordinary least-squares slope of value on time, in value units per 365 days (so 0.25 a year
 * is one CSAT point a year); {@code NaN} with fewer than two responses or when all lie at the same instant.
 *
 * <p>Responses at the same instant keep the order they were given in (a stable sort); the latest value is the
 * last of them. Times are seconds since the epoch ({@code 1970-01-01T00:00:00Z}) as doubles. A series may be empty
 * (a customer who answered no survey): its count is 0 and its statistics are {@code NaN}.
 *
 * <p>Immutable and thread-safe. Building sorts: O(k log k) for k responses.
 */
@Beta
public final class SatisfactionTrend {
    /** Seconds in the 365 days the slope is expressed over. */
    public static final double SECONDS_PER_YEAR = 365 * 86_400.0;

    private static final SatisfactionTrend EMPTY = new SatisfactionTrend(new double[0], new double[0]);

    private final double[] times;
    private final double[] values;
    private final double mean;
    private final double slope;

    private SatisfactionTrend(double[] times, double[] values) {
        this.times = times;
        this.values = values;
        this.mean = mean(values, 0, values.length);
        this.slope = slope(times, values, 0, values.length, mean);
    }

    /**
     * Returns the empty series of a customer who answered no survey.
     *
     * @return the empty series
     */
    public static SatisfactionTrend empty() {
        return EMPTY;
    }

    /**
     * Normalises one response's scores to a value from 0 to 1 (see the class description).
     *
     * @param csat the CSAT score 1 to 5, or {@code null}
     * @param nps the NPS answer 0 to 10, or {@code null}
     * @return (c − 1) / 4, n / 10, or their mean when both are given
     * @throws ValidationException with field {@code csat} and rule {@code REQUIRED} if both are null, or naming
     *     {@code csat} or {@code nps} with rule {@code OUT_OF_RANGE} if a score is outside its scale
     */
    public static double normalise(Integer csat, Integer nps) {
        if (csat == null && nps == null) {
            throw new ValidationException(
                    "csat", ValidationRule.REQUIRED, "a survey response needs a CSAT score, an NPS answer or both");
        }
        if (csat != null && (csat < SurveyResponse.CSAT_MIN || csat > SurveyResponse.CSAT_MAX)) {
            throw new ValidationException("csat", ValidationRule.OUT_OF_RANGE, "csat must be 1 to 5 but was " + csat);
        }
        if (nps != null && (nps < SurveyResponse.NPS_MIN || nps > SurveyResponse.NPS_MAX)) {
            throw new ValidationException("nps", ValidationRule.OUT_OF_RANGE, "nps must be 0 to 10 but was " + nps);
        }
        if (nps == null) {
            return (csat - 1) / 4.0;
        }
        if (csat == null) {
            return nps / 10.0;
        }
        return ((csat - 1) / 4.0 + nps / 10.0) / 2;
    }

    /**
     * Builds the series of one customer's responses, sorted by {@code respondedAt} (ties keep the given order).
     * The responses are not checked to belong to one customer.
     *
     * @param responses the responses, in any order; may be empty
     * @return the series
     * @throws NullPointerException if the collection or an element is null
     */
    public static SatisfactionTrend of(Collection<SurveyResponse> responses) {
        Objects.requireNonNull(responses, "responses");
        if (responses.isEmpty()) {
            return EMPTY;
        }
        SurveyResponse[] sorted = responses.toArray(new SurveyResponse[0]);
        for (SurveyResponse r : sorted) {
            Objects.requireNonNull(r, "responses contains null");
        }
        Arrays.sort(sorted, Comparator.comparing(SurveyResponse::respondedAt)); // stable
        double[] times = new double[sorted.length];
        double[] values = new double[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            Instant at = sorted[i].respondedAt();
            times[i] = at.getEpochSecond() + at.getNano() / 1e9;
            values[i] = normalise(sorted[i].csat(), sorted[i].nps());
        }
        return new SatisfactionTrend(times, values);
    }

    /**
     * Builds a series from columns: times in seconds since the epoch and normalised values. The arrays are copied
     * and sorted by time (ties keep the given order).
     *
     * @param epochSeconds the time of each response, finite
     * @param values the normalised value of each response, 0 to 1
     * @return the series
     * @throws ValidationException naming {@code epochSeconds} or {@code values} with rule {@code OUT_OF_RANGE} if
     *     the lengths differ or a value is outside its range (the message names the row)
     */
    public static SatisfactionTrend ofEpochSeconds(double[] epochSeconds, double[] values) {
        return ofColumns(epochSeconds, values, 1, "epochSeconds");
    }

    /**
     * Builds a series from columns: times in days since the epoch (fractions allowed) and normalised values. The
     * arrays are copied and sorted by time (ties keep the given order).
     *
     * @param epochDays the time of each response, finite
     * @param values the normalised value of each response, 0 to 1
     * @return the series
     * @throws ValidationException naming {@code epochDays} or {@code values} with rule {@code OUT_OF_RANGE} if the
     *     lengths differ or a value is outside its range (the message names the row)
     */
    public static SatisfactionTrend ofEpochDays(double[] epochDays, double[] values) {
        return ofColumns(epochDays, values, 86_400.0, "epochDays");
    }

    private static SatisfactionTrend ofColumns(double[] times, double[] values, double toSeconds, String timeField) {
        Objects.requireNonNull(times, timeField);
        Objects.requireNonNull(values, "values");
        int k = times.length;
        if (values.length != k) {
            throw new ValidationException(
                    "values",
                    ValidationRule.OUT_OF_RANGE,
                    "values has " + values.length + " entries but " + timeField + " has " + k);
        }
        boolean sorted = true;
        for (int i = 0; i < k; i++) {
            checkRow(timeField, times[i], values[i], i);
            sorted &= i == 0 || times[i - 1] <= times[i];
        }
        if (k == 0) {
            return EMPTY;
        }
        double[] t = new double[k];
        double[] v = new double[k];
        if (sorted) {
            for (int i = 0; i < k; i++) {
                t[i] = times[i] * toSeconds;
                v[i] = values[i];
            }
        } else {
            Integer[] order = new Integer[k];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, Comparator.comparingDouble(i -> times[i])); // stable
            for (int i = 0; i < k; i++) {
                t[i] = times[order[i]] * toSeconds;
                v[i] = values[order[i]];
            }
        }
        return new SatisfactionTrend(t, v);
    }

    private static void checkRow(String timeField, double time, double value, int row) {
        if (!Double.isFinite(time)) {
            throw new ValidationException(
                    timeField, ValidationRule.OUT_OF_RANGE, timeField + " must be finite but was " + time + row(row));
        }
        if (!(value >= 0 && value <= 1)) {
            throw new ValidationException(
                    "values", ValidationRule.OUT_OF_RANGE, "values must be 0 to 1 but was " + value + row(row));
        }
    }

    private static String row(int row) {
        return " (row " + row + ")";
    }

    /**
     * Summarises many customers' series at once, for the scoring run: customer {@code c}'s responses are rows
     * {@code offsets[c]} (inclusive) to {@code offsets[c + 1]} (exclusive) of the two columns, in time order. Writes
     * each customer's count, mean and slope a year — the same numbers, bit for bit, as {@link #count()}, {@link
     * #mean()} and {@link #slopePerYear()} of {@link #ofEpochSeconds} on that customer's rows. O(k) time for k rows
     * in all, no allocation.
     *
     * @param offsets n + 1 ascending row offsets for n customers, from 0 to the number of rows
     * @param epochSeconds the time of each row, ascending within each customer
     * @param values the normalised value of each row, 0 to 1
     * @param counts receives each customer's number of responses (at least n entries)
     * @param means receives each customer's mean ({@code NaN} without responses; at least n entries)
     * @param slopesPerYear receives each customer's slope a year ({@code NaN} when not defined; at least n entries)
     * @throws ValidationException naming {@code offsets}, {@code epochSeconds}, {@code values} or an output array
     *     with rule {@code OUT_OF_RANGE} if the layout is inconsistent, a value is outside its range or a
     *     customer's times are not ascending (the message names the row)
     */
    public static void summarise(
            int[] offsets,
            double[] epochSeconds,
            double[] values,
            int[] counts,
            double[] means,
            double[] slopesPerYear) {
        Objects.requireNonNull(offsets, "offsets");
        Objects.requireNonNull(epochSeconds, "epochSeconds");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(means, "means");
        Objects.requireNonNull(slopesPerYear, "slopesPerYear");
        if (offsets.length == 0) {
            throw new ValidationException(
                    "offsets", ValidationRule.OUT_OF_RANGE, "offsets needs n + 1 entries for n customers");
        }
        int n = offsets.length - 1;
        int rows = epochSeconds.length;
        if (values.length != rows) {
            throw new ValidationException(
                    "values",
                    ValidationRule.OUT_OF_RANGE,
                    "values has " + values.length + " entries but epochSeconds has " + rows);
        }
        if (offsets[0] != 0 || offsets[n] != rows) {
            throw new ValidationException(
                    "offsets",
                    ValidationRule.OUT_OF_RANGE,
                    "offsets must start at 0 and end at the number of rows (" + rows + ")");
        }
        checkOutput("counts", counts.length, n);
        checkOutput("means", means.length, n);
        checkOutput("slopesPerYear", slopesPerYear.length, n);
        for (int c = 0; c < n; c++) {
            int from = offsets[c];
            int to = offsets[c + 1];
            if (to < from) {
                throw new ValidationException(
                        "offsets", ValidationRule.OUT_OF_RANGE, "offsets must not decrease" + row(c + 1));
            }
            for (int i = from; i < to; i++) {
                checkRow("epochSeconds", epochSeconds[i], values[i], i);
                if (i > from && epochSeconds[i - 1] > epochSeconds[i]) {
                    throw new ValidationException(
                            "epochSeconds",
                            ValidationRule.OUT_OF_RANGE,
                            "epochSeconds must be ascending within a customer" + row(i));
                }
            }
        }
        for (int c = 0; c < n; c++) {
            int from = offsets[c];
            int to = offsets[c + 1];
            double m = mean(values, from, to);
            counts[c] = to - from;
            means[c] = m;
            slopesPerYear[c] = slope(epochSeconds, values, from, to, m);
        }
    }

    private static void checkOutput(String field, int length, int n) {
        if (length < n) {
            throw new ValidationException(
                    field, ValidationRule.OUT_OF_RANGE, field + " has " + length + " entries but needs " + n);
        }
    }

    /** The plain mean of rows from..to, summed in row order; NaN when empty. */
    static double mean(double[] v, int from, int to) {
        if (to == from) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += v[i];
        }
        return sum / (to - from);
    }

    /**
     * The least-squares slope of v on t over rows from..to, a year. Times are taken relative to the first row and
     * centred before the sums (two passes), so epoch-sized times lose no precision.
     */
    static double slope(double[] t, double[] v, int from, int to, double mean) {
        int k = to - from;
        if (k < 2) {
            return Double.NaN;
        }
        double t0 = t[from];
        double tSum = 0;
        for (int i = from; i < to; i++) {
            tSum += t[i] - t0;
        }
        double tMean = tSum / k;
        double sxx = 0;
        double sxy = 0;
        for (int i = from; i < to; i++) {
            double dt = t[i] - t0 - tMean;
            sxx += dt * dt;
            sxy += dt * (v[i] - mean);
        }
        if (sxx == 0) {
            return Double.NaN;
        }
        return sxy / sxx * SECONDS_PER_YEAR;
    }

    /** @return how many responses the series holds */
    public int count() {
        return values.length;
    }

    /** @return whether the series holds no response */
    public boolean isEmpty() {
        return values.length == 0;
    }

    /** @return the mean normalised value, or {@code NaN} for an empty series */
    public double mean() {
        return mean;
    }

    /** @return the normalised value of the latest response, or {@code NaN} for an empty series */
    public double latest() {
        return values.length == 0 ? Double.NaN : values[values.length - 1];
    }

    /**
     * Returns the least-squares slope of the normalised value over time, per 365 days.
     *
     * @return the slope, or {@code NaN} with fewer than two responses or when all lie at the same instant
     */
    public double slopePerYear() {
        return slope;
    }

    /**
     * Returns the mean with weights halving every {@code halfLifeDays} going back from the latest response: the
     * weight of response i is 2^(−(t_latest − t_i) / halfLife). Only the relative weights matter, so taking the
     * latest response rather than "today" as the reference changes nothing. O(k).
     *
     * @param halfLifeDays the half-life in days, finite and greater than 0
     * @return the weighted mean, or {@code NaN} for an empty series
     * @throws ValidationException with field {@code halfLifeDays} and rule {@code OUT_OF_RANGE} if it is not
     *     finite and positive
     */
    public double recencyWeightedMean(double halfLifeDays) {
        if (!(halfLifeDays > 0) || halfLifeDays == Double.POSITIVE_INFINITY) {
            throw new ValidationException(
                    "halfLifeDays",
                    ValidationRule.OUT_OF_RANGE,
                    "halfLifeDays must be finite and greater than 0 but was " + halfLifeDays);
        }
        int k = values.length;
        if (k == 0) {
            return Double.NaN;
        }
        double last = times[k - 1];
        double halfLife = halfLifeDays * 86_400.0;
        double weights = 0;
        double sum = 0;
        for (int i = 0; i < k; i++) {
            double w = Math.pow(2, -(last - times[i]) / halfLife);
            weights += w;
            sum += w * values[i];
        }
        return sum / weights;
    }

    /**
     * Returns the time of the i-th response in time order.
     *
     * @param i the index, 0 to {@link #count()} − 1
     * @return seconds since the epoch
     * @throws IndexOutOfBoundsException if i is outside the series
     */
    public double epochSecond(int i) {
        Objects.checkIndex(i, values.length);
        return times[i];
    }

    /**
     * Returns the normalised value of the i-th response in time order.
     *
     * @param i the index, 0 to {@link #count()} − 1
     * @return the value, 0 to 1
     * @throws IndexOutOfBoundsException if i is outside the series
     */
    public double value(int i) {
        Objects.checkIndex(i, values.length);
        return values[i];
    }

    /** @return the count, mean, latest value and slope, for logs */
    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "SatisfactionTrend[count=%d, mean=%.4f, latest=%.4f, slopePerYear=%.4f]",
                count(),
                mean,
                latest(),
                slope);
    }
}
