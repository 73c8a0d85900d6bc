package dev.guanxi.crm.loyalty;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.classification.Contribution;
import dev.guanxi.crm.internal.DecimalText;
import java.util.List;
import java.util.Objects;

/**
 * A customer's loyalty score with its reasons: the score from 0 to 100, one {@link Contribution} per {@link
 * LoyaltyFactor} (in the factor order; their points add up to the score, up to floating-point rounding), the
 * {@link LoyaltyType} and whether the customer belongs to the "super-value loyalty" (超值忠诚) top group.
 *
 * <p>In the contributions {@link LoyaltyScoring} writes, {@code weight} is the factor's share of the weights of the
 * available factors (0 for a factor left out) and the most points a factor can give is 100 × weight.
 *
 * <p>Immutable and thread-safe.
 *
 * @param score the score, 0 to 100
 * @param contributions the part of each factor; copied
 * @param type the loyalty type
 * @param superValue whether the customer is very satisfied and a very frequent buyer (only with type {@link
 *     LoyaltyType#TRUE})
 */
@Beta
public record LoyaltyScore(double score, List<Contribution> contributions, LoyaltyType type, boolean superValue) {
    /**
     * Validates and copies.
     *
     * @param score the score, 0 to 100
     * @param contributions the part of each factor; copied
     * @param type the loyalty type
     * @param superValue whether the customer is very satisfied and a very frequent buyer (only with type {@link
     *     LoyaltyType#TRUE})
     * @throws ValidationException with rule {@code OUT_OF_RANGE} naming {@code score} if it is not 0 to 100, or
     *     {@code superValue} if it is set on a type other than {@link LoyaltyType#TRUE}
     * @throws NullPointerException if {@code contributions}, an element of it or {@code type} is null
     */
    public LoyaltyScore {
        if (!(score >= 0 && score <= 100)) {
            throw new ValidationException(
                    "score", ValidationRule.OUT_OF_RANGE, "score must be 0 to 100 but was " + score);
        }
        contributions = List.copyOf(contributions);
        Objects.requireNonNull(type, "type");
        if (superValue && type != LoyaltyType.TRUE) {
            throw new ValidationException(
                    "superValue", ValidationRule.OUT_OF_RANGE, "only a truly loyal customer can be super-value");
        }
    }

    /**
     * Returns the contribution of one factor.
     *
     * @param factor the factor
     * @return its contribution
     * @throws IllegalArgumentException if the score has no contribution of that name
     */
    public Contribution contribution(LoyaltyFactor factor) {
        for (Contribution c : contributions) {
            if (c.factor().equals(factor.key())) {
                return c;
            }
        }
        throw new IllegalArgumentException("no contribution " + factor.key());
    }

    /**
     * Returns a one-line explanation: the score, the type, the factor that gave the most points and the one that
     * missed the most (ties go to the earlier factor), e.g. {@code "loyalty 72.5 of 100, true loyalty; most
     * points from frequency (25.0 of 25.0); most missed on satisfaction (12.0 of 20.0)"}. Built on each call.
     *
     * @return the explanation
     */
    public String reason() {
        int n = contributions.size();
        String[] factors = new String[n];
        double[] weights = new double[n];
        double[] points = new double[n];
        for (int f = 0; f < n; f++) {
            Contribution c = contributions.get(f);
            factors[f] = c.factor();
            weights[f] = c.weight();
            points[f] = c.points();
        }
        return reason(score, type, superValue, factors, weights, points);
    }

    /**
     * The text of {@link #reason()} from the parts it reads, so that {@link LoyaltyScores#reason(int)} renders it
     * from its columns without building the contributions and their notes.
     *
     * @param score the score
     * @param type the type
     * @param superValue the super-value flag
     * @param factors the factor names, in factor order
     * @param weights each factor's weight (0 for a factor left out)
     * @param points each factor's points
     * @return the explanation
     */
    static String reason(
            double score, LoyaltyType type, boolean superValue, String[] factors, double[] weights, double[] points) {
        // "loyalty <s> of 100, <type>[, super-value][; most points from <f> (<p> of <max>)][; most missed on ...]"
        StringBuilder s = new StringBuilder(160).append("loyalty ");
        DecimalText.append(s, score, 1).append(" of 100, ").append(type.label());
        if (superValue) {
            s.append(", super-value");
        }
        int best = -1;
        int worst = -1;
        double worstMissed = 1e-9;
        for (int f = 0; f < factors.length; f++) {
            if (weights[f] <= 0) {
                continue;
            }
            if (best < 0 || points[f] > points[best]) {
                best = f;
            }
            double missed = 100 * weights[f] - points[f];
            if (missed > worstMissed) {
                worst = f;
                worstMissed = missed;
            }
        }
        if (best >= 0) {
            s.append("; most points from ").append(factors[best]).append(" (");
            DecimalText.append(s, points[best], 1).append(" of ");
            DecimalText.append(s, 100 * weights[best], 1).append(')');
        }
        if (worst >= 0) {
            s.append("; most missed on ").append(factors[worst]).append(" (");
            DecimalText.append(s, points[worst], 1).append(" of ");
            DecimalText.append(s, 100 * weights[worst], 1).append(')');
        }
        return s.toString();
    }
}
