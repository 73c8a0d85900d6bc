package dev.guanxi.crm.loyalty;

import dev.guanxi.crm.Aggregate;
import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.internal.Check;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A member's points account (会员积分账户): the balance, the membership tier and how many ledger entries were
 * posted. One per customer, identified by the customer's id; opened by the first entry, by {@link
 * Membership#enrol} or by a tier evaluation that gives the customer a tier.
 *
 * <p>The balance is always the sum of the account's {@link PointsEntry entries} and never negative: every post
 * goes through {@link #post(PointsEntry, Instant)}, which checks that the entry continues the ledger, and is
 * stored with the version check of the storage, so two concurrent posts cannot both build on the same balance.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the member (the customer's id)
 * @param balance the points available, zero or more
 * @param tier the code of the member's {@link MembershipTier}, or {@code null} if the member has none
 * @param tierSince the day the member reached the tier; set exactly when {@code tier} is
 * @param entries how many ledger entries were posted (the last entry's {@link PointsEntry#sequence()})
 * @param nextExpiry the earliest day on which some of the balance may expire, or {@code null} if none of it
 *     can; a lower bound (redemptions may already have used those points), so a tenant-wide expiry run need
 *     only visit accounts whose day has come
 * @param version 1 when opened, +1 for every stored change
 * @param createdAt when it was opened
 * @param updatedAt when it last changed
 */
@Beta
public record PointsAccount(
        CustomerId id,
        long balance,
        String tier,
        LocalDate tierSince,
        long entries,
        LocalDate nextExpiry,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Aggregate<CustomerId> {
    /**
     * Validates the components.
     *
     * @param id the member (the customer's id)
     * @param balance the points available, zero or more
     * @param tier the code of the member's {@link MembershipTier}, or {@code null} if the member has none
     * @param tierSince the day the member reached the tier; set exactly when {@code tier} is
     * @param entries how many ledger entries were posted (the last entry's {@link PointsEntry#sequence()})
     * @param nextExpiry the earliest day on which some of the balance may expire, or {@code null} if none of it can; a
     *     lower bound (redemptions may already have used those points), so a tenant-wide expiry run need only visit
     *     accounts whose day has come
     * @param version 1 when opened, +1 for every stored change
     * @param createdAt when it was opened
     * @param updatedAt when it last changed
     * @throws ValidationException naming the field and the rule
     */
    public PointsAccount {
        Check.required("id", id);
        if (balance < 0) {
            throw Check.fail("balance", ValidationRule.OUT_OF_RANGE, "the balance must not be negative");
        }
        if (tier != null) {
            Check.code("tier", tier);
        }
        if ((tier == null) != (tierSince == null)) {
            throw Check.fail("tierSince", ValidationRule.INVALID_STATE, "tierSince is set exactly when tier is");
        }
        if (entries < 0) {
            throw Check.fail("entries", ValidationRule.OUT_OF_RANGE, "entries must not be negative");
        }
        if (version < 1) {
            throw Check.fail("version", ValidationRule.OUT_OF_RANGE, "version must be at least 1");
        }
        Check.required("createdAt", createdAt);
        Check.required("updatedAt", updatedAt);
        Check.order("updatedAt", createdAt, updatedAt);
    }

    /**
     * Opens an empty account without a tier, at version 1.
     *
     * @param customerId the member
     * @param now when it is opened
     * @return the account
     */
    public static PointsAccount open(CustomerId customerId, Instant now) {
        return new PointsAccount(customerId, 0, null, null, 0, null, 1, now, now);
    }

    /** @return the member, the same as {@link #id()} */
    public CustomerId customerId() {
        return id;
    }

    /**
     * Returns this account with an entry posted, one version on.
     *
     * @param entry the next entry of this account's ledger
     * @param now when it is posted
     * @return the account with the entry's balance
     * @throws IllegalArgumentException if the entry is of another member, does not follow the last entry, or its
     *     balance is not this balance plus its points
     */
    public PointsAccount post(PointsEntry entry, Instant now) {
        Objects.requireNonNull(entry, "entry");
        if (!entry.customerId().equals(id)) {
            throw new IllegalArgumentException("the entry is of customer " + entry.customerId() + ", not " + id);
        }
        if (entry.sequence() != entries + 1) {
            throw new IllegalArgumentException(
                    "the next entry must have sequence " + (entries + 1) + ", got " + entry.sequence());
        }
        if (entry.balanceAfter() != balance + entry.points()) {
            throw new IllegalArgumentException(
                    "the entry's balance " + entry.balanceAfter() + " is not " + balance + " + " + entry.points());
        }
        LocalDate expiry = nextExpiry;
        if (entry.expiresOn() != null && (expiry == null || entry.expiresOn().isBefore(expiry))) {
            expiry = entry.expiresOn();
        }
        return new PointsAccount(
                id, entry.balanceAfter(), tier, tierSince, entry.sequence(), expiry, version + 1, createdAt, now);
    }

    /**
     * Returns this account in another tier, one version on.
     *
     * @param newTier the tier's code, or {@code null} for none
     * @param since the day the change takes effect
     * @param now when it is stored
     * @return the account
     */
    public PointsAccount withTier(String newTier, LocalDate since, Instant now) {
        return new PointsAccount(
                id, balance, newTier, newTier == null ? null : since, entries, nextExpiry, version + 1, createdAt, now);
    }

    /**
     * Returns this account with another lower bound of its next expiry, one version on.
     *
     * @param day the earliest day some of the balance may expire, or {@code null}
     * @param now when it is stored
     * @return the account
     */
    public PointsAccount withNextExpiry(LocalDate day, Instant now) {
        return new PointsAccount(id, balance, tier, tierSince, entries, day, version + 1, createdAt, now);
    }
}
