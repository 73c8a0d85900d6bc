package dev.guanxi.crm.interaction;

import dev.guanxi.crm.Aggregate;
import dev.guanxi.crm.IllegalTransitionException;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.internal.Check;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A follow-up task on a salesperson's to-do list: what to do for which customer, by whom, by when. Its status
 * moves along the table in {@link TaskStatus}. Immutable and thread-safe.
 *
 * @param id the task's id, assigned by the CRM when it is created, not null
 * @param customerId the customer it is about
 * @param interactionId the interaction it follows up, or {@code null}
 * @param title a one-line title, 1 to 500 characters
 * @param notes free-text notes, or {@code null}
 * @param assignee who is to do it
 * @param dueDate the day it is due
 * @param status where it stands
 * @param completedAt when it was done; set exactly when the status is {@link TaskStatus#DONE}
 * @param version 1 when created, +1 per change
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 */
public record Task(
        TaskId id,
        CustomerId customerId,
        InteractionId interactionId,
        String title,
        String notes,
        StaffId assignee,
        LocalDate dueDate,
        TaskStatus status,
        Instant completedAt,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Aggregate<TaskId> {
    /**
     * Validates the components and that {@code completedAt} agrees with the status.
     *
     * @param id the task's id, assigned by the CRM when it is created, not null
     * @param customerId the customer it is about
     * @param interactionId the interaction it follows up, or {@code null}
     * @param title a one-line title, 1 to 500 characters
     * @param notes free-text notes, or {@code null}
     * @param assignee who is to do it
     * @param dueDate the day it is due
     * @param status where it stands
     * @param completedAt when it was done; set exactly when the status is {@link TaskStatus#DONE}
     * @param version 1 when created, +1 per change
     * @param createdAt when it was created
     * @param updatedAt when it was last changed
     * @throws dev.guanxi.crm.ValidationException naming the first field that breaks a rule
     */
    public Task {
        Objects.requireNonNull(id, "id");
        Check.required("customerId", customerId);
        Check.text("title", title, Check.LINE_MAX);
        Check.optionalMultiline("notes", notes, Check.TEXT_MAX);
        Check.required("assignee", assignee);
        Check.required("dueDate", dueDate);
        Check.required("status", status);
        if ((status == TaskStatus.DONE) != (completedAt != null)) {
            throw Check.fail(
                    "completedAt", ValidationRule.INVALID_STATE, "completedAt is set exactly when a task is DONE");
        }
        if (version < 1) {
            throw Check.fail("version", ValidationRule.OUT_OF_RANGE, "version must be 1 or more");
        }
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /**
     * Creates a new open task at version 1 from a host's command. Does not check the clock or the store:
     * {@link Interactions#createTask} does.
     *
     * @param id the new id
     * @param draft what to create
     * @param now the instant of creation
     * @return the task
     */
    public static Task of(TaskId id, NewTask draft, Instant now) {
        Objects.requireNonNull(draft, "draft");
        return new Task(
                id,
                draft.customerId(),
                draft.interactionId(),
                draft.title(),
                draft.notes(),
                draft.assignee(),
                draft.dueDate(),
                TaskStatus.OPEN,
                null,
                1,
                now,
                now);
    }

    /**
     * Returns this task in another status, one version later. Moving to {@link TaskStatus#DONE} sets {@code
     * completedAt}; moving away from it clears it.
     *
     * @param target the new status
     * @param at the instant of the change
     * @return the changed task
     * @throws IllegalTransitionException if {@link TaskStatus#canGoTo} refuses the move
     */
    public Task moveTo(TaskStatus target, Instant at) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(at, "at");
        if (!status.canGoTo(target)) {
            throw new IllegalTransitionException("Task", status, target);
        }
        return new Task(
                id,
                customerId,
                interactionId,
                title,
                notes,
                assignee,
                dueDate,
                target,
                target == TaskStatus.DONE ? at : null,
                version + 1,
                createdAt,
                at);
    }

    /**
     * Returns this task with another due date or assignee, one version later.
     *
     * @param newAssignee who is to do it
     * @param newDueDate the day it is due
     * @param at the instant of the change
     * @return the changed task
     */
    public Task replanned(StaffId newAssignee, LocalDate newDueDate, Instant at) {
        return new Task(
                id,
                customerId,
                interactionId,
                title,
                notes,
                newAssignee,
                newDueDate,
                status,
                completedAt,
                version + 1,
                createdAt,
                Objects.requireNonNull(at, "at"));
    }

    /**
     * Says whether the task is open and its due date lies before a day.
     *
     * @param asOf the day to judge by (a task due on that day is not yet overdue)
     * @return whether it is overdue
     */
    public boolean isOverdue(LocalDate asOf) {
        return status == TaskStatus.OPEN && dueDate.isBefore(asOf);
    }
}
