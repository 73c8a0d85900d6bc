package dev.guanxi.crm.loyalty;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.internal.Check;

/**
 * One level of a {@link MembershipProgramme} (会员等级), such as silver, gold or diamond card. A member enters
 * the tier when its entry rule is met and stays while its keep rule is met; the keep rule is usually the lower
 * of the two, so that a member does not drop out the day after entering.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code the tier's code, 1 to 64 characters of {@code [A-Za-z0-9_.-]}, unique in the programme; stored on
 *     the account and carried by {@link dev.guanxi.crm.event.MembershipTierChanged}
 * @param name the name shown to people (e.g. {@code 金卡}), 1 to 200 characters
 * @param entry what a member must reach to enter the tier
 * @param keep what a member in the tier must keep reaching to stay in it
 */
@Beta
public record MembershipTier(String code, String name, TierRule entry, TierRule keep) {
    /**
     * Validates the components.
     *
     * @param code the tier's code, 1 to 64 characters of {@code [A-Za-z0-9_.-]}, unique in the programme; stored on the
     *     account and carried by {@link dev.guanxi.crm.event.MembershipTierChanged}
     * @param name the name shown to people (e.g. {@code 金卡}), 1 to 200 characters
     * @param entry what a member must reach to enter the tier
     * @param keep what a member in the tier must keep reaching to stay in it
     * @throws ValidationException naming the field ({@code code}, {@code name}, {@code entry}, {@code keep}) and
     *     the rule
     */
    public MembershipTier {
        Check.code("code", code);
        Check.text("name", name, Check.NAME_MAX);
        Check.required("entry", entry);
        Check.required("keep", keep);
    }

    /**
     * A tier whose keep rule is its entry rule.
     *
     * @param code the code
     * @param name the name
     * @param rule the rule to enter and to stay
     * @return the tier
     */
    public static MembershipTier of(String code, String name, TierRule rule) {
        return new MembershipTier(code, name, rule, rule);
    }
}
