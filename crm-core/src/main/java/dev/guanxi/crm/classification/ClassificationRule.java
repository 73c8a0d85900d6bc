package dev.guanxi.crm.classification;

import dev.guanxi.crm.Beta;

/**
 * The extension point of customer classification and scoring: a named rule that classifies every customer of a
 * {@link CustomerBase} and explains each result. The built-in rules — {@link AbcGrading} (80/20), {@link
 * RfmAnalysis}, {@link SelectionMatrix}, and the loyalty and credit rules — are implementations of it, not
 * special cases; an ERP vendor adds its own (or replaces a built-in one by name) in {@link CustomerScoring},
 * the one place where rules are composed.
 *
 * <p>A rule sees the results of the rules that ran before it in the composition (through the {@link
 * ClassificationContext}), so a rule can build on another — the selection matrix reads the 80/20 grading and
 * the credit score.
 *
 * <p>Implementations must be immutable and thread-safe, and deterministic: the same base gives the same
 * results, whatever the order in which customers were added (break ties by customer id, not by index).
 */
@Beta
public interface ClassificationRule {
    /**
     * Returns the rule's name: the prefix of its metrics and labels in a stored score snapshot ({@code
     * "abc"} gives {@code abc.grade}, {@code abc.measure}...) and its key in the composition.
     *
     * @return the name, matching {@code [a-z][a-zA-Z0-9]{0,30}}
     */
    String name();

    /**
     * Classifies every customer of the base.
     *
     * @param base the customers
     * @param context the day and the results of the rules that ran before
     * @return one result per customer, in the base's index order
     */
    Classifications classify(CustomerBase base, ClassificationContext context);
}
