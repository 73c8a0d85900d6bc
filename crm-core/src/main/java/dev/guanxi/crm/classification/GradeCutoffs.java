package dev.guanxi.crm.classification;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import java.util.Objects;

/**
 * Where the 80/20 grading cuts: by cumulative share of value (the classic ABC analysis: key customers are those
 * before whom less than 80% of the value is reached, ordinary up to 95%) or by rank percentile (the top 20% of
 * customers are key, the next up to 50% ordinary).
 *
 * <p>In both methods a customer is placed by what lies strictly above it — the share of value held by
 * customers with a higher measure, or the fraction of customers with a higher measure — so customers with
 * equal measures always get the same grade, the customer who crosses a cut-off still belongs to the better
 * grade, and raising a customer's measure never lowers its grade. A customer whose measure is not positive is
 * always {@link CustomerGrade#SMALL}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param method cumulative share or rank percentile
 * @param key the key cut-off, in (0, 1)
 * @param ordinary the ordinary cut-off, in (key, 1]
 */
@Beta
public record GradeCutoffs(Method method, double key, double ordinary) {
    /** How the cut-offs are read. */
    public enum Method {
        /** Cut-offs are shares of the total (positive) value. */
        CUMULATIVE_SHARE,
        /** Cut-offs are fractions of the number of customers. */
        RANK_PERCENTILE
    }

    /**
     * Validates the cut-offs.
     *
     * @param method cumulative share or rank percentile
     * @param key the key cut-off, in (0, 1)
     * @param ordinary the ordinary cut-off, in (key, 1]
     * @throws ValidationException {@code key} or {@code ordinary}, {@link ValidationRule#OUT_OF_RANGE}, unless
     *     {@code 0 < key < ordinary <= 1}
     */
    public GradeCutoffs {
        Objects.requireNonNull(method, "method");
        if (!(key > 0 && key < 1)) {
            throw new ValidationException("key", ValidationRule.OUT_OF_RANGE, "key cut-off must lie in (0, 1): " + key);
        }
        if (!(ordinary > key && ordinary <= 1)) {
            throw new ValidationException(
                    "ordinary", ValidationRule.OUT_OF_RANGE, "ordinary cut-off must lie in (key, 1]: " + ordinary);
        }
    }

    /** @return the classic cut-offs: 80% and 95% of cumulative value */
    public static GradeCutoffs defaults() {
        return cumulativeShare(0.80, 0.95);
    }

    /**
     * @param key the key share, e.g. 0.80
     * @param ordinary the ordinary share, e.g. 0.95
     * @return cut-offs by cumulative share of value
     */
    public static GradeCutoffs cumulativeShare(double key, double ordinary) {
        return new GradeCutoffs(Method.CUMULATIVE_SHARE, key, ordinary);
    }

    /**
     * @param key the fraction of customers that are key, e.g. 0.20
     * @param ordinary the fraction that are key or ordinary, e.g. 0.50
     * @return cut-offs by rank percentile
     */
    public static GradeCutoffs rankPercentile(double key, double ordinary) {
        return new GradeCutoffs(Method.RANK_PERCENTILE, key, ordinary);
    }

    /**
     * @param above the share (or fraction) strictly above a customer, in [0, 1]
     * @return the grade of a customer with positive measure
     */
    CustomerGrade gradeOf(double above) {
        return above < key ? CustomerGrade.KEY : above < ordinary ? CustomerGrade.ORDINARY : CustomerGrade.SMALL;
    }
}
