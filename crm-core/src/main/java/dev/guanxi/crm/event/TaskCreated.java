package dev.guanxi.crm.event;

import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.interaction.TaskId;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A follow-up task was created.
 *
 * <p>Immutable and thread-safe.
 *
 * @param metadata the event's id, tenant and time
 * @param customerId the customer the task is about
 * @param taskId the new task
 * @param assignee who is to do it
 * @param dueDate the day it is due
 */
public record TaskCreated(
        EventMetadata metadata, CustomerId customerId, TaskId taskId, StaffId assignee, LocalDate dueDate)
        implements InteractionEvent {
    /**
     * Rejects nulls.
     *
     * @param metadata the event's id, tenant and time
     * @param customerId the customer the task is about
     * @param taskId the new task
     * @param assignee who is to do it
     * @param dueDate the day it is due
     */
    public TaskCreated {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(dueDate, "dueDate");
    }
}
