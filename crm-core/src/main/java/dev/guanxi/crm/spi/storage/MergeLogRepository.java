package dev.guanxi.crm.spi.storage;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.stewardship.CustomerTombstone;
import dev.guanxi.crm.stewardship.MergeId;
import dev.guanxi.crm.stewardship.MergeLogEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The tenant's merge log ({@link MergeLogEntry}, one per merge of two customers, kept exactly as given and never
 * deleted) and the tombstones of merged customers ({@link CustomerTombstone}, one per merged customer id).
 * Scoped to the unit of work's tenant like every repository.
 *
 * <p>The store keeps what it is given: that a tombstone's customer is absent from the customers and its target
 * present, and that a registration does not take a tombstone's external id, are the SDK's invariants (it writes
 * the tombstone, the log entry and the customers in one unit of work, and checks {@link
 * #findTombstoneByExternalId} before storing a customer's external id).
 *
 * <p>Belongs to one {@link UnitOfWork} and is called only on the thread running its work; implementations need
 * not be thread-safe (see {@link AggregateRepository}).
 *
 * @since 0.1.0
 */
@Beta
public interface MergeLogRepository {
    /**
     * Stores a new log entry, as given ({@link MergeLogEntry#undoneAt()} included).
     *
     * @param entry the entry
     * @throws DuplicateKeyException on {@code id} if the tenant has an entry with that id
     */
    void insert(MergeLogEntry entry);

    /**
     * @param id a merge's id
     * @return the entry, equal to the one stored apart from {@link #markUndone}, or empty
     */
    Optional<MergeLogEntry> find(MergeId id);

    /**
     * Lists the merges a customer took part in, as survivor or as loser.
     *
     * @param customerId a customer
     * @return the entries, by {@link MergeLogEntry#mergedAt()}, then by the id's text form; empty if none
     */
    List<MergeLogEntry> listByCustomer(CustomerId customerId);

    /**
     * Marks a merge undone, if it is not already: the check and the write are one atomic step, so of two units
     * of work undoing the same merge at most one succeeds.
     *
     * @param id the merge
     * @param undoneAt when
     * @return {@code true} if the entry was marked; {@code false} if there is no such entry or it was undone
     *     already
     */
    boolean markUndone(MergeId id, Instant undoneAt);

    /**
     * Stores a tombstone, replacing the one of the same customer if there is one.
     *
     * @param tombstone the tombstone
     */
    void putTombstone(CustomerTombstone tombstone);

    /**
     * Removes a customer's tombstone.
     *
     * @param customerId the merged customer
     * @return whether there was one
     */
    boolean removeTombstone(CustomerId customerId);

    /**
     * @param customerId a customer id
     * @return its tombstone, or empty if that id was never merged into another (or the merge was undone)
     */
    Optional<CustomerTombstone> findTombstone(CustomerId customerId);

    /**
     * Finds the tombstone that holds an external id.
     *
     * @param externalId an external id (exact, case-sensitive match)
     * @return the tombstone, or empty; if several hold it (possible only when a registration raced a merge), the
     *     newest by {@link CustomerTombstone#mergedAt()}, then the first by the customer id's text form
     */
    Optional<CustomerTombstone> findTombstoneByExternalId(String externalId);
}
