package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.customer.CustomerId;
import java.util.List;
import java.util.Objects;

/**
 * Two stored customers that a {@linkplain Stewardship#scanDuplicates scan} found alike enough to be the same
 * party: a pair for a data steward to review (and, later, merge).
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerA the customer the scan visited first (the smaller id, in the stores of this SDK)
 * @param customerB the other customer
 * @param score the combined score, at least the detector's threshold, at most 1
 * @param fired the evidence of the matchers that fired, in the detector's matcher order
 * @since 0.1.0
 */
@Beta
public record DuplicateCandidate(CustomerId customerA, CustomerId customerB, double score, List<MatchEvidence> fired) {
    /**
     * Validates the pair and copies the list.
     *
     * @param customerA the customer the scan visited first (the smaller id, in the stores of this SDK)
     * @param customerB the other customer
     * @param score the combined score, at least the detector's threshold, at most 1
     * @param fired the evidence of the matchers that fired, in the detector's matcher order
     * @throws IllegalArgumentException if both ids are equal or the score is outside 0 to 1
     */
    public DuplicateCandidate {
        Objects.requireNonNull(customerA, "customerA");
        Objects.requireNonNull(customerB, "customerB");
        if (customerA.equals(customerB)) {
            throw new IllegalArgumentException("a customer is not its own duplicate: " + customerA);
        }
        checkScore(score);
        fired = List.copyOf(Objects.requireNonNull(fired, "fired"));
    }

    /**
     * Tells whether a customer is one of the pair.
     *
     * @param id the customer
     * @return {@code true} if it is {@code customerA} or {@code customerB}
     */
    public boolean involves(CustomerId id) {
        return customerA.equals(id) || customerB.equals(id);
    }

    /** @return a short human-readable line, e.g. {@code "0.97: same e-mail a@b.cn; same name 'fang wang'"} */
    public String reason() {
        return describe(score, fired);
    }

    static void checkScore(double score) {
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("a score must be within 0 to 1, got " + score);
        }
    }

    static String describe(double score, List<MatchEvidence> fired) {
        StringBuilder s = new StringBuilder(64);
        appendScore(s, score).append(':');
        if (fired.isEmpty()) {
            s.append(" no matcher fired");
        }
        for (int i = 0; i < fired.size(); i++) {
            s.append(i == 0 ? " " : "; ").append(fired.get(i).detail());
        }
        return s.toString();
    }

    /** Appends a score in [0, 1] with two decimals (no String.format: this runs per candidate). */
    static StringBuilder appendScore(StringBuilder s, double score) {
        long hundredths = Math.round(score * 100);
        s.append(hundredths / 100).append('.');
        long rest = hundredths % 100;
        if (rest < 10) {
            s.append('0');
        }
        return s.append(rest);
    }
}
