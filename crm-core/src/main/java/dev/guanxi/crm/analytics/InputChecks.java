package dev.guanxi.crm.analytics;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;

/**
 * The input checks of every model of the package (BG/NBD, Pareto/NBD, MBG/NBD, BG/BB, Gamma-Gamma, CLV,
 * tracking): each throws a {@link ValidationException} naming the field ({@code frequency}, {@code recency},
 * {@code T} or {@code age}, {@code periods}, {@code weight}, {@code monetaryValue}, a horizon, ...) with rule
 * {@link ValidationRule#OUT_OF_RANGE} ({@link ValidationRule#REQUIRED} for a missing array) and, in the message,
 * the row when there is one. Allocation-free on the valid path.
 *
 * <p>Stateless and thread-safe.
 */
final class InputChecks {
    private InputChecks() {}

    /** An out-of-range failure with the whole message given. */
    static ValidationException fail(String field, String message) {
        return new ValidationException(field, ValidationRule.OUT_OF_RANGE, message);
    }

    /** An out-of-range failure: the message is the field, {@code message} and the row (none when negative). */
    static ValidationException outOfRange(String field, int row, String message) {
        String where = row < 0 ? "" : " (row " + row + ")";
        return fail(field, field + " " + message + where);
    }

    static void required(String field, Object array) {
        if (array == null) {
            throw new ValidationException(field, ValidationRule.REQUIRED, field + " is required");
        }
    }

    static void sameLength(String field, int length, int expected) {
        if (length != expected) {
            throw new ValidationException(
                    field,
                    ValidationRule.OUT_OF_RANGE,
                    field + " has " + length + " values but frequency has " + expected);
        }
    }

    /** A finite number at least 0. */
    static double nonNegative(String field, double value, int row) {
        if (!(value >= 0) || value == Double.POSITIVE_INFINITY) {
            throw outOfRange(field, row, "must be finite and at least 0 but was " + value);
        }
        return value;
    }

    /** A finite number greater than 0. */
    static double positive(String field, double value, int row) {
        if (!(value > 0) || value == Double.POSITIVE_INFINITY) {
            throw outOfRange(field, row, "must be finite and greater than 0 but was " + value);
        }
        return value;
    }

    /** A horizon or duration: a finite number at least 0. */
    static void horizon(String field, double t) {
        nonNegative(field, t, -1);
    }

    /**
     * A continuous-time summary of the purchase models: 0 ≤ x, 0 ≤ t_x ≤ T, t_x = 0 when x = 0, all finite; T is
     * named {@code T}.
     */
    static void check(double x, double tx, double age) {
        continuousSummary(x, tx, age, -1, "T");
    }

    /** A continuous-time summary: 0 ≤ x, 0 ≤ t_x ≤ T, t_x = 0 when x = 0, all finite; T is named {@code age}. */
    static void continuousSummary(double x, double tx, double age, int row) {
        continuousSummary(x, tx, age, row, "age");
    }

    private static void continuousSummary(double x, double tx, double age, int row, String ageField) {
        nonNegative("frequency", x, row);
        nonNegative(ageField, age, row);
        nonNegative("recency", tx, row);
        if (tx > age) {
            throw outOfRange("recency", row, "must not exceed age T (" + tx + " > " + age + ")");
        }
        if (x == 0 && tx > 0) {
            throw outOfRange("recency", row, "must be 0 when frequency is 0 but was " + tx);
        }
    }

    /** A discrete-time pattern: 0 ≤ x ≤ t_x ≤ n, t_x = 0 when x = 0. */
    static void discretePattern(int x, int tx, int n, int row) {
        if (x < 0) {
            throw outOfRange("frequency", row, "must be at least 0 but was " + x);
        }
        if (n < 0) {
            throw outOfRange("periods", row, "must be at least 0 but was " + n);
        }
        if (tx < 0) {
            throw outOfRange("recency", row, "must be at least 0 but was " + tx);
        }
        if (tx > n) {
            throw outOfRange("recency", row, "must not exceed periods (" + tx + " > " + n + ")");
        }
        if (x == 0 && tx > 0) {
            throw outOfRange("recency", row, "must be 0 when frequency is 0 but was " + tx);
        }
        if (x > tx) {
            throw outOfRange("frequency", row, "must not exceed recency (" + x + " > " + tx + ")");
        }
    }
}
