package dev.guanxi.crm.loyalty;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.classification.Contribution;
import java.util.List;
import java.util.Locale;
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
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "loyalty %.1f of 100, %s", score, type.label()));
        if (superValue) {
            s.append(", super-value");
        }
        Contribution best = null;
        Contribution worst = null;
        double worstMissed = 1e-9;
        for (Contribution c : contributions) {
            if (c.weight() <= 0) {
                continue;
            }
            if (best == null || c.points() > best.points()) {
                best = c;
            }
            double missed = 100 * c.weight() - c.points();
            if (missed > worstMissed) {
                worst = c;
                worstMissed = missed;
            }
        }
        if (best != null) {
            s.append(String.format(
                    Locale.ROOT,
                    "; most points from %s (%.1f of %.1f)",
                    best.factor(),
                    best.points(),
                    100 * best.weight()));
        }
        if (worst != null) {
            s.append(String.format(
                    Locale.ROOT,
                    "; most missed on %s (%.1f of %.1f)",
                    worst.factor(),
                    worst.points(),
                    100 * worst.weight()));
        }
        return s.toString();
    }
}
