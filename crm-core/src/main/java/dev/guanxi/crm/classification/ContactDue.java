package dev.guanxi.crm.classification;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.customer.CustomerId;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A line of a salesperson's daily work queue: a customer due for contact under its retention plan.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId the customer to contact, not null
 * @param displayName the customer's name
 * @param owner the customer's owner, or {@code null}
 * @param grade the customer's 80/20 grade from its latest snapshot, or {@code null}
 * @param stage the customer's lifecycle stage from its latest snapshot, or {@code null}
 * @param plan the plan that applies
 * @param lastContact the day of the latest interaction, or {@code null} if there was none
 * @param daysOverdue days past the plan's interval (0 when due today; for a customer never contacted, days since
 *     it was registered minus the interval, at least 0)
 */
@Beta
public record ContactDue(
        CustomerId customerId,
        String displayName,
        StaffId owner,
        String grade,
        String stage,
        RetentionPlan plan,
        LocalDate lastContact,
        long daysOverdue) {
    /**
     * Rejects nulls where not allowed and a negative overdue count.
     *
     * @param customerId the customer to contact, not null
     * @param displayName the customer's name
     * @param owner the customer's owner, or {@code null}
     * @param grade the customer's 80/20 grade from its latest snapshot, or {@code null}
     * @param stage the customer's lifecycle stage from its latest snapshot, or {@code null}
     * @param plan the plan that applies
     * @param lastContact the day of the latest interaction, or {@code null} if there was none
     * @param daysOverdue days past the plan's interval (0 when due today; for a customer never contacted, days since it
     *     was registered minus the interval, at least 0)
     */
    public ContactDue {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(plan, "plan");
        if (daysOverdue < 0) {
            throw new IllegalArgumentException("daysOverdue must not be negative: " + daysOverdue);
        }
    }
}
