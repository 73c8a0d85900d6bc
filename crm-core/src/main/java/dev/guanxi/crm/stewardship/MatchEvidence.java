package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import java.util.Objects;

/**
 * What one matcher found when comparing two customers: that it "fired", how strongly, and why.
 *
 * <p>Immutable and thread-safe.
 *
 * @param matcher the {@linkplain DuplicateMatcher#name() matcher's name}
 * @param score how strongly the two look alike to this matcher, 0 to 1 (1: the same e-mail address; 0.93: names
 *     with a Jaro-Winkler similarity of 0.93)
 * @param detail a short human-readable explanation, e.g. {@code "same e-mail wang.fang@example.com"}
 * @since 0.1.0
 */
@Beta
public record MatchEvidence(String matcher, double score, String detail) {
    /**
     * Validates the evidence.
     *
     * @param matcher the {@linkplain DuplicateMatcher#name() matcher's name}
     * @param score how strongly the two look alike to this matcher, 0 to 1 (1: the same e-mail address; 0.93: names
     *     with a Jaro-Winkler similarity of 0.93)
     * @param detail a short human-readable explanation, e.g. {@code "same e-mail wang.fang@example.com"}
     * @throws ValidationException on {@code score} with {@link ValidationRule#OUT_OF_RANGE} if it is not within
     *     0 to 1 (or NaN); on {@code matcher} with {@link ValidationRule#BLANK} if it is blank
     * @throws NullPointerException if {@code matcher} or {@code detail} is {@code null}
     */
    public MatchEvidence {
        Objects.requireNonNull(matcher, "matcher");
        Objects.requireNonNull(detail, "detail");
        if (matcher.isBlank()) {
            throw new ValidationException("matcher", ValidationRule.BLANK, "the matcher's name is blank");
        }
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new ValidationException(
                    "score", ValidationRule.OUT_OF_RANGE, "a match score must be within 0 to 1, got " + score);
        }
    }
}
