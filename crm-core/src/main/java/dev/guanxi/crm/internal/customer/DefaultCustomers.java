package dev.guanxi.crm.internal.customer;

import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.Customers;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.internal.CrmContext;
import java.util.Optional;

/** Default {@link Customers}. */
public final class DefaultCustomers implements Customers {
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
            Customer customer =
                    new Customer(CustomerId.random(), draft.kind(), draft.displayName(), 1, scope.now(), scope.now());
            scope.uow().customers().insert(customer);
            return customer;
        });
    }

    @Override
    public Optional<Customer> find(CustomerId id) {
        Check.required("id", id);
        return context.read(tenant, uow -> uow.customers().find(id));
    }
}
