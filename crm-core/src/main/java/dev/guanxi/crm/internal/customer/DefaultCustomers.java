package dev.guanxi.crm.internal.customer;

import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.Consent;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.CustomerQuery;
import dev.guanxi.crm.customer.CustomerShare;
import dev.guanxi.crm.customer.Customers;
import dev.guanxi.crm.customer.HandoverReport;
import dev.guanxi.crm.customer.NoSuchCustomerException;
import dev.guanxi.crm.customer.OwnershipRecord;
import dev.guanxi.crm.customer.ShareAccess;
import dev.guanxi.crm.event.CustomerConsentRecorded;
import dev.guanxi.crm.event.CustomerDeleted;
import dev.guanxi.crm.event.CustomerOwnerChanged;
import dev.guanxi.crm.event.CustomerRegistered;
import dev.guanxi.crm.event.CustomerUpdated;
import dev.guanxi.crm.internal.Aggregates;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.internal.CrmContext;
import dev.guanxi.crm.internal.MergeTrail;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.Opportunity;
import dev.guanxi.crm.service.ServiceCase;
import dev.guanxi.crm.spi.storage.OwnershipRepository;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Default {@link Customers}: validates, writes through the tenant's unit of work, publishes events. Thread-safe. */
public final class DefaultCustomers implements Customers {
    private static final String ENTITY = "Customer";
    static final String REGISTERED = "registered";
    static final String OWNER_CHANGED = "owner changed";

    private final CrmContext context;
    private final TenantId tenant;

    /**
     * @param context the CRM's configuration and storage
     * @param tenant the tenant this API works in
     */
    public DefaultCustomers(CrmContext context, TenantId tenant) {
        this.context = context;
        this.tenant = tenant;
    }

    @Override
    public Customer register(CustomerDraft draft) {
        Check.required("draft", draft);
        return context.write(tenant, scope -> register(scope, draft));
    }

    /**
     * Registers a customer inside a write: checks the draft, inserts the customer, opens its ownership and
     * publishes the events, exactly as {@link #register(CustomerDraft)} does.
     *
     * @param scope the write
     * @param draft the customer to create
     * @return the customer
     */
    public Customer register(CrmContext.WriteScope scope, CustomerDraft draft) {
        CustomerRules.check(draft, null, scope.uow().referenceCodes(), context.customFields(), scope.clock());
        MergeTrail.requireFree(scope.uow(), draft.externalId(), null);
        Customer customer = Customer.create(CustomerId.random(), draft, scope.now());
        scope.uow().customers().insert(customer);
        OwnershipRepository ledger = ledgerOrNull(scope.uow());
        if (ledger != null) {
            ledger.appendOwnership(
                    OwnershipRecord.open(customer.id(), customer.owner(), scope.now(), REGISTERED, null));
        }
        scope.publish(new CustomerRegistered(scope.metadata(), customer));
        publishDetails(scope, null, customer);
        return customer;
    }

    @Override
    public Optional<Customer> find(CustomerId id) {
        Check.required("id", id);
        return context.read(tenant, uow -> uow.customers().find(id).or(() -> MergeTrail.resolve(uow, id)));
    }

    @Override
    public Optional<Customer> findByExternalId(String externalId) {
        Check.text("externalId", externalId, Customer.EXTERNAL_ID_MAX);
        return context.read(
                tenant,
                uow -> uow.customers().findByExternalId(externalId).or(() -> MergeTrail.byExternalId(uow, externalId)));
    }

    @Override
    public Customer update(CustomerId id, long expectedVersion, UnaryOperator<CustomerDraft.Builder> change) {
        Check.required("id", id);
        Objects.requireNonNull(change, "change");
        // The change is host code: run it once, outside the transaction (a store may retry its work).
        // Not find(id): a write names the customer itself, never a merged customer's tombstone.
        Customer read = context.read(tenant, uow -> uow.customers().find(id))
                .orElseThrow(() -> new NoSuchCustomerException(id));
        if (read.version() != expectedVersion) {
            throw new StaleVersionException(ENTITY, id, expectedVersion);
        }
        CustomerDraft.Builder builder = change.apply(read.toDraft());
        if (builder == null) {
            throw new IllegalArgumentException("the change function returned null instead of a builder");
        }
        CustomerDraft draft = builder.build();
        return context.write(tenant, scope -> {
            Customer current = Aggregates.currentCustomer(scope.uow(), id, expectedVersion);
            if (draft.equals(current.draft())) {
                return current;
            }
            CustomerRules.check(draft, current, scope.uow().referenceCodes(), context.customFields(), scope.clock());
            if (!Objects.equals(draft.externalId(), current.externalId())) {
                MergeTrail.requireFree(scope.uow(), draft.externalId(), id);
            }
            Customer updated = current.revise(draft, scope.now());
            Aggregates.writeCustomer(id, () -> scope.uow().customers().update(expectedVersion, updated));
            OwnershipRepository ledger = ledgerOrNull(scope.uow());
            if (ledger != null && !Objects.equals(current.owner(), updated.owner())) {
                ledger.appendOwnership(OwnershipRecord.open(id, updated.owner(), scope.now(), OWNER_CHANGED, null));
            }
            scope.publish(new CustomerUpdated(scope.metadata(), current, updated));
            publishDetails(scope, current, updated);
            return updated;
        });
    }

    @Override
    public void delete(CustomerId id, long expectedVersion) {
        Check.required("id", id);
        context.write(tenant, scope -> {
            Customer current = Aggregates.currentCustomer(scope.uow(), id, expectedVersion);
            Aggregates.writeCustomer(id, () -> scope.uow().customers().delete(id, expectedVersion));
            OwnershipRepository ledger = ledgerOrNull(scope.uow());
            if (ledger != null) {
                // Shares end with the customer; its ledger is kept (knowledge stays with the company).
                for (CustomerShare share : ledger.sharesOf(id)) {
                    ledger.removeShare(id, share.staff());
                }
            }
            scope.publish(new CustomerDeleted(scope.metadata(), id, current.version()));
            return null;
        });
    }

    @Override
    public Page<Customer> query(CustomerQuery query, PageRequest page) {
        Check.required("query", query);
        Check.required("page", page);
        return context.read(tenant, uow -> uow.customers().query(query, page));
    }

    @Override
    public long count(CustomerQuery query) {
        Check.required("query", query);
        return context.read(tenant, uow -> uow.customers().count(query));
    }

    @Override
    public List<OwnershipRecord> ownershipHistory(CustomerId id) {
        Check.required("id", id);
        return context.read(tenant, uow -> uow.ownership().ownershipHistory(id));
    }

    @Override
    public CustomerShare share(CustomerId id, StaffId staff, ShareAccess access, String reason) {
        Check.required("id", id);
        Check.required("staff", staff);
        Check.required("access", access);
        Check.text("reason", reason, Check.LINE_MAX);
        return context.write(tenant, scope -> {
            OwnershipRepository ledger = scope.uow().ownership();
            Customer customer = scope.uow().customers().find(id).orElseThrow(() -> new NoSuchCustomerException(id));
            if (staff.equals(customer.owner())) {
                throw Check.fail("staff", ValidationRule.INVALID_STATE, "the customer is owned by " + staff);
            }
            CustomerShare share = new CustomerShare(id, staff, access, scope.now(), reason);
            ledger.putShare(share);
            return share;
        });
    }

    @Override
    public boolean revokeShare(CustomerId id, StaffId staff) {
        Check.required("id", id);
        Check.required("staff", staff);
        return context.write(tenant, scope -> scope.uow().ownership().removeShare(id, staff));
    }

    @Override
    public List<CustomerShare> shares(CustomerId id) {
        Check.required("id", id);
        return context.read(tenant, uow -> uow.ownership().sharesOf(id));
    }

    @Override
    public Page<CustomerShare> sharedWith(StaffId staff, PageRequest page) {
        Check.required("staff", staff);
        Check.required("page", page);
        return context.read(tenant, uow -> uow.ownership().sharedWith(staff, page));
    }

    @Override
    public HandoverReport handOver(StaffId from, StaffId to, String reason) {
        Check.required("from", from);
        Check.required("to", to);
        Check.text("reason", reason, Check.LINE_MAX);
        if (from.equals(to)) {
            throw Check.fail("to", ValidationRule.INVALID_STATE, "a handover needs another owner than " + from);
        }
        return context.write(tenant, scope -> {
            UnitOfWork uow = scope.uow();
            OwnershipRepository ledger = uow.ownership();
            // Collect first: moving a customer takes it out of the owner's pages.
            List<Customer> book = new ArrayList<>();
            PageRequest request = PageRequest.first(PageRequest.MAX_LIMIT);
            while (true) {
                Page<Customer> page = uow.customers().query(CustomerQuery.all().withOwner(from), request);
                book.addAll(page.items());
                if (!page.hasMore()) {
                    break;
                }
                request = request.next();
            }
            List<CustomerId> moved = new ArrayList<>(book.size());
            int openOpportunities = 0;
            int casesReassigned = 0;
            for (Customer current : book) {
                Customer updated = current.revise(current.toDraft().owner(to).build(), scope.now());
                // The version read in this unit of work: a concurrent change fails the whole handover here.
                uow.customers().update(current.version(), updated);
                ledger.appendOwnership(OwnershipRecord.open(current.id(), to, scope.now(), reason, null));
                ledger.removeShare(current.id(), to);
                openOpportunities += countOpenOpportunities(uow, current.id());
                casesReassigned += reassignCases(uow, current.id(), from, to, scope);
                scope.publish(new CustomerUpdated(scope.metadata(), current, updated));
                scope.publish(new CustomerOwnerChanged(scope.metadata(), current.id(), from, to));
                moved.add(current.id());
            }
            return new HandoverReport(from, to, reason, scope.now(), moved, openOpportunities, casesReassigned);
        });
    }

    private static int countOpenOpportunities(UnitOfWork uow, CustomerId customer) {
        int open = 0;
        PageRequest request = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<Opportunity> page = uow.opportunities().listByCustomer(customer, request);
            for (Opportunity o : page.items()) {
                if (o.isOpen()) {
                    open++;
                }
            }
            if (!page.hasMore()) {
                return open;
            }
            request = request.next();
        }
    }

    private static int reassignCases(
            UnitOfWork uow, CustomerId customer, StaffId from, StaffId to, CrmContext.WriteScope scope) {
        List<ServiceCase> mine = new ArrayList<>();
        PageRequest request = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<ServiceCase> page = uow.serviceCases().listByCustomer(customer, request);
            for (ServiceCase c : page.items()) {
                if (c.isActive() && from.equals(c.assignee())) {
                    mine.add(c);
                }
            }
            if (!page.hasMore()) {
                break;
            }
            request = request.next();
        }
        for (ServiceCase c : mine) {
            uow.serviceCases().update(c.version(), c.assign(to, scope.now()));
        }
        return mine.size();
    }

    /** The store's ownership ledgers, or null if it predates them (then writes keep no ledger). */
    private static OwnershipRepository ledgerOrNull(UnitOfWork uow) {
        try {
            return uow.ownership();
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    /** Publishes the owner change and the consent decisions added by a write, after its main event. */
    private static void publishDetails(CrmContext.WriteScope scope, Customer before, Customer after) {
        if (!Objects.equals(before == null ? null : before.owner(), after.owner())) {
            scope.publish(new CustomerOwnerChanged(
                    scope.metadata(), after.id(), before == null ? null : before.owner(), after.owner()));
        }
        List<Consent> old = new ArrayList<>(
                before == null ? List.of() : before.preferences().consents());
        for (Consent consent : after.preferences().consents()) {
            if (!old.remove(consent)) {
                scope.publish(new CustomerConsentRecorded(scope.metadata(), after.id(), consent));
            }
        }
    }
}
