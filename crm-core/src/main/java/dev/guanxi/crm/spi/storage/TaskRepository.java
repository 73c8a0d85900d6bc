package dev.guanxi.crm.spi.storage;

import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.interaction.Task;
import dev.guanxi.crm.interaction.TaskId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import java.time.LocalDate;

/**
 * Stores the tenant's follow-up tasks. Every list is ordered by {@code dueDate} ascending, ties by id
 * ascending in the order of the id's text form (its canonical UUID string).
 *
 * <p>Belongs to one {@link UnitOfWork} and is called only on the thread running its work; implementations
 * need not be thread-safe.
 */
public interface TaskRepository extends AggregateRepository<TaskId, Task> {
    /**
     * Lists a member of staff's tasks.
     *
     * @param assignee the member of staff
     * @param openOnly {@code true} for {@link dev.guanxi.crm.interaction.TaskStatus#OPEN OPEN} tasks only,
     *     {@code false} for every status
     * @param page the slice wanted
     * @return one page, by due date
     */
    Page<Task> listByAssignee(StaffId assignee, boolean openOnly, PageRequest page);

    /**
     * Lists the open tasks due before a day.
     *
     * @param asOf the day; tasks due on it are not included
     * @param page the slice wanted
     * @return one page, by due date
     */
    Page<Task> listOverdue(LocalDate asOf, PageRequest page);

    /**
     * Lists a customer's tasks in every status.
     *
     * @param customerId the customer
     * @param page the slice wanted
     * @return one page, by due date
     */
    Page<Task> listByCustomer(CustomerId customerId, PageRequest page);
}
