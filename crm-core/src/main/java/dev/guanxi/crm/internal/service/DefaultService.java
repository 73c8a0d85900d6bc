package dev.guanxi.crm.internal.service;

import dev.guanxi.crm.IllegalTransitionException;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.event.CaseOpened;
import dev.guanxi.crm.event.CaseReopened;
import dev.guanxi.crm.event.CaseResolved;
import dev.guanxi.crm.event.CaseStatusChanged;
import dev.guanxi.crm.event.SurveyAnswered;
import dev.guanxi.crm.internal.Aggregates;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.internal.CrmContext;
import dev.guanxi.crm.internal.CrmContext.WriteScope;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.service.CaseStatus;
import dev.guanxi.crm.service.NewServiceCase;
import dev.guanxi.crm.service.NewSurveyResponse;
import dev.guanxi.crm.service.SatisfactionSummary;
import dev.guanxi.crm.service.Service;
import dev.guanxi.crm.service.ServiceCase;
import dev.guanxi.crm.service.ServiceCaseId;
import dev.guanxi.crm.service.SlaContext;
import dev.guanxi.crm.service.SlaPolicy;
import dev.guanxi.crm.service.SurveyResponse;
import dev.guanxi.crm.service.SurveyResponseId;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/** Default {@link Service}. Thread-safe: holds no state beyond the shared, immutable context. */
public final class DefaultService implements Service {
    private final CrmContext context;
    private final TenantId tenant;

    /**
     * @param context the CRM's configuration and storage
     * @param tenant the tenant this API works in
     */
    public DefaultService(CrmContext context, TenantId tenant) {
        this.context = context;
        this.tenant = tenant;
    }

    @Override
    public ServiceCase openCase(NewServiceCase draft) {
        Check.required("serviceCase", draft);
        return context.write(tenant, scope -> {
            Instant openedAt = draft.openedAt() == null
                    ? scope.now()
                    : Check.notFuture("openedAt", draft.openedAt(), scope.clock());
            UnitOfWork uow = scope.uow();
            Aggregates.requireCustomer(uow, draft.customerId());
            Instant due = slaDueAt(new SlaContext(
                    draft.customerId(),
                    draft.kind(),
                    draft.severity(),
                    draft.channel(),
                    openedAt,
                    0,
                    grade(uow, draft.customerId())));
            ServiceCase opened = ServiceCase.open(ServiceCaseId.random(), draft, due, scope.now());
            uow.serviceCases().insert(opened);
            scope.publish(new CaseOpened(
                    scope.metadata(),
                    opened.customerId(),
                    opened.id(),
                    opened.kind(),
                    opened.severity(),
                    opened.channel(),
                    opened.openedAt(),
                    opened.slaDueAt()));
            return opened;
        });
    }

    @Override
    public Optional<ServiceCase> find(ServiceCaseId id) {
        Check.required("id", id);
        return context.read(tenant, uow -> uow.serviceCases().find(id));
    }

    @Override
    public ServiceCase startWork(ServiceCaseId id, long expectedVersion, StaffId assignee) {
        Check.required("assignee", assignee);
        return changeCase(id, expectedVersion, (c, now) -> c.startWork(assignee, now), DefaultService::noDetails);
    }

    @Override
    public ServiceCase assign(ServiceCaseId id, long expectedVersion, StaffId assignee) {
        Check.required("assignee", assignee);
        return changeCase(id, expectedVersion, (c, now) -> c.assign(assignee, now), DefaultService::noDetails);
    }

    @Override
    public ServiceCase resolve(ServiceCaseId id, long expectedVersion, String resolution) {
        Check.required("resolution", resolution);
        Check.optionalMultiline("resolution", resolution, Check.TEXT_MAX);
        return changeCase(
                id,
                expectedVersion,
                (c, now) -> c.resolve(resolution, now),
                (resolved, scope) -> scope.publish(new CaseResolved(
                        scope.metadata(),
                        resolved.customerId(),
                        resolved.id(),
                        resolved.kind(),
                        resolution,
                        resolved.resolvedAt(),
                        !resolved.isSlaBreached(resolved.resolvedAt()))));
    }

    @Override
    public ServiceCase close(ServiceCaseId id, long expectedVersion) {
        return changeCase(id, expectedVersion, (c, now) -> c.close(now), DefaultService::noDetails);
    }

    @Override
    public ServiceCase reopen(ServiceCaseId id, long expectedVersion, String reason) {
        Check.required("reason", reason);
        Check.optionalMultiline("reason", reason, Check.TEXT_MAX);
        String grade = context.read(
                tenant,
                uow -> uow.serviceCases()
                        .find(id)
                        .map(c -> grade(uow, c.customerId()))
                        .orElse(null));
        return changeCase(
                id,
                expectedVersion,
                (c, now) -> {
                    if (!c.status().canGoTo(CaseStatus.OPEN)) {
                        // refused before the policy is asked, so a policy never sees a case that cannot reopen
                        throw new IllegalTransitionException("ServiceCase", c.status(), CaseStatus.OPEN);
                    }
                    int reopenCount = c.reopenCount() + 1;
                    Instant due = slaDueAt(new SlaContext(
                            c.customerId(), c.kind(), c.severity(), c.channel(), now, reopenCount, grade));
                    return c.reopen(reason, now, due);
                },
                (reopened, scope) -> scope.publish(new CaseReopened(
                        scope.metadata(),
                        reopened.customerId(),
                        reopened.id(),
                        reason,
                        reopened.reopenCount(),
                        reopened.slaDueAt())));
    }

    @Override
    public Page<ServiceCase> listByCustomer(CustomerId customerId, PageRequest page) {
        Check.required("customerId", customerId);
        Check.required("page", page);
        return context.read(tenant, uow -> {
            Aggregates.requireCustomer(uow, customerId);
            return uow.serviceCases().listByCustomer(customerId, page);
        });
    }

    @Override
    public Page<ServiceCase> openCases(PageRequest page) {
        Check.required("page", page);
        return context.read(tenant, uow -> uow.serviceCases().listActive(page));
    }

    @Override
    public Page<ServiceCase> overdueCases(Instant asOf, PageRequest page) {
        Check.required("asOf", asOf);
        Check.required("page", page);
        return context.read(tenant, uow -> uow.serviceCases().listOverdue(asOf, page));
    }

    @Override
    public java.util.List<dev.guanxi.crm.event.CaseOverdue> raiseOverdueCases(Instant since) {
        Check.required("since", since);
        return context.write(tenant, scope -> {
            Instant now = scope.now();
            if (since.isAfter(now)) {
                throw Check.fail(
                        "since", dev.guanxi.crm.ValidationRule.DATE_ORDER, "since " + since + " lies after now " + now);
            }
            java.util.List<dev.guanxi.crm.event.CaseOverdue> raised = new java.util.ArrayList<>();
            // listOverdue excludes a case due exactly at now; the window includes it
            Instant bound = now.plusNanos(1);
            PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
            while (true) {
                Page<ServiceCase> p = scope.uow().serviceCases().listOverdue(bound, page);
                for (ServiceCase c : p.items()) {
                    if (c.slaDueAt().isAfter(since)) {
                        raised.add(new dev.guanxi.crm.event.CaseOverdue(
                                scope.metadata(),
                                c.customerId(),
                                c.id(),
                                c.kind(),
                                c.severity(),
                                c.assignee(),
                                c.slaDueAt()));
                    }
                }
                if (!p.hasMore()) {
                    break;
                }
                page = new PageRequest(page.offset() + page.limit(), page.limit());
            }
            raised.forEach(scope::publish);
            return java.util.List.copyOf(raised);
        });
    }

    @Override
    public SurveyResponse recordSurvey(NewSurveyResponse draft) {
        Check.required("response", draft);
        return context.write(tenant, scope -> {
            if (draft.respondedAt() != null) {
                Check.notFuture("respondedAt", draft.respondedAt(), scope.clock());
            }
            UnitOfWork uow = scope.uow();
            Aggregates.requireCustomer(uow, draft.customerId());
            if (draft.caseId() != null) {
                Aggregates.requireCaseOf(uow, draft.caseId(), draft.customerId());
            }
            SurveyResponse response = SurveyResponse.of(SurveyResponseId.random(), draft, scope.now());
            uow.surveyResponses().insert(response);
            scope.publish(new SurveyAnswered(
                    scope.metadata(),
                    response.customerId(),
                    response.id(),
                    response.respondedAt(),
                    response.csat(),
                    response.nps(),
                    response.caseId()));
            return response;
        });
    }

    @Override
    public Optional<SurveyResponse> findSurvey(SurveyResponseId id) {
        Check.required("id", id);
        return context.read(tenant, uow -> uow.surveyResponses().find(id));
    }

    @Override
    public Page<SurveyResponse> surveysOf(CustomerId customerId, PageRequest page) {
        Check.required("customerId", customerId);
        Check.required("page", page);
        return context.read(tenant, uow -> {
            Aggregates.requireCustomer(uow, customerId);
            return uow.surveyResponses().listByCustomer(customerId, page);
        });
    }

    @Override
    public SatisfactionSummary satisfaction(CustomerId customerId) {
        Check.required("customerId", customerId);
        return context.read(tenant, uow -> {
            Aggregates.requireCustomer(uow, customerId);
            List<SurveyResponse> all = new ArrayList<>();
            Optional<PageRequest> next = Optional.of(PageRequest.first(PageRequest.MAX_LIMIT));
            while (next.isPresent()) {
                Page<SurveyResponse> page = uow.surveyResponses().listByCustomer(customerId, next.get());
                all.addAll(page.items());
                next = page.nextRequest();
            }
            return SatisfactionSummary.of(customerId, all);
        });
    }

    /**
     * Loads a case at the expected version, applies a change, stores it, publishes {@link CaseStatusChanged}
     * if the status moved and then the change's own events.
     */
    private ServiceCase changeCase(
            ServiceCaseId id,
            long expectedVersion,
            BiFunction<ServiceCase, Instant, ServiceCase> change,
            BiConsumer<ServiceCase, WriteScope> details) {
        Check.required("id", id);
        return context.write(tenant, scope -> {
            UnitOfWork uow = scope.uow();
            ServiceCase current = Aggregates.current(uow.serviceCases(), "ServiceCase", id, expectedVersion);
            Aggregates.requireCustomer(uow, current.customerId());
            ServiceCase changed = change.apply(current, scope.now());
            uow.serviceCases().update(expectedVersion, changed);
            if (changed.status() != current.status()) {
                scope.publish(new CaseStatusChanged(
                        scope.metadata(),
                        changed.customerId(),
                        changed.id(),
                        current.status(),
                        changed.status(),
                        changed.assignee()));
            }
            details.accept(changed, scope);
            return changed;
        });
    }

    private static void noDetails(ServiceCase changed, WriteScope scope) {}

    private Instant slaDueAt(SlaContext sla) {
        SlaPolicy policy = context.slaPolicy();
        Instant due = policy.dueAt(sla);
        if (due == null || due.isBefore(sla.startsAt())) {
            throw new IllegalStateException(
                    "SLA policy " + policy + " returned " + due + ", not an instant from " + sla.startsAt());
        }
        return due;
    }

    /** The customer's 80/20 grade from its latest score snapshot, or null. */
    private static String grade(UnitOfWork uow, dev.guanxi.crm.customer.CustomerId customerId) {
        try {
            return uow.scores().find(customerId).map(s -> s.labels().get("abc")).orElse(null);
        } catch (UnsupportedOperationException e) {
            return null; // a host store without score snapshots
        }
    }
}
