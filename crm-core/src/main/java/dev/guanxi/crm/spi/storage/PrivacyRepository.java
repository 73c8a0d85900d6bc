package dev.guanxi.crm.spi.storage;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.privacy.Erasure;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The store's part of personal-data erasure: the tenant's salt and suppression list, the erasure records, and
 * the scrubbing of the logs only the store can reach. The aggregates themselves are erased through their
 * repositories by the SDK.
 *
 * <p>Belongs to one {@link UnitOfWork} and is called only on the thread running its work; implementations need
 * not be thread-safe. Every method reads and writes the unit of work's tenant only.
 *
 * @since 0.1.0
 */
public interface PrivacyRepository {
    /** @return the tenant's suppression salt, or empty if none was created yet */
    Optional<byte[]> salt();

    /**
     * Stores the tenant's suppression salt, once.
     *
     * @param salt the salt (16 to 64 bytes)
     * @throws dev.guanxi.crm.DuplicateKeyException if the tenant has a salt already (another transaction won
     *     the race; read it with {@link #salt()})
     */
    void createSalt(byte[] salt);

    /**
     * Adds hashes to the suppression list; hashes already on it are ignored.
     *
     * @param hashes lower-case hex SHA-256 hashes
     * @return how many were new
     */
    int suppress(Collection<String> hashes);

    /**
     * @param hashes hashes to look up
     * @return those of {@code hashes} that are on the suppression list
     */
    Set<String> suppressed(Collection<String> hashes);

    /**
     * Removes hashes from the suppression list (a data steward's audited override re-creates a suppressed
     * person); hashes not on it are ignored. The default throws: a store that supports the override implements
     * it.
     *
     * @param hashes lower-case hex SHA-256 hashes
     * @return how many were removed
     * @throws UnsupportedOperationException if the store cannot remove hashes
     * @since 0.1.0
     */
    default int unsuppress(Collection<String> hashes) {
        throw new UnsupportedOperationException("this store cannot remove hashes from the suppression list");
    }

    /**
     * Records an erasure.
     *
     * @param erasure the erasure
     * @throws dev.guanxi.crm.DuplicateKeyException if the customer's erasure is recorded already
     */
    void recordErasure(Erasure erasure);

    /**
     * @param customerId a customer
     * @return its erasure record, or empty
     */
    Optional<Erasure> erasure(CustomerId customerId);

    /**
     * Scrubs the free text the store keeps about one customer outside its aggregates: points ledger reasons,
     * ownership and share reasons, lifecycle transition reasons and churn notes, and the store's other logs where
     * it keeps them (audit values, import staging); each text is replaced by {@code marker}. The merges the
     * customer took part in are deleted from the merge log (the entries hold both customers' full prior state;
     * such a merge can no longer be undone) and the tombstones pointing to it or standing for it lose their
     * external id. Delivered outbox events that mention the customer are deleted; pending ones are kept (the SDK
     * delivers them first). Counts, amounts, stages and instants are kept. Campaign target reasons and score
     * snapshot reasons are erased by the SDK through their repositories.
     *
     * @param customerId the customer
     * @param marker the replacement text
     * @return how many rows were changed or deleted, by source; sources with none are left out
     */
    Map<String, Integer> scrubLogs(CustomerId customerId, String marker);
}
