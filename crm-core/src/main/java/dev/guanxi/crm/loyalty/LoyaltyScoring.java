package dev.guanxi.crm.loyalty;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.classification.Contribution;
import dev.guanxi.crm.internal.DecimalText;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The loyalty policy: turns a customer's {@link LoyaltyInputs} into a {@link LoyaltyScore} from 0 to 100 with one
 * {@link Contribution} per {@link LoyaltyFactor}, and decides the {@link LoyaltyType}.
 *
 * <h2>Score</h2>
 *
 * Each factor f gives a level L_f from 0 to 1 and has a weight W_f. The points of f are 100 × W_f / S × L_f, where S
 * is the sum of the weights of the factors available for this customer; the score is the sum of the points (capped
 * at 100 against rounding). A factor that is not available is left out with weight 0 and its weight is thereby
 * shared out over the others in proportion to their weights — the score is a weighted mean of what is known. If no
 * weighted factor is available the score is 0. The levels, with the saturation points of this policy:
 *
 * <ul>
 *   <li>{@link LoyaltyFactor#FREQUENCY frequency}: min(1, frequency / {@link #frequencySaturation()});
 *   <li>{@link LoyaltyFactor#TENURE tenure}: min(1, tenureDays / {@link #tenureSaturationDays()});
 *   <li>{@link LoyaltyFactor#P_ALIVE pAlive}: P(alive); not available when {@code NaN};
 *   <li>{@link LoyaltyFactor#SATISFACTION satisfaction}: the mean normalised satisfaction; not available without a
 *       survey;
 *   <li>{@link LoyaltyFactor#SATISFACTION_TREND satisfactionTrend}: 0.5 + slope / (2 × {@link
 *       #trendSaturationPerYear()}) clamped to 0..1 (flat is 0.5; rising by the saturation a year or more is 1);
 *       not available with fewer than two surveys or a {@code NaN} slope;
 *   <li>{@link LoyaltyFactor#COMPLAINTS complaints}: max(0, 1 − complaints / {@link #complaintSaturation()});
 *   <li>{@link LoyaltyFactor#COMPLAINT_RESOLUTION complaintResolution}: 1 without complaints, else max(0, (resolved
 *       − {@link #reopenedPenalty()} × reopened) / complaints);
 *   <li>{@link LoyaltyFactor#RECENT_SPEND recentSpend}: min(1, recentSpendShare / expected), where expected =
 *       min(1, {@link #recentWindowDays()} / tenureDays) is the share an even spender would have (1 for a tenure
 *       within the window). So keeping one's pace earns full points and a falling-off customer loses them. A
 *       customer who spent nothing ({@code NaN} share) gets 0: this factor is not shared out.
 * </ul>
 *
 * <p>Default weights (they need not add up to 100, only their ratios matter): frequency 25, tenure 10, pAlive 15,
 * satisfaction 20, satisfactionTrend 5, complaints 5, complaintResolution 10, recentSpend 10. Default saturation
 * points: 12 purchases a year (a monthly buyer), 1,095 days (three years), a trend of 0.25 a year (one CSAT point a
 * year), 3 complaints, a reopening costs 0.5 of a resolution, a recent window of 365 days.
 *
 * <h2>Type</h2>
 *
 * Repeat patronage is high when frequency ≥ {@link #highRepeatFrequency()} (default 4 a year, a quarterly buyer)
 * and P(alive), when available, ≥ {@link #minimumPAlive()} (default 0.5). Relative attitude is high when the mean
 * satisfaction ≥ {@link #highAttitude()} (default 0.75, i.e. CSAT 4 "satisfied"). Without a survey the attitude is
 * low if the customer has an unresolved complaint (a standing complaint is evidence of dissatisfaction) and unknown
 * otherwise, giving {@link LoyaltyType#UNDETERMINED}. A truly loyal customer is also super-value when the mean
 * satisfaction ≥ {@link #superValueSatisfaction()} (default 0.9) and frequency ≥ {@link #superValueFrequency()}
 * (default 12 a year). Values exactly at a threshold count as high.
 *
 * <p>Immutable and thread-safe. Scoring one customer is O(1).
 */
@Beta
public final class LoyaltyScoring {
    private static final LoyaltyFactor[] FACTORS = LoyaltyFactor.values();
    static final int FACTOR_COUNT = FACTORS.length;
    /** The factors' keys, in factor order; not to be changed. */
    static final String[] FACTOR_KEYS =
            java.util.Arrays.stream(FACTORS).map(LoyaltyFactor::key).toArray(String[]::new);
    /** Availability bits of the optional factors. */
    private static final int P_ALIVE_BIT = 1;

    private static final int SATISFACTION_BIT = 2;
    private static final int TREND_BIT = 4;
    /** The type code's flag for the super-value group; the low bits are the type's ordinal. */
    static final int SUPER_VALUE_FLAG = 8;

    private static final LoyaltyScoring DEFAULTS = new Builder().build();

    private final double[] weights;
    private final double frequencySaturation;
    private final double tenureSaturationDays;
    private final double trendSaturation;
    private final double complaintSaturation;
    private final double reopenedPenalty;
    private final double recentWindowDays;
    private final double highAttitude;
    private final double highRepeatFrequency;
    private final double minimumPAlive;
    private final double superValueSatisfaction;
    private final double superValueFrequency;
    /** [availability mask][factor]: the factor's share of the available weights. */
    private final double[][] shares;
    /** [availability mask][factor]: 100 × the share, the points at level 1. */
    private final double[][] scales;

    private LoyaltyScoring(Builder b) {
        this.weights = b.weights.clone();
        this.frequencySaturation = b.frequencySaturation;
        this.tenureSaturationDays = b.tenureSaturationDays;
        this.trendSaturation = b.trendSaturation;
        this.complaintSaturation = b.complaintSaturation;
        this.reopenedPenalty = b.reopenedPenalty;
        this.recentWindowDays = b.recentWindowDays;
        this.highAttitude = b.highAttitude;
        this.highRepeatFrequency = b.highRepeatFrequency;
        this.minimumPAlive = b.minimumPAlive;
        this.superValueSatisfaction = b.superValueSatisfaction;
        this.superValueFrequency = b.superValueFrequency;
        this.shares = new double[8][FACTOR_COUNT];
        this.scales = new double[8][FACTOR_COUNT];
        for (int mask = 0; mask < 8; mask++) {
            double sum = 0;
            for (LoyaltyFactor f : FACTORS) {
                sum += available(f, mask) ? weights[f.ordinal()] : 0;
            }
            for (LoyaltyFactor f : FACTORS) {
                double share = sum > 0 && available(f, mask) ? weights[f.ordinal()] / sum : 0;
                shares[mask][f.ordinal()] = share;
                scales[mask][f.ordinal()] = 100 * share;
            }
        }
    }

    private static boolean available(LoyaltyFactor f, int mask) {
        return switch (f) {
            case P_ALIVE -> (mask & P_ALIVE_BIT) != 0;
            case SATISFACTION -> (mask & SATISFACTION_BIT) != 0;
            case SATISFACTION_TREND -> (mask & TREND_BIT) != 0;
            default -> true;
        };
    }

    /**
     * Returns the policy with the documented default weights, saturation points and thresholds.
     *
     * @return the default policy
     */
    public static LoyaltyScoring defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a builder that starts from the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder that starts from this policy's settings.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Scores one customer: the score, one contribution per factor with a short note, the type and the super-value
     * flag. Gives exactly the numbers {@link LoyaltyScores} gives for the same inputs. O(1).
     *
     * @param inputs the customer's inputs
     * @return the score
     */
    public LoyaltyScore score(LoyaltyInputs inputs) {
        Objects.requireNonNull(inputs, "inputs");
        double[] points = new double[FACTOR_COUNT];
        double score = evaluate(
                inputs.frequency(),
                inputs.tenureDays(),
                inputs.pAlive(),
                inputs.satisfactionMean(),
                inputs.satisfactionSlope(),
                inputs.surveys(),
                inputs.complaints(),
                inputs.complaintsResolved(),
                inputs.complaintsReopened(),
                inputs.recentSpendShare(),
                points);
        int code = typeCode(
                inputs.frequency(),
                inputs.pAlive(),
                inputs.satisfactionMean(),
                inputs.surveys(),
                inputs.complaints(),
                inputs.complaintsResolved());
        return new LoyaltyScore(score, contributions(inputs, points), type(code), (code & SUPER_VALUE_FLAG) != 0);
    }

    /**
     * Fills {@code points} (one entry per factor) and returns the score. The single path and the batch path both
     * come here, so their numbers are the same. Allocation-free.
     */
    double evaluate(
            double frequency,
            double tenureDays,
            double pAlive,
            double satisfactionMean,
            double satisfactionSlope,
            int surveys,
            int complaints,
            int resolved,
            int reopened,
            double recentSpendShare,
            double[] points) {
        int mask = 0;
        double pAliveLevel = 0;
        if (!Double.isNaN(pAlive)) {
            mask |= P_ALIVE_BIT;
            pAliveLevel = pAlive;
        }
        double satisfactionLevel = 0;
        if (surveys > 0) {
            mask |= SATISFACTION_BIT;
            satisfactionLevel = satisfactionMean;
        }
        double trendLevel = 0;
        if (surveys > 1 && !Double.isNaN(satisfactionSlope)) {
            mask |= TREND_BIT;
            trendLevel = clamp(0.5 + satisfactionSlope / (2 * trendSaturation));
        }
        double resolutionLevel =
                complaints == 0 ? 1 : Math.max(0, (resolved - reopenedPenalty * reopened) / complaints);
        double spendLevel = 0;
        if (!Double.isNaN(recentSpendShare)) {
            double expected = tenureDays <= recentWindowDays ? 1 : recentWindowDays / tenureDays;
            spendLevel = Math.min(1, recentSpendShare / expected);
        }
        double[] scale = scales[mask];
        points[0] = scale[0] * Math.min(1, frequency / frequencySaturation);
        points[1] = scale[1] * Math.min(1, tenureDays / tenureSaturationDays);
        points[2] = scale[2] * pAliveLevel;
        points[3] = scale[3] * satisfactionLevel;
        points[4] = scale[4] * trendLevel;
        points[5] = scale[5] * Math.max(0, 1 - complaints / complaintSaturation);
        points[6] = scale[6] * resolutionLevel;
        points[7] = scale[7] * spendLevel;
        double score = 0;
        for (int f = 0; f < FACTOR_COUNT; f++) {
            score += points[f];
        }
        return Math.min(100, score);
    }

    private static double clamp(double level) {
        return Math.max(0, Math.min(1, level));
    }

    /** The type's ordinal, with {@link #SUPER_VALUE_FLAG} for the super-value group. Allocation-free. */
    int typeCode(double frequency, double pAlive, double satisfactionMean, int surveys, int complaints, int resolved) {
        boolean highRepeat = frequency >= highRepeatFrequency && (Double.isNaN(pAlive) || pAlive >= minimumPAlive);
        LoyaltyType type;
        if (surveys == 0) {
            if (complaints > resolved) {
                type = highRepeat ? LoyaltyType.SPURIOUS : LoyaltyType.NONE;
            } else {
                type = LoyaltyType.UNDETERMINED;
            }
        } else {
            type = LoyaltyType.of(satisfactionMean >= highAttitude, highRepeat);
        }
        boolean superValue = type == LoyaltyType.TRUE
                && satisfactionMean >= superValueSatisfaction
                && frequency >= superValueFrequency;
        return type.ordinal() | (superValue ? SUPER_VALUE_FLAG : 0);
    }

    static LoyaltyType type(int code) {
        return LoyaltyType.values()[code & (SUPER_VALUE_FLAG - 1)];
    }

    private int mask(LoyaltyInputs in) {
        return mask(in.pAlive(), in.surveys(), in.satisfactionSlope());
    }

    /** Which of the optional factors are available (as {@link #evaluate} decides). */
    int mask(double pAlive, int surveys, double satisfactionSlope) {
        int mask = Double.isNaN(pAlive) ? 0 : P_ALIVE_BIT;
        mask |= surveys > 0 ? SATISFACTION_BIT : 0;
        mask |= surveys > 1 && !Double.isNaN(satisfactionSlope) ? TREND_BIT : 0;
        return mask;
    }

    /** The factors' weights (shares of the available factors' weights) for a {@link #mask}; not to be changed. */
    double[] shares(int mask) {
        return shares[mask];
    }

    private List<Contribution> contributions(LoyaltyInputs in, double[] points) {
        double[] share = shares[mask(in)];
        List<Contribution> list = new ArrayList<>(FACTOR_COUNT);
        for (LoyaltyFactor f : FACTORS) {
            int i = f.ordinal();
            list.add(new Contribution(f.key(), value(f, in), share[i], points[i], note(f, in)));
        }
        return list;
    }

    private static double value(LoyaltyFactor f, LoyaltyInputs in) {
        return switch (f) {
            case FREQUENCY -> in.frequency();
            case TENURE -> in.tenureDays();
            case P_ALIVE -> in.pAlive();
            case SATISFACTION -> in.satisfactionMean();
            case SATISFACTION_TREND -> in.satisfactionSlope();
            case COMPLAINTS -> in.complaints();
            case COMPLAINT_RESOLUTION ->
                in.complaints() == 0 ? Double.NaN : (double) in.complaintsResolved() / in.complaints();
            case RECENT_SPEND -> in.recentSpendShare();
        };
    }

    private String note(LoyaltyFactor f, LoyaltyInputs in) {
        return switch (f) {
            case FREQUENCY ->
                fixed(in.frequency(), 2) + " purchases a year (full points at " + fixed(frequencySaturation, 2) + ")";
            case TENURE ->
                fixed(in.tenureDays(), 0)
                        + " days as a customer (full points at "
                        + fixed(tenureSaturationDays, 0)
                        + ")";
            case P_ALIVE ->
                Double.isNaN(in.pAlive())
                        ? "P(alive) not available; its weight is shared out over the other factors"
                        : "P(alive) " + fixed(in.pAlive(), 3);
            case SATISFACTION ->
                in.surveys() == 0
                        ? "no survey; the weight is shared out over the other factors"
                        : "mean satisfaction " + fixed(in.satisfactionMean(), 3) + " of 1 over " + in.surveys()
                                + " surveys";
            case SATISFACTION_TREND ->
                Double.isNaN(in.satisfactionSlope())
                        ? (in.surveys() < 2
                                ? "fewer than 2 surveys, no trend; the weight is shared out over the other factors"
                                : "surveys at one instant, no trend; the weight is shared out over the other factors")
                        : signed(in.satisfactionSlope()) + " a year over " + in.surveys() + " surveys (full points at "
                                + signed(trendSaturation) + ", none at " + signed(-trendSaturation) + ")";
            case COMPLAINTS ->
                in.complaints() == 0
                        ? "no complaints"
                        : in.complaints() + " complaints (no points at " + fixed(complaintSaturation, 1) + ")";
            case COMPLAINT_RESOLUTION ->
                in.complaints() == 0
                        ? "no complaints to resolve"
                        : in.complaintsResolved() + " of " + in.complaints() + " complaints resolved, "
                                + in.complaintsReopened() + " reopenings (each costs " + fixed(reopenedPenalty, 2)
                                + " of a resolution)";
            case RECENT_SPEND ->
                Double.isNaN(in.recentSpendShare())
                        ? "no spend"
                        : fixed(100 * in.recentSpendShare(), 1) + "% of spend in the last "
                                + fixed(recentWindowDays, 0) + " days (an even spender: "
                                + fixed(
                                        100
                                                * (in.tenureDays() <= recentWindowDays
                                                        ? 1
                                                        : recentWindowDays / in.tenureDays()),
                                        1)
                                + "%)";
        };
    }

    /** {@code %.<decimals>f} in {@code Locale.ROOT}, without a {@code Formatter}. */
    private static String fixed(double value, int decimals) {
        return DecimalText.of(value, decimals);
    }

    /** {@code %+.3f} in {@code Locale.ROOT}, without a {@code Formatter}. */
    private static String signed(double value) {
        return DecimalText.appendSigned(new StringBuilder(12), value, 3).toString();
    }

    /**
     * Returns a factor's configured weight.
     *
     * @param factor the factor
     * @return the weight, at least 0
     */
    public double weight(LoyaltyFactor factor) {
        return weights[factor.ordinal()];
    }

    /** @return the purchases a year at which the frequency factor gives full points */
    public double frequencySaturation() {
        return frequencySaturation;
    }

    /** @return the tenure in days at which the tenure factor gives full points */
    public double tenureSaturationDays() {
        return tenureSaturationDays;
    }

    /** @return the satisfaction slope a year at which the trend factor gives full points (its negative: none) */
    public double trendSaturationPerYear() {
        return trendSaturation;
    }

    /** @return the number of complaints at which the complaints factor gives no points */
    public double complaintSaturation() {
        return complaintSaturation;
    }

    /** @return how much of a resolution one reopening takes back */
    public double reopenedPenalty() {
        return reopenedPenalty;
    }

    /** @return the length in days of the recent window of {@link LoyaltyInputs#recentSpendShare()} */
    public double recentWindowDays() {
        return recentWindowDays;
    }

    /** @return the mean satisfaction from which the attitude counts as high */
    public double highAttitude() {
        return highAttitude;
    }

    /** @return the purchases a year from which repeat patronage counts as high */
    public double highRepeatFrequency() {
        return highRepeatFrequency;
    }

    /** @return the P(alive), when available, below which repeat patronage counts as low */
    public double minimumPAlive() {
        return minimumPAlive;
    }

    /** @return the mean satisfaction from which a truly loyal customer can be super-value */
    public double superValueSatisfaction() {
        return superValueSatisfaction;
    }

    /** @return the purchases a year from which a truly loyal customer can be super-value */
    public double superValueFrequency() {
        return superValueFrequency;
    }

    /**
     * Builds a {@link LoyaltyScoring}; starts from the defaults. Each setter checks its value at once. Not
     * thread-safe.
     */
    public static final class Builder {
        private final double[] weights;
        private double frequencySaturation = 12;
        private double tenureSaturationDays = 3 * 365;
        private double trendSaturation = 0.25;
        private double complaintSaturation = 3;
        private double reopenedPenalty = 0.5;
        private double recentWindowDays = 365;
        private double highAttitude = 0.75;
        private double highRepeatFrequency = 4;
        private double minimumPAlive = 0.5;
        private double superValueSatisfaction = 0.9;
        private double superValueFrequency = 12;

        private Builder() {
            weights = new double[FACTOR_COUNT];
            weights[LoyaltyFactor.FREQUENCY.ordinal()] = 25;
            weights[LoyaltyFactor.TENURE.ordinal()] = 10;
            weights[LoyaltyFactor.P_ALIVE.ordinal()] = 15;
            weights[LoyaltyFactor.SATISFACTION.ordinal()] = 20;
            weights[LoyaltyFactor.SATISFACTION_TREND.ordinal()] = 5;
            weights[LoyaltyFactor.COMPLAINTS.ordinal()] = 5;
            weights[LoyaltyFactor.COMPLAINT_RESOLUTION.ordinal()] = 10;
            weights[LoyaltyFactor.RECENT_SPEND.ordinal()] = 10;
        }

        private Builder(LoyaltyScoring s) {
            weights = s.weights.clone();
            frequencySaturation = s.frequencySaturation;
            tenureSaturationDays = s.tenureSaturationDays;
            trendSaturation = s.trendSaturation;
            complaintSaturation = s.complaintSaturation;
            reopenedPenalty = s.reopenedPenalty;
            recentWindowDays = s.recentWindowDays;
            highAttitude = s.highAttitude;
            highRepeatFrequency = s.highRepeatFrequency;
            minimumPAlive = s.minimumPAlive;
            superValueSatisfaction = s.superValueSatisfaction;
            superValueFrequency = s.superValueFrequency;
        }

        /**
         * Sets a factor's weight; 0 leaves the factor out.
         *
         * @param factor the factor
         * @param weight finite and at least 0
         * @return this builder
         * @throws ValidationException with field {@code weights.<key>} (e.g. {@code weights.pAlive}) and rule
         *     {@code OUT_OF_RANGE} if the weight is negative or not finite
         */
        public Builder weight(LoyaltyFactor factor, double weight) {
            Objects.requireNonNull(factor, "factor");
            weights[factor.ordinal()] = nonNegative("weights." + factor.key(), weight);
            return this;
        }

        /**
         * Sets the purchases a year at which the frequency factor gives full points (default 12).
         *
         * @param perYear finite and greater than 0
         * @return this builder
         * @throws ValidationException with field {@code frequencySaturation} and rule {@code OUT_OF_RANGE}
         */
        public Builder frequencySaturation(double perYear) {
            frequencySaturation = positive("frequencySaturation", perYear);
            return this;
        }

        /**
         * Sets the tenure at which the tenure factor gives full points (default 1,095 days).
         *
         * @param days finite and greater than 0
         * @return this builder
         * @throws ValidationException with field {@code tenureSaturationDays} and rule {@code OUT_OF_RANGE}
         */
        public Builder tenureSaturationDays(double days) {
            tenureSaturationDays = positive("tenureSaturationDays", days);
            return this;
        }

        /**
         * Sets the satisfaction slope a year that gives the trend factor full points; its negative gives none
         * (default 0.25).
         *
         * @param perYear finite and greater than 0
         * @return this builder
         * @throws ValidationException with field {@code trendSaturationPerYear} and rule {@code OUT_OF_RANGE}
         */
        public Builder trendSaturationPerYear(double perYear) {
            trendSaturation = positive("trendSaturationPerYear", perYear);
            return this;
        }

        /**
         * Sets the number of complaints at which the complaints factor gives no points (default 3).
         *
         * @param complaints finite and greater than 0
         * @return this builder
         * @throws ValidationException with field {@code complaintSaturation} and rule {@code OUT_OF_RANGE}
         */
        public Builder complaintSaturation(double complaints) {
            complaintSaturation = positive("complaintSaturation", complaints);
            return this;
        }

        /**
         * Sets how much of a resolution one reopening takes back (default 0.5).
         *
         * @param penalty finite and at least 0
         * @return this builder
         * @throws ValidationException with field {@code reopenedPenalty} and rule {@code OUT_OF_RANGE}
         */
        public Builder reopenedPenalty(double penalty) {
            reopenedPenalty = nonNegative("reopenedPenalty", penalty);
            return this;
        }

        /**
         * Sets the length of the recent-spend window (default 365 days); the host computes {@link
         * LoyaltyInputs#recentSpendShare()} over the same window.
         *
         * @param days finite and greater than 0
         * @return this builder
         * @throws ValidationException with field {@code recentWindowDays} and rule {@code OUT_OF_RANGE}
         */
        public Builder recentWindowDays(double days) {
            recentWindowDays = positive("recentWindowDays", days);
            return this;
        }

        /**
         * Sets the mean satisfaction from which the attitude counts as high (default 0.75).
         *
         * @param threshold 0 to 1
         * @return this builder
         * @throws ValidationException with field {@code highAttitude} and rule {@code OUT_OF_RANGE}
         */
        public Builder highAttitude(double threshold) {
            highAttitude = unit("highAttitude", threshold);
            return this;
        }

        /**
         * Sets the purchases a year from which repeat patronage counts as high (default 4).
         *
         * @param perYear finite and at least 0
         * @return this builder
         * @throws ValidationException with field {@code highRepeatFrequency} and rule {@code OUT_OF_RANGE}
         */
        public Builder highRepeatFrequency(double perYear) {
            highRepeatFrequency = nonNegative("highRepeatFrequency", perYear);
            return this;
        }

        /**
         * Sets the P(alive) below which repeat patronage counts as low when P(alive) is available (default 0.5).
         *
         * @param probability 0 to 1
         * @return this builder
         * @throws ValidationException with field {@code minimumPAlive} and rule {@code OUT_OF_RANGE}
         */
        public Builder minimumPAlive(double probability) {
            minimumPAlive = unit("minimumPAlive", probability);
            return this;
        }

        /**
         * Sets the mean satisfaction from which a truly loyal customer can be super-value (default 0.9).
         *
         * @param threshold 0 to 1
         * @return this builder
         * @throws ValidationException with field {@code superValueSatisfaction} and rule {@code OUT_OF_RANGE}
         */
        public Builder superValueSatisfaction(double threshold) {
            superValueSatisfaction = unit("superValueSatisfaction", threshold);
            return this;
        }

        /**
         * Sets the purchases a year from which a truly loyal customer can be super-value (default 12).
         *
         * @param perYear finite and at least 0
         * @return this builder
         * @throws ValidationException with field {@code superValueFrequency} and rule {@code OUT_OF_RANGE}
         */
        public Builder superValueFrequency(double perYear) {
            superValueFrequency = nonNegative("superValueFrequency", perYear);
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the policy
         * @throws ValidationException with field {@code weights} and rule {@code OUT_OF_RANGE} if every weight is 0
         *     (or the weights add up to infinity)
         */
        public LoyaltyScoring build() {
            double sum = 0;
            for (double w : weights) {
                sum += w;
            }
            if (!(sum > 0) || sum == Double.POSITIVE_INFINITY) {
                throw new ValidationException(
                        "weights",
                        ValidationRule.OUT_OF_RANGE,
                        "at least one factor needs a weight above 0, and the weights must have a finite sum");
            }
            return new LoyaltyScoring(this);
        }

        private static double nonNegative(String field, double value) {
            if (!(value >= 0) || value == Double.POSITIVE_INFINITY) {
                throw new ValidationException(
                        field, ValidationRule.OUT_OF_RANGE, field + " must be finite and at least 0 but was " + value);
            }
            return value;
        }

        private static double positive(String field, double value) {
            if (!(value > 0) || value == Double.POSITIVE_INFINITY) {
                throw new ValidationException(
                        field,
                        ValidationRule.OUT_OF_RANGE,
                        field + " must be finite and greater than 0 but was " + value);
            }
            return value;
        }

        private static double unit(String field, double value) {
            if (!(value >= 0 && value <= 1)) {
                throw new ValidationException(
                        field, ValidationRule.OUT_OF_RANGE, field + " must be 0 to 1 but was " + value);
            }
            return value;
        }
    }
}
