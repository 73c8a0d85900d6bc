package dev.guanxi.crm.customer;

import dev.guanxi.crm.Aggregate;
import dev.guanxi.crm.internal.Check;
import java.time.Instant;
import java.util.Objects;

/**
 * A customer: one archive (客户档案) per person or organisation, shared by every department and channel.
 * Immutable; changes are made through {@link Customers#update}. Thread-safe.
 *
 * @param id the id
 * @param kind person or organisation
 * @param displayName the name shown in lists, in any script, 1 to 200 characters
 * @param version the version, 1 when registered
 * @param createdAt when it was registered
 * @param updatedAt when it was last changed
 */
public record Customer(
        CustomerId id, PartyKind kind, String displayName, long version, Instant createdAt, Instant updatedAt)
        implements Aggregate<CustomerId> {
    /** Validates the components. */
    public Customer {
        Objects.requireNonNull(id, "id");
        Check.required("kind", kind);
        Check.text("displayName", displayName, Check.NAME_MAX);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
