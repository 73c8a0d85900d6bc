package dev.guanxi.crm.analytics;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;

/**
 * Input checks shared by the BG/BB, Gamma-Gamma and CLV code: each throws a {@link ValidationException} with
 * rule {@link ValidationRule#OUT_OF_RANGE} naming the field ({@code frequency}, {@code recency}, {@code periods},
 * {@code age}, {@code weight}, {@code monetaryValue}, ...) and, in the message, the row.
 *
 * <p>Stateless and thread-safe.
 */
final class SpendModelChecks {
    private SpendModelChecks() {}

    static ValidationException outOfRange(String field, int row, String message) {
        String where = row < 0 ? "" : " (row " + row + ")";
        return new ValidationException(field, ValidationRule.OUT_OF_RANGE, field + " " + message + where);
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

    /** A continuous-time summary: 0 ≤ x, 0 ≤ t_x ≤ T, t_x = 0 when x = 0, all finite. */
    static void continuousSummary(double x, double tx, double age, int row) {
        nonNegative("frequency", x, row);
        nonNegative("recency", tx, row);
        nonNegative("age", age, row);
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
