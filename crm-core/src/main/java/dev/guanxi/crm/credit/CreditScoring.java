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
import java.util.Set;

/**
 * The credit grading policy (信用等级): turns a customer's {@link PaymentBehaviour} into a credit score from 0
 * to 100 (higher is better) and a grade of a {@link CreditScale}, and says why.
 *
 * <p>Each {@link Factor} has a badness {@code b} from 0 (no concern) to 1 (worst), a function of one feature:
 *
 * <table>
 *   <caption>Factors (defaults in brackets)</caption>
 *   <tr><th>factor</th><th>feature</th><th>badness</th><th>weight</th></tr>
 *   <tr><td>{@link Factor#DAYS_PAST_DUE}</td><td>weighted days past due {@code d}</td>
 *       <td>{@code d / (d + h)}, h = {@link Builder#daysPastDueHalfPoint} [15]</td><td>[0.40]</td></tr>
 *   <tr><td>{@link Factor#OVERDUE_SHARE}</td><td>overdue / outstanding {@code s}</td><td>{@code s}</td>
 *       <td>[0.15]</td></tr>
 *   <tr><td>{@link Factor#CREDIT_UTILISATION}</td><td>credit utilisation {@code u}</td>
 *       <td>{@code min(u, 1)²}</td><td>[0.15]</td></tr>
 *   <tr><td>{@link Factor#DAYS_LATE_DEVIATION}</td><td>days-late deviation {@code v}</td>
 *       <td>{@code v / (v + h)}, h = {@link Builder#daysLateDeviationHalfPoint} [15]</td><td>[0.10]</td></tr>
 *   <tr><td>{@link Factor#WRITE_OFFS}</td><td>invoices written off {@code n}</td><td>{@code n / (n + 1)}</td>
 *       <td>[0.10]</td></tr>
 *   <tr><td>{@link Factor#HISTORY_LENGTH}</td><td>history days {@code t}</td>
 *       <td>{@code 1 - min(t, T) / T}, T = {@link Builder#fullHistoryDays} [365]</td><td>[0.10]</td></tr>
 * </table>
 *
 * <p>The score is {@code 100 * Σ w·(1 - b) / Σ w} over the factors available for the customer: a feature that is
 * {@code NaN} (no credit limit, no invoice settled or due yet) is left out and the other weights share its part.
 * A customer without any invoice (or without any available weighted factor) gets the neutral {@link
 * Builder#noHistoryScore no-history score} [50, grade BB on the letter scale] instead, not a crash. The default
 * scale is {@link CreditScale#letters()}.
 *
 * <p>Guarantees, for any weights: the score lies within 0 to 100; more days past due (or a larger overdue share,
 * utilisation, deviation, more write-offs, a shorter history) never raises it; and an invoice paid on or before
 * its due date, added to a customer's history, never lowers it, hence never worsens the grade. The last holds
 * because every factor either ignores such an invoice or improves with it; for a customer who had no invoice it
 * holds when the no-history score is at most {@code 100 * (1 - w_history / Σ w)}, the least score of a first
 * invoice paid on time (88 with the defaults). The days-to-pay trend is left out of the grade on purpose: a
 * punctual payment can steepen a trend, and it is a predictor, used by {@link ArrearsEarlyWarning}.
 *
 * <p>Immutable and thread-safe.
 */
@Beta
public final class CreditScoring {
    /** The factors of the credit score. */
    public enum Factor {
        /** The decay-weighted mean of days past due ({@link PaymentBehaviour#weightedDaysPastDue()}). */
        DAYS_PAST_DUE("daysPastDue", 0.40),
        /** The share of the amount owed that is overdue ({@link PaymentBehaviour#overdueShare()}). */
        OVERDUE_SHARE("overdueShare", 0.15),
        /** How much of the credit limit is used ({@link PaymentBehaviour#creditUtilisation()}). */
        CREDIT_UTILISATION("creditUtilisation", 0.15),
        /** How irregular the payment days are ({@link PaymentBehaviour#daysLateDeviation()}). */
        DAYS_LATE_DEVIATION("daysLateDeviation", 0.10),
        /** How many invoices were written off ({@link PaymentBehaviour#writtenOffCount()}). */
        WRITE_OFFS("writeOffs", 0.10),
        /** How short the history is ({@link PaymentBehaviour#historyDays()}). */
        HISTORY_LENGTH("historyLength", 0.10);

        private final String id;
        private final double defaultWeight;

        Factor(String id, double defaultWeight) {
            this.id = id;
            this.defaultWeight = defaultWeight;
        }

        /** @return the factor's name in a {@link Contribution}, e.g. {@code "daysPastDue"} */
        public String id() {
            return id;
        }

        /** @return the factor's default weight */
        public double defaultWeight() {
            return defaultWeight;
        }
    }

    private static final Factor[] FACTORS = Factor.values();
    private static final CreditScoring DEFAULTS = builder().build();

    private final double[] weights;
    private final CreditScale scale;
    private final double noHistoryScore;
    private final double daysPastDueHalfPoint;
    private final double deviationHalfPoint;
    private final int fullHistoryDays;

    private CreditScoring(Builder b) {
        this.weights = b.weights.clone();
        this.scale = b.scale;
        this.noHistoryScore = b.noHistoryScore;
        this.daysPastDueHalfPoint = b.daysPastDueHalfPoint;
        this.deviationHalfPoint = b.deviationHalfPoint;
        this.fullHistoryDays = b.fullHistoryDays;
    }

    /** @return the policy with the documented defaults */
    public static CreditScoring defaults() {
        return DEFAULTS;
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the scale grades are taken from */
    public CreditScale scale() {
        return scale;
    }

    /**
     * @param factor a factor
     * @return its configured weight
     */
    public double weight(Factor factor) {
        return weights[factor.ordinal()];
    }

    /** @return the score of a customer without history */
    public double noHistoryScore() {
        return noHistoryScore;
    }

    /**
     * Grades one customer and explains the grade.
     *
     * @param behaviour the customer's features
     * @return the assessment
     */
    public CreditAssessment assess(PaymentBehaviour behaviour) {
        Objects.requireNonNull(behaviour, "behaviour");
        double[] value = {
            behaviour.weightedDaysPastDue(),
            behaviour.overdueShare(),
            behaviour.creditUtilisation(),
            behaviour.daysLateDeviation(),
            behaviour.writtenOffCount(),
            behaviour.historyDays()
        };
        double score = score(
                behaviour.weightedDaysPastDue(),
                behaviour.overdueMinor(),
                behaviour.outstandingMinor(),
                behaviour.creditUtilisation(),
                behaviour.daysLateDeviation(),
                behaviour.historyDays(),
                behaviour.invoiceCount(),
                behaviour.writtenOffCount());
        int index = scale.indexFor(score);
        if (!behaviour.hasHistory()) {
            return new CreditAssessment(scale.label(index), index, score, true, List.of());
        }
        double total = 0;
        for (Factor f : FACTORS) {
            if (!Double.isNaN(value[f.ordinal()])) {
                total += weights[f.ordinal()];
            }
        }
        List<Contribution> parts = new ArrayList<>(FACTORS.length);
        for (Factor f : FACTORS) {
            double v = value[f.ordinal()];
            boolean available = !Double.isNaN(v) && total > 0;
            double weight = available ? weights[f.ordinal()] / total : 0;
            double points = available ? 100 * weight * (1 - badness(f, v)) : 0;
            parts.add(new Contribution(f.id(), v, weight, points, note(f, v, behaviour)));
        }
        return new CreditAssessment(scale.label(index), index, score, total == 0, parts);
    }

    /**
     * Grades one row of a batch and explains the grade; the same as {@link #assess(PaymentBehaviour)} of {@link
     * PaymentBehaviours#get(int)}.
     *
     * @param batch the features of many customers
     * @param row the row
     * @return the assessment
     * @throws IndexOutOfBoundsException if the row does not exist
     */
    public CreditAssessment assess(PaymentBehaviours batch, int row) {
        return assess(batch.get(row));
    }

    /**
     * Scores every customer of a batch into caller-supplied arrays: O(n · (factors + grades)) time, no
     * allocation, no text. The scores equal those of {@link #assess(PaymentBehaviour)}; explain a row on demand
     * with {@link #assess(PaymentBehaviours, int)}.
     *
     * @param batch the features of n customers
     * @param scores receives the score of row {@code i} at index {@code i}; length at least n
     * @param grades receives the grade index ({@link CreditScale#label(int)}) of row {@code i}; length at least n
     * @throws IllegalArgumentException if an array is shorter than the batch
     */
    public void scoreAll(PaymentBehaviours batch, double[] scores, int[] grades) {
        int n = batch.size();
        if (scores.length < n || grades.length < n) {
            throw new IllegalArgumentException(
                    "scores and grades need room for " + n + " rows, have " + scores.length + " and " + grades.length);
        }
        for (int i = 0; i < n; i++) {
            double s = score(
                    batch.weightedDaysPastDue[i],
                    batch.overdueMinor[i],
                    batch.outstandingMinor[i],
                    batch.creditUtilisation[i],
                    batch.daysLateDeviation[i],
                    batch.historyDays[i],
                    batch.invoiceCount[i],
                    batch.writtenOffCount[i]);
            scores[i] = s;
            grades[i] = scale.indexFor(s);
        }
    }

    /** The score of one customer; the single definition both paths use. */
    private double score(
            double daysPastDue,
            long overdue,
            long outstanding,
            double utilisation,
            double deviation,
            int historyDays,
            int invoices,
            int writtenOff) {
        if (invoices == 0) {
            return noHistoryScore;
        }
        double total = 0;
        double kept = 0;
        if (!Double.isNaN(daysPastDue)) {
            double w = weights[0];
            total += w;
            kept += w * (1 - halfPoint(daysPastDue, daysPastDueHalfPoint));
        }
        double w = weights[1];
        total += w;
        kept += w * (1 - (outstanding == 0 ? 0 : (double) overdue / outstanding));
        if (!Double.isNaN(utilisation)) {
            w = weights[2];
            total += w;
            kept += w * (1 - utilisationBadness(utilisation));
        }
        if (!Double.isNaN(deviation)) {
            w = weights[3];
            total += w;
            kept += w * (1 - halfPoint(deviation, deviationHalfPoint));
        }
        w = weights[4];
        total += w;
        kept += w * (1 - halfPoint(writtenOff, 1));
        w = weights[5];
        total += w;
        kept += w * (1 - historyBadness(historyDays));
        if (total == 0) {
            return noHistoryScore;
        }
        return Math.min(100, Math.max(0, 100 * kept / total));
    }

    private double badness(Factor factor, double value) {
        return switch (factor) {
            case DAYS_PAST_DUE -> halfPoint(value, daysPastDueHalfPoint);
            case OVERDUE_SHARE -> value;
            case CREDIT_UTILISATION -> utilisationBadness(value);
            case DAYS_LATE_DEVIATION -> halfPoint(value, deviationHalfPoint);
            case WRITE_OFFS -> halfPoint(value, 1);
            case HISTORY_LENGTH -> historyBadness(value);
        };
    }

    /** {@code x / (x + h)}: 0 at 0, one half at {@code h}, towards 1 beyond. */
    private static double halfPoint(double x, double h) {
        return x / (x + h);
    }

    private static double utilisationBadness(double u) {
        return u >= 1 ? 1 : u * u;
    }

    private double historyBadness(double days) {
        return 1 - Math.min(days, fullHistoryDays) / fullHistoryDays;
    }

    private static String note(Factor factor, double v, PaymentBehaviour b) {
        return switch (factor) {
            case DAYS_PAST_DUE ->
                Double.isNaN(v) ? "no invoice due yet" : CreditChecks.number(v, 1) + " weighted days past due";
            case OVERDUE_SHARE ->
                b.outstandingMinor() == 0
                        ? "nothing outstanding"
                        : CreditChecks.percent(v) + " of the amount owed is overdue";
            case CREDIT_UTILISATION ->
                Double.isNaN(v)
                        ? "no credit limit"
                        : Double.isInfinite(v)
                                ? "credit used under a limit of zero"
                                : CreditChecks.percent(v) + " of the credit limit used";
            case DAYS_LATE_DEVIATION ->
                Double.isNaN(v)
                        ? "no invoice settled yet"
                        : "payments spread " + CreditChecks.number(v, 1) + " days around the due date";
            case WRITE_OFFS ->
                b.writtenOffCount() == 0
                        ? "no invoice written off"
                        : b.writtenOffCount() + (b.writtenOffCount() == 1 ? " invoice" : " invoices") + " written off";
            case HISTORY_LENGTH -> "history of " + b.historyDays() + " days";
        };
    }

    /**
     * Configures a {@link CreditScoring}, starting from the defaults. Each option may be set once (a second call
     * is an {@link IllegalStateException}); a bad value is a {@link ValidationException} at once. Not
     * thread-safe.
     */
    public static final class Builder {
        private final double[] weights = new double[FACTORS.length];
        private final Set<Factor> weighted = EnumSet.noneOf(Factor.class);
        private final Set<String> set = new HashSet<>();
        private CreditScale scale = CreditScale.letters();
        private double noHistoryScore = 50;
        private double daysPastDueHalfPoint = 15;
        private double deviationHalfPoint = 15;
        private int fullHistoryDays = 365;

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
         * Sets a factor's weight; weights need not add up to 1 (the score divides by their sum).
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
         * @param scale the grades to use (default {@link CreditScale#letters()})
         * @return this builder
         * @throws IllegalStateException if the scale was already set
         */
        public Builder scale(CreditScale scale) {
            once("scale");
            this.scale = Objects.requireNonNull(scale, "scale");
            return this;
        }

        /**
         * @param score the neutral score of a customer without history, 0 to 100 (default 50)
         * @return this builder
         * @throws ValidationException with field {@code noHistoryScore} and rule {@link
         *     ValidationRule#OUT_OF_RANGE} if not within 0 to 100
         * @throws IllegalStateException if it was already set
         */
        public Builder noHistoryScore(double score) {
            once("noHistoryScore");
            this.noHistoryScore = CreditChecks.between("noHistoryScore", score, 0, 100);
            return this;
        }

        /**
         * @param days the weighted days past due that cost half of that factor's weight, greater than 0
         *     (default 15)
         * @return this builder
         * @throws ValidationException with field {@code daysPastDueHalfPoint} and rule {@link
         *     ValidationRule#OUT_OF_RANGE} if not finite and greater than 0
         * @throws IllegalStateException if it was already set
         */
        public Builder daysPastDueHalfPoint(double days) {
            once("daysPastDueHalfPoint");
            this.daysPastDueHalfPoint = CreditChecks.positive("daysPastDueHalfPoint", days);
            return this;
        }

        /**
         * @param days the days-late deviation that costs half of that factor's weight, greater than 0 (default
         *     15)
         * @return this builder
         * @throws ValidationException with field {@code daysLateDeviationHalfPoint} and rule {@link
         *     ValidationRule#OUT_OF_RANGE} if not finite and greater than 0
         * @throws IllegalStateException if it was already set
         */
        public Builder daysLateDeviationHalfPoint(double days) {
            once("daysLateDeviationHalfPoint");
            this.deviationHalfPoint = CreditChecks.positive("daysLateDeviationHalfPoint", days);
            return this;
        }

        /**
         * @param days the history length from which history no longer costs points, at least 1 (default 365)
         * @return this builder
         * @throws ValidationException with field {@code fullHistoryDays} and rule {@link
         *     ValidationRule#OUT_OF_RANGE} if below 1
         * @throws IllegalStateException if it was already set
         */
        public Builder fullHistoryDays(int days) {
            once("fullHistoryDays");
            this.fullHistoryDays = CreditChecks.atLeast("fullHistoryDays", days, 1);
            return this;
        }

        /**
         * @return the policy
         * @throws ValidationException with field {@code weights} and rule {@link ValidationRule#OUT_OF_RANGE} if
         *     every weight is 0 (or their sum overflows)
         */
        public CreditScoring build() {
            double sum = 0;
            for (double w : weights) {
                sum += w;
            }
            if (!(sum > 0) || sum == Double.POSITIVE_INFINITY) {
                throw CreditChecks.outOfRange("weights", "must not all be 0 and must have a finite sum");
            }
            return new CreditScoring(this);
        }
    }
}
