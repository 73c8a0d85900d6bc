package dev.guanxi.crm.loyalty;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import java.util.Objects;

/**
 * The loyalty scores of many customers at once, for the scoring run: inputs and results in primitive columns, one
 * row per customer. Gives, for every row, exactly the numbers {@link LoyaltyScoring#score(LoyaltyInputs)} gives
 * for that row's inputs (both use the same arithmetic); {@link #explain(int)} builds that full {@link
 * LoyaltyScore}, with its notes, for one row on demand.
 *
 * <pre>{@code
 * LoyaltyScores scores = LoyaltyScores.columns(n)
 *         .frequency(frequency).tenureDays(tenureDays).pAlive(pAlive)
 *         .satisfaction(means, slopes, surveys)
 *         .complaints(complaints, resolved, reopened)
 *         .recentSpendShare(shares)
 *         .score(LoyaltyScoring.defaults());
 * }</pre>
 *
 * <p>O(n) time; besides the caller's columns it holds n scores, n type codes (a byte each) and the points of each
 * of the eight factors (8 n doubles). The input columns are not copied: {@link #inputs(int)} and {@link
 * #explain(int)} read them again, so the caller must not change them while this object is in use.
 *
 * <p>Thread-safe for reading once built, provided the caller's columns are not changed.
 */
@Beta
public final class LoyaltyScores {
    private final LoyaltyScoring scoring;
    private final int n;
    private final double[] frequency;
    private final double[] tenureDays;
    private final double[] pAlive;
    private final double[] satisfactionMean;
    private final double[] satisfactionSlope;
    private final int[] surveys;
    private final int[] complaints;
    private final int[] complaintsResolved;
    private final int[] complaintsReopened;
    private final double[] recentSpendShare;
    private final double[] scores;
    private final double[][] points;
    private final byte[] codes;

    private LoyaltyScores(Columns c, LoyaltyScoring scoring) {
        this.scoring = scoring;
        this.n = c.n;
        this.frequency = c.frequency;
        this.tenureDays = c.tenureDays;
        this.pAlive = c.pAlive;
        this.satisfactionMean = c.satisfactionMean;
        this.satisfactionSlope = c.satisfactionSlope;
        this.surveys = c.surveys;
        this.complaints = c.complaints;
        this.complaintsResolved = c.complaintsResolved;
        this.complaintsReopened = c.complaintsReopened;
        this.recentSpendShare = c.recentSpendShare;
        this.scores = new double[n];
        this.points = new double[LoyaltyScoring.FACTOR_COUNT][n];
        this.codes = new byte[n];
        double[] scratch = new double[LoyaltyScoring.FACTOR_COUNT];
        for (int i = 0; i < n; i++) {
            double f = frequency[i];
            double t = tenureDays[i];
            double p = pAlive(i);
            double m = satisfactionMean(i);
            double s = satisfactionSlope(i);
            int k = surveys(i);
            int q = complaints(i);
            int r = complaintsResolved(i);
            int o = complaintsReopened(i);
            double share = recentSpendShare(i);
            LoyaltyInputs.check(f, t, p, m, s, k, q, r, o, share, i);
            scores[i] = scoring.evaluate(f, t, p, m, s, k, q, r, o, share, scratch);
            for (int j = 0; j < scratch.length; j++) {
                points[j][i] = scratch[j];
            }
            codes[i] = (byte) scoring.typeCode(f, p, m, k, q, r);
        }
    }

    private double pAlive(int i) {
        return pAlive == null ? Double.NaN : pAlive[i];
    }

    private double satisfactionMean(int i) {
        return satisfactionMean == null ? Double.NaN : satisfactionMean[i];
    }

    private double satisfactionSlope(int i) {
        return satisfactionSlope == null ? Double.NaN : satisfactionSlope[i];
    }

    private int surveys(int i) {
        return surveys == null ? 0 : surveys[i];
    }

    private int complaints(int i) {
        return complaints == null ? 0 : complaints[i];
    }

    private int complaintsResolved(int i) {
        return complaintsResolved == null ? 0 : complaintsResolved[i];
    }

    private int complaintsReopened(int i) {
        return complaintsReopened == null ? 0 : complaintsReopened[i];
    }

    private double recentSpendShare(int i) {
        return recentSpendShare == null ? Double.NaN : recentSpendShare[i];
    }

    /**
     * Starts the columns of n customers. Frequency and tenure are required; the other columns default to "not
     * available" or zero as in {@link LoyaltyInputs#builder()}.
     *
     * @param n the number of customers, at least 0
     * @return a new column set
     * @throws IllegalArgumentException if n is negative
     */
    public static Columns columns(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be at least 0 but was " + n);
        }
        return new Columns(n);
    }

    /** @return the number of customers */
    public int size() {
        return n;
    }

    /** @return the policy the scores were computed with */
    public LoyaltyScoring scoring() {
        return scoring;
    }

    /**
     * Returns one customer's score.
     *
     * @param i the row
     * @return the score, 0 to 100
     * @throws IndexOutOfBoundsException if the row does not exist
     */
    public double score(int i) {
        return scores[Objects.checkIndex(i, n)];
    }

    /** @return a copy of the scores, one per row */
    public double[] scores() {
        return scores.clone();
    }

    /**
     * Returns one customer's loyalty type.
     *
     * @param i the row
     * @return the type
     * @throws IndexOutOfBoundsException if the row does not exist
     */
    public LoyaltyType type(int i) {
        return LoyaltyScoring.type(codes[Objects.checkIndex(i, n)]);
    }

    /** @return the types, one per row, in a new array */
    public LoyaltyType[] types() {
        LoyaltyType[] types = new LoyaltyType[n];
        for (int i = 0; i < n; i++) {
            types[i] = LoyaltyScoring.type(codes[i]);
        }
        return types;
    }

    /**
     * Returns whether one customer belongs to the super-value group (see {@link LoyaltyScore#superValue()}).
     *
     * @param i the row
     * @return whether the customer is super-value
     * @throws IndexOutOfBoundsException if the row does not exist
     */
    public boolean superValue(int i) {
        return (codes[Objects.checkIndex(i, n)] & LoyaltyScoring.SUPER_VALUE_FLAG) != 0;
    }

    /**
     * Returns one factor's points for one customer.
     *
     * @param factor the factor
     * @param i the row
     * @return the points
     * @throws IndexOutOfBoundsException if the row does not exist
     */
    public double points(LoyaltyFactor factor, int i) {
        return points[factor.ordinal()][Objects.checkIndex(i, n)];
    }

    /**
     * Returns one factor's points for every customer.
     *
     * @param factor the factor
     * @return a copy of the points, one per row
     */
    public double[] points(LoyaltyFactor factor) {
        return points[factor.ordinal()].clone();
    }

    /**
     * Returns one customer's inputs as a record (read again from the columns).
     *
     * @param i the row
     * @return the inputs
     * @throws IndexOutOfBoundsException if the row does not exist
     */
    public LoyaltyInputs inputs(int i) {
        Objects.checkIndex(i, n);
        return new LoyaltyInputs(
                frequency[i],
                tenureDays[i],
                pAlive(i),
                satisfactionMean(i),
                satisfactionSlope(i),
                surveys(i),
                complaints(i),
                complaintsResolved(i),
                complaintsReopened(i),
                recentSpendShare(i));
    }

    /**
     * Builds one customer's full score with its contributions, notes and reason: the same score, points and type
     * as this object holds for the row. O(1).
     *
     * @param i the row
     * @return the score
     * @throws IndexOutOfBoundsException if the row does not exist
     */
    public LoyaltyScore explain(int i) {
        return scoring.score(inputs(i));
    }

    /**
     * Renders one customer's reason: the text {@code explain(i).reason()} gives, from this object's columns,
     * without building the contributions and their notes. O(factors).
     *
     * @param i the row
     * @return the one-line explanation of {@link LoyaltyScore#reason()}
     * @throws IndexOutOfBoundsException if the row does not exist
     * @since 0.1.0
     */
    public String reason(int i) {
        Objects.checkIndex(i, n);
        double[] weights = scoring.shares(scoring.mask(pAlive(i), surveys(i), satisfactionSlope(i)));
        double[] row = new double[LoyaltyScoring.FACTOR_COUNT];
        for (int f = 0; f < row.length; f++) {
            row[f] = points[f][i];
        }
        return LoyaltyScore.reason(
                scores[i],
                LoyaltyScoring.type(codes[i]),
                (codes[i] & LoyaltyScoring.SUPER_VALUE_FLAG) != 0,
                LoyaltyScoring.FACTOR_KEYS,
                weights,
                row);
    }

    /**
     * The input columns of a {@link LoyaltyScores}; each column has one entry per customer. Arrays are kept, not
     * copied. Not thread-safe.
     */
    public static final class Columns {
        private final int n;
        private double[] frequency;
        private double[] tenureDays;
        private double[] pAlive;
        private double[] satisfactionMean;
        private double[] satisfactionSlope;
        private int[] surveys;
        private int[] complaints;
        private int[] complaintsResolved;
        private int[] complaintsReopened;
        private double[] recentSpendShare;

        private Columns(int n) {
            this.n = n;
        }

        /**
         * Sets the purchases per 365 days (required).
         *
         * @param values one per customer
         * @return these columns
         * @throws ValidationException with field {@code frequency} and rule {@code OUT_OF_RANGE} if the length is
         *     not n
         */
        public Columns frequency(double[] values) {
            frequency = length("frequency", values, values.length);
            return this;
        }

        /**
         * Sets the days as a customer (required).
         *
         * @param values one per customer
         * @return these columns
         * @throws ValidationException with field {@code tenureDays} and rule {@code OUT_OF_RANGE} if the length is
         *     not n
         */
        public Columns tenureDays(double[] values) {
            tenureDays = length("tenureDays", values, values.length);
            return this;
        }

        /**
         * Sets P(alive), {@code NaN} where not available (default: all not available).
         *
         * @param values one per customer
         * @return these columns
         * @throws ValidationException with field {@code pAlive} and rule {@code OUT_OF_RANGE} if the length is not n
         */
        public Columns pAlive(double[] values) {
            pAlive = length("pAlive", values, values.length);
            return this;
        }

        /**
         * Sets the satisfaction columns (default: no survey for anyone). A mean is read only where the survey
         * count is at least 1, a slope only where it is at least 2.
         *
         * @param means the mean normalised satisfaction, one per customer
         * @param slopesPerYear the trend per 365 days or {@code NaN}, one per customer
         * @param counts the number of survey responses, one per customer
         * @return these columns
         * @throws ValidationException with field {@code satisfactionMean}, {@code satisfactionSlope} or {@code
         *     surveys} and rule {@code OUT_OF_RANGE} if a length is not n
         */
        public Columns satisfaction(double[] means, double[] slopesPerYear, int[] counts) {
            satisfactionMean = length("satisfactionMean", means, means.length);
            satisfactionSlope = length("satisfactionSlope", slopesPerYear, slopesPerYear.length);
            surveys = length("surveys", counts, counts.length);
            return this;
        }

        /**
         * Sets the complaint columns (default: no complaint for anyone).
         *
         * @param counts the number of complaints, one per customer
         * @param resolved how many are resolved, one per customer
         * @param reopened how often they were reopened, one per customer
         * @return these columns
         * @throws ValidationException with field {@code complaints}, {@code complaintsResolved} or {@code
         *     complaintsReopened} and rule {@code OUT_OF_RANGE} if a length is not n
         */
        public Columns complaints(int[] counts, int[] resolved, int[] reopened) {
            complaints = length("complaints", counts, counts.length);
            complaintsResolved = length("complaintsResolved", resolved, resolved.length);
            complaintsReopened = length("complaintsReopened", reopened, reopened.length);
            return this;
        }

        /**
         * Sets the share of spend in the recent window, {@code NaN} for no spend (default: no spend for anyone).
         *
         * @param values one per customer
         * @return these columns
         * @throws ValidationException with field {@code recentSpendShare} and rule {@code OUT_OF_RANGE} if the
         *     length is not n
         */
        public Columns recentSpendShare(double[] values) {
            recentSpendShare = length("recentSpendShare", values, values.length);
            return this;
        }

        /**
         * Validates every row and scores it. O(n).
         *
         * @param scoring the policy
         * @return the scores
         * @throws ValidationException with rule {@code REQUIRED} naming {@code frequency} or {@code tenureDays} if
         *     that column was not set, or with rule {@code OUT_OF_RANGE} naming the first input outside its range
         *     as {@link LoyaltyInputs} does (the message names the row)
         */
        public LoyaltyScores score(LoyaltyScoring scoring) {
            Objects.requireNonNull(scoring, "scoring");
            if (frequency == null) {
                throw new ValidationException("frequency", ValidationRule.REQUIRED, "the frequency column is required");
            }
            if (tenureDays == null) {
                throw new ValidationException(
                        "tenureDays", ValidationRule.REQUIRED, "the tenureDays column is required");
            }
            return new LoyaltyScores(this, scoring);
        }

        private <T> T length(String field, T values, int length) {
            if (length != n) {
                throw new ValidationException(
                        field, ValidationRule.OUT_OF_RANGE, field + " has " + length + " values but n is " + n);
            }
            return values;
        }
    }
}
