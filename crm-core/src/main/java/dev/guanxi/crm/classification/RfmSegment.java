package dev.guanxi.crm.classification;

import dev.guanxi.crm.Beta;

/**
 * The named RFM segments, defined by one table on the recency score R and the frequency score F (each 1 to 5,
 * quintiles; 5 is best). The table below is the whole rule: every (R, F) cell belongs to exactly one segment
 * (a test checks it). The monetary score M is reported with every customer but does not choose the segment —
 * the usual R × F grid; a host who wants M in the rule writes its own {@link ClassificationRule}.
 *
 * <pre>
 *            F=1              F=2               F=3               F=4         F=5
 * R=5   NEW_CUSTOMERS    POTENTIAL_LOYALIST  POTENTIAL_LOYALIST  CHAMPIONS   CHAMPIONS
 * R=4   PROMISING        POTENTIAL_LOYALIST  POTENTIAL_LOYALIST  LOYAL       LOYAL
 * R=3   ABOUT_TO_SLEEP   ABOUT_TO_SLEEP      NEED_ATTENTION      LOYAL       LOYAL
 * R=2   HIBERNATING      HIBERNATING         AT_RISK             AT_RISK     CANT_LOSE
 * R=1   LOST             LOST                AT_RISK             AT_RISK     CANT_LOSE
 * </pre>
 *
 * <p>Customers without any purchase in the period are {@link #NO_PURCHASES}.
 */
@Beta
public enum RfmSegment {
    /** Bought recently, buy often: reward them, they can be early adopters and promoters. */
    CHAMPIONS(5, 5, 4, 5),
    /** Buy often and fairly recently: up-sell, ask for reviews. */
    LOYAL(3, 4, 4, 5),
    /** Recent customers with a few purchases: offer membership, recommend products. */
    POTENTIAL_LOYALIST(4, 5, 2, 3),
    /** Bought very recently, once: onboarding, early success. */
    NEW_CUSTOMERS(5, 5, 1, 1),
    /** Bought recently, once: create brand awareness, free trials. */
    PROMISING(4, 4, 1, 1),
    /** Average recency and frequency: limited-time offers, reactivate. */
    NEED_ATTENTION(3, 3, 3, 3),
    /** Below average recency and frequency: share valuable resources before they are lost. */
    ABOUT_TO_SLEEP(3, 3, 1, 2),
    /** Bought often, but long ago: personal e-mails, renewals. */
    AT_RISK(1, 2, 3, 4),
    /** Bought most often, but long ago: win them back, do not lose them to a competitor. */
    CANT_LOSE(1, 2, 5, 5),
    /** Last purchase long ago, few purchases: offer other relevant products. */
    HIBERNATING(2, 2, 1, 2),
    /** Lowest recency and frequency: revive interest with a campaign, or let go. */
    LOST(1, 1, 1, 2),
    /** No purchase in the period: not scored. */
    NO_PURCHASES(0, 0, 0, 0);

    private final int rMin;
    private final int rMax;
    private final int fMin;
    private final int fMax;

    RfmSegment(int rMin, int rMax, int fMin, int fMax) {
        this.rMin = rMin;
        this.rMax = rMax;
        this.fMin = fMin;
        this.fMax = fMax;
    }

    /**
     * Finds the segment of a cell of the table.
     *
     * @param r the recency score, 1 to 5
     * @param f the frequency score, 1 to 5
     * @return the segment
     * @throws IllegalArgumentException if a score is outside 1 to 5
     */
    public static RfmSegment of(int r, int f) {
        if (r < 1 || r > 5 || f < 1 || f > 5) {
            throw new IllegalArgumentException("R and F scores are 1 to 5: " + r + ", " + f);
        }
        for (RfmSegment s : values()) {
            if (s.contains(r, f)) {
                return s;
            }
        }
        throw new IllegalStateException("the segment table misses R=" + r + " F=" + f);
    }

    /**
     * @param r a recency score
     * @param f a frequency score
     * @return {@code true} if the cell (r, f) belongs to this segment
     */
    public boolean contains(int r, int f) {
        return this != NO_PURCHASES && r >= rMin && r <= rMax && f >= fMin && f <= fMax;
    }

    /** @return the rule of this segment as text, e.g. {@code "R 5, F 4-5"} */
    public String rule() {
        if (this == NO_PURCHASES) {
            return "no purchase in the period";
        }
        return "R " + range(rMin, rMax) + ", F " + range(fMin, fMax);
    }

    private static String range(int min, int max) {
        return min == max ? String.valueOf(min) : min + "-" + max;
    }
}
