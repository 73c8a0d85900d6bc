package dev.guanxi.crm.internal.competitor;

import dev.guanxi.crm.NotFoundException;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.competitor.Competitor;
import dev.guanxi.crm.competitor.CompetitorDealing;
import dev.guanxi.crm.competitor.CompetitorDealingId;
import dev.guanxi.crm.competitor.CompetitorId;
import dev.guanxi.crm.competitor.CompetitorProduct;
import dev.guanxi.crm.competitor.Competitors;
import dev.guanxi.crm.competitor.DealingKind;
import dev.guanxi.crm.competitor.NewCompetitor;
import dev.guanxi.crm.competitor.NewCompetitorDealing;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.event.CompetitorDealingChanged;
import dev.guanxi.crm.event.CompetitorDealingRecorded;
import dev.guanxi.crm.event.CompetitorRegistered;
import dev.guanxi.crm.event.CompetitorUpdated;
import dev.guanxi.crm.internal.Aggregates;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.internal.CrmContext;
import dev.guanxi.crm.internal.CrmContext.WriteScope;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.BiFunction;

/** Default {@link Competitors}. Thread-safe: holds only the immutable context and the tenant. */
public final class DefaultCompetitors implements Competitors {
    private final CrmContext context;
    private final TenantId tenant;

    /**
     * @param context the CRM's configuration and storage
     * @param tenant the tenant this API works in
     */
    public DefaultCompetitors(CrmContext context, TenantId tenant) {
        this.context = context;
        this.tenant = tenant;
    }

    @Override
    public Competitor register(NewCompetitor profile) {
        Check.required("competitor", profile);
        return context.write(tenant, scope -> {
            Competitor competitor = Competitor.register(CompetitorId.random(), profile, scope.now());
            scope.uow().competitors().insert(competitor);
            scope.publish(new CompetitorRegistered(scope.metadata(), competitor.id(), competitor.name()));
            return competitor;
        });
    }

    @Override
    public Competitor update(CompetitorId id, long expectedVersion, NewCompetitor profile) {
        Check.required("id", id);
        Check.required("profile", profile);
        return changeCompetitor(id, expectedVersion, (c, scope) -> c.revise(profile, scope.now()));
    }

    @Override
    public Competitor addProduct(CompetitorId id, long expectedVersion, CompetitorProduct product) {
        Check.required("id", id);
        Check.required("product", product);
        return changeCompetitor(id, expectedVersion, (c, scope) -> c.withProduct(product, scope.now()));
    }

    private Competitor changeCompetitor(
            CompetitorId id, long expectedVersion, BiFunction<Competitor, WriteScope, Competitor> change) {
        return context.write(tenant, scope -> {
            Competitor current = Aggregates.current(scope.uow().competitors(), "Competitor", id, expectedVersion);
            Competitor next = change.apply(current, scope);
            scope.uow().competitors().update(expectedVersion, next);
            scope.publish(new CompetitorUpdated(scope.metadata(), id, next.name(), next.version()));
            return next;
        });
    }

    @Override
    public Optional<Competitor> find(CompetitorId id) {
        Check.required("id", id);
        return context.read(tenant, uow -> uow.competitors().find(id));
    }

    @Override
    public Optional<Competitor> findByName(String name) {
        Check.required("name", name);
        return context.read(tenant, uow -> uow.competitors().findByName(name));
    }

    @Override
    public Page<Competitor> list(PageRequest page) {
        Check.required("page", page);
        return context.read(tenant, uow -> uow.competitors().list(page));
    }

    @Override
    public CompetitorDealing recordDealing(NewCompetitorDealing dealing) {
        Check.required("dealing", dealing);
        return context.write(tenant, scope -> {
            competitor(scope.uow(), dealing.competitorId());
            Aggregates.requireCustomer(scope.uow(), dealing.customerId());
            Check.notFuture("observedOn", dealing.observedOn(), scope.clock());
            CompetitorDealing stored = CompetitorDealing.record(CompetitorDealingId.random(), dealing, scope.now());
            scope.uow().competitorDealings().insert(stored);
            scope.publish(new CompetitorDealingRecorded(
                    scope.metadata(),
                    stored.customerId(),
                    stored.id(),
                    stored.competitorId(),
                    stored.kind(),
                    stored.observedOn()));
            return stored;
        });
    }

    @Override
    public CompetitorDealing changeDealingKind(CompetitorDealingId id, long expectedVersion, DealingKind kind) {
        Check.required("id", id);
        Check.required("kind", kind);
        return changeDealing(id, expectedVersion, (d, scope) -> d.withKind(kind, scope.now()));
    }

    @Override
    public CompetitorDealing endDealing(CompetitorDealingId id, long expectedVersion, LocalDate endedOn) {
        Check.required("id", id);
        Check.required("endedOn", endedOn);
        return changeDealing(id, expectedVersion, (d, scope) -> {
            Check.notFuture("endedOn", endedOn, scope.clock());
            return d.end(endedOn, scope.now());
        });
    }

    private CompetitorDealing changeDealing(
            CompetitorDealingId id,
            long expectedVersion,
            BiFunction<CompetitorDealing, WriteScope, CompetitorDealing> change) {
        return context.write(tenant, scope -> {
            CompetitorDealing current =
                    Aggregates.current(scope.uow().competitorDealings(), "CompetitorDealing", id, expectedVersion);
            CompetitorDealing next = change.apply(current, scope);
            scope.uow().competitorDealings().update(expectedVersion, next);
            scope.publish(new CompetitorDealingChanged(
                    scope.metadata(),
                    next.customerId(),
                    id,
                    next.competitorId(),
                    current.kind(),
                    next.kind(),
                    next.endedOn(),
                    next.version()));
            return next;
        });
    }

    @Override
    public Optional<CompetitorDealing> findDealing(CompetitorDealingId id) {
        Check.required("id", id);
        return context.read(tenant, uow -> uow.competitorDealings().find(id));
    }

    @Override
    public Page<CompetitorDealing> dealingsOf(CustomerId customerId, PageRequest page) {
        Check.required("customerId", customerId);
        Check.required("page", page);
        return context.read(tenant, uow -> {
            Aggregates.requireCustomer(uow, customerId);
            return uow.competitorDealings().listByCustomer(customerId, page);
        });
    }

    @Override
    public Page<CompetitorDealing> dealingsOf(CompetitorId competitorId, PageRequest page) {
        Check.required("competitorId", competitorId);
        Check.required("page", page);
        return context.read(tenant, uow -> {
            competitor(uow, competitorId);
            return uow.competitorDealings().listByCompetitor(competitorId, page);
        });
    }

    private static Competitor competitor(UnitOfWork uow, CompetitorId id) {
        return uow.competitors().find(id).orElseThrow(() -> new NotFoundException("Competitor", id));
    }
}
