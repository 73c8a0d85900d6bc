package dev.guanxi.crm.loyalty;

import dev.guanxi.crm.Beta;

/**
 * What a {@link PointsEntry} did to the balance. The sign of an entry's points follows from its kind: earned
 * points are positive, redeemed and expired points negative, an adjustment either.
 *
 * <p>Immutable and thread-safe.
 */
@Beta
public enum PointsEntryKind {
    /** Points earned, by a purchase or a host's own rule; positive; may expire. */
    EARN,
    /** Points spent by the member; negative. */
    REDEEM,
    /** Earned points that were not used by their expiry day; negative. */
    EXPIRE,
    /** A correction by staff, either sign; positive adjustments never expire. */
    ADJUST;

    /**
     * Tells whether an amount of points has the sign this kind requires (zero never does).
     *
     * @param points signed points
     * @return {@code true} if an entry of this kind may carry them
     */
    public boolean allows(long points) {
        return switch (this) {
            case EARN -> points > 0;
            case REDEEM, EXPIRE -> points < 0;
            case ADJUST -> points != 0;
        };
    }
}
