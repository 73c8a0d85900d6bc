package dev.guanxi.crm.loyalty;

import dev.guanxi.crm.Beta;

/**
 * The components of a {@link LoyaltyScore}, in the order the score lists its {@link
 * dev.guanxi.crm.classification.Contribution contributions}. Each factor gives a level between 0 and 1 for a
 * customer; its points are 100 × its share of the weights × the level (see {@link LoyaltyScoring}).
 *
 * <p>Immutable and thread-safe.
 */
@Beta
public enum LoyaltyFactor {
    /** Repeat-purchase behaviour: purchases a year, full points at a saturation frequency. */
    FREQUENCY("frequency"),
    /** Repeat-purchase behaviour: days as a customer, full points at a saturation tenure. */
    TENURE("tenure"),
    /**
     * Repeat-purchase behaviour: the probability that the customer is still active, from a purchase model of
     * {@code dev.guanxi.crm.analytics}; left out (its weight shared out) when not available.
     */
    P_ALIVE("pAlive"),
    /** Satisfaction level: the mean normalised survey score; left out when the customer answered no survey. */
    SATISFACTION("satisfaction"),
    /**
     * Satisfaction trend: the least-squares slope of the survey scores a year; left out with fewer than two
     * surveys or all of them at one instant.
     */
    SATISFACTION_TREND("satisfactionTrend"),
    /** Complaints: fewer complaints give more points, none at a saturation count. */
    COMPLAINTS("complaints"),
    /** Complaint handling: the share of complaints resolved, less a penalty per reopening. */
    COMPLAINT_RESOLUTION("complaintResolution"),
    /** Recent spend: the share of all spend that falls in the recent window, against the share expected. */
    RECENT_SPEND("recentSpend");

    private final String key;

    LoyaltyFactor(String key) {
        this.key = key;
    }

    /**
     * Returns the factor's name as used in {@link dev.guanxi.crm.classification.Contribution#factor()} and in the
     * field of a {@link dev.guanxi.crm.ValidationException} about its weight ({@code weights.<key>}).
     *
     * @return the name, e.g. {@code "satisfactionTrend"}
     */
    public String key() {
        return key;
    }
}
