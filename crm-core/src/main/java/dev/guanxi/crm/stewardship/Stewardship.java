package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import java.util.List;

/**
 * Data stewardship of one tenant: finding duplicate customers and merging them. Obtained from {@link
 * dev.guanxi.crm.TenantCrm#stewardship()} (the {@linkplain DuplicateDetector#defaults() default detector}) or
 * {@link dev.guanxi.crm.TenantCrm#stewardship(DuplicateDetector)}.
 *
 * <p>The duplicate checks read the tenant in one read-only unit of work, streaming the customers through the
 * storage's scan; they change nothing.
 *
 * <h2>Merging duplicates</h2>
 *
 * A merge folds one customer (the loser) into another (the survivor) in three steps: {@link #planMerge} is the
 * dry run (it decides every field by a {@link SurvivorshipRule}, lists every row that will move and every
 * conflict, and changes nothing); {@link #merge} executes exactly that plan in one transaction, all or nothing;
 * {@link #undoMerge} restores both customers and every moved row. Every merge is kept in the tenant's merge log
 * ({@link #merges}).
 *
 * <p>After a merge the loser is a {@link CustomerTombstone}: {@link dev.guanxi.crm.customer.Customers#find} and
 * {@link dev.guanxi.crm.customer.Customers#findByExternalId} with the loser's id or external id return the
 * survivor (whose id tells the caller that it was redirected), the loser's external id stays taken (registering
 * another customer with it is a {@link dev.guanxi.crm.DuplicateKeyException} naming the survivor), and writes
 * that name the loser (an update, a new order) fail as for an unknown customer. The loser leaves every list,
 * count and scan of customers.
 *
 * <p>Versions: the merge moves the survivor and every moved versioned row one version on, so that a host
 * holding an older copy of either gets a {@link dev.guanxi.crm.StaleVersionException} instead of overwriting the
 * move. The undo gives every moved row back exactly as it was before the merge, version included (nobody can
 * hold a copy of that version that differs from it, so no update is lost, while a holder of the moved copy gets
 * a stale-version failure), and stores the loser again exactly as it was. Only the survivor, which existed
 * throughout, moves one version on again, with every other component as before the merge ({@code updatedAt}
 * included): a customer's version only grows, which caches rely on.
 *
 * <p>Requires a store that keeps a merge log ({@link dev.guanxi.crm.spi.storage.UnitOfWork#mergeLog()}); with
 * another, {@link #merge}, {@link #undoMerge} and {@link #merges} throw {@link UnsupportedOperationException}
 * ({@link #planMerge} works). Thread-safe.
 *
 * @since 0.1.0
 */
@Beta
public interface Stewardship {
    /** @return the detector this stewardship compares with */
    DuplicateDetector detector();

    /**
     * Checks a customer before it is registered: the stored customers that the draft resembles.
     *
     * <p>O(n) in the tenant's customers: one streaming pass that prepares each customer's blocking keys (cheap:
     * no phone parsing) and fully compares only those sharing a key with the draft. The storage SPI has no index
     * of normalised contact values, so each check reads the tenant once; a host checking many drafts at once
     * should register them and {@linkplain #scanDuplicates scan} instead.
     *
     * @param draft the customer about to be registered
     * @return the matches at or above the detector's threshold, best first (higher score, then scan order)
     */
    List<DuplicateMatch> duplicatesOf(CustomerDraft draft);

    /**
     * Scans the whole tenant for pairs of duplicates, with blocking: each customer is normalised once and
     * grouped by every blocking key of every matcher (normalised e-mail, last digits of each phone number,
     * folded external id, name-word keys); only customers sharing a block are compared, each pair once.
     * Blocks larger than {@link DuplicateScanOptions#maxBlockSize()} are skipped and reported.
     *
     * <p>O(n · (k + b)) time for n customers with k blocking keys each and blocks of at most b customers (plus an
     * O(n · k) radix sort of the key hashes), instead of O(n²); memory O(n · k) for the keys and each customer's
     * prepared views.
     *
     * @param options the block cap and the progress listener
     * @return the report, with the candidate pairs best first
     */
    DuplicateScanReport scanDuplicates(DuplicateScanOptions options);

    /**
     * Plans merging {@code loserId} into {@code survivorId}: the dry run. Reads both customers and every row of
     * the loser (in read-only units of work) and changes nothing. Each field gets the value its {@linkplain
     * MergeOptions#rule rule} chooses; the merged values are checked as an update of the survivor would be (code
     * tables, custom field definitions, limits such as {@value dev.guanxi.crm.customer.Customer#MAX_TAGS} tags).
     *
     * <p>Cost: O(rows of the loser + its campaign responses, targets and shares looked up for the survivor).
     *
     * @param survivorId the customer that stays
     * @param loserId the customer merged into it
     * @param options the survivorship rules
     * @return the plan
     * @throws dev.guanxi.crm.ValidationException on {@code survivorId}, {@code loserId} or {@code options} if
     *     missing; on {@code loserId} ({@link dev.guanxi.crm.ValidationRule#INVALID_STATE}) if it is {@code
     *     survivorId}; on either id ({@link dev.guanxi.crm.ValidationRule#INVALID_STATE}) if that customer was
     *     merged into another already (a tombstone); on a field if the merged values break a rule ({@link
     *     dev.guanxi.crm.ValidationRule#WRONG_TYPE} for a host chooser's value of the wrong type, {@link
     *     dev.guanxi.crm.ValidationRule#INVALID_STATE} on {@code externalId} if a chooser dropped the survivor's)
     * @throws dev.guanxi.crm.customer.NoSuchCustomerException if this tenant has no such customer (another
     *     tenant's id included)
     * @throws MergeConflictException naming every row of the loser that would collide with the survivor's
     * @throws dev.guanxi.crm.StaleVersionException if a customer changed between the two reads of the planning
     */
    MergePlan planMerge(CustomerId survivorId, CustomerId loserId, MergeOptions options);

    /**
     * Executes a plan in one unit of work, all or nothing: moves every planned row to the survivor (amounts and
     * every other value unchanged), stores the survivor's merged values (one version on), removes the loser from
     * the customers and leaves its {@link CustomerTombstone}, appends a line to the survivor's ownership ledger
     * if its owner changed, writes the {@link MergeLogEntry} and publishes {@code CustomersMerged} (then {@code
     * CustomerOwnerChanged} if the owner changed) after commit. If anything fails, nothing is changed and no
     * event is published.
     *
     * <p>Cost: O(rows moved) reads and writes in one transaction; a customer with very many rows makes a long
     * transaction.
     *
     * @param plan a plan from {@link #planMerge} of this tenant
     * @return the merge's id and the stored survivor
     * @throws dev.guanxi.crm.ValidationException on {@code plan} if missing, or on a field if the merged values
     *     no longer pass the checks of an update (a code deactivated since)
     * @throws dev.guanxi.crm.TenantMismatchException if the plan was made in another tenant
     * @throws dev.guanxi.crm.StaleVersionException if either customer or a planned row changed since planning, or
     *     the loser has a row the plan does not list (plan again)
     * @throws dev.guanxi.crm.customer.NoSuchCustomerException if either customer was deleted or merged since
     * @throws MergeConflictException if a conflict arose since planning
     * @throws IllegalArgumentException if the plan's customers are not the stored ones at the same versions
     * @throws UnsupportedOperationException if the store keeps no merge log
     */
    MergeResult merge(MergePlan plan);

    /**
     * Undoes a merge in one unit of work, all or nothing: stores the survivor's values from before the merge
     * (one version on), stores the loser again exactly as it was, gives every moved row back exactly as it was
     * before the merge (version included), removes the tombstone, appends a line to the survivor's ownership ledger if its owner
     * changes back, marks the log entry undone and publishes {@code CustomerMergeUndone} after commit.
     *
     * <p>Refused, changing nothing, if that cannot be done without losing a change made since the merge: the
     * survivor changed (updated, merged again, deleted — so merges into one survivor are undone newest first),
     * or a moved row changed or moved on.
     *
     * @param mergeId the merge
     * @return the log entry, now undone
     * @throws dev.guanxi.crm.ValidationException on {@code mergeId} if missing
     * @throws dev.guanxi.crm.NotFoundException (entity {@code "Merge"}) if this tenant has no such merge
     * @throws MergeNotUndoableException if the merge was undone already or something changed since
     * @throws UnsupportedOperationException if the store keeps no merge log
     */
    MergeLogEntry undoMerge(MergeId mergeId);

    /**
     * Lists the merges a customer took part in, as survivor or loser, undone ones included.
     *
     * @param customerId a customer (or a tombstone's id)
     * @return the log entries, oldest first (by merge instant, then id); empty if none
     * @throws dev.guanxi.crm.ValidationException on {@code customerId} if missing
     * @throws UnsupportedOperationException if the store keeps no merge log
     */
    List<MergeLogEntry> merges(CustomerId customerId);
}
