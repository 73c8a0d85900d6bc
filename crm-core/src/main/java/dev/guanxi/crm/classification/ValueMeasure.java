package dev.guanxi.crm.classification;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;

/**
 * How the 80/20 grading values a customer over the value period: a weighted sum of sales amount, gross margin
 * and volume (number of purchases), minus overdue receivables, optionally scaled by purchase regularity.
 *
 * <pre>
 * base    = salesWeight × sales + marginWeight × margin + volumeWeight × purchases − overdueWeight × overdue
 * measure = base × (1 − regularityWeight + regularityWeight × regularity)
 * </pre>
 *
 * <p>Amounts are in units of the base currency (not minor units); {@code volumeWeight} is the value given to
 * one purchase, in the same currency. {@code regularity} is {@link CustomerBase#regularity(int)}, taken as 0.5
 * (neutral) for a customer with fewer than three purchases.
 *
 * <p>Immutable and thread-safe.
 *
 * @param salesWeight weight of the sales amount, zero or more
 * @param marginWeight weight of the gross margin, zero or more (needs margins in the base)
 * @param volumeWeight value of one purchase, zero or more
 * @param overdueWeight weight subtracted per unit of overdue receivables, zero or more
 * @param regularityWeight how much regularity scales the measure, 0 (not at all) to 1
 */
@Beta
public record ValueMeasure(
        double salesWeight, double marginWeight, double volumeWeight, double overdueWeight, double regularityWeight) {
    /** The regularity assumed for a customer with fewer than three purchases. */
    public static final double NEUTRAL_REGULARITY = 0.5;

    /**
     * Validates the weights.
     *
     * @param salesWeight weight of the sales amount, zero or more
     * @param marginWeight weight of the gross margin, zero or more (needs margins in the base)
     * @param volumeWeight value of one purchase, zero or more
     * @param overdueWeight weight subtracted per unit of overdue receivables, zero or more
     * @param regularityWeight how much regularity scales the measure, 0 (not at all) to 1
     * @throws ValidationException naming the weight, {@link ValidationRule#OUT_OF_RANGE}, if one is negative or
     *     not finite, if {@code regularityWeight} exceeds 1, or if sales, margin and volume weights are all 0
     */
    public ValueMeasure {
        check("salesWeight", salesWeight);
        check("marginWeight", marginWeight);
        check("volumeWeight", volumeWeight);
        check("overdueWeight", overdueWeight);
        check("regularityWeight", regularityWeight);
        if (regularityWeight > 1) {
            throw new ValidationException(
                    "regularityWeight", ValidationRule.OUT_OF_RANGE, "regularityWeight must lie in [0, 1]");
        }
        if (salesWeight == 0 && marginWeight == 0 && volumeWeight == 0) {
            throw new ValidationException(
                    "salesWeight", ValidationRule.OUT_OF_RANGE, "one of sales, margin and volume must have weight");
        }
    }

    private static void check(String field, double weight) {
        if (!Double.isFinite(weight) || weight < 0) {
            throw new ValidationException(field, ValidationRule.OUT_OF_RANGE, field + " must be finite and >= 0");
        }
    }

    /** @return the default measure: sales amount minus overdue receivables (net of arrears) */
    public static ValueMeasure defaults() {
        return new ValueMeasure(1, 0, 0, 1, 0);
    }

    /** @return the sales amount alone */
    public static ValueMeasure salesOnly() {
        return new ValueMeasure(1, 0, 0, 0, 0);
    }

    /** @return gross margin minus overdue receivables (needs margins in the base) */
    public static ValueMeasure marginNetOfArrears() {
        return new ValueMeasure(0, 1, 0, 1, 0);
    }

    /**
     * @param weight the new sales weight
     * @return a copy with that weight
     */
    public ValueMeasure withSalesWeight(double weight) {
        return new ValueMeasure(weight, marginWeight, volumeWeight, overdueWeight, regularityWeight);
    }

    /**
     * @param weight the new margin weight
     * @return a copy with that weight
     */
    public ValueMeasure withMarginWeight(double weight) {
        return new ValueMeasure(salesWeight, weight, volumeWeight, overdueWeight, regularityWeight);
    }

    /**
     * @param weight the new value of one purchase
     * @return a copy with that weight
     */
    public ValueMeasure withVolumeWeight(double weight) {
        return new ValueMeasure(salesWeight, marginWeight, weight, overdueWeight, regularityWeight);
    }

    /**
     * @param weight the new overdue weight
     * @return a copy with that weight
     */
    public ValueMeasure withOverdueWeight(double weight) {
        return new ValueMeasure(salesWeight, marginWeight, volumeWeight, weight, regularityWeight);
    }

    /**
     * @param weight the new regularity weight, 0 to 1
     * @return a copy with that weight
     */
    public ValueMeasure withRegularityWeight(double weight) {
        return new ValueMeasure(salesWeight, marginWeight, volumeWeight, overdueWeight, weight);
    }
}
