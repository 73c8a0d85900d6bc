package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.Crm;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.competitor.Competitor;
import dev.guanxi.crm.competitor.DealingKind;
import dev.guanxi.crm.competitor.NewCompetitor;
import dev.guanxi.crm.competitor.NewCompetitorDealing;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.ShareAccess;
import dev.guanxi.crm.event.DomainEvent;
import dev.guanxi.crm.interaction.Direction;
import dev.guanxi.crm.interaction.NewInteraction;
import dev.guanxi.crm.interaction.NewTask;
import dev.guanxi.crm.loyalty.MembershipProgramme;
import dev.guanxi.crm.marketing.AidaStage;
import dev.guanxi.crm.marketing.Campaign;
import dev.guanxi.crm.marketing.NewCampaign;
import dev.guanxi.crm.marketing.NewCampaignResponse;
import dev.guanxi.crm.marketing.NewCampaignTarget;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.ContractKind;
import dev.guanxi.crm.sales.Invoice;
import dev.guanxi.crm.sales.NewContract;
import dev.guanxi.crm.sales.NewInvoice;
import dev.guanxi.crm.sales.NewOpportunity;
import dev.guanxi.crm.sales.NewOrder;
import dev.guanxi.crm.sales.NewPayment;
import dev.guanxi.crm.sales.OrderLine;
import dev.guanxi.crm.service.CaseKind;
import dev.guanxi.crm.service.NewServiceCase;
import dev.guanxi.crm.service.NewSurveyResponse;
import dev.guanxi.crm.service.Severity;
import dev.guanxi.crm.spi.storage.Storage;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import dev.guanxi.crm.spi.storage.UnitOfWorkContext;
import dev.guanxi.crm.storage.memory.InMemoryStorage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A CRM on an in-memory store with customers that have rows of every kind a merge moves. */
final class MergeFixture {
    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    static final LocalDate DAY = LocalDate.of(2026, 2, 20);

    final Storage storage;
    final MovableClock clock = new MovableClock(T0);
    final List<DomainEvent> events = new CopyOnWriteArrayList<>();
    final Crm crm;
    final TenantCrm acme;
    private int campaigns;

    MergeFixture() {
        this(new InMemoryStorage());
    }

    MergeFixture(Storage storage) {
        this.storage = storage;
        this.crm = Crm.builder()
                .storage(storage)
                .clock(clock)
                .membership(MembershipProgramme.builder(Money.currency("CNY")).build())
                .listener(DomainEvent.class, events::add)
                .build();
        this.acme = crm.tenant("acme");
    }

    /** Gives a customer one row of every kind that moves (and a points account if {@code member}). */
    void populate(Customer c, String tag, boolean member) {
        CustomerId id = c.id();
        acme.interactions()
                .log(NewInteraction.builder(id, Channel.PHONE, Direction.INBOUND, "call " + tag)
                        .build());
        acme.interactions()
                .createTask(NewTask.builder(id, "follow up " + tag, StaffId.of("alice"), DAY.plusDays(30))
                        .build());
        acme.sales()
                .recordPurchase(NewOrder.builder(id, DAY)
                        .line(OrderLine.of("SKU-" + tag, 3, Money.of("10.05", "CNY")))
                        .build());
        Invoice invoice = acme.sales()
                .issueInvoice(NewInvoice.builder(id, "INV-" + tag, Money.of("30.15", "CNY"))
                        .issuedOn(DAY)
                        .dueOn(DAY.plusDays(30))
                        .build());
        acme.sales()
                .recordPayment(NewPayment.builder(id, Money.of("10.01", "CNY"), DAY.plusDays(1))
                        .forInvoice(invoice.id())
                        .build());
        acme.sales()
                .openOpportunity(NewOpportunity.builder(id, "deal " + tag, Money.of("1000.00", "CNY"))
                        .build());
        acme.sales()
                .createContract(NewContract.builder(id, ContractKind.SALES, "C-" + tag, "Supply " + tag)
                        .period(DAY, DAY.plusYears(1))
                        .value(Money.of("1200.00", "CNY"))
                        .build());
        acme.service()
                .openCase(NewServiceCase.builder(id, CaseKind.COMPLAINT, Severity.HIGH, Channel.PHONE, "broken " + tag)
                        .build());
        acme.service().recordSurvey(NewSurveyResponse.builder(id).csat(4).build());
        Campaign campaign = campaign("CMP-" + tag);
        acme.marketing()
                .recordResponse(NewCampaignResponse.builder(campaign.id(), id, AidaStage.INTEREST)
                        .build());
        acme.marketing().addTargets(campaign.id(), List.of(NewCampaignTarget.of(id, "manual")));
        Competitor rival = acme.competitors()
                .register(NewCompetitor.builder("Rival " + tag).build());
        acme.competitors()
                .recordDealing(NewCompetitorDealing.builder(rival.id(), id, DealingKind.BIDDING, DAY)
                        .build());
        acme.customers().share(id, StaffId.of("helper-" + tag), ShareAccess.READ, "covers " + tag);
        if (member) {
            acme.membership().enrol(id);
            acme.membership().earn(id, "welcome-" + tag, 100, "welcome");
        }
    }

    /** A new active campaign. */
    Campaign campaign(String code) {
        Campaign planned = acme.marketing()
                .planCampaign(NewCampaign.builder(code + "-" + (++campaigns), "Spring " + code)
                        .channel(Channel.EMAIL)
                        .budget("5000.00", "CNY")
                        .period(DAY, DAY.plusDays(60))
                        .build());
        return acme.marketing().launch(planned.id(), planned.version());
    }

    <T> T read(Function<UnitOfWork, T> work) {
        return storage.inTransaction(UnitOfWorkContext.read(acme.tenant()), work::apply);
    }

    /** Every row of the tenant that a merge may touch, by table, for before/after comparisons. */
    Map<String, List<Object>> dump(CustomerId... customers) {
        return read(uow -> {
            Map<String, List<Object>> d = new LinkedHashMap<>();
            d.put("customers", scan(uow.customers()::scan));
            d.put("interactions", scan(uow.interactions()::scan));
            d.put("tasks", scan(uow.tasks()::scan));
            d.put("orders", scan(uow.orders()::scan));
            d.put("invoices", scan(uow.invoices()::scan));
            d.put("payments", scan(uow.payments()::scan));
            d.put("opportunities", scan(uow.opportunities()::scan));
            d.put("contracts", scan(uow.contracts()::scan));
            d.put("serviceCases", scan(uow.serviceCases()::scan));
            d.put("surveys", scan(uow.surveyResponses()::scan));
            d.put("campaigns", scan(uow.campaigns()::scan));
            d.put("responses", scan(uow.campaignResponses()::scan));
            d.put("dealings", scan(uow.competitorDealings()::scan));
            d.put("accounts", scan(uow.points()::scan));
            List<Object> perCustomer = new ArrayList<>();
            for (CustomerId c : customers) {
                perCustomer.add(uow.campaignTargets().listByCustomer(c));
                perCustomer.add(uow.ownership().sharesOf(c));
                perCustomer.add(uow.ownership().ownershipHistory(c));
                perCustomer.add(
                        uow.points().listEntries(c, PageRequest.first(1000)).items());
                perCustomer.add(uow.mergeLog().listByCustomer(c));
                perCustomer.add(uow.mergeLog().findTombstone(c));
            }
            d.put("perCustomer", perCustomer);
            d.put("outbox", new ArrayList<>(uow.outbox().pending(1000)));
            return d;
        });
    }

    private static List<Object> scan(java.util.function.Function<java.util.function.Consumer<Object>, Long> scan) {
        List<Object> rows = new ArrayList<>();
        scan.apply(rows::add);
        return rows;
    }

    /** The sum of a customer's order totals, invoice amounts and payments, in minor units. */
    long[] amounts(CustomerId id) {
        long orders = 0;
        for (var o : all(p -> acme.sales().listOrders(id, p))) {
            orders += minor(o.total());
        }
        long invoices = 0;
        for (var i : all(p -> acme.sales().listInvoices(id, p))) {
            invoices += minor(i.amount());
        }
        long payments = 0;
        for (var p : all(r -> acme.sales().listPayments(id, r))) {
            payments += minor(p.amount());
        }
        return new long[] {orders, invoices, payments};
    }

    static long minor(Money m) {
        return m.amount()
                .movePointRight(m.currency().getDefaultFractionDigits())
                .longValueExact();
    }

    static <T> List<T> all(Function<PageRequest, Page<T>> lister) {
        List<T> rows = new ArrayList<>();
        PageRequest request = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<T> page = lister.apply(request);
            rows.addAll(page.items());
            if (!page.hasMore()) {
                return rows;
            }
            request = request.next();
        }
    }

    /** A clock a test moves by hand. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
