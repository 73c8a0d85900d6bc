package dev.guanxi.crm.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.Crm;
import dev.guanxi.crm.IllegalTransitionException;
import dev.guanxi.crm.NotFoundException;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.event.DomainEvent;
import dev.guanxi.crm.event.TaskCompleted;
import dev.guanxi.crm.event.TaskCreated;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Follow-up tasks")
class TasksTest {
    static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2026-01-15");
    static final StaffId LI = StaffId.of("li.na");
    static final StaffId WEI = StaffId.of("zhang.wei");

    final List<DomainEvent> events = new CopyOnWriteArrayList<>();
    Crm crm;
    TenantCrm acme;
    Interactions interactions;
    CustomerId customer;
    CustomerId otherCustomer;

    @BeforeEach
    void setUp() {
        crm = Crm.builder()
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .listener(events::add)
                .build();
        acme = crm.tenant("acme");
        interactions = acme.interactions();
        customer =
                acme.customers().register(CustomerDraft.person("Chen").build()).id();
        otherCustomer =
                acme.customers().register(CustomerDraft.person("Other").build()).id();
        events.clear();
    }

    NewTask.Builder todo(CustomerId who, StaffId assignee, LocalDate due) {
        return NewTask.builder(who, "Call back about the quote", assignee, due);
    }

    Task create(LocalDate due) {
        return interactions.createTask(todo(customer, LI, due).build());
    }

    List<Task> stored() {
        return interactions.tasksOfCustomer(customer, PageRequest.first(100)).items();
    }

    @Test
    @DisplayName("a new task is open at version 1, with its values and an optional link to an interaction")
    void createTask() {
        Interaction call =
                interactions.log(NewInteraction.builder(customer, Channel.PHONE, Direction.INBOUND, "Asked for a quote")
                        .build());
        Task task = interactions.createTask(todo(customer, LI, TODAY.plusDays(2))
                .notes("Mention the discount")
                .followingUp(call.id())
                .build());
        assertThat(task.status()).isEqualTo(TaskStatus.OPEN);
        assertThat(task.version()).isEqualTo(1);
        assertThat(task.completedAt()).isNull();
        assertThat(task.createdAt()).isEqualTo(NOW);
        assertThat(task.customerId()).isEqualTo(customer);
        assertThat(task.interactionId()).isEqualTo(call.id());
        assertThat(task.assignee()).isEqualTo(LI);
        assertThat(task.dueDate()).isEqualTo(TODAY.plusDays(2));
        assertThat(task.notes()).isEqualTo("Mention the discount");
        assertThat(interactions.getTask(task.id())).isEqualTo(task);
    }

    @Test
    @DisplayName("a task may be entered late with a past due date, or planned up to 100 years ahead")
    void dueDateRange() {
        assertThat(create(TODAY.minusDays(30)).dueDate()).isEqualTo(TODAY.minusDays(30));
        assertThat(create(TODAY.plusYears(100)).dueDate()).isEqualTo(TODAY.plusYears(100));
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                bad("null title", c -> NewTask.builder(c, null, LI, TODAY), "title", ValidationRule.REQUIRED),
                bad("blank title", c -> NewTask.builder(c, "   ", LI, TODAY), "title", ValidationRule.BLANK),
                bad(
                        "oversize title",
                        c -> NewTask.builder(c, "t".repeat(501), LI, TODAY),
                        "title",
                        ValidationRule.TOO_LONG),
                bad(
                        "NUL in title",
                        c -> NewTask.builder(c, "a\u0000", LI, TODAY),
                        "title",
                        ValidationRule.ILLEGAL_CHARACTER),
                bad(
                        "tab in title",
                        c -> NewTask.builder(c, "a\tb", LI, TODAY),
                        "title",
                        ValidationRule.ILLEGAL_CHARACTER),
                bad("blank notes", c -> NewTask.builder(c, "ok", LI, TODAY).notes(""), "notes", ValidationRule.BLANK),
                bad(
                        "control in notes",
                        c -> NewTask.builder(c, "ok", LI, TODAY).notes("\u0008"),
                        "notes",
                        ValidationRule.ILLEGAL_CHARACTER),
                bad(
                        "null customer",
                        c -> NewTask.builder(null, "ok", LI, TODAY),
                        "customerId",
                        ValidationRule.REQUIRED),
                bad("null assignee", c -> NewTask.builder(c, "ok", null, TODAY), "assignee", ValidationRule.REQUIRED),
                bad("null due date", c -> NewTask.builder(c, "ok", LI, null), "dueDate", ValidationRule.REQUIRED),
                bad(
                        "far-future due date",
                        c -> NewTask.builder(c, "ok", LI, TODAY.plusYears(100).plusDays(1)),
                        "dueDate",
                        ValidationRule.FUTURE),
                bad(
                        "due date in year 9999",
                        c -> NewTask.builder(c, "ok", LI, LocalDate.of(9999, 12, 31)),
                        "dueDate",
                        ValidationRule.FUTURE),
                bad(
                        "unknown interaction",
                        c -> NewTask.builder(c, "ok", LI, TODAY).followingUp(InteractionId.random()),
                        "interactionId",
                        ValidationRule.UNKNOWN_REFERENCE));
    }

    static Arguments bad(String name, Function<CustomerId, NewTask.Builder> input, String field, ValidationRule rule) {
        return Arguments.of(name, input, field, rule);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    @DisplayName("bad input is refused naming the field and the rule; nothing is stored and no event sent")
    void badInputRefused(String name, Function<CustomerId, NewTask.Builder> input, String field, ValidationRule rule) {
        assertThatThrownBy(() -> interactions.createTask(input.apply(customer).build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.rule()).isEqualTo(rule);
                });
        assertThat(stored()).isEmpty();
        assertThat(interactions.tasksOf(LI, false, PageRequest.first(10)).items())
                .isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    @DisplayName("a task cannot follow up another customer's interaction")
    void interactionOfAnotherCustomer() {
        Interaction othersCall =
                interactions.log(NewInteraction.builder(otherCustomer, Channel.PHONE, Direction.INBOUND, "x")
                        .build());
        events.clear();
        assertThatThrownBy(() -> interactions.createTask(
                        todo(customer, LI, TODAY).followingUp(othersCall.id()).build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("interactionId");
                    assertThat(e.rule()).isEqualTo(ValidationRule.UNKNOWN_REFERENCE);
                });
        assertThat(stored()).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    @DisplayName("a task for an unknown customer is NotFoundException(Customer); nothing is stored")
    void unknownCustomer() {
        assertThatThrownBy(() -> interactions.createTask(
                        todo(CustomerId.random(), LI, TODAY).build()))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.entityType()).isEqualTo("Customer"));
        assertThat(interactions.tasksOf(LI, false, PageRequest.first(10)).items())
                .isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    @DisplayName("the transition table is OPEN->DONE, OPEN->CANCELLED, DONE->OPEN, CANCELLED->OPEN")
    void transitionTable() {
        assertThat(TaskStatus.OPEN.next()).isEqualTo(EnumSet.of(TaskStatus.DONE, TaskStatus.CANCELLED));
        assertThat(TaskStatus.DONE.next()).isEqualTo(EnumSet.of(TaskStatus.OPEN));
        assertThat(TaskStatus.CANCELLED.next()).isEqualTo(EnumSet.of(TaskStatus.OPEN));
    }

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (TaskStatus from : TaskStatus.values()) {
            for (TaskStatus to : TaskStatus.values()) {
                pairs.add(Arguments.of(from, to));
            }
        }
        return pairs.stream();
    }

    Task into(TaskStatus status) {
        Task task = create(TODAY);
        return switch (status) {
            case OPEN -> task;
            case DONE -> interactions.complete(task.id(), task.version());
            case CANCELLED -> interactions.cancel(task.id(), task.version());
        };
    }

    Task move(Task task, TaskStatus to) {
        return switch (to) {
            case OPEN -> interactions.reopen(task.id(), task.version());
            case DONE -> interactions.complete(task.id(), task.version());
            case CANCELLED -> interactions.cancel(task.id(), task.version());
        };
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    @DisplayName("every pair of statuses moves exactly when the table allows it")
    void everyTransition(TaskStatus from, TaskStatus to) {
        Task task = into(from);
        events.clear();
        if (from.canGoTo(to)) {
            Task moved = move(task, to);
            assertThat(moved.status()).isEqualTo(to);
            assertThat(moved.version()).isEqualTo(task.version() + 1);
            assertThat(moved.completedAt()).isEqualTo(to == TaskStatus.DONE ? NOW : null);
            assertThat(interactions.getTask(task.id())).isEqualTo(moved);
        } else {
            assertThatThrownBy(() -> move(task, to)).isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                assertThat(e.from()).isEqualTo(from);
                assertThat(e.to()).isEqualTo(to);
            });
            assertThat(interactions.getTask(task.id())).isEqualTo(task);
            assertThat(events).isEmpty();
        }
    }

    @Test
    @DisplayName("reopening a done task clears completedAt")
    void reopenClearsCompletion() {
        Task done = into(TaskStatus.DONE);
        assertThat(done.completedAt()).isEqualTo(NOW);
        Task reopened = interactions.reopen(done.id(), done.version());
        assertThat(reopened.completedAt()).isNull();
        assertThat(reopened.status()).isEqualTo(TaskStatus.OPEN);
    }

    @Test
    @DisplayName("a change based on an old version is StaleVersionException and changes nothing")
    void staleVersion() {
        Task task = create(TODAY);
        Task rescheduled = interactions.reschedule(task.id(), 1, TODAY.plusDays(1));
        assertThatThrownBy(() -> interactions.complete(task.id(), 1)).isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> interactions.cancel(task.id(), 1)).isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> interactions.reassign(task.id(), 1, WEI)).isInstanceOf(StaleVersionException.class);
        assertThat(interactions.getTask(task.id())).isEqualTo(rescheduled);
        assertThat(events).hasSize(1); // only TaskCreated
    }

    @Test
    @DisplayName("an open task can be rescheduled and reassigned; a closed one cannot")
    void rescheduleAndReassign() {
        Task task = create(TODAY);
        Task moved = interactions.reschedule(task.id(), 1, TODAY.plusDays(7));
        assertThat(moved.dueDate()).isEqualTo(TODAY.plusDays(7));
        Task handed = interactions.reassign(task.id(), 2, WEI);
        assertThat(handed.assignee()).isEqualTo(WEI);
        assertThat(handed.version()).isEqualTo(3);
        assertThatThrownBy(() -> interactions.reschedule(task.id(), 3, TODAY.plusYears(101)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("dueDate");
                    assertThat(e.rule()).isEqualTo(ValidationRule.FUTURE);
                });
        Task done = interactions.complete(task.id(), 3);
        assertThatThrownBy(() -> interactions.reschedule(task.id(), done.version(), TODAY))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("status");
                    assertThat(e.rule()).isEqualTo(ValidationRule.INVALID_STATE);
                });
        assertThatThrownBy(() -> interactions.reassign(task.id(), done.version(), LI))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.rule()).isEqualTo(ValidationRule.INVALID_STATE));
        assertThat(interactions.getTask(task.id())).isEqualTo(done);
    }

    @Test
    @DisplayName("a salesperson's to-do list is ordered by due date, with or without closed tasks")
    void tasksOf() {
        Task later = create(TODAY.plusDays(5));
        Task sooner = create(TODAY.plusDays(1));
        Task done = interactions.complete(create(TODAY.minusDays(1)).id(), 1);
        interactions.createTask(todo(customer, WEI, TODAY).build());
        assertThat(interactions.tasksOf(LI, true, PageRequest.first(10)).items())
                .containsExactly(sooner, later);
        Page<Task> all = interactions.tasksOf(LI, false, PageRequest.first(2));
        assertThat(all.items()).containsExactly(done, sooner);
        assertThat(interactions
                        .tasksOf(LI, false, all.nextRequest().orElseThrow())
                        .items())
                .containsExactly(later);
    }

    @Test
    @DisplayName("overdue tasks are the open ones due before the day, tenant-wide, by due date")
    void overdue() {
        Task twoDaysLate = create(TODAY.minusDays(2));
        Task othersLate = interactions.createTask(
                todo(otherCustomer, WEI, TODAY.minusDays(1)).build());
        create(TODAY); // due today: not overdue yet
        interactions.complete(create(TODAY.minusDays(9)).id(), 1);
        interactions.cancel(create(TODAY.minusDays(8)).id(), 1);
        assertThat(interactions.overdueTasks(TODAY, PageRequest.first(10)).items())
                .containsExactly(twoDaysLate, othersLate);
        assertThat(twoDaysLate.isOverdue(TODAY)).isTrue();
        assertThat(twoDaysLate.isOverdue(TODAY.minusDays(2))).isFalse();
        assertThat(interactions
                        .overdueTasks(TODAY.plusDays(1), PageRequest.first(10))
                        .items())
                .hasSize(3);
    }

    @Test
    @DisplayName("a customer's tasks list every status by due date")
    void tasksOfCustomer() {
        Task b = create(TODAY.plusDays(1));
        Task a = interactions.cancel(create(TODAY).id(), 1);
        interactions.createTask(todo(otherCustomer, LI, TODAY).build());
        assertThat(interactions.tasksOfCustomer(customer, PageRequest.first(10)).items())
                .containsExactly(a, b);
        assertThatThrownBy(() -> interactions.tasksOfCustomer(CustomerId.random(), PageRequest.first(10)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("another tenant never sees or changes this tenant's tasks")
    void tenantIsolation() {
        Task task = create(TODAY.minusDays(1));
        Interactions globex = crm.tenant("globex").interactions();
        assertThat(globex.findTask(task.id())).isEmpty();
        assertThatThrownBy(() -> globex.getTask(task.id()))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.entityType()).isEqualTo("Task"));
        assertThatThrownBy(() -> globex.complete(task.id(), 1)).isInstanceOf(NotFoundException.class);
        assertThat(globex.tasksOf(LI, false, PageRequest.first(10)).items()).isEmpty();
        assertThat(globex.overdueTasks(TODAY, PageRequest.first(10)).items()).isEmpty();
        assertThat(interactions.getTask(task.id())).isEqualTo(task);
    }

    @Test
    @DisplayName("TaskCreated and TaskCompleted are delivered after commit; cancel and reopen send none")
    void events() {
        Task task = create(TODAY.plusDays(3));
        Task done = interactions.complete(task.id(), 1);
        Task reopened = interactions.reopen(task.id(), 2);
        interactions.cancel(task.id(), reopened.version());
        assertThat(events).hasSize(2);
        TaskCreated created = (TaskCreated) events.get(0);
        assertThat(created.customerId()).isEqualTo(customer);
        assertThat(created.taskId()).isEqualTo(task.id());
        assertThat(created.assignee()).isEqualTo(LI);
        assertThat(created.dueDate()).isEqualTo(TODAY.plusDays(3));
        TaskCompleted completed = (TaskCompleted) events.get(1);
        assertThat(completed.customerId()).isEqualTo(customer);
        assertThat(completed.taskId()).isEqualTo(task.id());
        assertThat(completed.completedAt()).isEqualTo(done.completedAt());
        assertThat(completed.metadata().occurredAt()).isEqualTo(NOW);
        assertThat(Set.copyOf(events.stream().map(e -> e.metadata().eventId()).toList()))
                .hasSize(2);
    }

    @Test
    @DisplayName("the status enum documents each status' next statuses without itself")
    void noSelfTransitions() {
        for (TaskStatus s : TaskStatus.values()) {
            assertThat(s.canGoTo(s)).isFalse();
        }
    }
}
