package dev.guanxi.crm.credit;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.classification.Contribution;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The arrears early warning (欠费预警) policy: flags a customer likely to fall into arrears before an invoice is
 * overdue, from signals that come first: a worsening days-to-pay trend, a credit limit nearly used, a growing
 * amount owed, recent part payments and a short history. Overdue amounts are the credit grade's business and
 * are not a signal here.
 *
 * <p>Each {@link Factor} has a signal strength {@code b} from 0 to 1:
 *
 * <table>
 *   <caption>Signals (defaults in brackets)</caption>
 *   <tr><th>factor</th><th>feature</th><th>strength</th><th>weight</th></tr>
 *   <tr><td>{@link Factor#DAYS_TO_PAY_TREND}</td><td>days-to-pay slope {@code t} (days per invoice)</td>
 *       <td>{@code t / (t + h)} for {@code t > 0}, else 0; h = {@link Builder#trendHalfPoint} [2]</td>
 *       <td>[0.35]</td></tr>
 *   <tr><td>{@link Factor#CREDIT_UTILISATION}</td><td>credit utilisation {@code u}</td>
 *       <td>{@code (u - a) / (1 - a)} within 0 to 1; a = {@link Builder#utilisationAlertFrom} [0.8]</td>
 *       <td>[0.35]</td></tr>
 *   <tr><td>{@link Factor#OUTSTANDING_GROWTH}</td><td>outstanding growth {@code g}</td>
 *       <td>{@code max(g, 0)}</td><td>[0.10]</td></tr>
 *   <tr><td>{@link Factor#PARTIAL_PAYMENTS}</td><td>partial payment share {@code p}</td><td>{@code p}</td>
 *       <td>[0.10]</td></tr>
 *   <tr><td>{@link Factor#SHORT_HISTORY}</td><td>history days {@code d}</td>
 *       <td>{@code 1 - min(d, H) / H}; H = {@link Builder#shortHistoryDays} [180]</td><td>[0.10]</td></tr>
 * </table>
 *
 * <p>The risk is {@code 100 * Σ w·b / Σ w} over all factors; a feature that is {@code NaN} (no credit limit,
 * fewer than two settled invoices) is no evidence of risk and counts as 0. A customer is warned when the risk
 * reaches the {@link Builder#threshold threshold} [40]. With the defaults neither a rising trend nor a nearly
 * used limit alone reaches it (at most 35 each); together they do.
 *
 * <p>Immutable and thread-safe.
 */
@Beta
public final class ArrearsEarlyWarning {
    /** The signals of the arrears risk. */
    public enum Factor {
        /** The days to pay are rising ({@link PaymentBehaviour#daysToPayTrend()}). */
        DAYS_TO_PAY_TREND("daysToPayTrend", 0.35),
        /** The credit limit is nearly used ({@link PaymentBehaviour#creditUtilisation()}). */
        CREDIT_UTILISATION("creditUtilisation", 0.35),
        /** The amount owed is growing ({@link PaymentBehaviour#outstandingGrowth()}). */
        OUTSTANDING_GROWTH("outstandingGrowth", 0.10),
        /** Recent invoices are paid in parts ({@link PaymentBehaviour#partialPaymentShare()}). */
        PARTIAL_PAYMENTS("partialPayments", 0.10),
        /** The history is short ({@link PaymentBehaviour#historyDays()}). */
        SHORT_HISTORY("shortHistory", 0.10);

        private final String id;
        private final double defaultWeight;

        Factor(String id, double defaultWeight) {
            this.id = id;
            this.defaultWeight = defaultWeight;
        }

        /** @return the factor's name in a {@link Contribution}, e.g. {@code "daysToPayTrend"} */
        public String id() {
            return id;
        }

        /** @return the factor's default weight */
        public double defaultWeight() {
            return defaultWeight;
        }
    }

    private static final Factor[] FACTORS = Factor.values();
    private static final ArrearsEarlyWarning DEFAULTS = builder().build();

    private final double[] weights;
    private final double totalWeight;
    private final int threshold;
    private final double trendHalfPoint;
    private final double alertFrom;
    private final int shortHistoryDays;

    private ArrearsEarlyWarning(Builder b, double totalWeight) {
        this.weights = b.weights.clone();
        this.totalWeight = totalWeight;
        this.threshold = b.threshold;
        this.trendHalfPoint = b.trendHalfPoint;
        this.alertFrom = b.alertFrom;
        this.shortHistoryDays = b.shortHistoryDays;
    }

    /** @return the policy with the documented defaults */
    public static ArrearsEarlyWarning defaults() {
        return DEFAULTS;
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the risk from which a customer is warned, 0 to 100 */
    public int threshold() {
        return threshold;
    }

    /**
     * @param factor a factor
     * @return its configured weight
     */
    public double weight(Factor factor) {
        return weights[factor.ordinal()];
    }

    /**
     * Returns a customer's arrears risk.
     *
     * @param behaviour the customer's features
     * @return the risk, 0 to 100
     */
    public double risk(PaymentBehaviour behaviour) {
        Objects.requireNonNull(behaviour, "behaviour");
        return risk(
                behaviour.daysToPayTrend(),
                behaviour.creditUtilisation(),
                behaviour.outstandingGrowth(),
                behaviour.partialPaymentShare(),
                behaviour.historyDays());
    }

    /**
     * Warns about a customer whose risk reaches the threshold.
     *
     * @param behaviour the customer's features
     * @return the warning with its signals, or empty if the risk is below the threshold
     */
    public Optional<ArrearsWarning> warn(PaymentBehaviour behaviour) {
        double risk = risk(behaviour);
        if (risk < threshold) {
            return Optional.empty();
        }
        double[] value = {
            behaviour.daysToPayTrend(),
            behaviour.creditUtilisation(),
            behaviour.outstandingGrowth(),
            behaviour.partialPaymentShare(),
            behaviour.historyDays()
        };
        List<Contribution> parts = new ArrayList<>(FACTORS.length);
        for (Factor f : FACTORS) {
            double v = value[f.ordinal()];
            double weight = weights[f.ordinal()] / totalWeight;
            parts.add(new Contribution(f.id(), v, weight, 100 * weight * strength(f, v), note(f, v)));
        }
        return Optional.of(new ArrearsWarning(risk, threshold, parts));
    }

    /**
     * Warns about one row of a batch; the same as {@link #warn(PaymentBehaviour)} of {@link
     * PaymentBehaviours#get(int)}.
     *
     * @param batch the features of many customers
     * @param row the row
     * @return the warning, or empty if the risk is below the threshold
     * @throws IndexOutOfBoundsException if the row does not exist
     */
    public Optional<ArrearsWarning> warn(PaymentBehaviours batch, int row) {
        return warn(batch.get(row));
    }

    /**
     * Computes the risk of every customer of a batch into a caller-supplied array: O(n · factors) time, no
     * allocation, no text. Explain a warned row on demand with {@link #warn(PaymentBehaviours, int)}.
     *
     * @param batch the features of n customers
     * @param risks receives the risk of row {@code i} at index {@code i}; length at least n
     * @return how many rows reach the threshold
     * @throws IllegalArgumentException if the array is shorter than the batch
     */
    public int riskAll(PaymentBehaviours batch, double[] risks) {
        int n = batch.size();
        if (risks.length < n) {
            throw new IllegalArgumentException("risks needs room for " + n + " rows, has " + risks.length);
        }
        int warned = 0;
        for (int i = 0; i < n; i++) {
            double r = risk(
                    batch.daysToPayTrend[i],
                    batch.creditUtilisation[i],
                    batch.outstandingGrowth[i],
                    batch.partialPaymentShare[i],
                    batch.historyDays[i]);
            risks[i] = r;
            if (r >= threshold) {
                warned++;
            }
        }
        return warned;
    }

    /** The risk of one customer; the single definition every path uses. */
    private double risk(double trend, double utilisation, double growth, double partial, int historyDays) {
        double sum = weights[0] * trendStrength(trend)
                + weights[1] * utilisationStrength(utilisation)
                + weights[2] * Math.max(0, growth)
                + weights[3] * partial
                + weights[4] * historyStrength(historyDays);
        return Math.min(100, Math.max(0, 100 * sum / totalWeight));
    }

    private double strength(Factor factor, double v) {
        return switch (factor) {
            case DAYS_TO_PAY_TREND -> trendStrength(v);
            case CREDIT_UTILISATION -> utilisationStrength(v);
            case OUTSTANDING_GROWTH -> Math.max(0, v);
            case PARTIAL_PAYMENTS -> v;
            case SHORT_HISTORY -> historyStrength(v);
        };
    }

    private double trendStrength(double t) {
        return t > 0 ? t / (t + trendHalfPoint) : 0; // NaN > 0 is false: no trend, no signal
    }

    private double utilisationStrength(double u) {
        if (!(u > alertFrom)) {
            return 0; // also NaN: no credit limit
        }
        return u >= 1 ? 1 : (u - alertFrom) / (1 - alertFrom);
    }

    private double historyStrength(double days) {
        return 1 - Math.min(days, shortHistoryDays) / shortHistoryDays;
    }

    private static String note(Factor factor, double v) {
        return switch (factor) {
            case DAYS_TO_PAY_TREND ->
                Double.isNaN(v)
                        ? "fewer than two settled invoices"
                        : v > 0
                                ? "days to pay rising " + CreditChecks.number(v, 1) + " days per invoice"
                                : v < 0
                                        ? "days to pay falling " + CreditChecks.number(-v, 1) + " days per invoice"
                                        : "days to pay steady";
            case CREDIT_UTILISATION ->
                Double.isNaN(v)
                        ? "no credit limit"
                        : Double.isInfinite(v)
                                ? "credit used under a limit of zero"
                                : CreditChecks.percent(v) + " of the credit limit used";
            case OUTSTANDING_GROWTH ->
                v > 0
                        ? "amount owed growing (" + CreditChecks.percent(v) + " of it added in the growth window)"
                        : v < 0 ? "amount owed shrinking" : "amount owed steady";
            case PARTIAL_PAYMENTS ->
                v > 0 ? CreditChecks.percent(v) + " of recent invoices partly paid" : "no recent part payment";
            case SHORT_HISTORY -> "history of " + (long) v + " days";
        };
    }

    /**
     * Configures an {@link ArrearsEarlyWarning}, starting from the defaults. Each option may be set once (a
     * second call is an {@link IllegalStateException}); a bad value is a {@link ValidationException} at once.
     * Not thread-safe.
     */
    public static final class Builder {
        private final double[] weights = new double[FACTORS.length];
        private final Set<Factor> weighted = EnumSet.noneOf(Factor.class);
        private final Set<String> set = new HashSet<>();
        private int threshold = 40;
        private double trendHalfPoint = 2;
        private double alertFrom = 0.8;
        private int shortHistoryDays = 180;

        private Builder() {
            for (Factor f : FACTORS) {
                weights[f.ordinal()] = f.defaultWeight();
            }
        }

        private void once(String option) {
            if (!set.add(option)) {
                throw new IllegalStateException(option + " was already set");
            }
        }

        /**
         * Sets a factor's weight; weights need not add up to 1 (the risk divides by their sum).
         *
         * @param factor the factor
         * @param weight 0 (ignore the factor) or more, finite
         * @return this builder
         * @throws ValidationException with field {@code weights.<factor id>} and rule {@link
         *     ValidationRule#OUT_OF_RANGE} for a negative or non-finite weight
         * @throws IllegalStateException if the factor's weight was already set
         */
        public Builder weight(Factor factor, double weight) {
            Objects.requireNonNull(factor, "factor");
            if (!weighted.add(factor)) {
                throw new IllegalStateException("the weight of " + factor.id() + " was already set");
            }
            weights[factor.ordinal()] = CreditChecks.nonNegative("weights." + factor.id(), weight);
            return this;
        }

        /**
         * @param threshold the risk from which a customer is warned, 0 to 100 (default 40)
         * @return this builder
         * @throws ValidationException with field {@code threshold} and rule {@link ValidationRule#OUT_OF_RANGE}
         *     if not within 0 to 100
         * @throws IllegalStateException if it was already set
         */
        public Builder threshold(int threshold) {
            once("threshold");
            CreditChecks.between("threshold", threshold, 0, 100);
            this.threshold = threshold;
            return this;
        }

        /**
         * @param daysPerInvoice the rise of the days to pay per invoice that gives half the trend's strength,
         *     greater than 0 (default 2)
         * @return this builder
         * @throws ValidationException with field {@code trendHalfPoint} and rule {@link
         *     ValidationRule#OUT_OF_RANGE} if not finite and greater than 0
         * @throws IllegalStateException if it was already set
         */
        public Builder trendHalfPoint(double daysPerInvoice) {
            once("trendHalfPoint");
            this.trendHalfPoint = CreditChecks.positive("trendHalfPoint", daysPerInvoice);
            return this;
        }

        /**
         * @param utilisation the credit utilisation above which the limit counts as nearly used, 0 (inclusive)
         *     to 1 (exclusive) (default 0.8)
         * @return this builder
         * @throws ValidationException with field {@code utilisationAlertFrom} and rule {@link
         *     ValidationRule#OUT_OF_RANGE} if not within 0 to below 1
         * @throws IllegalStateException if it was already set
         */
        public Builder utilisationAlertFrom(double utilisation) {
            once("utilisationAlertFrom");
            if (!(utilisation >= 0 && utilisation < 1)) {
                throw CreditChecks.outOfRange("utilisationAlertFrom", "must be 0 to below 1 but was " + utilisation);
            }
            this.alertFrom = utilisation;
            return this;
        }

        /**
         * @param days the history length from which the history no longer counts as short, at least 1 (default
         *     180)
         * @return this builder
         * @throws ValidationException with field {@code shortHistoryDays} and rule {@link
         *     ValidationRule#OUT_OF_RANGE} if below 1
         * @throws IllegalStateException if it was already set
         */
        public Builder shortHistoryDays(int days) {
            once("shortHistoryDays");
            this.shortHistoryDays = CreditChecks.atLeast("shortHistoryDays", days, 1);
            return this;
        }

        /**
         * @return the policy
         * @throws ValidationException with field {@code weights} and rule {@link ValidationRule#OUT_OF_RANGE} if
         *     every weight is 0 (or their sum overflows)
         */
        public ArrearsEarlyWarning build() {
            double sum = 0;
            for (double w : weights) {
                sum += w;
            }
            if (!(sum > 0) || sum == Double.POSITIVE_INFINITY) {
                throw CreditChecks.outOfRange("weights", "must not all be 0 and must have a finite sum");
            }
            return new ArrearsEarlyWarning(this, sum);
        }
    }
}
