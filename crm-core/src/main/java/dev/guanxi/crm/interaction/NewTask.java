package dev.guanxi.crm.interaction;

import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.internal.Check;
import java.time.LocalDate;

/**
 * What a host supplies to create a follow-up task with {@link Interactions#createTask}. Build one with
 * {@link #builder}. Immutable and thread-safe.
 *
 * <p>Every task is about a customer: it is a salesperson's to-do list within the CRM (call back, send the
 * offer, visit). The components are checked here; the checks that need the clock or the store (a due date
 * more than 100 years ahead, whether the customer and the interaction exist) are made by {@link
 * Interactions#createTask}.
 *
 * @param customerId the customer the task is about; required
 * @param title a one-line title, 1 to 500 characters, no control characters
 * @param notes free-text notes (line breaks allowed), at most 20,000 characters, or {@code null}
 * @param assignee who is to do it; required
 * @param dueDate the day it is due; required (a past day is allowed, for tasks entered late)
 * @param interactionId the interaction the task follows up, or {@code null}; must be an interaction with the
 *     same customer
 */
public record NewTask(
        CustomerId customerId,
        String title,
        String notes,
        StaffId assignee,
        LocalDate dueDate,
        InteractionId interactionId) {
    /**
     * Validates the components.
     *
     * @param customerId the customer the task is about; required
     * @param title a one-line title, 1 to 500 characters, no control characters
     * @param notes free-text notes (line breaks allowed), at most 20,000 characters, or {@code null}
     * @param assignee who is to do it; required
     * @param dueDate the day it is due; required (a past day is allowed, for tasks entered late)
     * @param interactionId the interaction the task follows up, or {@code null}; must be an interaction with the same
     *     customer
     * @throws dev.guanxi.crm.ValidationException naming the first field that breaks a rule
     */
    public NewTask {
        Check.required("customerId", customerId);
        Check.text("title", title, Check.LINE_MAX);
        Check.optionalMultiline("notes", notes, Check.TEXT_MAX);
        Check.required("assignee", assignee);
        Check.required("dueDate", dueDate);
    }

    /**
     * Starts a new task with its required values.
     *
     * @param customerId the customer
     * @param title the title
     * @param assignee who is to do it
     * @param dueDate the day it is due
     * @return a builder; nothing is validated until {@link Builder#build()}
     */
    public static Builder builder(CustomerId customerId, String title, StaffId assignee, LocalDate dueDate) {
        return new Builder(customerId, title, assignee, dueDate);
    }

    /** Builds a {@link NewTask}. Not thread-safe. */
    public static final class Builder {
        private final CustomerId customerId;
        private final String title;
        private final StaffId assignee;
        private final LocalDate dueDate;
        private String notes;
        private InteractionId interactionId;

        private Builder(CustomerId customerId, String title, StaffId assignee, LocalDate dueDate) {
            this.customerId = customerId;
            this.title = title;
            this.assignee = assignee;
            this.dueDate = dueDate;
        }

        /**
         * @param notes free-text notes
         * @return this builder
         */
        public Builder notes(String notes) {
            this.notes = notes;
            return this;
        }

        /**
         * @param interactionId the interaction this task follows up
         * @return this builder
         */
        public Builder followingUp(InteractionId interactionId) {
            this.interactionId = interactionId;
            return this;
        }

        /**
         * @return the command
         * @throws dev.guanxi.crm.ValidationException if a value breaks a rule
         */
        public NewTask build() {
            return new NewTask(customerId, title, notes, assignee, dueDate, interactionId);
        }
    }
}
