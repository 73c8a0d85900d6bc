package dev.guanxi.crm.credit;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.internal.DecimalText;

/**
 * The checks and number formatting shared by the package: failures are {@link ValidationException}s naming the
 * field, with rule {@link ValidationRule#OUT_OF_RANGE} unless said otherwise. Allocation-free on the valid path.
 *
 * <p>Stateless and thread-safe.
 */
final class CreditChecks {
    private CreditChecks() {}

    static ValidationException outOfRange(String field, String message) {
        return new ValidationException(field, ValidationRule.OUT_OF_RANGE, field + " " + message);
    }

    /** A finite number at least 0. */
    static double nonNegative(String field, double value) {
        if (!(value >= 0) || value == Double.POSITIVE_INFINITY) {
            throw outOfRange(field, "must be finite and at least 0 but was " + value);
        }
        return value;
    }

    /** A finite number greater than 0. */
    static double positive(String field, double value) {
        if (!(value > 0) || value == Double.POSITIVE_INFINITY) {
            throw outOfRange(field, "must be finite and greater than 0 but was " + value);
        }
        return value;
    }

    /** A number from {@code min} to {@code max}, both inclusive (never NaN). */
    static double between(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw outOfRange(field, "must be " + min + " to " + max + " but was " + value);
        }
        return value;
    }

    /** An integer at least {@code min}. */
    static int atLeast(String field, int value, int min) {
        if (value < min) {
            throw outOfRange(field, "must be at least " + min + " but was " + value);
        }
        return value;
    }

    /** Fixed-point text with {@code decimals} decimals, independent of the default locale. */
    static String number(double value, int decimals) {
        return DecimalText.of(value, decimals);
    }

    /** A ratio as a whole percentage, e.g. {@code 0.925} as {@code 93%} (rounded half up). */
    static String percent(double ratio) {
        return Math.round(ratio * 100) + "%";
    }
}
