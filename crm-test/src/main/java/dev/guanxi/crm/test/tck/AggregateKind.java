package dev.guanxi.crm.test.tck;

import dev.guanxi.crm.Aggregate;
import dev.guanxi.crm.competitor.Competitor;
import dev.guanxi.crm.competitor.CompetitorDealing;
import dev.guanxi.crm.competitor.CompetitorDealingId;
import dev.guanxi.crm.competitor.CompetitorId;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.CustomerQuery;
import dev.guanxi.crm.interaction.Interaction;
import dev.guanxi.crm.interaction.InteractionId;
import dev.guanxi.crm.interaction.Task;
import dev.guanxi.crm.interaction.TaskId;
import dev.guanxi.crm.interaction.TaskStatus;
import dev.guanxi.crm.marketing.Campaign;
import dev.guanxi.crm.marketing.CampaignId;
import dev.guanxi.crm.marketing.CampaignResponse;
import dev.guanxi.crm.marketing.CampaignResponseId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.Contract;
import dev.guanxi.crm.sales.ContractId;
import dev.guanxi.crm.sales.ContractStatus;
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
import dev.guanxi.crm.test.tck.SampleAggregates.Texts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One of the fourteen versioned aggregate types of the storage SPI (the fifteenth repository, reference codes,
 * is not versioned and is tested on its own): how to reach its repository, its sample instances, and every
 * read path on which a stored instance must show up.
 *
 * @param name the aggregate's simple name, for messages
 * @param repository the aggregate's repository in a unit of work
 * @param maximal instances with every optional component set, texts from the given source
 * @param minimal an instance with every optional component {@code null} or empty
 * @param readPaths the read paths of the repository that must return a stored instance, by a readable name;
 *     each gives the rows it returned (an {@code Optional} as zero or one row, a page as its items)
 * @param <I> the id type
 * @param <A> the aggregate type
 */
record AggregateKind<I, A extends Aggregate<I>>(
        String name,
        Function<UnitOfWork, AggregateRepository<I, A>> repository,
        Function<Texts, List<A>> maximal,
        Supplier<A> minimal,
        ReadPaths<A> readPaths) {

    /** The largest page, so that a list path returns every row of a test. */
    static final PageRequest ALL = PageRequest.first(PageRequest.MAX_LIMIT);

    /**
     * The read paths of one aggregate.
     *
     * @param <A> the aggregate type
     */
    @FunctionalInterface
    interface ReadPaths<A> {
        /**
         * Adds the read paths that must return {@code aggregate}.
         *
         * @param uow the unit of work to read in
         * @param aggregate a stored aggregate
         * @param paths receives each path's name and the rows it returned
         */
        void read(UnitOfWork uow, A aggregate, BiConsumer<String, List<?>> paths);
    }

    /**
     * Runs every read path that must return an aggregate.
     *
     * @param uow the unit of work
     * @param aggregate the stored aggregate
     * @return each path's rows by the path's name, in a fixed order
     */
    Map<String, List<?>> readAll(UnitOfWork uow, A aggregate) {
        Map<String, List<?>> rows = new LinkedHashMap<>();
        rows.put("find", rows(repository.apply(uow).find(aggregate.id())));
        readPaths.read(uow, aggregate, rows::put);
        return rows;
    }

    /**
     * Inserts an aggregate of this kind.
     *
     * @param uow the unit of work
     * @param aggregate the aggregate
     */
    void insert(UnitOfWork uow, Object aggregate) {
        repository.apply(uow).insert(cast(aggregate));
    }

    /**
     * Finds an aggregate of this kind by id.
     *
     * @param uow the unit of work
     * @param aggregate an aggregate whose id to look up
     * @return what the store holds under that id
     */
    Optional<A> find(UnitOfWork uow, Object aggregate) {
        return repository.apply(uow).find(cast(aggregate).id());
    }

    @SuppressWarnings("unchecked")
    private A cast(Object aggregate) {
        return (A) aggregate;
    }

    static List<?> rows(Optional<?> found) {
        return found.stream().toList();
    }

    static List<?> rows(Page<?> page) {
        return page.items();
    }

    /** Customers. */
    static final AggregateKind<CustomerId, Customer> CUSTOMER = new AggregateKind<>(
            "Customer",
            UnitOfWork::customers,
            t -> List.of(SampleAggregates.maximalCustomer(t)),
            SampleAggregates::minimalCustomer,
            (uow, c, paths) -> {
                for (var q : customerQueries(c).entrySet()) {
                    paths.accept(
                            "query(" + q.getKey() + ")", rows(uow.customers().query(q.getValue(), ALL)));
                }
                if (c.externalId() != null) {
                    paths.accept("findByExternalId", rows(uow.customers().findByExternalId(c.externalId())));
                }
            });

    /**
     * The queries that must match a customer: all, and each filter set to the customer's own value.
     *
     * @param c the customer
     * @return the queries by a readable name
     */
    static Map<String, CustomerQuery> customerQueries(Customer c) {
        Map<String, CustomerQuery> queries = new LinkedHashMap<>();
        CustomerQuery all = CustomerQuery.all();
        queries.put("all", all);
        queries.put("kind", all.withKind(c.kind()));
        if (c.customerType() != null) {
            queries.put("customerType", all.withCustomerType(c.customerType()));
        }
        if (c.status() != null) {
            queries.put("status", all.withStatus(c.status()));
        }
        if (c.region() != null) {
            queries.put("region", all.withRegion(c.region()));
        }
        if (c.industry() != null) {
            queries.put("industry", all.withIndustry(c.industry()));
        }
        if (c.owner() != null) {
            queries.put("owner", all.withOwner(c.owner()));
        }
        for (String tag : c.tags()) {
            queries.put("tag " + tag, all.withTag(tag));
        }
        if (c.externalId() != null) {
            queries.put("externalId", all.withExternalId(c.externalId()));
        }
        String name = c.displayName();
        queries.put("namePrefix whole name", all.withNamePrefix(name));
        queries.put("namePrefix first character", all.withNamePrefix(name.substring(0, name.offsetByCodePoints(0, 1))));
        if (c.legalName() != null) {
            queries.put("namePrefix legal name", all.withNamePrefix(c.legalName()));
        }
        queries.put(
                "every filter",
                new CustomerQuery(
                        c.kind(),
                        c.customerType(),
                        c.status(),
                        c.region(),
                        c.industry(),
                        c.owner(),
                        c.tags().isEmpty() ? null : c.tags().iterator().next(),
                        c.externalId(),
                        name));
        return queries;
    }

    /** Interactions. */
    static final AggregateKind<InteractionId, Interaction> INTERACTION = new AggregateKind<>(
            "Interaction",
            UnitOfWork::interactions,
            t -> List.of(SampleAggregates.maximalInteraction(t)),
            SampleAggregates::minimalInteraction,
            (uow, i, paths) -> {
                paths.accept("listByCustomer", rows(uow.interactions().listByCustomer(i.customerId(), ALL)));
                if (i.staffId() != null) {
                    paths.accept("listByStaff", rows(uow.interactions().listByStaff(i.staffId(), ALL)));
                }
                if (i.caseId() != null) {
                    paths.accept("listByCase", rows(uow.interactions().listByCase(i.caseId(), ALL)));
                }
            });

    /** Tasks. */
    static final AggregateKind<TaskId, Task> TASK = new AggregateKind<>(
            "Task",
            UnitOfWork::tasks,
            t -> List.of(SampleAggregates.maximalTask(t)),
            SampleAggregates::minimalTask,
            (uow, t, paths) -> {
                paths.accept("listByCustomer", rows(uow.tasks().listByCustomer(t.customerId(), ALL)));
                paths.accept("listByAssignee", rows(uow.tasks().listByAssignee(t.assignee(), false, ALL)));
                if (t.status() == TaskStatus.OPEN) {
                    paths.accept("listByAssignee open", rows(uow.tasks().listByAssignee(t.assignee(), true, ALL)));
                    paths.accept(
                            "listOverdue",
                            rows(uow.tasks().listOverdue(t.dueDate().plusDays(1), ALL)));
                }
            });

    /** Orders. */
    static final AggregateKind<OrderId, Order> ORDER = new AggregateKind<>(
            "Order",
            UnitOfWork::orders,
            t -> List.of(SampleAggregates.maximalOrder(t)),
            SampleAggregates::minimalOrder,
            (uow, o, paths) -> {
                paths.accept("listByCustomer", rows(uow.orders().listByCustomer(o.customerId(), ALL)));
                if (o.orderNumber() != null) {
                    paths.accept("findByOrderNumber", rows(uow.orders().findByOrderNumber(o.orderNumber())));
                }
            });

    /** Invoices. */
    static final AggregateKind<InvoiceId, Invoice> INVOICE = new AggregateKind<>(
            "Invoice",
            UnitOfWork::invoices,
            t -> List.of(SampleAggregates.maximalInvoice(t)),
            SampleAggregates::minimalInvoice,
            (uow, i, paths) -> {
                paths.accept("findByInvoiceNumber", rows(uow.invoices().findByInvoiceNumber(i.invoiceNumber())));
                paths.accept("listByCustomer", rows(uow.invoices().listByCustomer(i.customerId(), ALL)));
                if (i.status().isOpen()) {
                    paths.accept("listOpenByCustomer", rows(uow.invoices().listOpenByCustomer(i.customerId(), ALL)));
                    paths.accept(
                            "listOverdue",
                            rows(uow.invoices().listOverdue(i.dueDate().plusDays(1), ALL)));
                }
            });

    /** Payments. */
    static final AggregateKind<PaymentId, Payment> PAYMENT = new AggregateKind<>(
            "Payment",
            UnitOfWork::payments,
            t -> List.of(SampleAggregates.maximalPayment(t)),
            SampleAggregates::minimalPayment,
            (uow, p, paths) -> {
                paths.accept("listByCustomer", rows(uow.payments().listByCustomer(p.customerId(), ALL)));
                if (p.invoiceId() != null) {
                    paths.accept("listByInvoice", uow.payments().listByInvoice(p.invoiceId()));
                }
            });

    /** Opportunities. */
    static final AggregateKind<OpportunityId, Opportunity> OPPORTUNITY = new AggregateKind<>(
            "Opportunity",
            UnitOfWork::opportunities,
            t -> List.of(SampleAggregates.maximalOpportunity(t)),
            SampleAggregates::minimalOpportunity,
            (uow, o, paths) -> {
                paths.accept("listByCustomer", rows(uow.opportunities().listByCustomer(o.customerId(), ALL)));
                if (o.isOpen()) {
                    paths.accept("listOpen", rows(uow.opportunities().listOpen(Optional.empty(), ALL)));
                    paths.accept(
                            "listOpen(pipeline)", rows(uow.opportunities().listOpen(Optional.of(o.pipeline()), ALL)));
                }
            });

    /** Contracts. */
    static final AggregateKind<ContractId, Contract> CONTRACT = new AggregateKind<>(
            "Contract",
            UnitOfWork::contracts,
            SampleAggregates::maximalContracts,
            SampleAggregates::minimalContract,
            (uow, c, paths) -> {
                paths.accept("findByContractNumber", rows(uow.contracts().findByContractNumber(c.contractNumber())));
                paths.accept("listByCustomer", rows(uow.contracts().listByCustomer(c.customerId(), ALL)));
                if (c.status() == ContractStatus.ACTIVE) {
                    paths.accept(
                            "listDueForRenewal",
                            rows(uow.contracts().listDueForRenewal(c.effectiveRenewalDate(), ALL)));
                }
            });

    /** Service cases. */
    static final AggregateKind<ServiceCaseId, ServiceCase> SERVICE_CASE = new AggregateKind<>(
            "ServiceCase",
            UnitOfWork::serviceCases,
            t -> List.of(SampleAggregates.maximalServiceCase(t)),
            SampleAggregates::minimalServiceCase,
            (uow, s, paths) -> {
                paths.accept("listByCustomer", rows(uow.serviceCases().listByCustomer(s.customerId(), ALL)));
                if (s.isActive()) {
                    paths.accept("listActive", rows(uow.serviceCases().listActive(ALL)));
                    paths.accept(
                            "listOverdue",
                            rows(uow.serviceCases().listOverdue(s.slaDueAt().plusNanos(1_000), ALL)));
                }
            });

    /** Survey responses. */
    static final AggregateKind<SurveyResponseId, SurveyResponse> SURVEY_RESPONSE = new AggregateKind<>(
            "SurveyResponse",
            UnitOfWork::surveyResponses,
            t -> List.of(SampleAggregates.maximalSurveyResponse(t)),
            SampleAggregates::minimalSurveyResponse,
            (uow, s, paths) ->
                    paths.accept("listByCustomer", rows(uow.surveyResponses().listByCustomer(s.customerId(), ALL))));

    /** Campaigns. */
    static final AggregateKind<CampaignId, Campaign> CAMPAIGN = new AggregateKind<>(
            "Campaign",
            UnitOfWork::campaigns,
            t -> List.of(SampleAggregates.maximalCampaign(t)),
            SampleAggregates::minimalCampaign,
            (uow, c, paths) -> {
                paths.accept("findByCode", rows(uow.campaigns().findByCode(c.code())));
                paths.accept("list", rows(uow.campaigns().list(ALL)));
                paths.accept("listByStatus", rows(uow.campaigns().listByStatus(c.status(), ALL)));
            });

    /** Campaign responses. */
    static final AggregateKind<CampaignResponseId, CampaignResponse> CAMPAIGN_RESPONSE = new AggregateKind<>(
            "CampaignResponse",
            UnitOfWork::campaignResponses,
            t -> List.of(SampleAggregates.maximalCampaignResponse(t)),
            SampleAggregates::minimalCampaignResponse,
            (uow, r, paths) -> {
                paths.accept(
                        "findByCampaignAndCustomer",
                        rows(uow.campaignResponses().findByCampaignAndCustomer(r.campaignId(), r.customerId())));
                paths.accept("listByCampaign", rows(uow.campaignResponses().listByCampaign(r.campaignId(), ALL)));
                paths.accept("listByCustomer", rows(uow.campaignResponses().listByCustomer(r.customerId(), ALL)));
            });

    /** Competitors. */
    static final AggregateKind<CompetitorId, Competitor> COMPETITOR = new AggregateKind<>(
            "Competitor",
            UnitOfWork::competitors,
            t -> List.of(SampleAggregates.maximalCompetitor(t)),
            SampleAggregates::minimalCompetitor,
            (uow, c, paths) -> {
                paths.accept("findByName", rows(uow.competitors().findByName(c.name())));
                paths.accept("list", rows(uow.competitors().list(ALL)));
            });

    /** Competitors' dealings. */
    static final AggregateKind<CompetitorDealingId, CompetitorDealing> COMPETITOR_DEALING = new AggregateKind<>(
            "CompetitorDealing",
            UnitOfWork::competitorDealings,
            t -> List.of(SampleAggregates.maximalCompetitorDealing(t)),
            SampleAggregates::minimalCompetitorDealing,
            (uow, d, paths) -> {
                paths.accept("listByCustomer", rows(uow.competitorDealings().listByCustomer(d.customerId(), ALL)));
                paths.accept(
                        "listByCompetitor", rows(uow.competitorDealings().listByCompetitor(d.competitorId(), ALL)));
            });

    /** Every versioned aggregate type, in the order of {@link UnitOfWork}'s repositories. */
    static final List<AggregateKind<?, ?>> ALL_KINDS = List.of(
            CUSTOMER,
            INTERACTION,
            TASK,
            ORDER,
            INVOICE,
            PAYMENT,
            OPPORTUNITY,
            CONTRACT,
            SERVICE_CASE,
            SURVEY_RESPONSE,
            CAMPAIGN,
            CAMPAIGN_RESPONSE,
            COMPETITOR,
            COMPETITOR_DEALING);
}
