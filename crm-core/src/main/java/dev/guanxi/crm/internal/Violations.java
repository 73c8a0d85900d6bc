package dev.guanxi.crm.internal;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects the violations of several independent checks, so that one {@link ValidationException} reports
 * every broken field of a customer (a form can show them all), in the order the fields were checked. Not
 * thread-safe; one instance per validation.
 */
public final class Violations {
    private final List<Violation> found = new ArrayList<>();

    /** Creates an empty collector. */
    public Violations() {}

    /**
     * Runs a check that returns its (possibly normalised) value.
     *
     * @param check the check
     * @param <T> the value type
     * @return the check's result, or {@code null} if it failed (the violations are kept)
     */
    public <T> T check(Supplier<T> check) {
        try {
            return check.get();
        } catch (ValidationException e) {
            found.addAll(e.violations());
            return null;
        }
    }

    /**
     * Runs a check without a result.
     *
     * @param check the check
     */
    public void run(Runnable check) {
        try {
            check.run();
        } catch (ValidationException e) {
            found.addAll(e.violations());
        }
    }

    /**
     * Records a violation.
     *
     * @param field the path of the offending field
     * @param rule the rule it broke
     * @param message a human-readable explanation
     */
    public void add(String field, ValidationRule rule, String message) {
        found.add(new Violation(field, rule, message));
    }

    /** @return {@code true} if no check failed so far */
    public boolean isEmpty() {
        return found.isEmpty();
    }

    /**
     * Throws if any check failed.
     *
     * @throws ValidationException carrying every violation found, the first one first
     */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new ValidationException(found);
        }
    }
}
