package dev.guanxi.crm.spi.storage;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.loyalty.PointsAccount;
import dev.guanxi.crm.loyalty.PointsEntry;
import dev.guanxi.crm.loyalty.PointsEntryKind;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Members' points accounts (versioned aggregates keyed by the customer's id) and their append-only ledgers of
 * {@link PointsEntry entries}. Scoped to the unit of work's tenant like every repository.
 *
 * <p>The store keeps what it is given: that an account's balance equals the sum of its entries is the caller's
 * invariant (the SDK changes an account and inserts its entry in one unit of work, and the version check of
 * {@link #update} keeps two such units from building on the same balance). What the store must enforce is the
 * uniqueness, per tenant, of an entry's id, of its business key, and of its (customer, sequence).
 *
 * <p>Belongs to one {@link UnitOfWork} and is called only on the thread running its work; implementations
 * need not be thread-safe (see {@link AggregateRepository}).
 *
 * @since 0.1.0
 */
@Beta
public interface PointsLedgerRepository extends AggregateRepository<CustomerId, PointsAccount> {
    /**
     * Deletes an account and every entry of its ledger, if its stored version is still {@code expectedVersion}.
     *
     * @param id the member
     * @param expectedVersion the version the caller read
     * @throws dev.guanxi.crm.StaleVersionException if the stored version differs
     * @throws dev.guanxi.crm.NotFoundException if there is no such account
     */
    @Override
    void delete(CustomerId id, long expectedVersion);

    /**
     * Lists accounts in the order of the customer ids' canonical text, starting after a given one: the keyset
     * paging of tenant-wide runs, which stays correct while the run changes the accounts it visits.
     *
     * @param after the last customer id of the previous slice, or {@code null} to start at the first
     * @param expiringBy if not {@code null}, only accounts whose {@link PointsAccount#nextExpiry()} is on or before
     *     this day
     * @param limit the most accounts to return, 1 to {@link PageRequest#MAX_LIMIT}
     * @return the accounts, in order
     * @throws IllegalArgumentException if the limit is out of range
     */
    List<PointsAccount> listAccounts(CustomerId after, LocalDate expiringBy, int limit);

    /**
     * Appends an entry to a ledger, as given.
     *
     * @param entry the entry
     * @throws DuplicateKeyException on {@code businessKey} (naming the holder's {@link
     *     dev.guanxi.crm.loyalty.PointsEntryId}) if the tenant has an entry with that business key, on {@code
     *     sequence} if the customer has an entry with that sequence, on {@code id} if the id is taken
     */
    void insertEntry(PointsEntry entry);

    /**
     * @param businessKey a business key, compared exactly
     * @return the tenant's entry with that key, or empty
     */
    Optional<PointsEntry> findEntryByBusinessKey(String businessKey);

    /**
     * Lists a customer's entries by {@link PointsEntry#sequence()}, ascending.
     *
     * @param customerId the customer
     * @param page which slice
     * @return the page
     */
    Page<PointsEntry> listEntries(CustomerId customerId, PageRequest page);

    /**
     * @param customerId a customer
     * @return the sum of the points of all the customer's entries (0 if there are none)
     */
    long sumEntries(CustomerId customerId);

    /**
     * Sums the points of a customer's entries of one kind posted in a period: what tier rules count as "points
     * earned in the window".
     *
     * @param customerId the customer
     * @param kind the kind of entries
     * @param from the start of the period, included
     * @param until the end of the period, excluded
     * @return the sum (0 if there are none)
     */
    long sumEntries(CustomerId customerId, PointsEntryKind kind, Instant from, Instant until);

    /**
     * Moves a member's account and its whole ledger to another customer id: what a merge does when only the
     * losing customer is a member (and its undo, back). The account keeps every value and its version but gets
     * the id {@code to}; every entry keeps every value, sequence included, but gets the customer {@code to}. All
     * or nothing.
     *
     * @param from the member now holding the account
     * @param expectedVersion the account's version the caller read
     * @param to the customer to hold it, who has no account and no entries
     * @throws dev.guanxi.crm.StaleVersionException if the account's stored version differs
     * @throws dev.guanxi.crm.NotFoundException if {@code from} has no account
     * @throws DuplicateKeyException on {@code id} if {@code to} has an account, or on {@code sequence} if it has
     *     entries
     * @throws UnsupportedOperationException if the store cannot move accounts (the default); members of such a
     *     store cannot be merged away
     * @since 0.1.0
     */
    default void reassignCustomer(CustomerId from, long expectedVersion, CustomerId to) {
        throw new UnsupportedOperationException(getClass().getName() + " does not move points accounts");
    }
}
