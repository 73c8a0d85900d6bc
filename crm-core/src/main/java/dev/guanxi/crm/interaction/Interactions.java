package dev.guanxi.crm.interaction;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.IllegalTransitionException;
import dev.guanxi.crm.NotFoundException;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.service.ServiceCaseId;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The contact history and the follow-up to-do lists of one tenant: interactions on every channel and the
 * tasks that follow them up. Obtained from {@code crm.tenant(id).interactions()}; thread-safe.
 *
 * <p>Every write validates its input before anything is stored ({@link ValidationException} naming the field
 * and the rule), checks that the customer exists in this tenant ({@link NotFoundException} with entity type
 * {@code Customer} otherwise) and publishes its events after commit. Every read that is about one customer
 * checks the customer the same way.
 */
@Beta
public interface Interactions {
    /**
     * Logs an interaction. {@code occurredAt} defaults to the CRM's clock and may not lie more than ten
     * minutes in the future. A linked service case must be a case of the same customer in this tenant. An
     * opportunity or campaign link is checked for existence when the store can look it up. Publishes {@link
     * dev.guanxi.crm.event.InteractionLogged}.
     *
     * @param interaction what to log
     * @return the stored interaction, at version 1
     * @throws ValidationException if a value breaks a rule (e.g. {@code occurredAt}/{@code FUTURE}, {@code
     *     caseId}/{@code UNKNOWN_REFERENCE}); nothing is stored
     * @throws NotFoundException if the customer does not exist in this tenant
     */
    Interaction log(NewInteraction interaction);

    /**
     * Finds an interaction.
     *
     * @param id the id
     * @return the interaction, or empty if this tenant has none with that id
     */
    Optional<Interaction> find(InteractionId id);

    /**
     * Returns an interaction.
     *
     * @param id the id
     * @return the interaction
     * @throws NotFoundException if this tenant has none with that id
     */
    default Interaction get(InteractionId id) {
        return find(id).orElseThrow(() -> new NotFoundException("Interaction", id));
    }

    /**
     * Corrects the notes and the outcome of an interaction; the other facts stay as logged. Both values
     * replace the old ones ({@code null} removes them).
     *
     * @param id the interaction
     * @param expectedVersion the version the correction is based on
     * @param notes the corrected notes, or {@code null}
     * @param outcome the corrected outcome, or {@code null}
     * @return the stored interaction, one version later
     * @throws ValidationException if the notes break a rule; nothing is stored
     * @throws NotFoundException if the interaction (or its customer) does not exist in this tenant
     * @throws StaleVersionException if the interaction is no longer at {@code expectedVersion}
     */
    Interaction update(InteractionId id, long expectedVersion, String notes, Outcome outcome);

    /**
     * Lists a customer's interactions, newest first: by {@code occurredAt} descending, ties by id (in the
     * order of its text form).
     *
     * @param customerId the customer
     * @param page the slice wanted
     * @return one page
     * @throws NotFoundException if the customer does not exist in this tenant
     */
    Page<Interaction> listByCustomer(CustomerId customerId, PageRequest page);

    /**
     * Lists the interactions a member of staff had, newest first: by {@code occurredAt} descending, ties by
     * id.
     *
     * @param staffId the member of staff
     * @param page the slice wanted
     * @return one page (empty if the staff member had none)
     */
    Page<Interaction> listByStaff(StaffId staffId, PageRequest page);

    /**
     * Lists the interactions about a service case, newest first: by {@code occurredAt} descending, ties by
     * id.
     *
     * @param caseId the service case
     * @param page the slice wanted
     * @return one page
     * @throws NotFoundException if the case does not exist in this tenant
     */
    Page<Interaction> listByCase(ServiceCaseId caseId, PageRequest page);

    /**
     * Creates an open follow-up task. The due date may not lie more than 100 years ahead; a linked
     * interaction must be one with the same customer. Publishes {@link dev.guanxi.crm.event.TaskCreated}.
     *
     * @param task what to create
     * @return the stored task, at version 1
     * @throws ValidationException if a value breaks a rule (e.g. {@code dueDate}/{@code FUTURE}, {@code
     *     interactionId}/{@code UNKNOWN_REFERENCE}); nothing is stored
     * @throws NotFoundException if the customer does not exist in this tenant
     */
    Task createTask(NewTask task);

    /**
     * Finds a task.
     *
     * @param id the id
     * @return the task, or empty if this tenant has none with that id
     */
    Optional<Task> findTask(TaskId id);

    /**
     * Returns a task.
     *
     * @param id the id
     * @return the task
     * @throws NotFoundException if this tenant has none with that id
     */
    default Task getTask(TaskId id) {
        return findTask(id).orElseThrow(() -> new NotFoundException("Task", id));
    }

    /**
     * Marks an open task done and stamps {@code completedAt}. Publishes {@link
     * dev.guanxi.crm.event.TaskCompleted}.
     *
     * @param id the task
     * @param expectedVersion the version the change is based on
     * @return the stored task, one version later
     * @throws NotFoundException if the task (or its customer) does not exist in this tenant
     * @throws StaleVersionException if the task is no longer at {@code expectedVersion}
     * @throws IllegalTransitionException if the task is not open
     */
    Task complete(TaskId id, long expectedVersion);

    /**
     * Cancels an open task.
     *
     * @param id the task
     * @param expectedVersion the version the change is based on
     * @return the stored task, one version later
     * @throws NotFoundException if the task (or its customer) does not exist in this tenant
     * @throws StaleVersionException if the task is no longer at {@code expectedVersion}
     * @throws IllegalTransitionException if the task is not open
     */
    Task cancel(TaskId id, long expectedVersion);

    /**
     * Reopens a done or cancelled task; {@code completedAt} is cleared.
     *
     * @param id the task
     * @param expectedVersion the version the change is based on
     * @return the stored task, one version later
     * @throws NotFoundException if the task (or its customer) does not exist in this tenant
     * @throws StaleVersionException if the task is no longer at {@code expectedVersion}
     * @throws IllegalTransitionException if the task is already open
     */
    Task reopen(TaskId id, long expectedVersion);

    /**
     * Moves an open task to another due date.
     *
     * @param id the task
     * @param expectedVersion the version the change is based on
     * @param dueDate the new due date, not more than 100 years ahead
     * @return the stored task, one version later
     * @throws ValidationException if the date is missing or too far ahead ({@code dueDate}), or the task is
     *     not open ({@code status}/{@code INVALID_STATE}); nothing is stored
     * @throws NotFoundException if the task (or its customer) does not exist in this tenant
     * @throws StaleVersionException if the task is no longer at {@code expectedVersion}
     */
    Task reschedule(TaskId id, long expectedVersion, LocalDate dueDate);

    /**
     * Hands an open task to another member of staff.
     *
     * @param id the task
     * @param expectedVersion the version the change is based on
     * @param assignee who is to do it now
     * @return the stored task, one version later
     * @throws ValidationException if the assignee is missing ({@code assignee}) or the task is not open
     *     ({@code status}/{@code INVALID_STATE}); nothing is stored
     * @throws NotFoundException if the task (or its customer) does not exist in this tenant
     * @throws StaleVersionException if the task is no longer at {@code expectedVersion}
     */
    Task reassign(TaskId id, long expectedVersion, StaffId assignee);

    /**
     * Lists a member of staff's to-do list: by due date ascending, ties by id.
     *
     * @param assignee the member of staff
     * @param openOnly {@code true} for open tasks only, {@code false} for tasks in every status
     * @param page the slice wanted
     * @return one page
     */
    Page<Task> tasksOf(StaffId assignee, boolean openOnly, PageRequest page);

    /**
     * Lists the tenant's open tasks whose due date lies before a day: by due date ascending, ties by id.
     *
     * @param asOf the day to judge by (a task due that day is not yet overdue); usually today
     * @param page the slice wanted
     * @return one page
     */
    Page<Task> overdueTasks(LocalDate asOf, PageRequest page);

    /**
     * Lists a customer's tasks in every status: by due date ascending, ties by id.
     *
     * @param customerId the customer
     * @param page the slice wanted
     * @return one page
     * @throws NotFoundException if the customer does not exist in this tenant
     */
    Page<Task> tasksOfCustomer(CustomerId customerId, PageRequest page);
}
