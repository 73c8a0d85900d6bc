package dev.guanxi.crm.internal;

import dev.guanxi.crm.AccessDeniedException;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.access.AccessDecision;
import dev.guanxi.crm.access.AccessPolicy;
import dev.guanxi.crm.access.AccessRequest;
import dev.guanxi.crm.access.Operation;
import dev.guanxi.crm.access.Principal;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.CustomerQuery;
import dev.guanxi.crm.customer.CustomerShare;
import dev.guanxi.crm.customer.ShareAccess;
import dev.guanxi.crm.internal.audit.Subject;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The access policy applied to one unit of work for one principal: asks the policy, with each customer's owner
 * and the principal's share of it, and remembers the answers for the unit of work. Owners are read from the
 * store's own unit of work (never through the filter) once per customer, and follow the customer's writes in
 * this unit of work; the principal's shares are read once.
 *
 * <p>Confined to the thread running the unit of work; not thread-safe.
 */
final class AccessGuard {
    /** A customer that does not exist (or is not this tenant's): no owner, and nothing to be shared. */
    private static final Optional<StaffId> MISSING = Optional.empty();

    private final AccessPolicy policy;
    private final Principal principal;
    private final UnitOfWork raw;
    private final boolean readsEverything;
    private final boolean writesEverything;
    private final Map<CustomerId, Optional<StaffId>> owners = new HashMap<>();
    private final Map<Key, AccessDecision> decisions = new HashMap<>();
    private Map<CustomerId, ShareAccess> shares;
    private boolean ownersComplete;

    AccessGuard(AccessPolicy policy, Principal principal, UnitOfWork raw) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.principal = Objects.requireNonNull(principal, "principal");
        this.raw = raw;
        this.readsEverything = policy.readsEverything(principal);
        this.writesEverything = policy.writesEverything(principal);
    }

    /** @return whether reads need no filtering */
    boolean readsEverything() {
        return readsEverything;
    }

    /** @return the principal */
    Principal principal() {
        return principal;
    }

    /**
     * @param entity a record read from the store (a customer, a record of a customer, or a tenant-wide record)
     * @return whether the principal may see it
     */
    boolean canRead(Object entity) {
        if (readsEverything || entity == null) {
            return true;
        }
        if (entity instanceof Customer c) {
            owners.put(c.id(), Optional.ofNullable(c.owner()));
            return decide(Operation.READ, "Customer", c.id()).permitted();
        }
        CustomerId customer = Subject.customerOf(entity);
        return decide(Operation.READ, entity.getClass().getSimpleName(), customer)
                .permitted();
    }

    /**
     * @param customer a customer's id
     * @return whether the principal may see the customer and its records
     */
    boolean canReadCustomer(CustomerId customer) {
        return readsEverything || decide(Operation.READ, "Customer", customer).permitted();
    }

    /**
     * Requires that a write is permitted on the record as it was and as it will be.
     *
     * @param operation {@link Operation#WRITE} or {@link Operation#SHARE}
     * @param subject the record's kind and id
     * @param before the record before, or {@code null} if it is new
     * @param after the record after, or {@code null} if it is removed
     * @throws AccessDeniedException if either is denied
     */
    void checkWrite(Operation operation, Subject subject, Object before, Object after) {
        if (writesEverything) {
            learn(after);
            return;
        }
        if (before != null) {
            learn(before);
            require(operation, subject, before);
        }
        if (after != null) {
            learn(after);
            require(operation, subject, after);
        }
    }

    /**
     * Requires that the principal may do something with a record of a customer, or with a tenant-wide record: a
     * write that is not checked record by record, or the customer an event concerns.
     *
     * @param operation what is done
     * @param entityKind the kind of record
     * @param customer its customer, or {@code null} for a tenant-wide record
     * @param entityId its id as text, for the message, or {@code null}
     * @throws AccessDeniedException if denied
     */
    void check(Operation operation, String entityKind, CustomerId customer, String entityId) {
        if (writesEverything && operation != Operation.READ) {
            return;
        }
        AccessDecision decision = decide(operation, entityKind, customer);
        if (!decision.permitted()) {
            throw denied(operation, entityKind, entityId, decision);
        }
    }

    /**
     * Reads what a scan's visitor will need before the scan starts (a visitor must not use the unit of work): the
     * principal's shares and every customer's owner. O(customers of the tenant), once per unit of work.
     */
    void prepareForScan() {
        if (readsEverything || ownersComplete) {
            return;
        }
        shares();
        PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<Customer> p = raw.customers().query(CustomerQuery.all(), page);
            for (Customer c : p.items()) {
                owners.putIfAbsent(c.id(), Optional.ofNullable(c.owner()));
            }
            if (!p.hasMore()) {
                break;
            }
            page = page.next();
        }
        ownersComplete = true;
    }

    private void require(Operation operation, Subject subject, Object record) {
        CustomerId customer = record instanceof Customer c ? c.id() : Subject.customerOf(record);
        AccessDecision decision = decide(operation, subject.kind(), customer);
        if (!decision.permitted()) {
            throw denied(operation, subject.kind(), subject.id(), decision);
        }
    }

    /** Keeps a customer's owner as this unit of work writes it, so later decisions see the new owner. */
    private void learn(Object record) {
        if (record instanceof Customer c) {
            owners.put(c.id(), Optional.ofNullable(c.owner()));
        }
    }

    private AccessDeniedException denied(Operation operation, String kind, String id, AccessDecision decision) {
        return new AccessDeniedException(principal.user(), operation.name(), kind, id, decision.reason());
    }

    private AccessDecision decide(Operation operation, String entityKind, CustomerId customer) {
        if (customer == null) {
            return decisions.computeIfAbsent(
                    new Key(operation, entityKind, null, null),
                    k -> policy.decide(new AccessRequest(principal, operation, entityKind, null, null, null)));
        }
        StaffId owner = owner(customer);
        Key key = new Key(operation, entityKind, customer, owner);
        AccessDecision known = decisions.get(key);
        if (known == null) {
            known = policy.decide(
                    new AccessRequest(principal, operation, entityKind, customer, owner, shares().get(customer)));
            decisions.put(key, known);
        }
        return known;
    }

    private StaffId owner(CustomerId customer) {
        Optional<StaffId> owner = owners.get(customer);
        if (owner == null) {
            owner = ownersComplete
                    ? MISSING
                    : raw.customers().find(customer).map(Customer::owner).or(() -> MISSING);
            owners.put(customer, owner);
        }
        return owner.orElse(null);
    }

    private Map<CustomerId, ShareAccess> shares() {
        if (shares == null) {
            shares = new HashMap<>();
            try {
                PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
                while (true) {
                    Page<CustomerShare> p = raw.ownership().sharedWith(principal.user(), page);
                    for (CustomerShare s : p.items()) {
                        shares.put(s.customerId(), s.access());
                    }
                    if (!p.hasMore()) {
                        break;
                    }
                    page = page.next();
                }
            } catch (UnsupportedOperationException e) {
                // a store without ownership ledgers has no shares
            }
        }
        return shares;
    }

    /** Forgets the principal's shares, after this unit of work changed them. */
    void sharesChanged() {
        shares = null;
        decisions.keySet().removeIf(k -> k.customer() != null);
    }

    /** One decision: by operation, kind and customer (and the owner it was made for; none for tenant-wide ones). */
    private record Key(Operation operation, String kind, CustomerId customer, StaffId owner) {}
}
