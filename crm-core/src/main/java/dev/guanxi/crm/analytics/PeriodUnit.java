package dev.guanxi.crm.analytics;

import dev.guanxi.crm.Beta;

/**
 * The time unit of customer summaries and model parameters: recency, T and every horizon are measured in it.
 * The published BG/NBD and Pareto/NBD results use {@link #WEEKS} (days / 7).
 *
 * <p>Immutable and thread-safe.
 */
@Beta
public enum PeriodUnit {
    /** One day. */
    DAYS(1),
    /** Seven days; a duration of {@code d} days is {@code d / 7} weeks. */
    WEEKS(7);

    private final int days;

    PeriodUnit(int days) {
        this.days = days;
    }

    /** @return how many days one unit has */
    public int days() {
        return days;
    }

    /**
     * Converts a whole number of days into this unit.
     *
     * @param days a number of days
     * @return {@code days} divided by the length of the unit
     */
    public double fromDays(long days) {
        return this.days == 1 ? days : days / (double) this.days;
    }
}
