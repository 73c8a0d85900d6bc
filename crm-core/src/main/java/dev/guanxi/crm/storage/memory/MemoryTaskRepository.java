package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.interaction.Task;
import dev.guanxi.crm.interaction.TaskId;
import dev.guanxi.crm.interaction.TaskStatus;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.spi.storage.TaskRepository;
import java.time.LocalDate;
import java.util.Comparator;

/**
 * In-memory {@link TaskRepository}. Queries scan the tenant's tasks, O(n log n). Belongs to one unit of work
 * and so to one thread; the store serialises writers.
 */
final class MemoryTaskRepository extends MemoryRepository<TaskId, Task> implements TaskRepository {
    private static final Comparator<Task> BY_DUE_DATE = Comparator.comparing(Task::dueDate);

    MemoryTaskRepository(MemoryTransaction tx) {
        super(tx, Task.class);
    }

    @Override
    public Page<Task> listByAssignee(StaffId assignee, boolean openOnly, PageRequest page) {
        return Page.slice(
                select(t -> t.assignee().equals(assignee) && (!openOnly || t.status() == TaskStatus.OPEN), BY_DUE_DATE),
                page);
    }

    @Override
    public Page<Task> listOverdue(LocalDate asOf, PageRequest page) {
        return Page.slice(select(t -> t.isOverdue(asOf), BY_DUE_DATE), page);
    }

    @Override
    public Page<Task> listByCustomer(CustomerId customerId, PageRequest page) {
        return Page.slice(select(t -> t.customerId().equals(customerId), BY_DUE_DATE), page);
    }
}
