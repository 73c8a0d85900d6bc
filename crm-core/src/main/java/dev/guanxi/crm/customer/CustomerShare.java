package dev.guanxi.crm.customer;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.internal.Check;
import java.time.Instant;
import java.util.Objects;

/**
 * A customer shared with a colleague of its owner (客户共享): the colleague may read, or also change, the
 * customer while the share lasts. A customer has at most one share per member of staff; sharing again
 * replaces it. See {@link Customers#share}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId the customer shared, not null
 * @param staff the colleague it is shared with
 * @param access what the colleague may do
 * @param since when it was shared (or last re-shared)
 * @param reason why, one line of at most 500 characters
 * @since 0.1.0
 */
@Beta
public record CustomerShare(CustomerId customerId, StaffId staff, ShareAccess access, Instant since, String reason) {
    /**
     * Validates the components.
     *
     * @param customerId the customer shared, not null
     * @param staff the colleague it is shared with
     * @param access what the colleague may do
     * @param since when it was shared (or last re-shared)
     * @param reason why, one line of at most 500 characters
     * @throws NullPointerException if {@code customerId} or {@code since} is null
     * @throws dev.guanxi.crm.ValidationException on {@code staff} or {@code access} if missing; on {@code reason}
     *     if it is missing, blank, too long or not one line
     */
    public CustomerShare {
        Objects.requireNonNull(customerId, "customerId");
        Check.required("staff", staff);
        Check.required("access", access);
        Objects.requireNonNull(since, "since");
        Check.text("reason", reason, Check.LINE_MAX);
    }
}
