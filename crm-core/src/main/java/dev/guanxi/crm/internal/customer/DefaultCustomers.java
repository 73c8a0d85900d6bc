package dev.guanxi.crm.internal.customer;

import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.customer.Consent;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.CustomerQuery;
import dev.guanxi.crm.customer.Customers;
import dev.guanxi.crm.event.CustomerConsentRecorded;
import dev.guanxi.crm.event.CustomerDeleted;
import dev.guanxi.crm.event.CustomerOwnerChanged;
import dev.guanxi.crm.event.CustomerRegistered;
import dev.guanxi.crm.event.CustomerUpdated;
import dev.guanxi.crm.internal.Aggregates;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.internal.CrmContext;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Default {@link Customers}: validates, writes through the tenant's unit of work, publishes events. Thread-safe. */
public final class DefaultCustomers implements Customers {
    private static final String ENTITY = "Customer";

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
        return context.write(tenant, scope -> {
            CustomerRules.check(draft, null, scope.uow().referenceCodes(), context.customFields(), scope.clock());
            Customer customer = Customer.create(CustomerId.random(), draft, scope.now());
            scope.uow().customers().insert(customer);
            scope.publish(new CustomerRegistered(scope.metadata(), customer));
            publishDetails(scope, null, customer);
            return customer;
        });
    }

    @Override
    public Optional<Customer> find(CustomerId id) {
        Check.required("id", id);
        return context.read(tenant, uow -> uow.customers().find(id));
    }

    @Override
    public Optional<Customer> findByExternalId(String externalId) {
        Check.text("externalId", externalId, Customer.EXTERNAL_ID_MAX);
        return context.read(tenant, uow -> uow.customers().findByExternalId(externalId));
    }

    @Override
    public Customer update(CustomerId id, long expectedVersion, UnaryOperator<CustomerDraft.Builder> change) {
        Check.required("id", id);
        Objects.requireNonNull(change, "change");
        // The change is host code: run it once, outside the transaction (a store may retry its work).
        Customer read = get(id);
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
            Customer updated = current.revise(draft, scope.now());
            scope.uow().customers().update(expectedVersion, updated);
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
            scope.uow().customers().delete(id, expectedVersion);
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
