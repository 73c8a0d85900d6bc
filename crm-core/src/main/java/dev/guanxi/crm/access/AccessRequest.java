package dev.guanxi.crm.access;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.ShareAccess;
import java.util.Objects;

/**
 * What an {@link AccessPolicy} decides on: who wants to do what with which record. A record either belongs to a
 * customer (the customer itself, and its interactions, orders, cases, shares, points...; {@code customerId} set,
 * with the customer's owner and the principal's share of it) or is tenant-wide (campaigns, competitors, reference
 * codes, scoring runs; {@code customerId} null). A context object, so that information can be added without
 * breaking policies.
 *
 * <p>Immutable and thread-safe.
 *
 * @param principal who asks
 * @param operation what they want to do
 * @param entityKind the kind of record, e.g. {@code Customer}, {@code Order}, {@code Campaign}
 * @param customerId the customer the record belongs to, or {@code null} for a tenant-wide record
 * @param owner the customer's owner, or {@code null} if it has none (or the record is tenant-wide, or the customer
 *     does not exist)
 * @param share the access the customer is {@linkplain dev.guanxi.crm.customer.Customers#share shared} with the
 *     principal's user with, or {@code null} if it is not shared with them
 * @since 0.1.0
 */
@Beta
public record AccessRequest(
        Principal principal,
        Operation operation,
        String entityKind,
        CustomerId customerId,
        StaffId owner,
        ShareAccess share) {
    /**
     * Validates the components.
     *
     * @param principal who asks
     * @param operation what they want to do
     * @param entityKind the kind of record, e.g. {@code Customer}, {@code Order}, {@code Campaign}
     * @param customerId the customer the record belongs to, or {@code null} for a tenant-wide record
     * @param owner the customer's owner, or {@code null} if it has none (or the record is tenant-wide, or the customer
     *     does not exist)
     * @param share the access the customer is {@linkplain dev.guanxi.crm.customer.Customers#share shared} with the
     *     principal's user with, or {@code null} if it is not shared with them
     * @throws NullPointerException if {@code principal}, {@code operation} or {@code entityKind} is null
     */
    public AccessRequest {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(entityKind, "entityKind");
    }

    /** @return whether the record is tenant-wide (belongs to no customer) */
    public boolean tenantWide() {
        return customerId == null;
    }

    /** @return whether the principal's user owns the customer */
    public boolean ownedByPrincipal() {
        return owner != null && owner.equals(principal.user());
    }
}
