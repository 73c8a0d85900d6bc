package dev.guanxi.crm.internal.membership;

import dev.guanxi.crm.loyalty.MembershipProgramme;
import dev.guanxi.crm.loyalty.MembershipTier;
import dev.guanxi.crm.loyalty.TierChange;
import dev.guanxi.crm.loyalty.TierRule;
import dev.guanxi.crm.money.Money;
import java.util.List;

/**
 * The one place where a member's tier is decided from their windows. With the tiers in rank order: the highest
 * tier whose entry rule is met, if it is above the member's tier, is where the member goes; else the member
 * stays while the keep or the entry rule of their tier is met; else the member goes down to the highest lower
 * tier whose keep or entry rule is met, or out of the programme. A tier code the programme no longer has counts
 * as no tier, except that a member who meets no entry rule then leaves it.
 *
 * <p>The reason is rendered only when asked for ({@link Outcome#reason()}), so a tenant-wide run builds text only
 * for the members who move. Stateless and thread-safe.
 */
final class TierPolicy {
    private TierPolicy() {}

    /** A member's spend and points in a window of days ending on the day evaluated. */
    interface Windows {
        /**
         * @param days the window's length
         * @return the spend in the base currency
         */
        Money spent(int days);

        /**
         * @param days the window's length
         * @return the points earned
         */
        long pointsEarned(int days);
    }

    /**
     * A decision before its reason is rendered.
     *
     * @param from the tier before, or null
     * @param to the tier after, or null
     * @param change which way
     * @param programme the programme
     * @param windows the member's windows
     * @param current the rank of the tier before, -1 for none
     * @param target the rank of the tier after, -1 for none
     */
    record Outcome(
            String from,
            String to,
            TierChange change,
            MembershipProgramme programme,
            Windows windows,
            int current,
            int target) {
        /** @return why, for a person */
        String reason() {
            List<MembershipTier> tiers = programme.tiers();
            if (tiers.isEmpty()) {
                return from == null ? "the programme has no tiers" : "the programme has no tiers; " + from + " ended";
            }
            StringBuilder s = new StringBuilder();
            if (from != null && current < 0) {
                s.append("tier ").append(from).append(" is no longer in the programme; ");
            }
            switch (change) {
                case PROMOTED ->
                    s.append(tiers.get(target).code())
                            .append(" entry met: ")
                            .append(explain(tiers.get(target).entry(), "entry"));
                case UNCHANGED -> {
                    if (current < 0) {
                        MembershipTier lowest = tiers.get(0);
                        s.append("no entry rule met; ")
                                .append(lowest.code())
                                .append(": ")
                                .append(explain(lowest.entry(), "entry"));
                    } else {
                        MembershipTier tier = tiers.get(current);
                        boolean kept = met(tier.keep());
                        s.append(tier.code())
                                .append(" kept: ")
                                .append(explain(kept ? tier.keep() : tier.entry(), kept ? "keep" : "entry"));
                    }
                }
                case DEMOTED -> {
                    if (current >= 0) {
                        MembershipTier tier = tiers.get(current);
                        s.append(tier.code()).append(" not kept: ").append(explain(tier.keep(), "keep"));
                    } else {
                        s.append("no entry rule met");
                    }
                    if (target >= 0) {
                        MembershipTier lower = tiers.get(target);
                        boolean kept = met(lower.keep());
                        s.append("; ")
                                .append(lower.code())
                                .append(" kept: ")
                                .append(explain(kept ? lower.keep() : lower.entry(), kept ? "keep" : "entry"));
                    } else if (current >= 0) {
                        s.append("; no lower tier kept");
                    }
                }
            }
            return s.toString();
        }

        private boolean met(TierRule rule) {
            return TierPolicy.met(rule, windows);
        }

        private String explain(TierRule rule, String label) {
            return rule.explain(
                    label,
                    rule.minSpend() == null ? null : windows.spent(rule.windowDays()),
                    rule.minPoints() == null ? 0 : windows.pointsEarned(rule.windowDays()));
        }
    }

    /**
     * Decides a member's tier.
     *
     * @param programme the programme
     * @param currentTier the member's tier code, or null
     * @param windows the member's windows, read only as the rules need them
     * @return the outcome
     */
    static Outcome decide(MembershipProgramme programme, String currentTier, Windows windows) {
        List<MembershipTier> tiers = programme.tiers();
        int current = programme.rankOf(currentTier);
        boolean unknown = currentTier != null && current < 0;
        int highestEntry = -1;
        for (int i = tiers.size() - 1; i > current; i--) {
            if (met(tiers.get(i).entry(), windows)) {
                highestEntry = i;
                break;
            }
        }
        if (highestEntry > current) {
            return outcome(programme, windows, currentTier, current, highestEntry, TierChange.PROMOTED);
        }
        if (current >= 0
                && (met(tiers.get(current).keep(), windows)
                        || met(tiers.get(current).entry(), windows))) {
            return outcome(programme, windows, currentTier, current, current, TierChange.UNCHANGED);
        }
        if (current < 0 && !unknown) {
            return outcome(programme, windows, null, -1, -1, TierChange.UNCHANGED);
        }
        int lower = -1;
        for (int i = current - 1; i >= 0; i--) {
            if (met(tiers.get(i).keep(), windows) || met(tiers.get(i).entry(), windows)) {
                lower = i;
                break;
            }
        }
        return outcome(programme, windows, currentTier, current, lower, TierChange.DEMOTED);
    }

    private static Outcome outcome(
            MembershipProgramme programme, Windows windows, String from, int current, int target, TierChange change) {
        String to = target < 0 ? null : programme.tiers().get(target).code();
        return new Outcome(
                from, change == TierChange.UNCHANGED ? from : to, change, programme, windows, current, target);
    }

    static boolean met(TierRule rule, Windows windows) {
        if (rule.isAlways()) {
            return true;
        }
        Money spent = rule.minSpend() == null ? null : windows.spent(rule.windowDays());
        long points = rule.minPoints() == null ? 0 : windows.pointsEarned(rule.windowDays());
        return rule.isMetBy(spent, points);
    }
}
