package dev.guanxi.crm.spi.storage;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.CustomerShare;
import dev.guanxi.crm.customer.OwnershipRecord;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import java.util.List;

/**
 * The customers' ownership ledgers ({@link OwnershipRecord}, append-only apart from closing the current line)
 * and their {@linkplain CustomerShare shares} with colleagues. Scoped to the unit of work's tenant like every
 * repository.
 *
 * <p>The store keeps what it is given: that a ledger's current owner is the customer's owner is the caller's
 * invariant (the SDK changes a customer and appends to its ledger in one unit of work, and the customer's
 * version check keeps two such units apart). The store keeps each ledger in the order its lines were appended,
 * which is not necessarily the order of their {@code from} instants when a clock stands still.
 *
 * <p>Belongs to one {@link UnitOfWork} and is called only on the thread running its work; implementations
 * need not be thread-safe (see {@link AggregateRepository}).
 *
 * @since 0.1.0
 */
@Beta
public interface OwnershipRepository {
    /**
     * Appends a line to a customer's ledger: ends the customer's current line (if any) at {@code
     * record.from()} and stores {@code record} as the new current one.
     *
     * @param record the new current line
     * @throws IllegalArgumentException if {@code record} is not current ({@code to != null})
     */
    void appendOwnership(OwnershipRecord record);

    /**
     * @param customerId a customer
     * @return the customer's ledger in the order it was appended (oldest first), empty if it has none
     */
    List<OwnershipRecord> ownershipHistory(CustomerId customerId);

    /**
     * Stores a share, replacing the share of the same customer with the same member of staff if there is one.
     *
     * @param share the share
     */
    void putShare(CustomerShare share);

    /**
     * Removes a share.
     *
     * @param customerId the customer
     * @param staff the member of staff
     * @return whether there was such a share
     */
    boolean removeShare(CustomerId customerId, StaffId staff);

    /**
     * @param customerId a customer
     * @return the customer's shares, by staff id ({@link String} order)
     */
    List<CustomerShare> sharesOf(CustomerId customerId);

    /**
     * Lists the customers shared with a member of staff.
     *
     * @param staff the member of staff
     * @param page which slice
     * @return the shares, by customer id in the order of the id's text form
     */
    Page<CustomerShare> sharedWith(StaffId staff, PageRequest page);

    /**
     * Appends lines to many customers' ledgers at once, as {@link #appendOwnership} would one by one, in list
     * order: the bulk path of imports. A store should batch the writes; the default appends one by one. A failed
     * call may have written part of the lines: the caller's unit of work must then roll back.
     *
     * @param records the new current lines, in order
     * @throws IllegalArgumentException if a record is not current
     * @since 0.1.0
     */
    default void appendOwnershipAll(java.util.List<OwnershipRecord> records) {
        for (OwnershipRecord record : records) {
            appendOwnership(record);
        }
    }
}
