package dev.guanxi.crm.loyalty;

import dev.guanxi.crm.Beta;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The result of an expiry run ({@link Membership#expire(LocalDate)}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param asOf the day of the run: points whose expiry day is on or before it expired
 * @param accounts how many accounts lost points
 * @param entries how many {@link PointsEntryKind#EXPIRE} entries were posted
 * @param points how many points expired in all (a positive count)
 */
@Beta
public record PointsExpiry(LocalDate asOf, long accounts, long entries, long points) {
    /**
     * Rejects a null day and negative counts.
     *
     * @param asOf the day of the run: points whose expiry day is on or before it expired
     * @param accounts how many accounts lost points
     * @param entries how many {@link PointsEntryKind#EXPIRE} entries were posted
     * @param points how many points expired in all (a positive count)
     */
    public PointsExpiry {
        Objects.requireNonNull(asOf, "asOf");
        if (accounts < 0 || entries < accounts || points < entries) {
            throw new IllegalArgumentException("bad counts " + accounts + ", " + entries + ", " + points);
        }
    }
}
