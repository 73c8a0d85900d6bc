package dev.guanxi.crm.event;

import dev.guanxi.crm.customer.CustomerId;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A member moved to another membership tier (会员等级), up because an entry rule was met or down because a
 * keep rule was no longer met, or joined the programme's first tier.
 *
 * <p>Immutable and thread-safe.
 *
 * @param metadata the event's id, tenant and time
 * @param customerId the member whose tier changed, not null
 * @param previousTier the tier before, or {@code null} if the customer was not a member
 * @param newTier the tier now, or {@code null} if the customer left the programme
 * @param reason why, one line for a person (e.g. {@code "spent 12,000.00 CNY in 365 days (entry: 10,000.00)"})
 * @param effectiveOn the day the change takes effect
 */
public record MembershipTierChanged(
        EventMetadata metadata,
        CustomerId customerId,
        String previousTier,
        String newTier,
        String reason,
        LocalDate effectiveOn)
        implements CustomerValueEvent {
    /**
     * Rejects nulls (except the tiers) and a "change" to the same tier.
     *
     * @param metadata the event's id, tenant and time
     * @param customerId the member whose tier changed, not null
     * @param previousTier the tier before, or {@code null} if the customer was not a member
     * @param newTier the tier now, or {@code null} if the customer left the programme
     * @param reason why, one line for a person (e.g. {@code "spent 12,000.00 CNY in 365 days (entry: 10,000.00)"})
     * @param effectiveOn the day the change takes effect
     */
    public MembershipTierChanged {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(effectiveOn, "effectiveOn");
        if (Objects.equals(previousTier, newTier)) {
            throw new IllegalArgumentException("the tier did not change: " + newTier);
        }
    }
}
