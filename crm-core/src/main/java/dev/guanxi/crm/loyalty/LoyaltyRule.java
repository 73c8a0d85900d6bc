package dev.guanxi.crm.loyalty;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.classification.ClassificationContext;
import dev.guanxi.crm.classification.ClassificationRule;
import dev.guanxi.crm.classification.Classifications;
import dev.guanxi.crm.classification.Contribution;
import dev.guanxi.crm.classification.CustomerBase;
import java.util.List;
import java.util.Objects;

/**
 * The loyalty score and type as a {@link ClassificationRule} named {@code "loyalty"}: labels each customer with
 * its {@link LoyaltyType}, scores it 0 to 100 with {@link LoyaltyScoring}, and stores each factor's points as a
 * metric plus {@code superValue} (1 for the very satisfied, very frequent top group).
 *
 * <p>Inputs from the {@link CustomerBase}: frequency = purchases per 365 days over the tenure (first purchase
 * in the value period to the as-of day, at least one day); tenure in days; P(alive) from the model columns;
 * recent spend share = recent sales / sales (the base's recent window must equal the policy's {@link
 * LoyaltyScoring#recentWindowDays()}). From host columns filled by the scoring run (missing columns count as
 * no data): {@code satisfactionMean}, {@code satisfactionSlope}, {@code surveys}, {@code complaints}, {@code
 * complaintsResolved}, {@code complaintsReopened}.
 *
 * <p>O(n). Immutable and thread-safe.
 */
@Beta
public final class LoyaltyRule implements ClassificationRule {
    /** The rule's name. */
    public static final String NAME = "loyalty";

    private final LoyaltyScoring scoring;

    private LoyaltyRule(LoyaltyScoring scoring) {
        this.scoring = Objects.requireNonNull(scoring, "scoring");
    }

    /** @return the rule with the default policy */
    public static LoyaltyRule defaults() {
        return new LoyaltyRule(LoyaltyScoring.defaults());
    }

    /**
     * @param scoring the policy
     * @return the rule
     */
    public static LoyaltyRule of(LoyaltyScoring scoring) {
        return new LoyaltyRule(scoring);
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Computes the scores in their own form (types, super-value flags, per-factor points).
     *
     * @param base the customers
     * @return the scores
     * @throws ValidationException {@code recentDays}, {@link ValidationRule#INVALID_STATE}, if the base's recent
     *     window differs from the policy's
     */
    public LoyaltyScores scores(CustomerBase base) {
        int n = base.size();
        if (base.recentDays() != 0 && base.recentDays() != scoring.recentWindowDays()) {
            throw new ValidationException(
                    "recentDays",
                    ValidationRule.INVALID_STATE,
                    "the customer base's recent window (" + base.recentDays() + " days) differs from the loyalty"
                            + " policy's (" + scoring.recentWindowDays() + " days)");
        }
        long asOf = base.asOf().toEpochDay();
        double[] frequency = new double[n];
        double[] tenure = new double[n];
        double[] pAlive = new double[n];
        double[] recent = new double[n];
        double[] satisfaction = column(base, "satisfactionMean", Double.NaN);
        double[] slope = column(base, "satisfactionSlope", Double.NaN);
        int[] surveys = ints(column(base, "surveys", 0));
        int[] complaints = ints(column(base, "complaints", 0));
        int[] resolved = ints(column(base, "complaintsResolved", 0));
        int[] reopened = ints(column(base, "complaintsReopened", 0));
        for (int i = 0; i < n; i++) {
            int first = base.firstPurchaseDay(i);
            tenure[i] = first == CustomerBase.NO_DAY ? 0 : asOf - first;
            frequency[i] = base.purchases(i) * 365.0 / Math.max(1, tenure[i]);
            pAlive[i] = base.probabilityAlive(i);
            recent[i] = base.sales(i) > 0 ? (double) base.recentSales(i) / base.sales(i) : Double.NaN;
            if (surveys[i] == 0) {
                satisfaction[i] = Double.NaN;
            }
            if (surveys[i] < 2) {
                slope[i] = Double.NaN;
            }
        }
        return LoyaltyScores.columns(n)
                .frequency(frequency)
                .tenureDays(tenure)
                .pAlive(pAlive)
                .satisfaction(satisfaction, slope, surveys)
                .complaints(complaints, resolved, reopened)
                .recentSpendShare(recent)
                .score(scoring);
    }

    @Override
    public Classifications classify(CustomerBase base, ClassificationContext context) {
        LoyaltyScores scores = scores(base);
        int n = base.size();
        String[] labels = new String[n];
        double[] top = new double[n];
        for (int i = 0; i < n; i++) {
            labels[i] = scores.type(i).name();
            top[i] = scores.superValue(i) ? 1 : 0;
        }
        Classifications.Builder out = Classifications.builder(NAME, base)
                .labels(labels)
                .scores(scores.scores())
                .metric("superValue", top);
        for (LoyaltyFactor f : LoyaltyFactor.values()) {
            out.metric(f.key(), scores.points(f));
        }
        return out.explainer(new Classifications.Explainer() {
                    @Override
                    public List<Contribution> contributions(int i) {
                        return scores.explain(i).contributions();
                    }

                    @Override
                    public String reason(int i) {
                        return scores.reason(i);
                    }
                })
                .build();
    }

    private static double[] column(CustomerBase base, String name, double absent) {
        return base.column(name).orElseGet(() -> {
            double[] values = new double[base.size()];
            java.util.Arrays.fill(values, absent);
            return values;
        });
    }

    private static int[] ints(double[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (int) values[i];
        }
        return out;
    }
}
