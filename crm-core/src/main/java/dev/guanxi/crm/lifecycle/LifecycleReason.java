package dev.guanxi.crm.lifecycle;

import dev.guanxi.crm.Beta;
import java.util.Objects;

/**
 * One rule's part in a lifecycle decision: which rule fired and the numbers behind it, e.g. rule {@code
 * atRiskPAlive}, quantity {@code pAlive}, value 0.21, relation {@code <}, threshold 0.30, basis {@code
 * at-risk threshold for ORDINARY}, rendered by {@link #text()} as {@code pAlive 0.21 < 0.30 (at-risk threshold
 * for ORDINARY)}. The text is rendered on demand, never while deciding.
 *
 * <p>Immutable and thread-safe.
 *
 * @param rule the rule's name, stable (e.g. {@code atRiskPAlive}); not blank
 * @param quantity the compared quantity, e.g. {@code pAlive} or {@code daysSinceLastPurchase}; not blank
 * @param value the customer's value of the quantity
 * @param relation how the value compares with the threshold when the rule fires, e.g. {@code <} or {@code >=}
 * @param threshold the threshold it was compared with
 * @param basis where the threshold comes from or what the rule means, e.g. {@code at-risk threshold for KEY};
 *     may be empty
 */
@Beta
public record LifecycleReason(
        String rule, String quantity, double value, String relation, double threshold, String basis) {
    /**
     * Validates the reason.
     *
     * @param rule the rule's name, stable (e.g. {@code atRiskPAlive}); not blank
     * @param quantity the compared quantity, e.g. {@code pAlive} or {@code daysSinceLastPurchase}; not blank
     * @param value the customer's value of the quantity
     * @param relation how the value compares with the threshold when the rule fires, e.g. {@code <} or {@code >=}
     * @param threshold the threshold it was compared with
     * @param basis where the threshold comes from or what the rule means, e.g. {@code at-risk threshold for KEY}; may
     *     be empty
     * @throws NullPointerException if a text is null
     * @throws IllegalArgumentException if {@code rule}, {@code quantity} or {@code relation} is blank
     */
    public LifecycleReason {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(basis, "basis");
        if (rule.isBlank() || quantity.isBlank() || relation.isBlank()) {
            throw new IllegalArgumentException("rule, quantity and relation must not be blank");
        }
    }

    /**
     * Renders the reason as one line: quantity, value, relation, threshold and, if any, the basis in
     * parentheses. Whole numbers print without decimals, others with two.
     *
     * @return e.g. {@code pAlive 0.21 < 0.30 (at-risk threshold for ORDINARY)}
     */
    public String text() {
        String line = quantity + " " + number(value) + " " + relation + " " + number(threshold);
        return basis.isEmpty() ? line : line + " (" + basis + ")";
    }

    static String number(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (Double.isInfinite(x) || Math.abs(x) >= 1e15) {
            return Double.toString(x);
        }
        if (x == Math.rint(x)) {
            return Long.toString((long) x);
        }
        // Two decimals, half up, without String.format: reasons of a whole batch may be rendered.
        long scaled = Math.round(Math.abs(x) * 100);
        long frac = scaled % 100;
        String text = (scaled / 100) + (frac < 10 ? ".0" : ".") + frac;
        return x < 0 && scaled != 0 ? "-" + text : text;
    }
}
