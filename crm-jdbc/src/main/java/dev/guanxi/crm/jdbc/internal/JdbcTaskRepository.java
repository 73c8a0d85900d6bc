package dev.guanxi.crm.jdbc.internal;

import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.interaction.Task;
import dev.guanxi.crm.interaction.TaskId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.spi.storage.TaskRepository;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Tasks, by due date. */
final class JdbcTaskRepository extends DocRepository<TaskId, Task> implements TaskRepository {
    JdbcTaskRepository(JdbcUnitOfWork uow) {
        super(uow, Tables.TASK);
    }

    @Override
    TaskId idOf(UUID uuid) {
        return new TaskId(uuid);
    }

    private static final String ORDER = "due_date, id";

    @Override
    public Page<Task> listByAssignee(StaffId assignee, boolean openOnly, PageRequest page) {
        Objects.requireNonNull(assignee, "assignee");
        String where = openOnly ? "assignee = ? AND status = 'OPEN'" : "assignee = ?";
        return page(pageSql(where, ORDER), List.of(sql.plain(assignee.value(), String.class)), page);
    }

    @Override
    public Page<Task> listOverdue(LocalDate asOf, PageRequest page) {
        Objects.requireNonNull(asOf, "asOf");
        return page(
                pageSql("status = 'OPEN' AND due_date < ?", ORDER), List.of(sql.plain(asOf, LocalDate.class)), page);
    }

    @Override
    public Page<Task> listByCustomer(CustomerId customerId, PageRequest page) {
        Objects.requireNonNull(customerId, "customerId");
        return page(pageSql("customer_id = ?", ORDER), List.of(sql.id(customerId.value())), page);
    }
}
