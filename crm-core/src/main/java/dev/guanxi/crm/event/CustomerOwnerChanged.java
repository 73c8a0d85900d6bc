package dev.guanxi.crm.event;

import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.customer.CustomerId;
import java.util.Objects;

/**
 * A customer got another owner (客户移交), or its first one at registration. Published after the {@link
 * CustomerRegistered} or {@link CustomerUpdated} of the same write; a host keeps an ownership ledger from
 * these.
 *
 * <p>Immutable and thread-safe.
 *
 * @param metadata the event's id, tenant and time
 * @param customerId the customer whose owner changed, not null
 * @param previousOwner the owner before, or {@code null} if it had none (or was just registered)
 * @param newOwner the owner now, or {@code null} if it has none any more
 */
public record CustomerOwnerChanged(
        EventMetadata metadata, CustomerId customerId, StaffId previousOwner, StaffId newOwner)
        implements CustomerEvent {
    /**
     * Rejects nulls where not allowed and an owner "change" to the same owner.
     *
     * @param metadata the event's id, tenant and time
     * @param customerId the customer whose owner changed, not null
     * @param previousOwner the owner before, or {@code null} if it had none (or was just registered)
     * @param newOwner the owner now, or {@code null} if it has none any more
     */
    public CustomerOwnerChanged {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(customerId, "customerId");
        if (Objects.equals(previousOwner, newOwner)) {
            throw new IllegalArgumentException("the owner did not change: " + newOwner);
        }
    }
}
