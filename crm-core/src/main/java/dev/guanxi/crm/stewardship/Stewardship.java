package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.customer.CustomerDraft;
import java.util.List;

/**
 * Data stewardship of one tenant: finding duplicate customers. Obtained from {@link
 * dev.guanxi.crm.TenantCrm#stewardship()} (the {@linkplain DuplicateDetector#defaults() default detector}) or
 * {@link dev.guanxi.crm.TenantCrm#stewardship(DuplicateDetector)}.
 *
 * <p>Both entry points read the tenant in one read-only unit of work, streaming the customers through the
 * storage's scan; they change nothing. Thread-safe.
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
}
