package dev.guanxi.crm.loyalty;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.NotFoundException;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.NoSuchCustomerException;
import dev.guanxi.crm.event.MembershipTierChanged;
import dev.guanxi.crm.money.MissingExchangeRateException;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.OrderId;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The membership programme of one tenant (会员卡): points accounts with their ledger, and tiers. Obtained from
 * {@code crm.tenant(id).membership()}; thread-safe.
 *
 * <p><b>The ledger.</b> Every change of a balance is an entry: {@link #earn earned}, {@link #redeem redeemed},
 * {@link #expire expired} or {@link #adjust adjusted} points. A balance is always the sum of its entries and
 * never negative, also under concurrent posts: each post reads the account, checks, stores the account with the
 * storage's version check and inserts the entry in one transaction, and a post that lost a race to another is
 * run again (a few times, with random pauses) before its {@link StaleVersionException} reaches the caller.
 *
 * <p><b>Idempotency.</b> Every entry has a business key, unique in the tenant, such as {@code "pos-7731:paid"}.
 * Posting with a key that exists changes nothing and returns the entry stored under it, if it is the same post
 * (same member, same kind, same points); otherwise it is a {@link DuplicateKeyException} on {@code
 * businessKey}. Keys beginning with {@value #RESERVED_KEY_PREFIX} are the SDK's own (for orders and expiry) and
 * are refused from callers.
 *
 * <p><b>Expiry.</b> Earned points expire {@link MembershipProgramme#pointsValidDays()} days after the day they
 * were posted. Redemptions, expiry and negative adjustments use up the points that expire first (first in,
 * first out); positive adjustments never expire and are used last.
 *
 * <p><b>Tiers.</b> {@link #evaluateTier} moves a member up when the entry rule of a higher tier is met, and down
 * when the keep rule of their tier is no longer met; a change is stored on the account and published as {@link
 * MembershipTierChanged} through the outbox in the same transaction, delivered after commit. Earning points
 * does not change the tier by itself: hosts evaluate tiers when it suits them (nightly, or after a purchase).
 *
 * <p>Every write checks that the customer exists in this tenant ({@link NoSuchCustomerException} otherwise);
 * bad input is a {@link ValidationException} naming the field and the rule, and then nothing was stored.
 * Dates are UTC days.
 */
@Beta
public interface Membership {
    /** The prefix of the business keys the SDK derives itself. */
    String RESERVED_KEY_PREFIX = "gx:";

    /** @return the programme this CRM was built with ({@link MembershipProgramme#none()} if none) */
    MembershipProgramme programme();

    /**
     * Opens a member's account, empty and without a tier, if it has none; a member is a customer with an
     * account, and {@link #evaluateTiers} visits every account.
     *
     * @param customerId the customer
     * @return the account, new at version 1 or as it was
     * @throws NoSuchCustomerException if the customer does not exist in this tenant
     */
    PointsAccount enrol(CustomerId customerId);

    /**
     * Credits points (a host's own rule: sign-up bonus, birthday, survey answered...). They expire after the
     * programme's validity.
     *
     * @param customerId the member (an account is opened if there is none)
     * @param businessKey the idempotency key, 1 to {@value PointsEntry#BUSINESS_KEY_MAX} characters
     * @param points how many, 1 to {@value PointsEntry#MAX_POINTS}
     * @param reason why, for a person, 1 to {@value PointsEntry#REASON_MAX} characters
     * @return the stored entry, or the entry stored earlier under the same key
     * @throws ValidationException ({@code points}, {@link ValidationRule#OUT_OF_RANGE}) for a bad count; on
     *     {@code businessKey} or {@code reason} for bad text
     * @throws DuplicateKeyException if the key holds a different entry
     * @throws NoSuchCustomerException if the customer does not exist in this tenant
     */
    PointsEntry earn(CustomerId customerId, String businessKey, long points, String reason);

    /**
     * Credits the points an order earns under the programme's {@link MembershipProgramme#earnRules() earn rules}
     * and the member's tier at this moment. The business key is derived from the order, so crediting the same
     * order again returns the first entry and changes nothing, even if the rules changed in between.
     *
     * @param orderId a placed order of this tenant
     * @return the entry, or empty if the order earns no points (no rule applies, or the spend is below one unit)
     * @throws NotFoundException if the tenant has no such order
     * @throws ValidationException ({@code orderId}, {@link ValidationRule#INVALID_STATE}) if the order is
     *     cancelled
     * @throws MissingExchangeRateException if the order is in another currency than the base and the programme's
     *     rates have none for it
     */
    Optional<PointsEntry> earnForPurchase(OrderId orderId);

    /**
     * Spends points.
     *
     * @param customerId the member
     * @param businessKey the idempotency key
     * @param points how many, 1 to {@value PointsEntry#MAX_POINTS}
     * @param reason why, for a person
     * @return the stored entry (with negative points), or the entry stored earlier under the same key
     * @throws ValidationException ({@code points}, {@link ValidationRule#OUT_OF_RANGE}) if the balance is smaller
     *     (then nothing was stored), or for a bad count
     * @throws DuplicateKeyException if the key holds a different entry
     * @throws NoSuchCustomerException if the customer does not exist in this tenant
     */
    PointsEntry redeem(CustomerId customerId, String businessKey, long points, String reason);

    /**
     * Corrects a balance by staff. A positive adjustment never expires.
     *
     * @param customerId the member
     * @param businessKey the idempotency key
     * @param points the signed correction, not zero, at most {@value PointsEntry#MAX_POINTS} either way
     * @param reason why, for a person
     * @return the stored entry, or the entry stored earlier under the same key
     * @throws ValidationException ({@code points}, {@link ValidationRule#OUT_OF_RANGE}) if it would make the
     *     balance negative, or for a bad count
     * @throws DuplicateKeyException if the key holds a different entry
     * @throws NoSuchCustomerException if the customer does not exist in this tenant
     */
    PointsEntry adjust(CustomerId customerId, String businessKey, long points, String reason);

    /**
     * Expires, in every account of the tenant, the earned points whose expiry day is on or before {@code asOf}
     * and that were not used: one {@link PointsEntryKind#EXPIRE} entry per earn entry with points left, keyed by
     * that entry, so running it again (or twice at once) expires nothing more. Each account is expired in a
     * transaction of its own.
     *
     * <p>Visits only the accounts whose {@link PointsAccount#nextExpiry()} has come; for each it reads the
     * member's ledger: O(entries of those accounts).
     *
     * @param asOf the day of the run, at most tomorrow (UTC)
     * @return what expired
     * @throws ValidationException ({@code asOf}, {@link ValidationRule#FUTURE}) if the day lies further ahead
     */
    PointsExpiry expire(LocalDate asOf);

    /**
     * @param customerId a customer
     * @return the customer's balance, 0 if they have no account
     */
    long balance(CustomerId customerId);

    /**
     * @param customerId a customer
     * @return the customer's account, or empty if they have none (in this tenant)
     */
    Optional<PointsAccount> account(CustomerId customerId);

    /**
     * Lists a member's ledger in posting order, oldest first (as a statement lists it).
     *
     * @param customerId the member
     * @param page which slice
     * @return the page; empty if the member has no account
     * @throws NoSuchCustomerException if the customer does not exist in this tenant
     */
    Page<PointsEntry> ledger(CustomerId customerId, PageRequest page);

    /**
     * @param businessKey a business key
     * @return the entry stored under it in this tenant, or empty
     */
    Optional<PointsEntry> findEntry(String businessKey);

    /**
     * Evaluates a member's tier on a day and stores a change. With the tiers in rank order: if the entry rule of
     * a tier above the member's is met, the member moves up to the highest such tier; otherwise, if neither the
     * keep rule nor the entry rule of the member's tier is met, the member moves down to the highest lower tier
     * whose keep or entry rule is met, or out of the programme if there is none. A change publishes {@link
     * MembershipTierChanged}, effective on {@code asOf}, and opens an account if the customer had none.
     * Evaluating the same day again changes nothing.
     *
     * <p>Reads the customer's orders in the longest rule window and their earn entries: O(those).
     *
     * @param customerId the customer
     * @param asOf the day to evaluate, at most tomorrow (UTC), not before the day of the member's last tier change
     * @return the decision with its reason
     * @throws ValidationException ({@code asOf}, {@link ValidationRule#FUTURE} or {@link
     *     ValidationRule#DATE_ORDER}) for a day out of range
     * @throws NoSuchCustomerException if the customer does not exist in this tenant
     * @throws MissingExchangeRateException if an order is in another currency and no rate is known
     */
    TierDecision evaluateTier(CustomerId customerId, LocalDate asOf);

    /**
     * Evaluates the tier of every account of the tenant as {@link #evaluateTier} does, each in a transaction of
     * its own; accounts whose last tier change lies after {@code asOf} are skipped.
     *
     * <p>O(accounts × (orders in the longest rule window + earn entries) per account).
     *
     * @param asOf the day to evaluate
     * @return how many accounts were evaluated and moved
     * @throws ValidationException ({@code asOf}, {@link ValidationRule#FUTURE}) for a day too far ahead
     */
    TierReview evaluateTiers(LocalDate asOf);
}
