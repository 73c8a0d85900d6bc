package dev.guanxi.crm;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Input broke a rule. Names the field and the rule of the first violation ({@link #field()}, {@link
 * #rule()}) and carries all of them ({@link #violations()}). Whenever this is thrown by a write, nothing was
 * stored.
 *
 * <p>Thread-safe: the violations it carries are an immutable list.
 */
public class ValidationException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    /**
     * Creates an exception for one violation.
     *
     * @param field the path of the offending field
     * @param rule the rule it broke
     * @param message a human-readable explanation
     */
    public ValidationException(String field, ValidationRule rule, String message) {
        this(List.of(new Violation(field, rule, message)));
    }

    /**
     * Creates an exception for one or more violations.
     *
     * @param violations the violations, at least one; copied
     * @throws IllegalArgumentException if {@code violations} is empty
     */
    public ValidationException(List<Violation> violations) {
        super(describe(violations));
        this.violations = List.copyOf(violations);
    }

    private static String describe(List<Violation> violations) {
        Objects.requireNonNull(violations, "violations");
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("violations must not be empty");
        }
        return violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
    }

    /**
     * Returns the path of the first offending field.
     *
     * @return the field path, e.g. {@code displayName} or {@code lines[0].quantity}
     */
    public String field() {
        return violations.get(0).field();
    }

    /**
     * Returns the rule the first offending field broke.
     *
     * @return the rule
     */
    public ValidationRule rule() {
        return violations.get(0).rule();
    }

    /**
     * Returns every violation found, in the order the fields were checked.
     *
     * @return an immutable, non-empty list
     */
    public List<Violation> violations() {
        return violations;
    }

    /**
     * Returns an exception whose fields are prefixed by the path of the enclosing value.
     *
     * @param prefix the enclosing path, e.g. {@code lines[2]}
     * @return a new exception of the same meaning
     */
    public ValidationException under(String prefix) {
        return new ValidationException(
                violations.stream().map(v -> v.under(prefix)).toList());
    }
}
