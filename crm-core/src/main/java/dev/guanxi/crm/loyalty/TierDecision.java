package dev.guanxi.crm.loyalty;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.internal.Check;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The outcome of evaluating one member's tier on a day, with the reason.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId the member evaluated, required
 * @param asOf the day evaluated; a change takes effect on it
 * @param previousTier the tier before, or {@code null}
 * @param newTier the tier now, or {@code null}; equal to {@code previousTier} when unchanged
 * @param change which way the member moved
 * @param reason why, one line for a person, e.g. {@code "GOLD entry met: spent 12,000.00 CNY in 365 days (entry:
 *     10,000.00)"}
 */
@Beta
public record TierDecision(
        CustomerId customerId, LocalDate asOf, String previousTier, String newTier, TierChange change, String reason) {
    /**
     * Checks that the change agrees with the tiers.
     *
     * @param customerId the member evaluated, required
     * @param asOf the day evaluated; a change takes effect on it
     * @param previousTier the tier before, or {@code null}
     * @param newTier the tier now, or {@code null}; equal to {@code previousTier} when unchanged
     * @param change which way the member moved
     * @param reason why, one line for a person, e.g. {@code "GOLD entry met: spent 12,000.00 CNY in 365 days (entry:
     *     10,000.00)"}
     * @throws dev.guanxi.crm.ValidationException ({@code change}, {@link ValidationRule#INVALID_STATE}) if the
     *     tiers differ and the change is {@link TierChange#UNCHANGED}, or the other way round
     */
    public TierDecision {
        Check.required("customerId", customerId);
        Check.required("asOf", asOf);
        Check.required("change", change);
        Check.required("reason", reason);
        if (Objects.equals(previousTier, newTier) != (change == TierChange.UNCHANGED)) {
            throw Check.fail(
                    "change", ValidationRule.INVALID_STATE, change + " from " + previousTier + " to " + newTier);
        }
    }

    /** @return whether the member moved */
    public boolean changed() {
        return change != TierChange.UNCHANGED;
    }
}
