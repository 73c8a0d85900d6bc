package dev.guanxi.crm.event;

import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.interaction.TaskId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A follow-up task was marked done.
 *
 * <p>Immutable and thread-safe.
 *
 * @param metadata the event's id, tenant and time
 * @param customerId the customer the task is about
 * @param taskId the task marked done, not null
 * @param assignee who did it
 * @param dueDate the day it was due
 * @param completedAt when it was marked done
 */
public record TaskCompleted(
        EventMetadata metadata,
        CustomerId customerId,
        TaskId taskId,
        StaffId assignee,
        LocalDate dueDate,
        Instant completedAt)
        implements InteractionEvent {
    /**
     * Rejects nulls.
     *
     * @param metadata the event's id, tenant and time
     * @param customerId the customer the task is about
     * @param taskId the task marked done, not null
     * @param assignee who did it
     * @param dueDate the day it was due
     * @param completedAt when it was marked done
     */
    public TaskCompleted {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(completedAt, "completedAt");
    }
}
