package dev.guanxi.crm.analytics;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;

/**
 * The thresholds of {@link AssociationRules#mine(Baskets, AssociationOptions)}. Start from {@link #defaults()} and
 * change what you need with the {@code with...} methods, e.g. {@code
 * AssociationOptions.defaults().withMinSupport(0.001).withMinConfidence(0.2)}.
 *
 * <p>An itemset is <em>frequent</em> when it reaches <em>both</em> support thresholds: its count (the baskets
 * that hold all its products) is at least {@code minCount}, and its support {@code count / basketCount} (double
 * division) is at least {@code minSupport}. To mine by count only, use {@link #byCount(long)}, which sets {@code
 * minSupport} to {@link Double#MIN_VALUE} (any itemset seen once). A rule is kept when its confidence is at
 * least {@code minConfidence} and its lift at least {@code minLift}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param minSupport the least support of a frequent itemset, in (0, 1]
 * @param minCount the least count of a frequent itemset, at least 1
 * @param minConfidence the least confidence of a rule, in [0, 1]
 * @param minLift the least lift of a rule, finite and at least 0 (0 keeps every rule; 1 keeps rules whose
 *     products sell together at least as often as by chance)
 * @param maxItemsetSize the largest itemset mined, at least 1; rules come from itemsets of size 2 and more, so
 *     1 mines frequent products and no rule. It bounds the work: a frequent itemset of size k has 2<sup>k</sup>
 *     - 2 candidate rules.
 */
@Beta
public record AssociationOptions(
        double minSupport, long minCount, double minConfidence, double minLift, int maxItemsetSize) {
    /** The default least support: 1% of the baskets. */
    public static final double DEFAULT_MIN_SUPPORT = 0.01;
    /** The default least confidence: 50%. */
    public static final double DEFAULT_MIN_CONFIDENCE = 0.5;
    /** The default largest itemset. */
    public static final int DEFAULT_MAX_ITEMSET_SIZE = 10;

    /**
     * Validates the thresholds.
     *
     * @param minSupport the least support of a frequent itemset, in (0, 1]
     * @param minCount the least count of a frequent itemset, at least 1
     * @param minConfidence the least confidence of a rule, in [0, 1]
     * @param minLift the least lift of a rule, finite and at least 0 (0 keeps every rule; 1 keeps rules whose products
     *     sell together at least as often as by chance)
     * @param maxItemsetSize the largest itemset mined, at least 1; rules come from itemsets of size 2 and more, so 1
     *     mines frequent products and no rule. It bounds the work: a frequent itemset of size k has 2<sup>k</sup> - 2
     *     candidate rules.
     * @throws ValidationException with rule {@code OUT_OF_RANGE} naming the field ({@code minSupport}, {@code
     *     minCount}, {@code minConfidence}, {@code minLift}, {@code maxItemsetSize}) that is out of its range
     */
    public AssociationOptions {
        if (!(minSupport > 0 && minSupport <= 1)) {
            throw outOfRange("minSupport", "must be in (0, 1] but was " + minSupport);
        }
        if (minCount < 1) {
            throw outOfRange("minCount", "must be at least 1 but was " + minCount);
        }
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw outOfRange("minConfidence", "must be in [0, 1] but was " + minConfidence);
        }
        if (!(minLift >= 0) || minLift == Double.POSITIVE_INFINITY) {
            throw outOfRange("minLift", "must be finite and at least 0 but was " + minLift);
        }
        if (maxItemsetSize < 1) {
            throw outOfRange("maxItemsetSize", "must be at least 1 but was " + maxItemsetSize);
        }
    }

    private static ValidationException outOfRange(String field, String message) {
        return new ValidationException(field, ValidationRule.OUT_OF_RANGE, field + " " + message);
    }

    /**
     * The defaults: support at least {@value #DEFAULT_MIN_SUPPORT} (and count at least 1), confidence at least
     * {@value #DEFAULT_MIN_CONFIDENCE}, any lift, itemsets of at most {@value #DEFAULT_MAX_ITEMSET_SIZE} products.
     *
     * @return the default options
     */
    public static AssociationOptions defaults() {
        return new AssociationOptions(DEFAULT_MIN_SUPPORT, 1, DEFAULT_MIN_CONFIDENCE, 0, DEFAULT_MAX_ITEMSET_SIZE);
    }

    /**
     * The defaults with an absolute support threshold only: {@code minCount} as given, {@code minSupport} {@link
     * Double#MIN_VALUE}.
     *
     * @param minCount the least count of a frequent itemset, at least 1
     * @return the options
     * @throws ValidationException with field {@code minCount} if it is below 1
     */
    public static AssociationOptions byCount(long minCount) {
        return defaults().withMinSupport(Double.MIN_VALUE).withMinCount(minCount);
    }

    /**
     * @param value the least support, in (0, 1]
     * @return these options with another {@code minSupport}
     * @throws ValidationException with field {@code minSupport} if it is out of range
     */
    public AssociationOptions withMinSupport(double value) {
        return new AssociationOptions(value, minCount, minConfidence, minLift, maxItemsetSize);
    }

    /**
     * @param value the least count, at least 1
     * @return these options with another {@code minCount}
     * @throws ValidationException with field {@code minCount} if it is below 1
     */
    public AssociationOptions withMinCount(long value) {
        return new AssociationOptions(minSupport, value, minConfidence, minLift, maxItemsetSize);
    }

    /**
     * @param value the least confidence, in [0, 1]
     * @return these options with another {@code minConfidence}
     * @throws ValidationException with field {@code minConfidence} if it is out of range
     */
    public AssociationOptions withMinConfidence(double value) {
        return new AssociationOptions(minSupport, minCount, value, minLift, maxItemsetSize);
    }

    /**
     * @param value the least lift, finite and at least 0
     * @return these options with another {@code minLift}
     * @throws ValidationException with field {@code minLift} if it is out of range
     */
    public AssociationOptions withMinLift(double value) {
        return new AssociationOptions(minSupport, minCount, minConfidence, value, maxItemsetSize);
    }

    /**
     * @param value the largest itemset, at least 1
     * @return these options with another {@code maxItemsetSize}
     * @throws ValidationException with field {@code maxItemsetSize} if it is below 1
     */
    public AssociationOptions withMaxItemsetSize(int value) {
        return new AssociationOptions(minSupport, minCount, minConfidence, minLift, value);
    }

    /**
     * The least count a frequent itemset needs among {@code baskets} transactions: the smallest {@code c} with
     * {@code c >= minCount} and {@code c / (double) baskets >= minSupport}; {@code baskets + 1} when even a
     * count of {@code baskets} falls short (nothing is frequent).
     *
     * @param baskets the number of transactions, at least 0
     * @return the count threshold, at least 1
     */
    long countThreshold(long baskets) {
        if (baskets <= 0) {
            return Math.max(1, minCount);
        }
        long c = (long) Math.ceil(minSupport * baskets);
        // the product may round either way: settle on the exact comparison the definition uses
        while (c > 1 && (double) (c - 1) / baskets >= minSupport) {
            c--;
        }
        while (c <= baskets && (double) c / baskets < minSupport) {
            c++;
        }
        return Math.max(Math.max(c, 1), minCount);
    }
}
