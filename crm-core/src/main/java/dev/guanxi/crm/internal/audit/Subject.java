package dev.guanxi.crm.internal.audit;

import dev.guanxi.crm.Aggregate;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerId;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/**
 * What an audit record is about: an entity's kind, the text of its id and the customer it belongs to.
 *
 * @param kind e.g. {@code Customer}
 * @param id the canonical text of the id
 * @param customerId the customer, or {@code null} for a tenant-wide entity
 */
public record Subject(String kind, String id, CustomerId customerId) {
    /**
     * Where a record class keeps its customer: a {@code customerId} component, else a {@code customer} component
     * holding the customer itself (as events about a customer do), else nowhere ({@code null}).
     */
    private static final ClassValue<Method> CUSTOMER = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            if (!type.isRecord()) {
                return null;
            }
            Method customer = null;
            for (RecordComponent c : type.getRecordComponents()) {
                if (c.getName().equals("customerId") && c.getType() == CustomerId.class) {
                    return c.getAccessor();
                }
                if (c.getName().equals("customer") && c.getType() == Customer.class) {
                    customer = c.getAccessor();
                }
            }
            return customer;
        }
    };

    /**
     * @param aggregate an aggregate
     * @return its subject: kind the simple name of its class, its id's text, and its customer (itself for a
     *     customer, its id for an aggregate keyed by customer such as a points account, else its {@code
     *     customerId} component if it has one)
     */
    public static Subject of(Aggregate<?> aggregate) {
        Object id = aggregate.id();
        return new Subject(aggregate.getClass().getSimpleName(), FlatState.text(id), customerOf(aggregate));
    }

    /**
     * @param entity a record of the SDK (an entity or an event), or {@code null}
     * @return the customer it belongs to or is about, or {@code null}
     */
    public static CustomerId customerOf(Object entity) {
        if (entity == null) {
            return null;
        }
        if (entity instanceof Customer c) {
            return c.id();
        }
        if (entity instanceof Aggregate<?> a && a.id() instanceof CustomerId id) {
            return id;
        }
        Method accessor = CUSTOMER.get(entity.getClass());
        if (accessor == null) {
            return null;
        }
        try {
            Object value = accessor.invoke(entity);
            return value instanceof Customer c ? c.id() : (CustomerId) value;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "cannot read the customer of " + entity.getClass().getName(), e);
        }
    }
}
