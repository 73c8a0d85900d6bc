package dev.guanxi.crm.classification;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.customer.CustomerId;
import java.util.Objects;

/**
 * A customer whose grade differs between two gradings.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId the customer whose grade changed, not null
 * @param from the grade in the earlier grading, or {@code null} if the customer was not in it
 * @param to the grade in the later grading
 */
@Beta
public record GradeChange(CustomerId customerId, CustomerGrade from, CustomerGrade to) {
    /**
     * Rejects nulls (except {@code from}) and a "change" to the same grade.
     *
     * @param customerId the customer whose grade changed, not null
     * @param from the grade in the earlier grading, or {@code null} if the customer was not in it
     * @param to the grade in the later grading
     */
    public GradeChange {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(to, "to");
        if (from == to) {
            throw new IllegalArgumentException("the grade did not change: " + to);
        }
    }

    /** @return {@code true} if the customer was graded before and is graded better now */
    public boolean isUpgrade() {
        return from != null && to.isBetterThan(from);
    }

    /** @return {@code true} if the customer was graded before and is graded worse now */
    public boolean isDowngrade() {
        return from != null && from.isBetterThan(to);
    }
}
