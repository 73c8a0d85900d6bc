package dev.guanxi.crm.classification;

import dev.guanxi.crm.Beta;
import java.util.Objects;

/**
 * One input's part in a score or a grade, so that a result explains itself: which factor, what its value was
 * for this customer, how much it weighs, and how many points (or how much share) it contributed. The points of
 * a result's contributions add up to its score, where the result is a weighted sum.
 *
 * <p>Immutable and thread-safe.
 *
 * @param factor the factor's name, e.g. {@code "frequency"} or {@code "daysPastDue"}
 * @param value the factor's input value for the customer (in the unit the factor names; {@code NaN} if the
 *     input was not available)
 * @param weight the factor's weight in the result (0 if the factor was left out, e.g. for a missing input)
 * @param points what the factor contributed to the result
 * @param note a short human-readable explanation, e.g. {@code "12 purchases in 2 years"}; may be empty
 */
@Beta
public record Contribution(String factor, double value, double weight, double points, String note) {
    /**
     * Validates the contribution.
     *
     * @param factor the factor's name, e.g. {@code "frequency"} or {@code "daysPastDue"}
     * @param value the factor's input value for the customer (in the unit the factor names; {@code NaN} if the input
     *     was not available)
     * @param weight the factor's weight in the result (0 if the factor was left out, e.g. for a missing input)
     * @param points what the factor contributed to the result
     * @param note a short human-readable explanation, e.g. {@code "12 purchases in 2 years"}; may be empty
     * @throws NullPointerException if {@code factor} or {@code note} is null
     * @throws IllegalArgumentException if {@code factor} is blank, or weight or points are not finite
     */
    public Contribution {
        Objects.requireNonNull(factor, "factor");
        Objects.requireNonNull(note, "note");
        if (factor.isBlank()) {
            throw new IllegalArgumentException("factor must not be blank");
        }
        if (!Double.isFinite(weight) || !Double.isFinite(points)) {
            throw new IllegalArgumentException("weight and points must be finite: " + factor);
        }
    }
}
