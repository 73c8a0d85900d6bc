package dev.guanxi.crm.loyalty;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.money.CurrencyMismatchException;
import dev.guanxi.crm.money.Money;
import java.util.Locale;

/**
 * What a member must reach within a rolling window to enter or keep a {@link MembershipTier}: a spend in the
 * programme's base currency, points earned, or both ({@link Match#ALL}) or either ({@link Match#ANY}).
 *
 * <p>The window is the {@code windowDays} days that end on the day evaluated, that day included: with 365 days
 * and 2026-12-31 it runs from 2026-01-01 to 2026-12-31. Spend is the total of the member's placed (not
 * cancelled) orders dated in the window, converted into the base currency; points earned are the sum of the
 * member's {@link PointsEntryKind#EARN} entries posted in the window (redemptions and expiry do not lower it).
 * A threshold is met when the value is at least the threshold.
 *
 * <p>Immutable and thread-safe.
 *
 * @param minSpend the spend to reach, zero or more, or {@code null} if spend does not count
 * @param minPoints the points to earn, zero or more, or {@code null} if points do not count
 * @param windowDays the length of the rolling window in days, 1 to {@value #MAX_WINDOW_DAYS}
 * @param match whether one threshold suffices or both are needed (only matters when both are given)
 */
@Beta
public record TierRule(Money minSpend, Long minPoints, int windowDays, Match match) {
    /** The longest window, ten years. */
    public static final int MAX_WINDOW_DAYS = 3_660;

    private static final TierRule ALWAYS = new TierRule(null, 0L, 1, Match.ANY);

    /**
     * Validates the components.
     *
     * @param minSpend the spend to reach, zero or more, or {@code null} if spend does not count
     * @param minPoints the points to earn, zero or more, or {@code null} if points do not count
     * @param windowDays the length of the rolling window in days, 1 to {@value #MAX_WINDOW_DAYS}
     * @param match whether one threshold suffices or both are needed (only matters when both are given)
     * @throws ValidationException naming the field ({@code minSpend}, {@code minPoints}, {@code windowDays},
     *     {@code match}) and the rule; {@code minSpend} with {@link ValidationRule#REQUIRED} if neither
     *     threshold is given
     */
    public TierRule {
        if (minSpend == null && minPoints == null) {
            throw Check.fail("minSpend", ValidationRule.REQUIRED, "a tier rule needs a spend or a points threshold");
        }
        if (minSpend != null) {
            Check.nonNegative("minSpend", minSpend);
        }
        if (minPoints != null && minPoints < 0) {
            throw Check.fail("minPoints", ValidationRule.OUT_OF_RANGE, "minPoints must not be negative");
        }
        Check.range("windowDays", windowDays, 1, MAX_WINDOW_DAYS);
        Check.required("match", match);
    }

    /**
     * A rule every member meets (no threshold): for a programme's first tier, which every member enters.
     *
     * @return the rule
     */
    public static TierRule always() {
        return ALWAYS;
    }

    /**
     * @param minSpend the spend to reach in the window
     * @param windowDays the window in days
     * @return a rule on spend alone
     */
    public static TierRule spend(Money minSpend, int windowDays) {
        Check.required("minSpend", minSpend);
        return new TierRule(minSpend, null, windowDays, Match.ANY);
    }

    /**
     * @param minPoints the points to earn in the window
     * @param windowDays the window in days
     * @return a rule on points alone
     */
    public static TierRule points(long minPoints, int windowDays) {
        return new TierRule(null, minPoints, windowDays, Match.ANY);
    }

    /**
     * @param minSpend the spend to reach in the window
     * @param minPoints the points to earn in the window
     * @param windowDays the window in days
     * @return a rule met by either threshold
     */
    public static TierRule spendOrPoints(Money minSpend, long minPoints, int windowDays) {
        Check.required("minSpend", minSpend);
        return new TierRule(minSpend, minPoints, windowDays, Match.ANY);
    }

    /**
     * @param minSpend the spend to reach in the window
     * @param minPoints the points to earn in the window
     * @param windowDays the window in days
     * @return a rule met only by both thresholds
     */
    public static TierRule spendAndPoints(Money minSpend, long minPoints, int windowDays) {
        Check.required("minSpend", minSpend);
        return new TierRule(minSpend, minPoints, windowDays, Match.ALL);
    }

    /** @return whether every member meets this rule (no spend threshold, a points threshold of zero) */
    public boolean isAlways() {
        return minSpend == null && minPoints == 0;
    }

    /**
     * Tells whether a member's window meets this rule.
     *
     * @param spent the member's spend in the window, in the currency of {@link #minSpend()} (ignored when that is
     *     {@code null})
     * @param pointsEarned the points the member earned in the window
     * @return {@code true} if the rule is met
     * @throws CurrencyMismatchException if {@code spent} is in another currency than the threshold
     */
    public boolean isMetBy(Money spent, long pointsEarned) {
        boolean spendMet = minSpend != null && spent != null && spent.compareTo(minSpend) >= 0;
        boolean pointsMet = minPoints != null && pointsEarned >= minPoints;
        if (minSpend == null) {
            return pointsMet;
        }
        if (minPoints == null) {
            return spendMet;
        }
        return match == Match.ALL ? spendMet && pointsMet : spendMet || pointsMet;
    }

    /**
     * Explains how a member's window compares with this rule, for a person: e.g. {@code "spent 12,000.00 CNY in
     * 365 days (entry: 10,000.00)"}.
     *
     * @param label what the rule is for, e.g. {@code "entry"} or {@code "keep"}
     * @param spent the member's spend in the window, in the threshold's currency (ignored without one)
     * @param pointsEarned the points the member earned in the window
     * @return one line
     */
    public String explain(String label, Money spent, long pointsEarned) {
        if (isAlways()) {
            return "open to every member";
        }
        String spend = minSpend == null
                ? null
                : "spent " + format(spent == null ? Money.zero(minSpend.currency()) : spent) + " "
                        + minSpend.currency().getCurrencyCode() + " in " + windowDays + " days (" + label + ": "
                        + format(minSpend) + ")";
        String points = minPoints == null
                ? null
                : "earned " + String.format(Locale.ROOT, "%,d", pointsEarned) + " points in " + windowDays + " days ("
                        + label + ": " + String.format(Locale.ROOT, "%,d", minPoints) + ")";
        if (spend == null) {
            return points;
        }
        if (points == null) {
            return spend;
        }
        return spend + (match == Match.ALL ? " and " : " or ") + points;
    }

    private static String format(Money m) {
        return String.format(Locale.ROOT, "%,." + Money.scaleOf(m.currency()) + "f", m.amount());
    }

    /**
     * How a rule with both thresholds combines them.
     *
     * <p>Immutable and thread-safe.
     */
    public enum Match {
        /** Either threshold suffices. */
        ANY,
        /** Both thresholds must be reached. */
        ALL
    }
}
