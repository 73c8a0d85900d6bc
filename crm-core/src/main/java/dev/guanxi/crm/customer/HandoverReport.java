package dev.guanxi.crm.customer;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.StaffId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a {@linkplain Customers#handOver bulk handover} did (客户移交).
 *
 * <p>Opportunities have no owner of their own in this SDK: they belong to their customer and follow its owner,
 * so {@code openOpportunities} counts the open opportunities that now belong to {@code to} through the moved
 * customers; no opportunity is written.
 *
 * <p>Immutable and thread-safe.
 *
 * @param from the previous owner
 * @param to the new owner
 * @param reason why the customers were handed over
 * @param at when (the instant of the handover's unit of work)
 * @param customers the moved customers, in the order they were moved (display name, then id)
 * @param openOpportunities how many open opportunities the moved customers have
 * @param casesReassigned how many of their active service cases assigned to {@code from} now go to {@code to}
 * @since 0.1.0
 */
@Beta
public record HandoverReport(
        StaffId from,
        StaffId to,
        String reason,
        Instant at,
        List<CustomerId> customers,
        int openOpportunities,
        int casesReassigned) {
    /**
     * Validates the components and copies the list.
     *
     * @param from the previous owner
     * @param to the new owner
     * @param reason why the customers were handed over
     * @param at when (the instant of the handover's unit of work)
     * @param customers the moved customers, in the order they were moved (display name, then id)
     * @param openOpportunities how many open opportunities the moved customers have
     * @param casesReassigned how many of their active service cases assigned to {@code from} now go to {@code to}
     * @throws NullPointerException on a null component
     * @throws IllegalArgumentException on a negative count
     */
    public HandoverReport {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
        customers = List.copyOf(customers);
        if (openOpportunities < 0 || casesReassigned < 0) {
            throw new IllegalArgumentException("negative count: " + openOpportunities + ", " + casesReassigned);
        }
    }

    /** @return how many customers were moved */
    public int customersMoved() {
        return customers.size();
    }

    /**
     * Says what happened in one line, e.g. {@code "3 customers handed over from alice to bob (5 open
     * opportunities follow them, 2 service cases reassigned): left the company"}.
     *
     * @return the summary
     */
    public String summary() {
        return customersMoved() + " customers handed over from " + from + " to " + to + " (" + openOpportunities
                + " open opportunities follow them, " + casesReassigned + " service cases reassigned): " + reason;
    }
}
