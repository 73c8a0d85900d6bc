package dev.guanxi.crm.classification;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.internal.DecimalText;
import dev.guanxi.crm.internal.IndexSort;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The relationship-customer selection matrix (关系客户选择矩阵): customer value × the company's fit to serve
 * the customer gives four choices — {@link MatrixQuadrant#FOCUS focus}, {@link MatrixQuadrant#OPPORTUNISTIC
 * opportunistic}, {@link MatrixQuadrant#PASSIVE passive}, {@link MatrixQuadrant#ABANDON abandon} — each with a
 * recommended {@link Treatment} the host can override.
 *
 * <p><b>Value</b> is in [0, 1], from the 80/20 grading ({@code 1 − shareAbove}: the share of value not held by
 * customers ranked above; the {@code "abc"} rule's result if it ran before, otherwise the default grading) or
 * from CLV (the customer's percentile of {@link CustomerBase#lifetimeValue(int)}). <b>Fit</b> is in [0, 1]: the
 * weighted mean of the {@link FitCriterion}s that can judge the customer (0.5 if none can). Value and fit are
 * high at or above their thresholds (defaults: value 0.2 — with the default grading, exactly the key customers —
 * and fit 0.5).
 *
 * <p>As a {@link ClassificationRule} named {@code "matrix"} it labels customers with their quadrant and stores
 * {@code value}, {@code fit} and each criterion's fit. O(n log n) with the CLV axis, O(n) otherwise. Immutable
 * and thread-safe.
 */
@Beta
public final class SelectionMatrix implements ClassificationRule {
    /** The rule's name. */
    public static final String NAME = "matrix";

    /** Where the value axis comes from. */
    public enum ValueAxis {
        /** From the 80/20 grading: {@code 1 − shareAbove}. */
        GRADING,
        /** From CLV: the customer's percentile among customers with a known CLV. */
        LIFETIME_VALUE
    }

    private final ValueAxis axis;
    private final double valueThreshold;
    private final double fitThreshold;
    private final List<FitCriterion> criteria;
    private final double[] weights;
    private final Map<MatrixQuadrant, Treatment> treatments;

    private SelectionMatrix(Builder b) {
        this.axis = b.axis;
        this.valueThreshold = b.valueThreshold;
        this.fitThreshold = b.fitThreshold;
        this.criteria = List.copyOf(b.criteria);
        this.weights = b.weights.stream().mapToDouble(Double::doubleValue).toArray();
        this.treatments = new EnumMap<>(b.treatments);
    }

    /** @return the matrix with the defaults: grading axis, thresholds 0.2 / 0.5, the three default criteria */
    public static SelectionMatrix defaults() {
        return builder().build();
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the default treatments per quadrant */
    public static Map<MatrixQuadrant, Treatment> defaultTreatments() {
        Map<MatrixQuadrant, Treatment> t = new EnumMap<>(MatrixQuadrant.class);
        t.put(
                MatrixQuadrant.FOCUS,
                new Treatment(Treatment.ServiceLevel.DEDICATED, 14, "dedicated account manager, regular visits"));
        t.put(
                MatrixQuadrant.OPPORTUNISTIC,
                new Treatment(Treatment.ServiceLevel.STANDARD, 30, "improve the fit (terms, service cost) first"));
        t.put(
                MatrixQuadrant.PASSIVE,
                new Treatment(Treatment.ServiceLevel.LOW_COST, 90, "serve through low-cost channels"));
        t.put(
                MatrixQuadrant.ABANDON,
                new Treatment(Treatment.ServiceLevel.MINIMAL, 0, "no proactive effort; self-service only"));
        return t;
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * @param quadrant a quadrant
     * @return the treatment recommended for it
     */
    public Treatment treatment(MatrixQuadrant quadrant) {
        return treatments.get(quadrant);
    }

    @Override
    public Classifications classify(CustomerBase base, ClassificationContext context) {
        int n = base.size();
        double[] value = valueAxis(base, context);
        double[][] fits = new double[criteria.size()][n];
        double[] fit = new double[n];
        String[] labels = new String[n];
        MatrixQuadrant[] quadrants = new MatrixQuadrant[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            double w = 0;
            for (int c = 0; c < criteria.size(); c++) {
                double f = criteria.get(c).fit(base, i, context);
                if (!Double.isNaN(f) && (f < 0 || f > 1)) {
                    throw new IllegalStateException(
                            "fit criterion " + criteria.get(c).name() + " returned " + f + ", outside [0, 1]");
                }
                fits[c][i] = f;
                if (!Double.isNaN(f)) {
                    sum += weights[c] * f;
                    w += weights[c];
                }
            }
            fit[i] = w > 0 ? sum / w : 0.5;
            quadrants[i] = MatrixQuadrant.of(value[i] >= valueThreshold, fit[i] >= fitThreshold);
            labels[i] = quadrants[i].name();
        }
        Classifications.Builder out = Classifications.builder(NAME, base)
                .labels(labels)
                .scores(fit)
                .metric("value", value)
                .metric("fit", fit);
        for (int c = 0; c < criteria.size(); c++) {
            out.metric(criteria.get(c).name(), fits[c]);
        }
        // the end of each quadrant's reason, rendered once: "; <level> service, <contact>"
        String[] treatmentText = new String[MatrixQuadrant.values().length];
        for (MatrixQuadrant q : MatrixQuadrant.values()) {
            Treatment t = treatments.get(q);
            treatmentText[q.ordinal()] = "; "
                    + t.serviceLevel().name().toLowerCase(Locale.ROOT).replace('_', '-')
                    + " service, "
                    + (t.contactEveryDays() == 0
                            ? "no proactive contact"
                            : "contact at least every " + t.contactEveryDays() + " days");
        }
        String from = axis == ValueAxis.GRADING ? "the 80/20 grading" : "CLV percentile";
        return out.explainer(new Classifications.Explainer() {
                    @Override
                    public List<Contribution> contributions(int i) {
                        double w = 0;
                        for (int c = 0; c < criteria.size(); c++) {
                            if (!Double.isNaN(fits[c][i])) {
                                w += weights[c];
                            }
                        }
                        List<Contribution> list = new ArrayList<>();
                        for (int c = 0; c < criteria.size(); c++) {
                            double f = fits[c][i];
                            boolean known = !Double.isNaN(f) && w > 0;
                            list.add(new Contribution(
                                    criteria.get(c).name(),
                                    f,
                                    known ? weights[c] / w : 0,
                                    known ? weights[c] * f / w : 0,
                                    known ? "fit " + DecimalText.of(f, 2) : "unknown, left out"));
                        }
                        return List.copyOf(list);
                    }

                    @Override
                    public String reason(int i) {
                        // "<quadrant>: value <v> is <high|low> (threshold <t>, from <axis>), fit <f> is <high|low>
                        // (threshold <t>); <level> service, <contact>"
                        StringBuilder s =
                                new StringBuilder(160).append(quadrants[i]).append(": value ");
                        DecimalText.append(s, value[i], 2)
                                .append(value[i] >= valueThreshold ? " is high (threshold " : " is low (threshold ");
                        DecimalText.append(s, valueThreshold, 2)
                                .append(", from ")
                                .append(from)
                                .append("), fit ");
                        DecimalText.append(s, fit[i], 2)
                                .append(fit[i] >= fitThreshold ? " is high (threshold " : " is low (threshold ");
                        DecimalText.append(s, fitThreshold, 2).append(')');
                        return s.append(treatmentText[quadrants[i].ordinal()]).toString();
                    }
                })
                .build();
    }

    private double[] valueAxis(CustomerBase base, ClassificationContext context) {
        int n = base.size();
        double[] value = new double[n];
        if (axis == ValueAxis.GRADING) {
            Classifications abc = context.result(AbcGrading.NAME)
                    .orElseGet(() -> AbcGrading.defaults().classify(base, context));
            for (int i = 0; i < n; i++) {
                boolean positive = abc.metric("measure", i) > 0;
                value[i] = positive ? 1 - abc.metric("shareAbove", i) : 0;
            }
            return value;
        }
        int[] order = IndexSort.sorted(n, (a, b) -> Double.compare(clv(base, a), clv(base, b)));
        int known = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(base.lifetimeValue(i))) {
                known++;
            }
        }
        // mid-rank percentile among customers with a known CLV, as in RFM; unknown CLV is value 0
        int k = 0;
        int below = 0;
        while (k < n) {
            int i = order[k];
            if (Double.isNaN(base.lifetimeValue(i))) {
                k++;
                continue;
            }
            int end = k;
            while (end < n && base.lifetimeValue(order[end]) == base.lifetimeValue(i)) {
                end++;
            }
            int equal = end - k;
            double p = (below + equal / 2.0) / known;
            for (int j = k; j < end; j++) {
                value[order[j]] = p;
            }
            below += equal;
            k = end;
        }
        return value;
    }

    private static double clv(CustomerBase base, int i) {
        double v = base.lifetimeValue(i);
        return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }

    /** Builds a {@link SelectionMatrix}. Not thread-safe. */
    public static final class Builder {
        private static final Pattern CRITERION_NAME = Pattern.compile("[a-z][a-zA-Z0-9]{0,30}");

        private ValueAxis axis = ValueAxis.GRADING;
        private double valueThreshold = 0.2;
        private double fitThreshold = 0.5;
        private final List<FitCriterion> criteria = new ArrayList<>();
        private final List<Double> weights = new ArrayList<>();
        private boolean customCriteria;
        private final Map<MatrixQuadrant, Treatment> treatments = defaultTreatments();

        private Builder() {
            criteria.add(FitCriterion.paymentBehaviour());
            weights.add(1.0);
            criteria.add(FitCriterion.costToServe());
            weights.add(1.0);
            criteria.add(FitCriterion.strategicFit());
            weights.add(1.0);
        }

        /**
         * @param axis where value comes from
         * @return this builder
         */
        public Builder valueAxis(ValueAxis axis) {
            this.axis = Objects.requireNonNull(axis, "axis");
            return this;
        }

        /**
         * @param threshold value at or above which a customer's value is high, in [0, 1]
         * @return this builder
         * @throws ValidationException {@code valueThreshold}, {@link ValidationRule#OUT_OF_RANGE}
         */
        public Builder valueThreshold(double threshold) {
            this.valueThreshold = unit("valueThreshold", threshold);
            return this;
        }

        /**
         * @param threshold fit at or above which the fit is high, in [0, 1]
         * @return this builder
         * @throws ValidationException {@code fitThreshold}, {@link ValidationRule#OUT_OF_RANGE}
         */
        public Builder fitThreshold(double threshold) {
            this.fitThreshold = unit("fitThreshold", threshold);
            return this;
        }

        /**
         * Adds a fit criterion; the first call replaces the three defaults.
         *
         * @param criterion the criterion
         * @param weight its weight, greater than zero
         * @return this builder
         * @throws ValidationException {@code weight}, {@link ValidationRule#OUT_OF_RANGE}, unless finite and > 0;
         *     {@code criterion}, {@link ValidationRule#INVALID_FORMAT}, if its name is not a metric name ({@code
         *     [a-z][a-zA-Z0-9]{0,30}}), {@link ValidationRule#DUPLICATE} if the name is taken (also by the
         *     matrix's own metrics {@code value} and {@code fit})
         */
        public Builder criterion(FitCriterion criterion, double weight) {
            Objects.requireNonNull(criterion, "criterion");
            String name = criterion.name();
            if (name == null || !CRITERION_NAME.matcher(name).matches()) {
                throw new ValidationException(
                        "criterion",
                        ValidationRule.INVALID_FORMAT,
                        "a criterion name is a metric name, [a-z][a-zA-Z0-9]{0,30}: " + name);
            }
            if (name.equals("value") || name.equals("fit")) {
                throw new ValidationException(
                        "criterion",
                        ValidationRule.DUPLICATE,
                        "criterion " + name + " clashes with the matrix's " + name);
            }
            if (!Double.isFinite(weight) || weight <= 0) {
                throw new ValidationException("weight", ValidationRule.OUT_OF_RANGE, "a weight must be > 0");
            }
            if (!customCriteria) {
                criteria.clear();
                weights.clear();
                customCriteria = true;
            }
            for (FitCriterion c : criteria) {
                if (c.name().equals(criterion.name())) {
                    throw new ValidationException(
                            "criterion", ValidationRule.DUPLICATE, "criterion " + c.name() + " was added twice");
                }
            }
            criteria.add(criterion);
            weights.add(weight);
            return this;
        }

        /**
         * Overrides the treatment of a quadrant.
         *
         * @param quadrant the quadrant
         * @param treatment what it means
         * @return this builder
         */
        public Builder treatment(MatrixQuadrant quadrant, Treatment treatment) {
            treatments.put(Objects.requireNonNull(quadrant, "quadrant"), Objects.requireNonNull(treatment, "t"));
            return this;
        }

        /** @return the matrix */
        public SelectionMatrix build() {
            return new SelectionMatrix(this);
        }

        private static double unit(String field, double v) {
            if (!(v >= 0 && v <= 1)) {
                throw new ValidationException(field, ValidationRule.OUT_OF_RANGE, field + " must lie in [0, 1]");
            }
            return v;
        }
    }
}
