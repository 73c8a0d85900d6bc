package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.customer.CustomerId;
import java.util.List;
import java.util.Objects;

/**
 * A stored customer that a draft resembles: what {@link Stewardship#duplicatesOf} returns before a customer is
 * registered, so that the host can offer "this may be the customer you are about to create".
 *
 * <p>Immutable and thread-safe.
 *
 * @param customer the stored customer
 * @param score the combined score, at least the detector's threshold, at most 1
 * @param fired the evidence of the matchers that fired, in the detector's matcher order
 * @since 0.1.0
 */
@Beta
public record DuplicateMatch(CustomerId customer, double score, List<MatchEvidence> fired) {
    /**
     * Validates the match and copies the list.
     *
     * @param customer the stored customer
     * @param score the combined score, at least the detector's threshold, at most 1
     * @param fired the evidence of the matchers that fired, in the detector's matcher order
     * @throws IllegalArgumentException if the score is outside 0 to 1
     */
    public DuplicateMatch {
        Objects.requireNonNull(customer, "customer");
        DuplicateCandidate.checkScore(score);
        fired = List.copyOf(Objects.requireNonNull(fired, "fired"));
    }

    /** @return a short human-readable line, e.g. {@code "0.95: same e-mail a@b.cn"} */
    public String reason() {
        return DuplicateCandidate.describe(score, fired);
    }
}
