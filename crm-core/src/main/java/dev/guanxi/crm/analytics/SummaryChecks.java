package dev.guanxi.crm.analytics;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;

/** Validation of (x, t_x, T) triples shared by the models; allocation-free on the valid path. */
final class SummaryChecks {
    private SummaryChecks() {}

    /**
     * Requires 0 &lt;= x, 0 &lt;= t_x &lt;= T, finite values, and t_x = 0 when x = 0.
     *
     * @throws ValidationException naming {@code frequency}, {@code recency} or {@code T}
     */
    static void check(double x, double tx, double age) {
        if (!(x >= 0) || x == Double.POSITIVE_INFINITY) {
            throw fail("frequency", "frequency must be a finite number at least 0: " + x);
        }
        if (!(age >= 0) || age == Double.POSITIVE_INFINITY) {
            throw fail("T", "T must be a finite number at least 0: " + age);
        }
        if (!(tx >= 0) || tx > age) {
            throw fail("recency", "recency must lie in [0, T = " + age + "]: " + tx);
        }
        if (x == 0 && tx != 0) {
            throw fail("recency", "recency must be 0 when frequency is 0: " + tx);
        }
    }

    /** Requires a finite horizon at least 0. */
    static void horizon(String field, double t) {
        if (!(t >= 0) || t == Double.POSITIVE_INFINITY) {
            throw fail(field, field + " must be a finite number at least 0: " + t);
        }
    }

    static ValidationException fail(String field, String message) {
        return new ValidationException(field, ValidationRule.OUT_OF_RANGE, message);
    }
}
