package dev.guanxi.crm.internal.stewardship;

import dev.guanxi.crm.Aggregate;
import dev.guanxi.crm.competitor.CompetitorDealing;
import dev.guanxi.crm.competitor.CompetitorDealingId;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.interaction.Interaction;
import dev.guanxi.crm.interaction.InteractionId;
import dev.guanxi.crm.interaction.Task;
import dev.guanxi.crm.interaction.TaskId;
import dev.guanxi.crm.marketing.CampaignResponse;
import dev.guanxi.crm.marketing.CampaignResponseId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.Contract;
import dev.guanxi.crm.sales.ContractId;
import dev.guanxi.crm.sales.Invoice;
import dev.guanxi.crm.sales.InvoiceId;
import dev.guanxi.crm.sales.Opportunity;
import dev.guanxi.crm.sales.OpportunityId;
import dev.guanxi.crm.sales.Order;
import dev.guanxi.crm.sales.OrderId;
import dev.guanxi.crm.sales.Payment;
import dev.guanxi.crm.sales.PaymentId;
import dev.guanxi.crm.service.ServiceCase;
import dev.guanxi.crm.service.ServiceCaseId;
import dev.guanxi.crm.service.SurveyResponse;
import dev.guanxi.crm.service.SurveyResponseId;
import dev.guanxi.crm.spi.storage.AggregateRepository;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import dev.guanxi.crm.stewardship.ChildKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * How each versioned kind of a customer's rows is listed and moved to another customer: through the
 * repositories' own {@code listByCustomer} and {@code update}, so a move is an ordinary versioned write (the row
 * one version on, its customer changed, every other component as it was). Stateless.
 *
 * @param <I> the id type
 * @param <A> the aggregate type
 */
final class Rehome<I, A extends Aggregate<I>> {
    /** Every versioned kind that moves, in {@link ChildKind} order. */
    static final List<Rehome<?, ?>> ALL = List.of(
            new Rehome<>(
                    ChildKind.INTERACTIONS,
                    UnitOfWork::interactions,
                    (u, c, p) -> u.interactions().listByCustomer(c, p),
                    Interaction::customerId,
                    (a, to, v) -> new Interaction(
                            a.id(),
                            to,
                            a.channel(),
                            a.direction(),
                            a.occurredAt(),
                            a.subject(),
                            a.notes(),
                            a.outcome(),
                            a.staffId(),
                            a.contactPerson(),
                            a.caseId(),
                            a.opportunityId(),
                            a.campaignId(),
                            v,
                            a.createdAt(),
                            a.updatedAt()),
                    InteractionId::of),
            new Rehome<>(
                    ChildKind.TASKS,
                    UnitOfWork::tasks,
                    (u, c, p) -> u.tasks().listByCustomer(c, p),
                    Task::customerId,
                    (a, to, v) -> new Task(
                            a.id(),
                            to,
                            a.interactionId(),
                            a.title(),
                            a.notes(),
                            a.assignee(),
                            a.dueDate(),
                            a.status(),
                            a.completedAt(),
                            v,
                            a.createdAt(),
                            a.updatedAt()),
                    TaskId::of),
            new Rehome<>(
                    ChildKind.ORDERS,
                    UnitOfWork::orders,
                    (u, c, p) -> u.orders().listByCustomer(c, p),
                    Order::customerId,
                    (a, to, v) -> new Order(
                            a.id(),
                            to,
                            a.orderNumber(),
                            a.orderDate(),
                            a.lines(),
                            a.total(),
                            a.status(),
                            a.cancelledAt(),
                            v,
                            a.createdAt(),
                            a.updatedAt()),
                    OrderId::of),
            new Rehome<>(
                    ChildKind.INVOICES,
                    UnitOfWork::invoices,
                    (u, c, p) -> u.invoices().listByCustomer(c, p),
                    Invoice::customerId,
                    (a, to, v) -> new Invoice(
                            a.id(),
                            to,
                            a.invoiceNumber(),
                            a.orderId(),
                            a.issueDate(),
                            a.dueDate(),
                            a.amount(),
                            a.paidAmount(),
                            a.status(),
                            a.lastPaymentOn(),
                            a.closedOn(),
                            a.writeOffReason(),
                            v,
                            a.createdAt(),
                            a.updatedAt()),
                    InvoiceId::of),
            new Rehome<>(
                    ChildKind.PAYMENTS,
                    UnitOfWork::payments,
                    (u, c, p) -> u.payments().listByCustomer(c, p),
                    Payment::customerId,
                    (a, to, v) -> new Payment(
                            a.id(),
                            to,
                            a.invoiceId(),
                            a.amount(),
                            a.receivedOn(),
                            a.method(),
                            a.reference(),
                            v,
                            a.createdAt(),
                            a.updatedAt()),
                    PaymentId::of),
            new Rehome<>(
                    ChildKind.OPPORTUNITIES,
                    UnitOfWork::opportunities,
                    (u, c, p) -> u.opportunities().listByCustomer(c, p),
                    Opportunity::customerId,
                    (a, to, v) -> new Opportunity(
                            a.id(),
                            to,
                            a.name(),
                            a.pipeline(),
                            a.stage(),
                            a.amount(),
                            a.probability(),
                            a.expectedCloseDate(),
                            a.status(),
                            a.lostReason(),
                            a.competitorNote(),
                            a.stageHistory(),
                            a.closedAt(),
                            v,
                            a.createdAt(),
                            a.updatedAt()),
                    OpportunityId::of),
            new Rehome<>(
                    ChildKind.CONTRACTS,
                    UnitOfWork::contracts,
                    (u, c, p) -> u.contracts().listByCustomer(c, p),
                    Contract::customerId,
                    (a, to, v) -> new Contract(
                            a.id(),
                            to,
                            a.kind(),
                            a.contractNumber(),
                            a.title(),
                            a.startDate(),
                            a.endDate(),
                            a.value(),
                            a.renewalDate(),
                            a.status(),
                            a.terminationReason(),
                            a.renewalOf(),
                            a.renewedBy(),
                            v,
                            a.createdAt(),
                            a.updatedAt()),
                    ContractId::of),
            new Rehome<>(
                    ChildKind.SERVICE_CASES,
                    UnitOfWork::serviceCases,
                    (u, c, p) -> u.serviceCases().listByCustomer(c, p),
                    ServiceCase::customerId,
                    (a, to, v) -> new ServiceCase(
                            a.id(),
                            to,
                            a.kind(),
                            a.severity(),
                            a.channel(),
                            a.subject(),
                            a.description(),
                            a.status(),
                            a.assignee(),
                            a.openedAt(),
                            a.slaDueAt(),
                            a.resolution(),
                            a.resolvedAt(),
                            a.closedAt(),
                            a.reopenCount(),
                            a.history(),
                            v,
                            a.createdAt(),
                            a.updatedAt()),
                    ServiceCaseId::of),
            new Rehome<>(
                    ChildKind.SURVEY_RESPONSES,
                    UnitOfWork::surveyResponses,
                    (u, c, p) -> u.surveyResponses().listByCustomer(c, p),
                    SurveyResponse::customerId,
                    (a, to, v) -> new SurveyResponse(
                            a.id(),
                            to,
                            a.respondedAt(),
                            a.csat(),
                            a.nps(),
                            a.comment(),
                            a.caseId(),
                            a.channel(),
                            v,
                            a.createdAt(),
                            a.updatedAt()),
                    SurveyResponseId::of),
            new Rehome<>(
                    ChildKind.CAMPAIGN_RESPONSES,
                    UnitOfWork::campaignResponses,
                    (u, c, p) -> u.campaignResponses().listByCustomer(c, p),
                    CampaignResponse::customerId,
                    (a, to, v) -> new CampaignResponse(
                            a.id(),
                            a.campaignId(),
                            to,
                            a.history(),
                            a.note(),
                            a.orderId(),
                            a.opportunityId(),
                            v,
                            a.createdAt(),
                            a.updatedAt()),
                    CampaignResponseId::of),
            new Rehome<>(
                    ChildKind.COMPETITOR_DEALINGS,
                    UnitOfWork::competitorDealings,
                    (u, c, p) -> u.competitorDealings().listByCustomer(c, p),
                    CompetitorDealing::customerId,
                    (a, to, v) -> new CompetitorDealing(
                            a.id(),
                            a.competitorId(),
                            to,
                            a.kind(),
                            a.productName(),
                            a.estimatedAnnualValue(),
                            a.observedOn(),
                            a.endedOn(),
                            a.note(),
                            v,
                            a.createdAt(),
                            a.updatedAt()),
                    CompetitorDealingId::of));

    /** A copy of a row with another customer and version, every other component as it is. */
    @FunctionalInterface
    interface Repoint<A> {
        A to(A row, CustomerId customer, long version);
    }

    /** Lists one page of a customer's rows. */
    @FunctionalInterface
    interface Lister<A> {
        Page<A> page(UnitOfWork uow, CustomerId customer, PageRequest page);
    }

    private final ChildKind kind;
    private final Function<UnitOfWork, AggregateRepository<I, A>> repository;
    private final Lister<A> lister;
    private final Function<A, CustomerId> customerOf;
    private final Repoint<A> moved;
    private final Function<String, I> id;

    private Rehome(
            ChildKind kind,
            Function<UnitOfWork, AggregateRepository<I, A>> repository,
            Lister<A> lister,
            Function<A, CustomerId> customerOf,
            Repoint<A> moved,
            Function<String, I> id) {
        this.kind = kind;
        this.repository = repository;
        this.lister = lister;
        this.customerOf = customerOf;
        this.moved = moved;
        this.id = id;
    }

    ChildKind kind() {
        return kind;
    }

    /** Every row of a customer, in the repository's list order: O(its rows), one page per 1,000. */
    List<A> rowsOf(UnitOfWork uow, CustomerId customer) {
        List<A> rows = new ArrayList<>();
        PageRequest request = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<A> page = lister.page(uow, customer, request);
            rows.addAll(page.items());
            if (!page.hasMore()) {
                return rows;
            }
            request = request.next();
        }
    }

    /** The stored row of a key, or null. */
    A find(UnitOfWork uow, String key) {
        return repository.apply(uow).find(id.apply(key)).orElse(null);
    }

    CustomerId customerOf(A row) {
        return customerOf.apply(row);
    }

    /**
     * Moves a row to another customer, one version on, if it is still at {@code version}.
     *
     * @return the moved row
     * @throws dev.guanxi.crm.StaleVersionException if it changed (from the repository)
     */
    A move(UnitOfWork uow, String key, long version, CustomerId to) {
        AggregateRepository<I, A> repo = repository.apply(uow);
        A current = current(repo, key, version);
        A next = moved.to(current, to, version + 1);
        repo.update(version, next);
        return next;
    }

    /**
     * Gives a moved row back to its former customer exactly as it was before the move, version included: the
     * row at {@code version} (one above its version before the move) is replaced by its former state. Nobody can
     * hold a copy of the former version that differs from what is restored, so going back one version loses no
     * update (a holder of the moved row's version gets a stale-version failure).
     *
     * @throws dev.guanxi.crm.StaleVersionException if it changed (from the repository)
     */
    void restore(UnitOfWork uow, String key, long version, CustomerId to) {
        AggregateRepository<I, A> repo = repository.apply(uow);
        A current = current(repo, key, version);
        A former = moved.to(current, to, version - 1);
        repo.delete(current.id(), version);
        repo.insert(former);
    }

    private A current(AggregateRepository<I, A> repo, String key, long version) {
        A current = repo.find(id.apply(key))
                .orElseThrow(() -> new dev.guanxi.crm.StaleVersionException(kind.entityType(), key, version));
        if (current.version() != version) {
            throw new dev.guanxi.crm.StaleVersionException(kind.entityType(), key, version);
        }
        return current;
    }
}
