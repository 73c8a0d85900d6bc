package dev.guanxi.crm.classification;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.customer.CustomerId;
import java.util.Objects;

/**
 * One customer's line of an 80/20 grading.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId the customer graded, not null
 * @param grade the customer's grade in this grading ({@code KEY}, {@code ORDINARY} or {@code SMALL}), not null
 * @param measure the customer's value measure, in units of the base currency
 * @param rank 1 for the highest measure; equal measures share a rank (1, 2, 2, 4)
 * @param shareAbove the share of total positive value held by customers with a higher measure (what placed the
 *     customer), in [0, 1]
 * @param cumulativeShare the share of total positive value held by customers with this measure or higher
 * @param reason why, for a person
 */
@Beta
public record GradedCustomer(
        CustomerId customerId,
        CustomerGrade grade,
        double measure,
        int rank,
        double shareAbove,
        double cumulativeShare,
        String reason) {
    /**
     * Rejects nulls.
     *
     * @param customerId the customer graded, not null
     * @param grade the customer's grade in this grading ({@code KEY}, {@code ORDINARY} or {@code SMALL}), not null
     * @param measure the customer's value measure, in units of the base currency
     * @param rank 1 for the highest measure; equal measures share a rank (1, 2, 2, 4)
     * @param shareAbove the share of total positive value held by customers with a higher measure (what placed the
     *     customer), in [0, 1]
     * @param cumulativeShare the share of total positive value held by customers with this measure or higher
     * @param reason why, for a person
     */
    public GradedCustomer {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(reason, "reason");
    }
}
