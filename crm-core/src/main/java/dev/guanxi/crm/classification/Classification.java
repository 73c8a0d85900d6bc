package dev.guanxi.crm.classification;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.customer.CustomerId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One rule's result for one customer, explaining itself: the label (grade, segment, type), the score if the
 * rule has one, the stored metrics, each input's contribution, and a reason a salesperson can read.
 *
 * <p>Immutable and thread-safe.
 *
 * @param rule the rule's name
 * @param customerId the customer the rule classified, not null
 * @param label the result, e.g. {@code "KEY"} or {@code "CHAMPIONS"}
 * @param score the rule's score, or {@code NaN} if the rule has none
 * @param metrics the rule's numbers for this customer, by name, in the rule's order
 * @param contributions each input's part in the result
 * @param reason why, in one or two sentences
 */
@Beta
public record Classification(
        String rule,
        CustomerId customerId,
        String label,
        double score,
        Map<String, Double> metrics,
        List<Contribution> contributions,
        String reason) {
    /**
     * Validates and copies.
     *
     * @param rule the rule's name
     * @param customerId the customer the rule classified, not null
     * @param label the result, e.g. {@code "KEY"} or {@code "CHAMPIONS"}
     * @param score the rule's score, or {@code NaN} if the rule has none
     * @param metrics the rule's numbers for this customer, by name, in the rule's order
     * @param contributions each input's part in the result
     * @param reason why, in one or two sentences
     */
    public Classification {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(reason, "reason");
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
        contributions = List.copyOf(contributions);
    }
}
