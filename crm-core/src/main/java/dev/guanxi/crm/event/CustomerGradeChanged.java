package dev.guanxi.crm.event;

import dev.guanxi.crm.customer.CustomerId;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A scoring run graded a customer differently from the previous run (or graded it for the first time): for
 * example from {@code ORDINARY} to {@code KEY} in the 80/20 grading.
 *
 * <p>Immutable and thread-safe.
 *
 * @param metadata the event's id, tenant and time
 * @param customerId the customer graded, not null
 * @param scheme which grading, e.g. {@code "abc"}
 * @param previousGrade the grade before, or {@code null} if the customer was not graded before
 * @param newGrade the grade now
 * @param asOf the day the grading is for
 */
public record CustomerGradeChanged(
        EventMetadata metadata,
        CustomerId customerId,
        String scheme,
        String previousGrade,
        String newGrade,
        LocalDate asOf)
        implements CustomerValueEvent {
    /**
     * Rejects nulls (except {@code previousGrade}) and a "change" to the same grade.
     *
     * @param metadata the event's id, tenant and time
     * @param customerId the customer graded, not null
     * @param scheme which grading, e.g. {@code "abc"}
     * @param previousGrade the grade before, or {@code null} if the customer was not graded before
     * @param newGrade the grade now
     * @param asOf the day the grading is for
     */
    public CustomerGradeChanged {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(newGrade, "newGrade");
        Objects.requireNonNull(asOf, "asOf");
        if (newGrade.equals(previousGrade)) {
            throw new IllegalArgumentException("the grade did not change: " + newGrade);
        }
    }
}
