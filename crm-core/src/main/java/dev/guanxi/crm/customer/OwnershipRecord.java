package dev.guanxi.crm.customer;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.internal.Check;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of a customer's ownership ledger: who was responsible for the customer from when to when, and why
 * (客户移交). The ledger starts when the customer is registered (with its first owner, or none) and gets a line
 * whenever the owner changes: by {@link Customers#update update} or by a {@link Customers#handOver handover}.
 * The current line is open ({@code to == null}); each earlier line ends where the next one starts.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId the customer whose ownership this line records, not null
 * @param owner the responsible member of staff in this period, or {@code null} if the customer had none
 * @param from when this period started
 * @param to when it ended, or {@code null} while it is the current one
 * @param reason why the owner changed, one line of at most 500
 *     characters (e.g. {@code "registered"}, {@code "left the company"})
 * @param changedBy who made the change, or {@code null} if not known
 * @since 0.1.0
 */
@Beta
public record OwnershipRecord(
        CustomerId customerId, StaffId owner, Instant from, Instant to, String reason, StaffId changedBy) {
    /**
     * Validates the components.
     *
     * @param customerId the customer whose ownership this line records, not null
     * @param owner the responsible member of staff in this period, or {@code null} if the customer had none
     * @param from when this period started
     * @param to when it ended, or {@code null} while it is the current one
     * @param reason why the owner changed, one line of at most 500 characters (e.g. {@code "registered"}, {@code "left
     *     the company"})
     * @param changedBy who made the change, or {@code null} if not known
     * @throws NullPointerException if {@code customerId} or {@code from} is null
     * @throws dev.guanxi.crm.ValidationException on {@code reason} if it is missing, blank, too long or not one
     *     line; on {@code to} ({@code DATE_ORDER}) if it lies before {@code from}
     */
    public OwnershipRecord {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(from, "from");
        Check.text("reason", reason, Check.LINE_MAX);
        Check.order("to", from, to);
    }

    /**
     * Starts an open (current) period.
     *
     * @param customerId the customer
     * @param owner the new owner, or {@code null}
     * @param from when the period starts
     * @param reason why
     * @param changedBy who made the change, or {@code null}
     * @return the open record
     */
    public static OwnershipRecord open(
            CustomerId customerId, StaffId owner, Instant from, String reason, StaffId changedBy) {
        return new OwnershipRecord(customerId, owner, from, null, reason, changedBy);
    }

    /** @return whether this is the current period ({@code to == null}) */
    public boolean isCurrent() {
        return to == null;
    }

    /**
     * Returns this period ended at an instant.
     *
     * @param end when it ended, not before {@link #from()}
     * @return the closed record
     * @throws dev.guanxi.crm.ValidationException if {@code end} lies before {@code from}
     */
    public OwnershipRecord closedAt(Instant end) {
        Objects.requireNonNull(end, "end");
        return new OwnershipRecord(customerId, owner, from, end, reason, changedBy);
    }
}
