package dev.guanxi.crm.customer;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The customer archive of one tenant: register, change, find, list and delete customers. Obtained from
 * {@code crm.tenant(id).customers()}; every call reads and writes only that tenant's customers, and an id of
 * another tenant's customer behaves like an unknown id.
 *
 * <h2>What a write checks</h2>
 *
 * Before anything is stored, a write checks the draft (see {@link CustomerDraft}) and then, against the
 * tenant and the CRM's clock:
 *
 * <ul>
 *   <li>reference codes ({@code customerType}, {@code status}, {@code region}, {@code industry}) are defined
 *       and active in the tenant's {@link ReferenceCodes code tables}; otherwise {@link
 *       ValidationRule#UNKNOWN_CODE} on that field. A code a customer already has and keeps unchanged is
 *       accepted even if it was deactivated since, so existing customers stay editable;
 *   <li>custom fields are defined on the CRM ({@link ValidationRule#UNKNOWN_FIELD}), have the defined type
 *       ({@link ValidationRule#WRONG_TYPE}) and keep the definitions' constraints; required fields are set
 *       ({@link ValidationRule#REQUIRED}); the path is {@code customFields.<namespace.name>};
 *   <li>birthdays and founding days are not in the future, other important dates at most 100 years ahead
 *       ({@link ValidationRule#FUTURE} on {@code importantDates[i].date});
 *   <li>consent decisions are not in the future ({@code preferences.consents[i].at});
 *   <li>the external id is not used by another customer of the tenant, nor kept by the tombstone of a customer
 *       merged into another ({@link DuplicateKeyException}, field {@code externalId}, rule {@link
 *       ValidationRule#DUPLICATE}, naming the customer that holds it or was merged into).
 * </ul>
 *
 * A failed check throws {@link ValidationException} naming the field and the rule (carrying every violation
 * found), nothing is stored and no event is published.
 *
 * <h2>Events</h2>
 *
 * After a successful write commits, listeners receive {@code CustomerRegistered}, {@code CustomerUpdated} or
 * {@code CustomerDeleted}, followed by {@code CustomerOwnerChanged} when the owner changed and one {@code
 * CustomerConsentRecorded} per consent decision added (all in {@code dev.guanxi.crm.event}).
 *
 * <h2>Ownership (客户共享和移交)</h2>
 *
 * Knowledge of a customer must not leave with a salesperson. Every owner a customer has is kept in its {@link
 * #ownershipHistory ownership ledger} ({@link OwnershipRecord}: owner, from, to, reason), written in the same
 * unit of work as the change: at {@link #register registration} (reason {@code "registered"}), when {@link
 * #update update} changes the owner (reason {@code "owner changed"}) and by a {@link #handOver handover} (the
 * reason given). A customer can be {@link #share shared} with colleagues, and all customers of one member of
 * staff can be handed over to another in one atomic {@link #handOver handover}. With a store that does not keep
 * ownership ledgers ({@link dev.guanxi.crm.spi.storage.UnitOfWork#ownership()} left at its default), writes keep
 * no ledger and the ownership methods throw {@link UnsupportedOperationException}.
 *
 * <p>Implementations are thread-safe.
 */
public interface Customers {
    /**
     * Registers a new customer.
     *
     * @param draft what to register
     * @return the stored customer, at version 1, created and updated now by the CRM's clock
     * @throws ValidationException if the draft breaks a rule (see the class comment); nothing is stored
     * @throws DuplicateKeyException if the external id is taken; nothing is stored
     */
    Customer register(CustomerDraft draft);

    /**
     * Finds a customer. The id of a customer that was {@linkplain dev.guanxi.crm.stewardship.Stewardship#merge
     * merged} into another resolves to that other customer (following later merges): the customer returned then
     * has another {@link Customer#id() id} than the one asked for, which is how a caller tells that it was
     * redirected. Writes ({@link #update}, {@link #delete}, the other areas' APIs) do not resolve: they name the
     * customer itself.
     *
     * @param id the id
     * @return the customer, the one it was merged into, or empty if this tenant has neither
     */
    Optional<Customer> find(CustomerId id);

    /**
     * Returns a customer.
     *
     * @param id the id
     * @return the customer
     * @throws NoSuchCustomerException if this tenant has none with that id
     */
    default Customer get(CustomerId id) {
        return find(id).orElseThrow(() -> new NoSuchCustomerException(id));
    }

    /**
     * Finds a customer by its id in another system. The external id of a customer that was merged into another
     * resolves to that other customer, as {@link #find} does.
     *
     * @param externalId the external id (exact match)
     * @return the customer, the one a merged customer with that external id was merged into, or empty
     * @throws ValidationException if {@code externalId} is null, blank, too long or ill-formed
     */
    Optional<Customer> findByExternalId(String externalId);

    /**
     * Changes a customer. The change function receives a builder holding the customer's current values
     * ({@link Customer#toDraft()}) and returns the builder to store: the same one, changed (
     * {@code b -> b.region("south").tag("vip")}), or another one, to replace every value (e.g. from an ERP
     * record). The function runs once, outside the transaction; it should not have side effects.
     *
     * <p>If the result equals the current values, nothing is written, the version stays and no event is
     * published.
     *
     * @param id the customer
     * @param expectedVersion the version the caller read
     * @param change turns the current values into the new ones
     * @return the stored customer, at {@code expectedVersion + 1} (or unchanged, see above)
     * @throws NoSuchCustomerException if this tenant has no such customer
     * @throws StaleVersionException if the customer is no longer at {@code expectedVersion}; nothing is stored
     * @throws ValidationException if the new values break a rule (see the class comment); nothing is stored
     * @throws DuplicateKeyException if the new external id is taken by another customer; nothing is stored
     * @throws IllegalArgumentException if {@code change} returns {@code null}
     */
    Customer update(CustomerId id, long expectedVersion, UnaryOperator<CustomerDraft.Builder> change);

    /**
     * Deletes a customer, e.g. to honour an erasure request. Records of other areas that refer to the
     * customer (orders, interactions, cases...) are not deleted and keep its id; a host that must erase them
     * deletes them through their own APIs.
     *
     * @param id the customer
     * @param expectedVersion the version the caller read
     * @throws NoSuchCustomerException if this tenant has no such customer
     * @throws StaleVersionException if the customer is no longer at {@code expectedVersion}; nothing is deleted
     */
    void delete(CustomerId id, long expectedVersion);

    /**
     * Lists customers, one page at a time, ordered by display name ({@link String} order) then id.
     *
     * @param query the filters, combined with AND; {@link CustomerQuery#all()} for every customer
     * @param page which slice of the result
     * @return the page
     */
    Page<Customer> query(CustomerQuery query, PageRequest page);

    /**
     * Counts customers.
     *
     * @param query the filters, combined with AND; {@link CustomerQuery#all()} for every customer
     * @return how many customers of the tenant match
     */
    long count(CustomerQuery query);

    /**
     * Returns a customer's ownership ledger. The ledger outlives the customer: it is kept when the customer is
     * deleted.
     *
     * @param id the customer
     * @return its lines, oldest first (the current one, if any, last); empty for an id this tenant never had
     * @throws ValidationException if {@code id} is null
     * @throws UnsupportedOperationException if the store keeps no ownership ledgers
     * @since 0.1.0
     */
    @Beta
    List<OwnershipRecord> ownershipHistory(CustomerId id);

    /**
     * Shares a customer with a colleague, or changes the access of an existing share. The customer's version
     * does not change and no event is published.
     *
     * @param id the customer
     * @param staff the colleague
     * @param access what the colleague may do
     * @param reason why, one line
     * @return the stored share, since now
     * @throws ValidationException if an argument is missing, the reason is blank, too long or not one line, or
     *     {@code staff} is the customer's owner ({@code staff}, {@link ValidationRule#INVALID_STATE})
     * @throws NoSuchCustomerException if this tenant has no such customer
     * @throws UnsupportedOperationException if the store keeps no ownership ledgers
     * @since 0.1.0
     */
    @Beta
    CustomerShare share(CustomerId id, StaffId staff, ShareAccess access, String reason);

    /**
     * Ends a share.
     *
     * @param id the customer
     * @param staff the colleague
     * @return whether the customer was shared with {@code staff}
     * @throws ValidationException if an argument is missing
     * @throws UnsupportedOperationException if the store keeps no ownership ledgers
     * @since 0.1.0
     */
    @Beta
    boolean revokeShare(CustomerId id, StaffId staff);

    /**
     * Lists a customer's shares.
     *
     * @param id the customer
     * @return its shares by staff id ({@link String} order); empty for an unknown customer
     * @throws ValidationException if {@code id} is null
     * @throws UnsupportedOperationException if the store keeps no ownership ledgers
     * @since 0.1.0
     */
    @Beta
    List<CustomerShare> shares(CustomerId id);

    /**
     * Lists the customers shared with a member of staff.
     *
     * @param staff the member of staff
     * @param page which slice
     * @return the shares, by customer id in the order of the id's text form
     * @throws ValidationException if an argument is missing
     * @throws UnsupportedOperationException if the store keeps no ownership ledgers
     * @since 0.1.0
     */
    @Beta
    Page<CustomerShare> sharedWith(StaffId staff, PageRequest page);

    /**
     * Hands every customer owned by {@code from} over to {@code to} (e.g. when a salesperson leaves), in one
     * unit of work: each customer gets owner {@code to} (one version on) and a ledger line with the reason;
     * {@code to}'s own share of it, now pointless, is removed; and each of its active service cases assigned to
     * {@code from} is assigned to {@code to}. Opportunities have no owner of their own: they follow their
     * customer (the report counts the open ones). After commit, listeners receive {@code CustomerUpdated} and
     * {@code CustomerOwnerChanged} per customer, in the order of the report.
     *
     * <p>All or nothing: if any customer or case changes concurrently, the version check fails, the whole
     * handover rolls back and nothing is changed or published. Handing over no customers is not an error.
     *
     * <p>Cost: O(customers of {@code from} + their cases and opportunities) reads and writes, plus the store's
     * cost of finding a member of staff's customers (a scan of the tenant in the in-memory store); the unit of
     * work holds every moved customer, so a very large book should be split by the host.
     *
     * @param from the current owner
     * @param to the new owner, not {@code from}
     * @param reason why, one line (e.g. {@code "left the company"})
     * @return what was moved
     * @throws ValidationException on {@code from}, {@code to} or {@code reason} if missing, on {@code reason} if
     *     blank, too long or not one line, on {@code to} ({@link ValidationRule#INVALID_STATE}) if it is {@code
     *     from}
     * @throws StaleVersionException if a customer or case changed concurrently; nothing is changed
     * @throws UnsupportedOperationException if the store keeps no ownership ledgers
     * @since 0.1.0
     */
    @Beta
    HandoverReport handOver(StaffId from, StaffId to, String reason);
}
