package dev.guanxi.crm.classification;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.internal.DecimalText;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The 80/20 (ABC) grading of customers into key, ordinary and small (客户分级): every customer's {@link
 * ValueMeasure} over the value period, ranked from highest to lowest (equal measures in customer-id order), cut
 * by {@link GradeCutoffs} (default: 80% and 95% of cumulative value). The result is a dated {@link Grading}; as
 * a {@link ClassificationRule} named {@code "abc"} it labels each customer with its grade and stores the
 * metrics {@code measure}, {@code rank}, {@code shareAbove} and {@code cumulativeShare}.
 *
 * <p>Properties, all tested: the grading does not depend on the order in which customers were added; raising
 * a customer's measure never lowers its grade; equal measures get equal grades; a customer without positive
 * value is small.
 *
 * <p>O(n log n) in the number of customers (one sort). Immutable and thread-safe.
 */
@Beta
public final class AbcGrading implements ClassificationRule {
    /** The rule's name. */
    public static final String NAME = "abc";

    private final ValueMeasure measure;
    private final GradeCutoffs cutoffs;

    private AbcGrading(ValueMeasure measure, GradeCutoffs cutoffs) {
        this.measure = Objects.requireNonNull(measure, "measure");
        this.cutoffs = Objects.requireNonNull(cutoffs, "cutoffs");
    }

    /** @return the grading with the default measure (sales minus overdue) and cut-offs (80% / 95%) */
    public static AbcGrading defaults() {
        return new AbcGrading(ValueMeasure.defaults(), GradeCutoffs.defaults());
    }

    /**
     * @param measure how customers are valued
     * @param cutoffs where the grades are cut
     * @return the grading
     */
    public static AbcGrading of(ValueMeasure measure, GradeCutoffs cutoffs) {
        return new AbcGrading(measure, cutoffs);
    }

    /** @return the value measure */
    public ValueMeasure measure() {
        return measure;
    }

    /** @return the cut-offs */
    public GradeCutoffs cutoffs() {
        return cutoffs;
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Grades the customers of a base.
     *
     * @param base the customers
     * @return the dated grading
     * @throws ValidationException {@code marginWeight}, {@link ValidationRule#INVALID_STATE}, if the measure
     *     weighs margin and the base has no margins
     */
    public Grading grade(CustomerBase base) {
        Objects.requireNonNull(base, "base");
        if (measure.marginWeight() > 0 && !base.hasMargin()) {
            throw new ValidationException(
                    "marginWeight",
                    ValidationRule.INVALID_STATE,
                    "the value measure weighs gross margin, but the customer base has no margins");
        }
        int n = base.size();
        CustomerId[] ids = new CustomerId[n];
        double[] values = new double[n];
        double unit = Math.pow(10, base.currency().getDefaultFractionDigits());
        for (int i = 0; i < n; i++) {
            ids[i] = base.customerId(i);
            values[i] = value(base, i, unit);
        }
        int[] order = Grading.rankOrder(ids, values);
        // Sum in rank order, one customer after the other, as the running sums below and the Pareto curve do:
        // then the total does not depend on the order customers were added in, and the curve ends at exactly 1.
        double total = 0;
        for (int i : order) {
            total += Math.max(0, values[i]);
        }
        CustomerGrade[] grades = new CustomerGrade[n];
        int[] ranks = new int[n];
        double[] above = new double[n];
        double[] cumulative = new double[n];
        // Walk tie groups: every member is placed by what lies strictly above the group.
        double sumAbove = 0;
        int k = 0;
        while (k < n) {
            int end = k;
            double v = values[order[k]];
            double sumAfter = sumAbove;
            while (end < n && values[order[end]] == v) {
                sumAfter += Math.max(0, v);
                end++;
            }
            double shareAbove = total > 0 ? sumAbove / total : 0;
            double shareAfter = total > 0 ? sumAfter / total : 0;
            double fractionAbove = (double) k / n;
            CustomerGrade grade = v > 0
                    ? cutoffs.gradeOf(
                            cutoffs.method() == GradeCutoffs.Method.CUMULATIVE_SHARE ? shareAbove : fractionAbove)
                    : CustomerGrade.SMALL;
            for (int j = k; j < end; j++) {
                int i = order[j];
                grades[i] = grade;
                ranks[i] = k + 1;
                above[i] = Math.min(1, shareAbove);
                cumulative[i] = Math.min(1, shareAfter);
            }
            sumAbove = sumAfter;
            k = end;
        }
        return new Grading(
                base.asOf(),
                measure,
                cutoffs,
                base.currency().getCurrencyCode(),
                ids,
                grades,
                values,
                ranks,
                above,
                cumulative,
                order,
                total);
    }

    @Override
    public Classifications classify(CustomerBase base, ClassificationContext context) {
        Grading grading = grade(base);
        int n = base.size();
        String[] labels = new String[n];
        double[] measureColumn = new double[n];
        double[] rankColumn = new double[n];
        double[] aboveColumn = new double[n];
        double[] cumulativeColumn = new double[n];
        for (int i = 0; i < n; i++) {
            labels[i] = grading.gradeAt(i).name();
            measureColumn[i] = grading.measureAt(i);
            rankColumn[i] = grading.rankAt(i);
            aboveColumn[i] = grading.aboveAt(i);
            cumulativeColumn[i] = grading.cumulativeAt(i);
        }
        double unit = Math.pow(10, base.currency().getDefaultFractionDigits());
        return Classifications.builder(NAME, base)
                .labels(labels)
                .scores(measureColumn)
                .metric("measure", measureColumn)
                .metric("rank", rankColumn)
                .metric("shareAbove", aboveColumn)
                .metric("cumulativeShare", cumulativeColumn)
                .explainer(new Classifications.Explainer() {
                    @Override
                    public List<Contribution> contributions(int i) {
                        return AbcGrading.this.contributions(base, i, unit);
                    }

                    @Override
                    public String reason(int i) {
                        return grading.reason(i);
                    }
                })
                .build();
    }

    /**
     * Explains one customer's measure: each input's value, weight and points; the points add up to the
     * measure.
     *
     * @param base the customers
     * @param i a customer index
     * @return the contributions
     */
    public List<Contribution> contributions(CustomerBase base, int i) {
        return contributions(base, i, Math.pow(10, base.currency().getDefaultFractionDigits()));
    }

    private List<Contribution> contributions(CustomerBase base, int i, double unit) {
        String c = base.currency().getCurrencyCode();
        double sales = base.sales(i) / unit;
        double margin = base.margin(i) / unit;
        double overdue = base.overdue(i) / unit;
        int purchases = base.purchases(i);
        double raw = measure.salesWeight() * sales
                + measure.marginWeight() * margin
                + measure.volumeWeight() * purchases
                - measure.overdueWeight() * overdue;
        double regularity = regularityOf(base, i);
        double factor = 1 - measure.regularityWeight() + measure.regularityWeight() * regularity;
        List<Contribution> out = new ArrayList<>(5);
        out.add(new Contribution(
                "sales", sales, measure.salesWeight(), measure.salesWeight() * sales, money(sales, c) + " bought"));
        if (measure.marginWeight() > 0) {
            out.add(new Contribution(
                    "margin",
                    margin,
                    measure.marginWeight(),
                    measure.marginWeight() * margin,
                    money(margin, c) + " gross margin"));
        }
        if (measure.volumeWeight() > 0) {
            out.add(new Contribution(
                    "volume",
                    purchases,
                    measure.volumeWeight(),
                    measure.volumeWeight() * purchases,
                    purchases + " purchases"));
        }
        if (measure.overdueWeight() > 0) {
            out.add(new Contribution(
                    "overdue",
                    overdue,
                    measure.overdueWeight(),
                    -measure.overdueWeight() * overdue,
                    money(overdue, c) + " overdue"));
        }
        if (measure.regularityWeight() > 0) {
            out.add(new Contribution(
                    "regularity",
                    regularity,
                    measure.regularityWeight(),
                    (factor - 1) * raw,
                    "regularity " + DecimalText.of(regularity, 2) + " scales the value by "
                            + DecimalText.of(factor, 2)));
        }
        return List.copyOf(out);
    }

    private static String money(double amount, String currency) {
        return DecimalText.appendGrouped(new StringBuilder(24), amount, 2)
                .append(' ')
                .append(currency)
                .toString();
    }

    private double value(CustomerBase base, int i, double unit) {
        double raw = measure.salesWeight() * (base.sales(i) / unit)
                + measure.marginWeight() * (base.margin(i) / unit)
                + measure.volumeWeight() * base.purchases(i)
                - measure.overdueWeight() * (base.overdue(i) / unit);
        if (measure.regularityWeight() == 0) {
            return raw;
        }
        double factor = 1 - measure.regularityWeight() + measure.regularityWeight() * regularityOf(base, i);
        return raw * factor;
    }

    private static double regularityOf(CustomerBase base, int i) {
        double r = base.regularity(i);
        return Double.isNaN(r) ? ValueMeasure.NEUTRAL_REGULARITY : r;
    }
}
