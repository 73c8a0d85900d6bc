package dev.guanxi.crm.test.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.interaction.InteractionId;
import dev.guanxi.crm.interaction.NewTask;
import dev.guanxi.crm.interaction.Task;
import dev.guanxi.crm.interaction.TaskId;
import dev.guanxi.crm.interaction.TaskStatus;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.spi.storage.AggregateRepository;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Conformance tests of {@code TaskRepository}: the shared aggregate behaviour plus its lists, which are
 * ordered by due date, ties by id in the order of its text form, and scoped to the tenant.
 */
public abstract class TaskRepositoryContract extends VersionedAggregateContract<TaskId, Task> {
    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-01-15");
    private static final CustomerId CUSTOMER = CustomerId.of("c0000000-0000-0000-0000-000000000001");
    private static final CustomerId OTHER_CUSTOMER = CustomerId.of("c0000000-0000-0000-0000-000000000002");
    private static final StaffId STAFF = StaffId.of("li.na");
    private static final StaffId OTHER_STAFF = StaffId.of("zhang.wei");

    /** Creates the contract. */
    protected TaskRepositoryContract() {}

    @Override
    protected AggregateRepository<TaskId, Task> repository(UnitOfWork uow) {
        return uow.tasks();
    }

    @Override
    protected Task newAggregate() {
        return task(TaskId.random(), CUSTOMER, STAFF, TODAY.plusDays(3));
    }

    @Override
    protected Task changed(Task task) {
        return task.replanned(
                task.assignee(), task.dueDate().plusDays(1), task.updatedAt().plusSeconds(60));
    }

    private static Task task(TaskId id, CustomerId customer, StaffId assignee, LocalDate due) {
        return Task.of(
                id,
                NewTask.builder(customer, "Send the offer / 发送报价", assignee, due)
                        .notes("Include the volume discount.")
                        .followingUp(InteractionId.random())
                        .build(),
                NOW);
    }

    private void insert(Task... tasks) {
        run(TENANT_A, uow -> List.of(tasks).forEach(uow.tasks()::insert));
    }

    /** Status and completion instant round-trip. */
    @Test
    @DisplayName("a done task keeps its status and completion instant")
    protected void doneTaskRoundTrips() {
        Task open = newAggregate();
        insert(open);
        Task done = open.moveTo(TaskStatus.DONE, NOW.plusSeconds(5));
        run(TENANT_A, uow -> uow.tasks().update(open.version(), done));
        Task found = read(TENANT_A, uow -> uow.tasks().find(open.id())).orElseThrow();
        assertThat(found).isEqualTo(done);
        assertThat(found.completedAt()).isEqualTo(NOW.plusSeconds(5));
    }

    /** An assignee's list is ordered by due date, optionally open tasks only. */
    @Test
    @DisplayName("listByAssignee is by due date then id text, open only on request, and only that assignee's")
    protected void listByAssignee() {
        Task later = task(TaskId.random(), CUSTOMER, STAFF, TODAY.plusDays(10));
        Task tieFirst = task(TaskId.of("10000000-0000-0000-0000-000000000000"), CUSTOMER, STAFF, TODAY);
        Task tieSecond = task(TaskId.of("90000000-0000-0000-0000-000000000000"), OTHER_CUSTOMER, STAFF, TODAY);
        Task earlierDone =
                task(TaskId.random(), CUSTOMER, STAFF, TODAY.minusDays(1)).moveTo(TaskStatus.DONE, NOW);
        Task others = task(TaskId.random(), CUSTOMER, OTHER_STAFF, TODAY);
        insert(later, tieSecond, earlierDone, others, tieFirst);

        Page<Task> all = read(TENANT_A, uow -> uow.tasks().listByAssignee(STAFF, false, PageRequest.first(3)));
        assertThat(all.items()).containsExactly(earlierDone, tieFirst, tieSecond);
        assertThat(all.hasMore()).isTrue();
        assertThat(read(
                                TENANT_A,
                                uow -> uow.tasks()
                                        .listByAssignee(
                                                STAFF, false, all.nextRequest().orElseThrow()))
                        .items())
                .containsExactly(later);
        assertThat(read(TENANT_A, uow -> uow.tasks().listByAssignee(STAFF, true, PageRequest.first(10)))
                        .items())
                .containsExactly(tieFirst, tieSecond, later);
        assertThat(read(TENANT_B, uow -> uow.tasks().listByAssignee(STAFF, false, PageRequest.first(10)))
                        .items())
                .isEmpty();
    }

    /** Overdue means open and due before the day. */
    @Test
    @DisplayName("listOverdue lists open tasks due before the day, not those due on it nor done or cancelled")
    protected void listOverdue() {
        Task twoDaysLate = task(TaskId.random(), CUSTOMER, STAFF, TODAY.minusDays(2));
        Task oneDayLate = task(TaskId.random(), OTHER_CUSTOMER, OTHER_STAFF, TODAY.minusDays(1));
        Task dueToday = task(TaskId.random(), CUSTOMER, STAFF, TODAY);
        Task lateButDone =
                task(TaskId.random(), CUSTOMER, STAFF, TODAY.minusDays(5)).moveTo(TaskStatus.DONE, NOW);
        Task lateButCancelled =
                task(TaskId.random(), CUSTOMER, STAFF, TODAY.minusDays(5)).moveTo(TaskStatus.CANCELLED, NOW);
        insert(dueToday, oneDayLate, lateButDone, twoDaysLate, lateButCancelled);
        assertThat(read(TENANT_A, uow -> uow.tasks().listOverdue(TODAY, PageRequest.first(10)))
                        .items())
                .containsExactly(twoDaysLate, oneDayLate);
        assertThat(read(TENANT_B, uow -> uow.tasks().listOverdue(TODAY, PageRequest.first(10)))
                        .items())
                .isEmpty();
    }

    /** A customer's tasks in every status, by due date. */
    @Test
    @DisplayName("listByCustomer lists the customer's tasks in every status by due date")
    protected void listByCustomer() {
        Task second = task(TaskId.random(), CUSTOMER, STAFF, TODAY.plusDays(1));
        Task first =
                task(TaskId.random(), CUSTOMER, OTHER_STAFF, TODAY.minusDays(1)).moveTo(TaskStatus.CANCELLED, NOW);
        Task others = task(TaskId.random(), OTHER_CUSTOMER, STAFF, TODAY);
        insert(second, others, first);
        assertThat(read(TENANT_A, uow -> uow.tasks().listByCustomer(CUSTOMER, PageRequest.first(10)))
                        .items())
                .containsExactly(first, second);
    }
}
