package dev.guanxi.crm.credit;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.classification.ClassificationContext;
import dev.guanxi.crm.classification.ClassificationRule;
import dev.guanxi.crm.classification.Classifications;
import dev.guanxi.crm.classification.Contribution;
import dev.guanxi.crm.classification.CustomerBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The credit grade and the arrears early warning as a {@link ClassificationRule} named {@code "credit"}: labels
 * each customer with its grade on the policy's {@link CreditScale}, scores it 0 to 100 ({@link CreditScoring}),
 * and stores the metrics {@code gradeIndex}, {@code arrearsRisk} (0 to 100, {@link ArrearsEarlyWarning}), {@code
 * arrearsWarning} (1 when the risk reaches the warning's threshold) and {@code arrearsThreshold}. The reason names the grade, the
 * strongest factors, the collection actions of the grade ({@link CollectionPolicy}) and any arrears warning.
 *
 * <p>Input: the {@link PaymentBehaviours} attached to the {@link CustomerBase} (the scoring run builds them from
 * each customer's invoices and credit limit); a base without that attachment is treated as customers without
 * history. O(n). Immutable and thread-safe.
 */
@Beta
public final class CreditRule implements ClassificationRule {
    /** The rule's name. */
    public static final String NAME = "credit";

    private final CreditScoring scoring;
    private final ArrearsEarlyWarning warning;
    private final CollectionPolicy collection;

    private CreditRule(CreditScoring scoring, ArrearsEarlyWarning warning, CollectionPolicy collection) {
        this.scoring = Objects.requireNonNull(scoring, "scoring");
        this.warning = Objects.requireNonNull(warning, "warning");
        this.collection = Objects.requireNonNull(collection, "collection");
        if (!collection.scale().equals(scoring.scale())) {
            throw new IllegalArgumentException("the collection policy's scale differs from the scoring's");
        }
    }

    /** @return the rule with the default scoring (letters AAA to C), warning and collection policy */
    public static CreditRule defaults() {
        CreditScoring scoring = CreditScoring.defaults();
        return new CreditRule(scoring, ArrearsEarlyWarning.defaults(), CollectionPolicy.defaults(scoring.scale()));
    }

    /**
     * @param scoring the credit scoring policy
     * @param warning the arrears early warning
     * @param collection the collection policy, on the same scale as {@code scoring}
     * @return the rule
     */
    public static CreditRule of(CreditScoring scoring, ArrearsEarlyWarning warning, CollectionPolicy collection) {
        return new CreditRule(scoring, warning, collection);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** @return the collection policy */
    public CollectionPolicy collection() {
        return collection;
    }

    @Override
    public Classifications classify(CustomerBase base, ClassificationContext context) {
        int n = base.size();
        PaymentBehaviours batch = base.attachment(PaymentBehaviours.class).orElseGet(() -> empty(base));
        if (batch.size() != n) {
            throw new IllegalStateException(
                    "the attached payment behaviours have " + batch.size() + " rows for " + n + " customers");
        }
        double[] scores = new double[n];
        int[] grades = new int[n];
        scoring.scoreAll(batch, scores, grades);
        double[] risks = new double[n];
        warning.riskAll(batch, risks);
        String[] labels = new String[n];
        double[] gradeIndex = new double[n];
        double[] warned = new double[n];
        double[] threshold = new double[n];
        java.util.Arrays.fill(threshold, warning.threshold());
        for (int i = 0; i < n; i++) {
            labels[i] = scoring.scale().label(grades[i]);
            gradeIndex[i] = grades[i];
            warned[i] = risks[i] >= warning.threshold() ? 1 : 0;
        }
        return Classifications.builder(NAME, base)
                .labels(labels)
                .scores(scores)
                .metric("gradeIndex", gradeIndex)
                .metric("arrearsRisk", risks)
                .metric("arrearsWarning", warned)
                .metric("arrearsThreshold", threshold)
                .explainer(new Classifications.Explainer() {
                    @Override
                    public List<Contribution> contributions(int i) {
                        List<Contribution> all =
                                new ArrayList<>(scoring.assess(batch, i).contributions());
                        warning.warn(batch, i).ifPresent(w -> all.addAll(w.contributions()));
                        return List.copyOf(all);
                    }

                    @Override
                    public String reason(int i) {
                        CreditAssessment a = scoring.assess(batch, i);
                        StringBuilder s = new StringBuilder(a.reason());
                        s.append("; collection: ");
                        List<CollectionAction> actions = collection.actionsFor(a);
                        for (int k = 0; k < actions.size(); k++) {
                            s.append(k == 0 ? "" : ", ").append(actions.get(k));
                        }
                        warning.warn(batch, i)
                                .ifPresent(w -> s.append("; arrears warning: ").append(w.reason()));
                        return s.toString();
                    }
                })
                .build();
    }

    private static PaymentBehaviours empty(CustomerBase base) {
        PaymentBehaviours.Builder b = PaymentBehaviours.builder(base.currency(), base.size());
        PaymentBehaviour none = PaymentBehaviour.of(
                List.of(), null, base.asOf(), dev.guanxi.crm.money.CurrencyConverter.single(base.currency()));
        for (int i = 0; i < base.size(); i++) {
            b.add(none);
        }
        return b.build();
    }
}
