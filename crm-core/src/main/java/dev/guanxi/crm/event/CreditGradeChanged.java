package dev.guanxi.crm.event;

import dev.guanxi.crm.customer.CustomerId;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A scoring run gave a customer another credit grade than before (or the first one). The collection policy of
 * the new grade applies from now on.
 *
 * <p>Immutable and thread-safe.
 *
 * @param metadata the event's id, tenant and time
 * @param customerId the customer graded, not null
 * @param previousGrade the credit grade before, or {@code null} if the customer had none
 * @param newGrade the credit grade now
 * @param score the credit score behind the new grade, 0 to 100
 * @param asOf the day the grade is for
 */
public record CreditGradeChanged(
        EventMetadata metadata, CustomerId customerId, String previousGrade, String newGrade, int score, LocalDate asOf)
        implements CustomerValueEvent {
    /**
     * Rejects nulls (except {@code previousGrade}), a score out of range and a "change" to the same grade.
     *
     * @param metadata the event's id, tenant and time
     * @param customerId the customer graded, not null
     * @param previousGrade the credit grade before, or {@code null} if the customer had none
     * @param newGrade the credit grade now
     * @param score the credit score behind the new grade, 0 to 100
     * @param asOf the day the grade is for
     */
    public CreditGradeChanged {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(newGrade, "newGrade");
        Objects.requireNonNull(asOf, "asOf");
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score must be 0 to 100: " + score);
        }
        if (newGrade.equals(previousGrade)) {
            throw new IllegalArgumentException("the grade did not change: " + newGrade);
        }
    }
}
