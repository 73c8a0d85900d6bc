package dev.guanxi.crm.service;

/**
 * The net-promoter category of a 0 to 10 answer to "how likely are you to recommend us?". The net promoter
 * score of a group is the share of promoters minus the share of detractors, in points from -100 to 100.
 *
 * <p>Immutable and thread-safe.
 */
public enum NpsCategory {
    /** Scores 0 to 6: unhappy, may speak against us. */
    DETRACTOR,
    /** Scores 7 and 8: satisfied but unenthusiastic. */
    PASSIVE,
    /** Scores 9 and 10: loyal enthusiasts who recommend us. */
    PROMOTER;

    /**
     * Returns the category of a score.
     *
     * @param score the NPS answer, 0 to 10
     * @return the category
     * @throws IllegalArgumentException if the score is outside 0 to 10
     */
    public static NpsCategory of(int score) {
        if (score < 0 || score > 10) {
            throw new IllegalArgumentException("an NPS score is 0 to 10, got " + score);
        }
        return score >= 9 ? PROMOTER : score >= 7 ? PASSIVE : DETRACTOR;
    }
}
