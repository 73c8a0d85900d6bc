package dev.guanxi.crm.classification;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.internal.DecimalText;
import dev.guanxi.crm.internal.IndexSort;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A dated 80/20 grading of a tenant's customers: each customer's grade, measure, rank and cumulative share,
 * made by {@link AbcGrading#grade(CustomerBase)}. Two gradings compare into the customers who moved up or down.
 *
 * <p>Immutable and thread-safe.
 */
@Beta
public final class Grading {
    private final LocalDate asOf;
    private final ValueMeasure measure;
    private final GradeCutoffs cutoffs;
    private final String currency;
    private final CustomerId[] ids;
    private final CustomerGrade[] grades;
    private final double[] measures;
    private final int[] ranks;
    private final double[] above;
    private final double[] cumulative;
    private final int[] order;
    private final double totalPositive;
    private volatile Map<CustomerId, Integer> index;

    Grading(
            LocalDate asOf,
            ValueMeasure measure,
            GradeCutoffs cutoffs,
            String currency,
            CustomerId[] ids,
            CustomerGrade[] grades,
            double[] measures,
            int[] ranks,
            double[] above,
            double[] cumulative,
            int[] order,
            double totalPositive) {
        this.asOf = asOf;
        this.measure = measure;
        this.cutoffs = cutoffs;
        this.currency = currency;
        this.ids = ids;
        this.grades = grades;
        this.measures = measures;
        this.ranks = ranks;
        this.above = above;
        this.cumulative = cumulative;
        this.order = order;
        this.totalPositive = totalPositive;
    }

    /** @return the day the grading is for */
    public LocalDate asOf() {
        return asOf;
    }

    /** @return the value measure used */
    public ValueMeasure measure() {
        return measure;
    }

    /** @return the cut-offs used */
    public GradeCutoffs cutoffs() {
        return cutoffs;
    }

    /** @return the number of customers graded */
    public int size() {
        return ids.length;
    }

    /** @return the sum of the positive measures (the 100% of the cumulative share) */
    public double totalValue() {
        return totalPositive;
    }

    /**
     * Returns one customer's line.
     *
     * @param customerId the customer
     * @return the line, or empty if the customer was not graded
     */
    public Optional<GradedCustomer> find(CustomerId customerId) {
        Integer i = index().get(customerId);
        return i == null ? Optional.empty() : Optional.of(entry(i));
    }

    /**
     * Returns one customer's grade.
     *
     * @param customerId the customer
     * @return the grade, or empty if the customer was not graded
     */
    public Optional<CustomerGrade> grade(CustomerId customerId) {
        Integer i = index().get(customerId);
        return i == null ? Optional.empty() : Optional.of(grades[i]);
    }

    /**
     * Returns every customer's line, best first (by rank, then by customer id). The list is a view: each line
     * (with its reason text) is built when it is read, so asking for the top 10 of a million costs 10 lines.
     *
     * @return the lines, unmodifiable
     */
    public List<GradedCustomer> ranking() {
        return new java.util.AbstractList<>() {
            @Override
            public GradedCustomer get(int k) {
                return entry(order[k]);
            }

            @Override
            public int size() {
                return order.length;
            }
        };
    }

    /** @return the number of customers per grade (every grade present, possibly 0) */
    public Map<CustomerGrade, Integer> counts() {
        Map<CustomerGrade, Integer> counts = new EnumMap<>(CustomerGrade.class);
        for (CustomerGrade g : CustomerGrade.values()) {
            counts.put(g, 0);
        }
        for (CustomerGrade g : grades) {
            counts.merge(g, 1, Integer::sum);
        }
        return counts;
    }

    /** @return each grade's share of the total positive value (0 for all if there is no positive value) */
    public Map<CustomerGrade, Double> valueShares() {
        Map<CustomerGrade, Double> shares = new EnumMap<>(CustomerGrade.class);
        double[] sums = new double[CustomerGrade.values().length];
        for (int i = 0; i < ids.length; i++) {
            sums[grades[i].ordinal()] += Math.max(0, measures[i]);
        }
        for (CustomerGrade g : CustomerGrade.values()) {
            shares.put(g, totalPositive > 0 ? sums[g.ordinal()] / totalPositive : 0.0);
        }
        return shares;
    }

    /**
     * The cumulative-share curve (the Pareto curve): after the k best customers (k = 1 .. n, ties in id
     * order), the share of total positive value they hold.
     *
     * @return n values, non-decreasing, the last 1 (or all 0 if there is no positive value)
     */
    public double[] paretoCurve() {
        double[] curve = new double[order.length];
        double sum = 0;
        for (int k = 0; k < order.length; k++) {
            sum += Math.max(0, measures[order[k]]);
            curve[k] = totalPositive > 0 ? sum / totalPositive : 0;
        }
        return curve;
    }

    /**
     * Compares with an earlier grading: the customers whose grade changed, and those graded for the first time.
     * Customers only in the earlier grading are not listed.
     *
     * @param earlier the earlier grading
     * @return the changes, in this grading's rank order
     */
    public List<GradeChange> changesSince(Grading earlier) {
        Objects.requireNonNull(earlier, "earlier");
        List<GradeChange> changes = new ArrayList<>();
        for (int i : order) {
            CustomerGrade before = earlier.grade(ids[i]).orElse(null);
            if (before != grades[i]) {
                changes.add(new GradeChange(ids[i], before, grades[i]));
            }
        }
        return Collections.unmodifiableList(changes);
    }

    /**
     * @param earlier the earlier grading
     * @return the customers graded better than in {@code earlier}
     */
    public List<GradeChange> upgradesSince(Grading earlier) {
        return changesSince(earlier).stream().filter(GradeChange::isUpgrade).toList();
    }

    /**
     * @param earlier the earlier grading
     * @return the customers graded worse than in {@code earlier}
     */
    public List<GradeChange> downgradesSince(Grading earlier) {
        return changesSince(earlier).stream().filter(GradeChange::isDowngrade).toList();
    }

    CustomerGrade gradeAt(int i) {
        return grades[i];
    }

    double measureAt(int i) {
        return measures[i];
    }

    int rankAt(int i) {
        return ranks[i];
    }

    double aboveAt(int i) {
        return above[i];
    }

    double cumulativeAt(int i) {
        return cumulative[i];
    }

    GradedCustomer entry(int i) {
        return new GradedCustomer(ids[i], grades[i], measures[i], ranks[i], above[i], cumulative[i], reason(i));
    }

    String reason(int i) {
        StringBuilder s = new StringBuilder(160);
        s.append(grades[i]);
        if (!(measures[i] > 0)) {
            s.append(": value ");
            DecimalText.appendGrouped(s, measures[i], 2).append(' ').append(currency);
            return s.append(" is not positive (rank ")
                    .append(ranks[i])
                    .append(" of ")
                    .append(ids.length)
                    .append(')')
                    .toString();
        }
        boolean share = cutoffs.method() == GradeCutoffs.Method.CUMULATIVE_SHARE;
        String what = share ? "customers ranked above hold " : "customers ranked above are ";
        String of = share ? " of the total value" : " of all customers";
        double limit = grades[i] == CustomerGrade.KEY
                ? cutoffs.key()
                : grades[i] == CustomerGrade.ORDINARY ? cutoffs.ordinary() : cutoffs.ordinary();
        String relation = grades[i] == CustomerGrade.SMALL ? "at or above the " : "below the ";
        String cut =
                grades[i] == CustomerGrade.ORDINARY ? "ordinary" : grades[i] == CustomerGrade.KEY ? "key" : "ordinary";
        // "<grade>: rank <r> of <n>, value <v> <cur>; <what><x.x>%<of>, <relation><y>% <cut> cut-off"
        s.append(": rank ").append(ranks[i]).append(" of ").append(ids.length).append(", value ");
        DecimalText.appendGrouped(s, measures[i], 2)
                .append(' ')
                .append(currency)
                .append("; ")
                .append(what);
        // what placed the customer: the share of value above, or the fraction of customers above
        DecimalText.append(s, 100 * (share ? above[i] : (ranks[i] - 1) / (double) ids.length), 1)
                .append('%')
                .append(of)
                .append(", ")
                .append(relation);
        DecimalText.append(s, 100 * limit, 0).append("% ").append(cut).append(" cut-off");
        return s.toString();
    }

    private Map<CustomerId, Integer> index() {
        Map<CustomerId, Integer> map = index;
        if (map == null) {
            map = new HashMap<>(ids.length * 2);
            for (int i = 0; i < ids.length; i++) {
                map.put(ids[i], i);
            }
            index = map;
        }
        return map;
    }

    static int[] rankOrder(CustomerId[] ids, double[] measures) {
        return IndexSort.byValue(measures, true, (a, b) -> IndexSort.compareIds(ids[a], ids[b]));
    }
}
