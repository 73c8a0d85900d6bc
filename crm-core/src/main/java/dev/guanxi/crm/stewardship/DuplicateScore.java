package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;
import java.util.List;
import java.util.Objects;

/**
 * How alike two customers are to a {@link DuplicateDetector}: the combined score, the detector's threshold, and
 * the evidence of every matcher that fired.
 *
 * <p>Immutable and thread-safe.
 *
 * @param score the combined score, 0 to 1 (see {@link DuplicateDetector} for the combination)
 * @param threshold the detector's threshold
 * @param fired the evidence of the matchers that fired, in the detector's matcher order
 * @since 0.1.0
 */
@Beta
public record DuplicateScore(double score, double threshold, List<MatchEvidence> fired) {
    /**
     * Validates the score and copies the list.
     *
     * @param score the combined score, 0 to 1 (see {@link DuplicateDetector} for the combination)
     * @param threshold the detector's threshold
     * @param fired the evidence of the matchers that fired, in the detector's matcher order
     * @throws IllegalArgumentException if {@code score} or {@code threshold} is outside 0 to 1
     */
    public DuplicateScore {
        DuplicateCandidate.checkScore(score);
        DuplicateCandidate.checkScore(threshold);
        fired = List.copyOf(Objects.requireNonNull(fired, "fired"));
    }

    /** @return whether the score reaches the threshold: the two are candidate duplicates */
    public boolean isDuplicate() {
        return score >= threshold;
    }

    /** @return a short human-readable line, e.g. {@code "0.97: same e-mail a@b.cn; same name 'fang wang'"} */
    public String reason() {
        return DuplicateCandidate.describe(score, fired);
    }
}
