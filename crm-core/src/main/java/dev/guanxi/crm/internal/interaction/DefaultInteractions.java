package dev.guanxi.crm.internal.interaction;

import dev.guanxi.crm.NotFoundException;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.event.InteractionLogged;
import dev.guanxi.crm.event.TaskCompleted;
import dev.guanxi.crm.event.TaskCreated;
import dev.guanxi.crm.interaction.Interaction;
import dev.guanxi.crm.interaction.InteractionId;
import dev.guanxi.crm.interaction.Interactions;
import dev.guanxi.crm.interaction.NewInteraction;
import dev.guanxi.crm.interaction.NewTask;
import dev.guanxi.crm.interaction.Outcome;
import dev.guanxi.crm.interaction.Task;
import dev.guanxi.crm.interaction.TaskId;
import dev.guanxi.crm.interaction.TaskStatus;
import dev.guanxi.crm.internal.Aggregates;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.internal.CrmContext;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.service.ServiceCase;
import dev.guanxi.crm.service.ServiceCaseId;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.BiFunction;

/** Default {@link Interactions}. Thread-safe: holds no state beyond the shared, immutable context. */
public final class DefaultInteractions implements Interactions {
    private final CrmContext context;
    private final TenantId tenant;

    /**
     * @param context the CRM's configuration and storage
     * @param tenant the tenant this API works in
     */
    public DefaultInteractions(CrmContext context, TenantId tenant) {
        this.context = context;
        this.tenant = tenant;
    }

    @Override
    public Interaction log(NewInteraction draft) {
        Check.required("interaction", draft);
        return context.write(tenant, scope -> {
            if (draft.occurredAt() != null) {
                Check.notFuture("occurredAt", draft.occurredAt(), scope.clock());
            }
            UnitOfWork uow = scope.uow();
            Aggregates.requireCustomer(uow, draft.customerId());
            if (draft.caseId() != null) {
                Aggregates.requireCaseOf(uow, draft.caseId(), draft.customerId());
            }
            if (draft.opportunityId() != null
                    && uow.opportunities()
                            .find(draft.opportunityId())
                            .filter(o -> o.customerId().equals(draft.customerId()))
                            .isEmpty()) {
                throw unknown("opportunityId", draft.opportunityId());
            }
            if (draft.campaignId() != null
                    && uow.campaigns().find(draft.campaignId()).isEmpty()) {
                throw unknown("campaignId", draft.campaignId());
            }
            Interaction interaction = Interaction.of(InteractionId.random(), draft, scope.now());
            uow.interactions().insert(interaction);
            scope.publish(new InteractionLogged(
                    scope.metadata(),
                    interaction.customerId(),
                    interaction.id(),
                    interaction.channel(),
                    interaction.direction(),
                    interaction.occurredAt(),
                    interaction.staffId()));
            return interaction;
        });
    }

    @Override
    public Optional<Interaction> find(InteractionId id) {
        Check.required("id", id);
        return context.read(tenant, uow -> uow.interactions().find(id));
    }

    @Override
    public Interaction update(InteractionId id, long expectedVersion, String notes, Outcome outcome) {
        Check.required("id", id);
        Check.optionalMultiline("notes", notes, Check.TEXT_MAX);
        return context.write(tenant, scope -> {
            UnitOfWork uow = scope.uow();
            Interaction current = Aggregates.current(uow.interactions(), "Interaction", id, expectedVersion);
            Aggregates.requireCustomer(uow, current.customerId());
            Interaction corrected = current.corrected(notes, outcome, scope.now());
            uow.interactions().update(expectedVersion, corrected);
            return corrected;
        });
    }

    @Override
    public Page<Interaction> listByCustomer(CustomerId customerId, PageRequest page) {
        Check.required("customerId", customerId);
        Check.required("page", page);
        return context.read(tenant, uow -> {
            Aggregates.requireCustomer(uow, customerId);
            return uow.interactions().listByCustomer(customerId, page);
        });
    }

    @Override
    public Page<Interaction> listByStaff(StaffId staffId, PageRequest page) {
        Check.required("staffId", staffId);
        Check.required("page", page);
        return context.read(tenant, uow -> uow.interactions().listByStaff(staffId, page));
    }

    @Override
    public Page<Interaction> listByCase(ServiceCaseId caseId, PageRequest page) {
        Check.required("caseId", caseId);
        Check.required("page", page);
        return context.read(tenant, uow -> {
            ServiceCase serviceCase =
                    uow.serviceCases().find(caseId).orElseThrow(() -> new NotFoundException("ServiceCase", caseId));
            Aggregates.requireCustomer(uow, serviceCase.customerId());
            return uow.interactions().listByCase(caseId, page);
        });
    }

    @Override
    public Task createTask(NewTask draft) {
        Check.required("task", draft);
        return context.write(tenant, scope -> {
            Check.plannable("dueDate", draft.dueDate(), scope.clock());
            UnitOfWork uow = scope.uow();
            Aggregates.requireCustomer(uow, draft.customerId());
            if (draft.interactionId() != null) {
                Optional<Interaction> followed = uow.interactions().find(draft.interactionId());
                if (followed.isEmpty() || !followed.get().customerId().equals(draft.customerId())) {
                    throw Check.fail(
                            "interactionId",
                            ValidationRule.UNKNOWN_REFERENCE,
                            "the customer has no interaction " + draft.interactionId());
                }
            }
            Task task = Task.of(TaskId.random(), draft, scope.now());
            uow.tasks().insert(task);
            scope.publish(
                    new TaskCreated(scope.metadata(), task.customerId(), task.id(), task.assignee(), task.dueDate()));
            return task;
        });
    }

    @Override
    public Optional<Task> findTask(TaskId id) {
        Check.required("id", id);
        return context.read(tenant, uow -> uow.tasks().find(id));
    }

    @Override
    public Task complete(TaskId id, long expectedVersion) {
        return changeTask(id, expectedVersion, (task, now) -> task.moveTo(TaskStatus.DONE, now), true);
    }

    @Override
    public Task cancel(TaskId id, long expectedVersion) {
        return changeTask(id, expectedVersion, (task, now) -> task.moveTo(TaskStatus.CANCELLED, now), false);
    }

    @Override
    public Task reopen(TaskId id, long expectedVersion) {
        return changeTask(id, expectedVersion, (task, now) -> task.moveTo(TaskStatus.OPEN, now), false);
    }

    @Override
    public Task reschedule(TaskId id, long expectedVersion, LocalDate dueDate) {
        Check.required("dueDate", dueDate);
        Check.plannable("dueDate", dueDate, context.clock());
        return changeTask(
                id, expectedVersion, (task, now) -> requireOpen(task).replanned(task.assignee(), dueDate, now), false);
    }

    @Override
    public Task reassign(TaskId id, long expectedVersion, StaffId assignee) {
        Check.required("assignee", assignee);
        return changeTask(
                id, expectedVersion, (task, now) -> requireOpen(task).replanned(assignee, task.dueDate(), now), false);
    }

    @Override
    public Page<Task> tasksOf(StaffId assignee, boolean openOnly, PageRequest page) {
        Check.required("assignee", assignee);
        Check.required("page", page);
        return context.read(tenant, uow -> uow.tasks().listByAssignee(assignee, openOnly, page));
    }

    @Override
    public Page<Task> overdueTasks(LocalDate asOf, PageRequest page) {
        Check.required("asOf", asOf);
        Check.required("page", page);
        return context.read(tenant, uow -> uow.tasks().listOverdue(asOf, page));
    }

    @Override
    public Page<Task> tasksOfCustomer(CustomerId customerId, PageRequest page) {
        Check.required("customerId", customerId);
        Check.required("page", page);
        return context.read(tenant, uow -> {
            Aggregates.requireCustomer(uow, customerId);
            return uow.tasks().listByCustomer(customerId, page);
        });
    }

    private Task changeTask(
            TaskId id, long expectedVersion, BiFunction<Task, Instant, Task> change, boolean completes) {
        Check.required("id", id);
        return context.write(tenant, scope -> {
            UnitOfWork uow = scope.uow();
            Task current = Aggregates.current(uow.tasks(), "Task", id, expectedVersion);
            Aggregates.requireCustomer(uow, current.customerId());
            Task changed = change.apply(current, scope.now());
            uow.tasks().update(expectedVersion, changed);
            if (completes) {
                scope.publish(new TaskCompleted(
                        scope.metadata(),
                        changed.customerId(),
                        changed.id(),
                        changed.assignee(),
                        changed.dueDate(),
                        changed.completedAt()));
            }
            return changed;
        });
    }

    private static Task requireOpen(Task task) {
        if (task.status() != TaskStatus.OPEN) {
            throw Check.fail("status", ValidationRule.INVALID_STATE, "a " + task.status() + " task cannot be changed");
        }
        return task;
    }

    private static RuntimeException unknown(String field, Object id) {
        return Check.fail(field, ValidationRule.UNKNOWN_REFERENCE, "no " + id + " in this tenant");
    }
}
