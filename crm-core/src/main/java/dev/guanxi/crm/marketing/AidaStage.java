package dev.guanxi.crm.marketing;

/**
 * The stage of the AIDA funnel a customer reached in response to a campaign (注意, 兴趣, 欲望, 行动). The
 * stages are ordered: every later stage implies the earlier ones, so a customer who reached {@link #DESIRE}
 * counts as aware and interested too. Immutable and thread-safe.
 */
public enum AidaStage {
    /** The customer noticed the campaign (opened, viewed, heard of it). */
    AWARENESS,
    /** The customer showed interest (clicked, asked, visited). */
    INTEREST,
    /** The customer wants the offer (requested a quote, put it in a basket, booked a demo). */
    DESIRE,
    /** The customer acted: bought, signed, subscribed. */
    ACTION;

    /**
     * Says whether this stage is the same as or later than another.
     *
     * @param other the stage to compare with
     * @return {@code true} if this stage implies {@code other}
     */
    public boolean isAtLeast(AidaStage other) {
        return compareTo(other) >= 0;
    }

    /**
     * Says whether this stage is strictly later than another.
     *
     * @param other the stage to compare with
     * @return {@code true} if this stage comes after {@code other}
     */
    public boolean isAfter(AidaStage other) {
        return compareTo(other) > 0;
    }
}
