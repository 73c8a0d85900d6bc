package dev.guanxi.crm.loyalty;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.sales.OrderId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * One line of a member's points ledger (积分流水): points earned, redeemed, expired or adjusted, with the balance
 * after it. Entries are written once and never changed; a mistake is corrected by an {@link
 * PointsEntryKind#ADJUST} entry. The balance of a {@link PointsAccount} is always the sum of its entries.
 *
 * <p>Every entry carries a business key, unique in the tenant: posting again with a key that exists changes
 * nothing (see {@link Membership}), so a host may safely replay an "order paid" message.
 *
 * <p>Immutable and thread-safe. Created by {@link Membership}; storage adapters and tests may use the
 * canonical constructor.
 *
 * @param id the entry's id, assigned by the CRM when it is written, required
 * @param customerId the member whose ledger this is, required
 * @param sequence the entry's position in the member's ledger: 1 for the first, +1 for each next one
 * @param businessKey the idempotency key, unique per tenant: 1 to {@value #BUSINESS_KEY_MAX} characters of
 *     one-line text, compared exactly (case and spaces count)
 * @param kind what the entry did
 * @param points the signed change of the balance, never zero, at most {@value #MAX_POINTS} either way; the
 *     sign follows the kind ({@link PointsEntryKind#allows(long)})
 * @param balanceAfter the balance after this entry, zero or more
 * @param occurredAt when it was posted (kept to the microsecond, as every store keeps instants)
 * @param expiresOn the day an earned entry's unused points expire, or {@code null} if they never do; always
 *     {@code null} for other kinds
 * @param reason why, one line for a person, 1 to {@value #REASON_MAX} characters
 * @param orderId the order the entry is for, or {@code null}
 */
@Beta
public record PointsEntry(
        PointsEntryId id,
        CustomerId customerId,
        long sequence,
        String businessKey,
        PointsEntryKind kind,
        long points,
        long balanceAfter,
        Instant occurredAt,
        LocalDate expiresOn,
        String reason,
        OrderId orderId) {
    /** The longest business key, in code points. */
    public static final int BUSINESS_KEY_MAX = 200;
    /** The longest reason, in code points. */
    public static final int REASON_MAX = 500;
    /** The most points one entry may move either way. */
    public static final long MAX_POINTS = 1_000_000_000L;

    /**
     * Validates the components and truncates {@code occurredAt} to microseconds.
     *
     * @param id the entry's id, assigned by the CRM when it is written, required
     * @param customerId the member whose ledger this is, required
     * @param sequence the entry's position in the member's ledger: 1 for the first, +1 for each next one
     * @param businessKey the idempotency key, unique per tenant: 1 to {@value #BUSINESS_KEY_MAX} characters of one-line
     *     text, compared exactly (case and spaces count)
     * @param kind what the entry did
     * @param points the signed change of the balance, never zero, at most {@value #MAX_POINTS} either way; the sign
     *     follows the kind ({@link PointsEntryKind#allows(long)})
     * @param balanceAfter the balance after this entry, zero or more
     * @param occurredAt when it was posted (kept to the microsecond, as every store keeps instants)
     * @param expiresOn the day an earned entry's unused points expire, or {@code null} if they never do; always {@code
     *     null} for other kinds
     * @param reason why, one line for a person, 1 to {@value #REASON_MAX} characters
     * @param orderId the order the entry is for, or {@code null}
     * @throws ValidationException naming the field and the rule: {@code points} ({@link
     *     ValidationRule#OUT_OF_RANGE}) if zero, too large or of the wrong sign for the kind; {@code
     *     balanceAfter} if negative; {@code expiresOn} ({@link ValidationRule#INVALID_STATE}) on an entry that
     *     is not earned, or ({@link ValidationRule#DATE_ORDER}) before the day it was earned
     */
    public PointsEntry {
        Check.required("id", id);
        Check.required("customerId", customerId);
        if (sequence < 1) {
            throw Check.fail("sequence", ValidationRule.OUT_OF_RANGE, "sequence must be at least 1");
        }
        Check.text("businessKey", businessKey, BUSINESS_KEY_MAX);
        Check.required("kind", kind);
        if (!kind.allows(points) || Math.abs(points) > MAX_POINTS) {
            throw Check.fail(
                    "points",
                    ValidationRule.OUT_OF_RANGE,
                    "a " + kind + " entry cannot carry " + points + " points (at most " + MAX_POINTS + ")");
        }
        if (balanceAfter < 0) {
            throw Check.fail("balanceAfter", ValidationRule.OUT_OF_RANGE, "the balance must not be negative");
        }
        Check.required("occurredAt", occurredAt);
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
        if (expiresOn != null && kind != PointsEntryKind.EARN) {
            throw Check.fail("expiresOn", ValidationRule.INVALID_STATE, "only earned points expire");
        }
        if (expiresOn != null && !expiresOn.isAfter(LocalDate.ofInstant(occurredAt, ZoneOffset.UTC))) {
            throw Check.fail(
                    "expiresOn", ValidationRule.DATE_ORDER, "points must not expire on the day they are earned");
        }
        Check.text("reason", reason, REASON_MAX);
    }

    /** @return the day the entry was posted, in UTC */
    public LocalDate postedOn() {
        return LocalDate.ofInstant(occurredAt, ZoneOffset.UTC);
    }
}
