package dev.guanxi.crm;

import java.util.Objects;

/**
 * One broken rule: the field (a path such as {@code contactPoints[1].value}), the rule and a message for a
 * developer.
 *
 * <p>Immutable and thread-safe.
 *
 * @param field the path of the offending field
 * @param rule the rule it broke
 * @param message a human-readable explanation
 */
public record Violation(String field, ValidationRule rule, String message) {
    /**
     * Rejects nulls ({@link NullPointerException}).
     *
     * @param field the path of the offending field
     * @param rule the rule it broke
     * @param message a human-readable explanation
     */
    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    /**
     * Returns this violation with its field prefixed, e.g. {@code lines[2]} + {@code unitPrice}.
     *
     * @param prefix the path of the enclosing value
     * @return the violation with the longer path
     */
    public Violation under(String prefix) {
        return new Violation(prefix.isEmpty() ? field : prefix + "." + field, rule, message);
    }

    @Override
    public String toString() {
        return field + ": " + rule + " (" + message + ")";
    }
}
