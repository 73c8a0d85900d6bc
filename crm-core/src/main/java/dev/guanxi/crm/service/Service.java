package dev.guanxi.crm.service;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.IllegalTransitionException;
import dev.guanxi.crm.NotFoundException;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Customer service of one tenant: service cases (complaints, requests, enquiries) with their SLA and
 * resolution archive, and satisfaction surveys kept as a time series. Obtained from {@code
 * crm.tenant(id).service()}; thread-safe.
 *
 * <p>Every write validates its input before anything is stored ({@link ValidationException} naming the field
 * and the rule), checks that the customer exists in this tenant ({@link NotFoundException} with entity type
 * {@code Customer} otherwise) and publishes its events after commit. Every read that is about one customer
 * checks the customer the same way. Status changes follow the table in {@link CaseStatus}; each publishes
 * {@link dev.guanxi.crm.event.CaseStatusChanged}, and resolving and reopening also publish {@link
 * dev.guanxi.crm.event.CaseResolved} and {@link dev.guanxi.crm.event.CaseReopened}.
 */
@Beta
public interface Service {
    /**
     * Opens a service case. {@code openedAt} defaults to the CRM's clock and may not lie more than ten minutes
     * in the future; the configured {@link SlaPolicy} decides {@code slaDueAt} from it. Publishes {@link
     * dev.guanxi.crm.event.CaseOpened}.
     *
     * @param serviceCase what to open
     * @return the stored case, {@code OPEN}, at version 1
     * @throws ValidationException if a value breaks a rule; nothing is stored
     * @throws NotFoundException if the customer does not exist in this tenant
     * @throws IllegalStateException if the SLA policy returns no instant or one before {@code openedAt}
     */
    ServiceCase openCase(NewServiceCase serviceCase);

    /**
     * Finds a service case.
     *
     * @param id the id
     * @return the case, or empty if this tenant has none with that id
     */
    Optional<ServiceCase> find(ServiceCaseId id);

    /**
     * Returns a service case.
     *
     * @param id the id
     * @return the case
     * @throws NotFoundException if this tenant has none with that id
     */
    default ServiceCase get(ServiceCaseId id) {
        return find(id).orElseThrow(() -> new NotFoundException("ServiceCase", id));
    }

    /**
     * Starts work on an open case ({@code OPEN -> IN_PROGRESS}) and assigns it.
     *
     * @param id the case
     * @param expectedVersion the version the change is based on
     * @param assignee who works on it
     * @return the stored case, one version later
     * @throws ValidationException if the assignee is missing; nothing is stored
     * @throws NotFoundException if the case (or its customer) does not exist in this tenant
     * @throws StaleVersionException if the case is no longer at {@code expectedVersion}
     * @throws IllegalTransitionException if the case is not {@code OPEN}
     */
    ServiceCase startWork(ServiceCaseId id, long expectedVersion, StaffId assignee);

    /**
     * Hands an active case to another member of staff; the status is unchanged.
     *
     * @param id the case
     * @param expectedVersion the version the change is based on
     * @param assignee who handles it now
     * @return the stored case, one version later
     * @throws ValidationException if the assignee is missing, or the case is resolved or closed ({@code
     *     status}/{@code INVALID_STATE}); nothing is stored
     * @throws NotFoundException if the case (or its customer) does not exist in this tenant
     * @throws StaleVersionException if the case is no longer at {@code expectedVersion}
     */
    ServiceCase assign(ServiceCaseId id, long expectedVersion, StaffId assignee);

    /**
     * Resolves an active case ({@code OPEN} or {@code IN_PROGRESS -> RESOLVED}); the resolution is archived
     * in the case's history and stays there even if the case is reopened.
     *
     * @param id the case
     * @param expectedVersion the version the change is based on
     * @param resolution what was done, required (line breaks allowed), at most 20,000 characters
     * @return the stored case, one version later
     * @throws ValidationException if the resolution is missing, blank, too long or has illegal characters
     *     ({@code resolution}); nothing is stored
     * @throws NotFoundException if the case (or its customer) does not exist in this tenant
     * @throws StaleVersionException if the case is no longer at {@code expectedVersion}
     * @throws IllegalTransitionException if the case is resolved or closed already
     */
    ServiceCase resolve(ServiceCaseId id, long expectedVersion, String resolution);

    /**
     * Closes a resolved case ({@code RESOLVED -> CLOSED}).
     *
     * @param id the case
     * @param expectedVersion the version the change is based on
     * @return the stored case, one version later
     * @throws NotFoundException if the case (or its customer) does not exist in this tenant
     * @throws StaleVersionException if the case is no longer at {@code expectedVersion}
     * @throws IllegalTransitionException if the case is not {@code RESOLVED}
     */
    ServiceCase close(ServiceCaseId id, long expectedVersion);

    /**
     * Reopens a resolved or closed case ({@code -> OPEN}): the reopen count rises, the current resolution is
     * cleared (it stays in the history) and the {@link SlaPolicy} decides a new due instant from now.
     *
     * @param id the case
     * @param expectedVersion the version the change is based on
     * @param reason why, required (line breaks allowed), at most 20,000 characters
     * @return the stored case, one version later
     * @throws ValidationException if the reason is missing, blank, too long or has illegal characters ({@code
     *     reason}); nothing is stored
     * @throws NotFoundException if the case (or its customer) does not exist in this tenant
     * @throws StaleVersionException if the case is no longer at {@code expectedVersion}
     * @throws IllegalTransitionException if the case is still active
     */
    ServiceCase reopen(ServiceCaseId id, long expectedVersion, String reason);

    /**
     * Lists a customer's cases, newest first: by {@code openedAt} descending, ties by id (in the order of its
     * text form). This is the customer's service history.
     *
     * @param customerId the customer
     * @param page the slice wanted
     * @return one page
     * @throws NotFoundException if the customer does not exist in this tenant
     */
    Page<ServiceCase> listByCustomer(CustomerId customerId, PageRequest page);

    /**
     * Lists the tenant's active cases ({@code OPEN} and {@code IN_PROGRESS}), most urgent first: by {@code
     * slaDueAt} ascending, ties by id.
     *
     * @param page the slice wanted
     * @return one page
     */
    Page<ServiceCase> openCases(PageRequest page);

    /**
     * Lists the tenant's active cases whose SLA due instant lies before an instant, most overdue first: by
     * {@code slaDueAt} ascending, ties by id.
     *
     * @param asOf the instant to judge by; usually now
     * @param page the slice wanted
     * @return one page
     */
    Page<ServiceCase> overdueCases(Instant asOf, PageRequest page);

    /**
     * Publishes a {@link dev.guanxi.crm.event.CaseOverdue} for every active case whose SLA due instant lies in
     * {@code (since, now]}: the cases that became overdue since the previous sweep. A host schedules it (e.g.
     * every 15 minutes) and passes the previous run's instant; windows that overlap raise a case twice, so a
     * listener that must not act twice keys on the case id and due instant (delivery is at least once anyway).
     * The events are written to the outbox in one transaction. O(active overdue cases).
     *
     * @param since the end of the previous sweep, exclusive
     * @return the events published, by due instant then case id
     * @throws dev.guanxi.crm.ValidationException naming {@code since} (REQUIRED, or DATE_ORDER if it lies after
     *     now)
     * @since 0.1.0
     */
    java.util.List<dev.guanxi.crm.event.CaseOverdue> raiseOverdueCases(Instant since);

    /**
     * Records a customer's answer to a satisfaction survey. {@code respondedAt} defaults to the CRM's clock
     * and may not lie more than ten minutes in the future; a linked case must be a case of the same customer.
     * Publishes {@link dev.guanxi.crm.event.SurveyAnswered}.
     *
     * @param response what to record
     * @return the stored response
     * @throws ValidationException if a value breaks a rule (e.g. {@code respondedAt}/{@code FUTURE}, {@code
     *     caseId}/{@code UNKNOWN_REFERENCE}); nothing is stored
     * @throws NotFoundException if the customer does not exist in this tenant
     */
    SurveyResponse recordSurvey(NewSurveyResponse response);

    /**
     * Finds a survey response.
     *
     * @param id the id
     * @return the response, or empty if this tenant has none with that id
     */
    Optional<SurveyResponse> findSurvey(SurveyResponseId id);

    /**
     * Lists a customer's survey responses as a time series: by {@code respondedAt} ascending, ties by id.
     *
     * @param customerId the customer
     * @param page the slice wanted
     * @return one page
     * @throws NotFoundException if the customer does not exist in this tenant
     */
    Page<SurveyResponse> surveysOf(CustomerId customerId, PageRequest page);

    /**
     * Returns all of a customer's survey responses as a time series, in the order of {@link
     * #surveysOf(CustomerId, PageRequest)}. Reads page by page; the pages are separate reads.
     *
     * @param customerId the customer
     * @return every response, oldest first
     * @throws NotFoundException if the customer does not exist in this tenant
     */
    default List<SurveyResponse> surveysOf(CustomerId customerId) {
        List<SurveyResponse> all = new ArrayList<>();
        Optional<PageRequest> next = Optional.of(PageRequest.first(PageRequest.MAX_LIMIT));
        while (next.isPresent()) {
            Page<SurveyResponse> page = surveysOf(customerId, next.get());
            all.addAll(page.items());
            next = page.nextRequest();
        }
        return List.copyOf(all);
    }

    /**
     * Sums up a customer's survey responses: mean CSAT, NPS categories and score. O(n) in the customer's
     * responses, read in one unit of work.
     *
     * @param customerId the customer
     * @return the summary (with empty means when there are no responses)
     * @throws NotFoundException if the customer does not exist in this tenant
     */
    SatisfactionSummary satisfaction(CustomerId customerId);
}
