package dev.guanxi.crm.loyalty;

import dev.guanxi.crm.Beta;

/**
 * The kind of a customer's loyalty after Dick &amp; Basu (1994): relative attitude (high or low) × repeat patronage
 * (high or low). {@link LoyaltyScoring} decides each side against configurable thresholds: attitude from the mean
 * normalised satisfaction, repeat patronage from the purchase frequency (and P(alive) when known).
 *
 * <p>The "super-value loyalty" (超值忠诚) group — very satisfied and very frequent buyers — is not a constant
 * here but the flag {@link LoyaltyScore#superValue()} on top of {@link #TRUE}: every such customer is also truly
 * loyal, and a host that tests {@code type == TRUE} must not miss them.
 *
 * <p>Immutable and thread-safe.
 */
@Beta
public enum LoyaltyType {
    /** High attitude, high repeat patronage: true loyalty. */
    TRUE("true loyalty"),
    /** High attitude, low repeat patronage: latent loyalty (something keeps a willing customer from buying). */
    LATENT("latent loyalty"),
    /** Low attitude, high repeat patronage: spurious loyalty, buying from inertia or lack of choice. */
    SPURIOUS("spurious (inertia) loyalty"),
    /** Low attitude, low repeat patronage: no loyalty. */
    NONE("no loyalty"),
    /**
     * The attitude is unknown: the customer answered no survey and has no unresolved complaint (an unresolved
     * complaint counts as low attitude). The behaviour side is still in the score; ask the customer.
     */
    UNDETERMINED("attitude unknown (no survey)");

    private final String label;

    LoyaltyType(String label) {
        this.label = label;
    }

    /**
     * Returns the type of a known attitude and behaviour.
     *
     * @param highAttitude whether the relative attitude is high
     * @param highRepeat whether repeat patronage is high
     * @return {@link #TRUE}, {@link #LATENT}, {@link #SPURIOUS} or {@link #NONE}
     */
    public static LoyaltyType of(boolean highAttitude, boolean highRepeat) {
        if (highAttitude) {
            return highRepeat ? TRUE : LATENT;
        }
        return highRepeat ? SPURIOUS : NONE;
    }

    /**
     * Returns a short English label, e.g. {@code "latent loyalty"}.
     *
     * @return the label
     */
    public String label() {
        return label;
    }
}
