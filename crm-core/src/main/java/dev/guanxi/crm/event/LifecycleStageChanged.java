package dev.guanxi.crm.event;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.lifecycle.LifecycleStage;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A scoring run moved a customer to another lifecycle stage (acquire → maintain → recover), or placed it for
 * the first time.
 *
 * <p>Immutable and thread-safe.
 *
 * @param metadata the event's id, tenant and time
 * @param customerId the customer that moved, not null
 * @param from the stage before, or {@code null} for the first placement
 * @param to the stage now
 * @param reason why: the rules that fired with their numbers, one line
 * @param asOf the day of the evaluation
 */
public record LifecycleStageChanged(
        EventMetadata metadata,
        CustomerId customerId,
        LifecycleStage from,
        LifecycleStage to,
        String reason,
        LocalDate asOf)
        implements CustomerValueEvent {
    /**
     * Rejects nulls (except {@code from}) and a "change" to the same stage.
     *
     * @param metadata the event's id, tenant and time
     * @param customerId the customer that moved, not null
     * @param from the stage before, or {@code null} for the first placement
     * @param to the stage now
     * @param reason why: the rules that fired with their numbers, one line
     * @param asOf the day of the evaluation
     */
    public LifecycleStageChanged {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(asOf, "asOf");
        if (from == to) {
            throw new IllegalArgumentException("the stage did not change: " + to);
        }
    }
}
