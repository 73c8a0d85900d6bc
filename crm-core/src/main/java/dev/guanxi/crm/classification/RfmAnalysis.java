package dev.guanxi.crm.classification;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.internal.DecimalText;
import dev.guanxi.crm.internal.IndexSort;
import java.util.List;

/**
 * RFM analysis: recency, frequency and monetary quintile scores (1 to 5, 5 best) for every customer with a
 * purchase in the value period, and the {@link RfmSegment} from the segment table. As a {@link
 * ClassificationRule} named {@code "rfm"} it labels customers with their segment and stores {@code r}, {@code
 * f}, {@code m}, {@code recencyDays}, {@code frequency} and {@code monetary}; the score is the RFM cell ({@code
 * 100 R + 10 F + M}).
 *
 * <p>Scores: among the m customers with purchases, a customer's score on a measure is {@code 1 + floor(5 p)}
 * with {@code p = (below + equal / 2) / m}, where {@code below} counts the customers with a strictly worse
 * value and {@code equal} those with the same value (the customer included) — the mid-rank percentile. Equal
 * values therefore get equal scores (ties are deterministic and independent of input order), a single customer
 * or a base of equal customers scores 3, and a better value never gets a lower score. Recency is the number of
 * days from the last purchase to the as-of day (fewer is better); frequency the number of purchases; monetary
 * the amount bought.
 *
 * <p>O(n log n) (three sorts). Immutable and thread-safe.
 */
@Beta
public final class RfmAnalysis implements ClassificationRule {
    /** The rule's name. */
    public static final String NAME = "rfm";

    private static final RfmAnalysis INSTANCE = new RfmAnalysis();

    private RfmAnalysis() {}

    /** @return the RFM analysis */
    public static RfmAnalysis standard() {
        return INSTANCE;
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Computes quintile scores of one measure (higher is better) over the customers that take part.
     *
     * @param values the measure per customer
     * @param included which customers take part
     * @return the score per customer, 1 to 5; 0 for those not taking part
     */
    static int[] quintiles(double[] values, boolean[] included) {
        int n = values.length;
        int[] order = IndexSort.byValue(values, false, null);
        int m = 0;
        for (boolean in : included) {
            if (in) {
                m++;
            }
        }
        int[] scores = new int[n];
        int below = 0;
        int k = 0;
        while (k < n) {
            int i = order[k];
            if (!included[i]) {
                k++;
                continue;
            }
            int end = k;
            int equal = 0;
            while (end < n && (!included[order[end]] || values[order[end]] == values[i])) {
                if (included[order[end]]) {
                    equal++;
                }
                end++;
            }
            double p = (below + equal / 2.0) / m;
            int score = Math.min(5, 1 + (int) Math.floor(5 * p));
            for (int j = k; j < end; j++) {
                if (included[order[j]]) {
                    scores[order[j]] = score;
                }
            }
            below += equal;
            k = end;
        }
        return scores;
    }

    @Override
    public Classifications classify(CustomerBase base, ClassificationContext context) {
        int n = base.size();
        long asOf = base.asOf().toEpochDay();
        boolean[] included = new boolean[n];
        double[] negRecency = new double[n];
        double[] recencyDays = new double[n];
        double[] frequency = new double[n];
        double[] monetary = new double[n];
        double unit = Math.pow(10, base.currency().getDefaultFractionDigits());
        for (int i = 0; i < n; i++) {
            included[i] = base.purchases(i) > 0;
            recencyDays[i] = included[i] ? asOf - base.lastPurchaseDay(i) : Double.NaN;
            negRecency[i] = included[i] ? -recencyDays[i] : 0;
            frequency[i] = base.purchases(i);
            monetary[i] = base.sales(i) / unit;
        }
        int[] r = quintiles(negRecency, included);
        int[] f = quintiles(frequency, included);
        int[] m = quintiles(monetary, included);
        String[] labels = new String[n];
        double[] cell = new double[n];
        double[] rs = new double[n];
        double[] fs = new double[n];
        double[] ms = new double[n];
        RfmSegment[] segments = new RfmSegment[n];
        for (int i = 0; i < n; i++) {
            segments[i] = included[i] ? RfmSegment.of(r[i], f[i]) : RfmSegment.NO_PURCHASES;
            labels[i] = segments[i].name();
            rs[i] = r[i];
            fs[i] = f[i];
            ms[i] = m[i];
            cell[i] = included[i] ? 100 * r[i] + 10 * f[i] + m[i] : Double.NaN;
        }
        String currency = base.currency().getCurrencyCode();
        return Classifications.builder(NAME, base)
                .labels(labels)
                .scores(cell)
                .metric("r", rs)
                .metric("f", fs)
                .metric("m", ms)
                .metric("recencyDays", recencyDays)
                .metric("frequency", frequency)
                .metric("monetary", monetary)
                .explainer(new Classifications.Explainer() {
                    @Override
                    public List<Contribution> contributions(int i) {
                        if (!included[i]) {
                            return List.of();
                        }
                        return List.of(
                                new Contribution(
                                        "recency", recencyDays[i], 1, r[i], (long) recencyDays[i] + " days since"),
                                new Contribution(
                                        "frequency", frequency[i], 1, f[i], (long) frequency[i] + " purchases"),
                                new Contribution(
                                        "monetary",
                                        monetary[i],
                                        1,
                                        m[i],
                                        DecimalText.grouped(monetary[i], 2) + " " + currency));
                    }

                    @Override
                    public String reason(int i) {
                        if (!included[i]) {
                            return "NO_PURCHASES: no purchase in the period";
                        }
                        // "<segment> (R<r> F<f> M<m>): last purchase <d> days ago, <n> purchases, <money> <cur>;
                        // segment rule <rule>"
                        StringBuilder s = new StringBuilder(160)
                                .append(segments[i])
                                .append(" (R")
                                .append(r[i])
                                .append(" F")
                                .append(f[i])
                                .append(" M")
                                .append(m[i])
                                .append("): last purchase ")
                                .append((long) recencyDays[i])
                                .append(" days ago, ")
                                .append((long) frequency[i])
                                .append(" purchases, ");
                        DecimalText.appendGrouped(s, monetary[i], 2)
                                .append(' ')
                                .append(currency)
                                .append("; segment rule ")
                                .append(segments[i].rule());
                        return s.toString();
                    }
                })
                .build();
    }
}
