package dev.guanxi.crm.test.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.NotFoundException;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.competitor.CompetitorDealing;
import dev.guanxi.crm.competitor.CompetitorDealingId;
import dev.guanxi.crm.competitor.CompetitorId;
import dev.guanxi.crm.competitor.DealingKind;
import dev.guanxi.crm.competitor.NewCompetitorDealing;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Conformance tests of {@code CompetitorDealingRepository}: round trip, versioned update and delete, the
 * documented list orders (observed date descending, ties by id) per customer and per competitor with
 * paging, tenant isolation and rollback.
 */
public abstract class CompetitorDealingRepositoryContract extends RepositoryContract {
    private static final Instant T0 = Instant.parse("2026-01-15T10:00:00Z");
    private static final LocalDate D0 = LocalDate.of(2025, 12, 1);

    /** Creates the contract. */
    protected CompetitorDealingRepositoryContract() {}

    private static CompetitorDealing dealing(CompetitorId competitor, CustomerId customer, LocalDate observedOn) {
        return CompetitorDealing.record(
                CompetitorDealingId.random(),
                NewCompetitorDealing.builder(competitor, customer, DealingKind.CURRENT_SUPPLIER, observedOn)
                        .build(),
                T0);
    }

    /** Every component round-trips unchanged. */
    @Test
    @DisplayName("competitor dealings: insert then find returns an equal dealing, every component intact")
    protected void roundTrip() {
        CompetitorDealing full = new CompetitorDealing(
                CompetitorDealingId.random(),
                CompetitorId.random(),
                CustomerId.random(),
                DealingKind.FORMER_SUPPLIER,
                "Rival Pro 专业版",
                Money.of("1234.567", "BHD"),
                D0,
                D0.plusDays(40),
                "Lost them to us 🎉\nafter a price war",
                4,
                T0,
                T0.plusNanos(1_000));
        CompetitorDealing minimal = dealing(CompetitorId.random(), CustomerId.random(), D0);
        run(TENANT_A, uow -> {
            uow.competitorDealings().insert(full);
            uow.competitorDealings().insert(minimal);
        });
        assertThat(read(TENANT_A, (UnitOfWork uow) -> uow.competitorDealings().find(full.id())))
                .contains(full);
        assertThat(read(TENANT_A, (UnitOfWork uow) -> uow.competitorDealings().find(minimal.id())))
                .contains(minimal);
        assertThat(read(TENANT_A, (UnitOfWork uow) -> uow.competitorDealings().find(CompetitorDealingId.random())))
                .isEmpty();
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.competitorDealings().insert(full)))
                .isInstanceOf(DuplicateKeyException.class);
    }

    /** Updates and deletes check the version. */
    @Test
    @DisplayName("competitor dealings: update and delete need the current version")
    protected void versions() {
        CompetitorDealing d = dealing(CompetitorId.random(), CustomerId.random(), D0);
        run(TENANT_A, uow -> uow.competitorDealings().insert(d));
        CompetitorDealing ended = d.end(D0.plusDays(3), T0.plusSeconds(1));
        run(TENANT_A, uow -> uow.competitorDealings().update(1, ended));
        assertThat(read(TENANT_A, (UnitOfWork uow) -> uow.competitorDealings().find(d.id())))
                .contains(ended);

        assertThatThrownBy(() -> run(
                        TENANT_A,
                        uow -> uow.competitorDealings().update(1, d.withKind(DealingKind.FORMER_SUPPLIER, T0))))
                .isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.competitorDealings().delete(d.id(), 1)))
                .isInstanceOf(StaleVersionException.class);
        assertThat(read(TENANT_A, (UnitOfWork uow) -> uow.competitorDealings().find(d.id())))
                .contains(ended);
        run(TENANT_A, uow -> uow.competitorDealings().delete(d.id(), 2));
        assertThat(read(TENANT_A, (UnitOfWork uow) -> uow.competitorDealings().find(d.id())))
                .isEmpty();
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.competitorDealings().update(1, ended)))
                .isInstanceOf(NotFoundException.class);
    }

    /** Lists follow the documented order and page without gaps or repeats. */
    @Test
    @DisplayName("competitor dealings: listByCustomer and listByCompetitor order by observedOn descending, ties by id")
    protected void listing() {
        CustomerId customer = CustomerId.random();
        CompetitorId competitor = CompetitorId.random();
        List<CompetitorDealing> ofCustomer = List.of(
                dealing(competitor, customer, D0),
                dealing(CompetitorId.random(), customer, D0.plusDays(5)),
                dealing(competitor, customer, D0),
                dealing(CompetitorId.random(), customer, D0.minusYears(3)),
                dealing(competitor, customer, D0));
        CompetitorDealing otherCustomer = dealing(competitor, CustomerId.random(), D0.plusDays(1));
        run(TENANT_A, uow -> {
            ofCustomer.forEach(uow.competitorDealings()::insert);
            uow.competitorDealings().insert(otherCustomer);
        });
        Comparator<CompetitorDealing> order =
                Comparator.comparing(CompetitorDealing::observedOn).reversed().thenComparing(d -> d.id().toString());

        Page<CompetitorDealing> first = read(
                TENANT_A, (UnitOfWork uow) -> uow.competitorDealings().listByCustomer(customer, PageRequest.first(2)));
        Page<CompetitorDealing> second = read(
                TENANT_A, (UnitOfWork uow) -> uow.competitorDealings().listByCustomer(customer, new PageRequest(2, 2)));
        Page<CompetitorDealing> third = read(
                TENANT_A, (UnitOfWork uow) -> uow.competitorDealings().listByCustomer(customer, new PageRequest(4, 2)));
        assertThat(first.hasMore()).isTrue();
        assertThat(third.hasMore()).isFalse();
        assertThat(Stream.of(first, second, third).flatMap(p -> p.items().stream()))
                .containsExactlyElementsOf(ofCustomer.stream().sorted(order).toList());

        List<CompetitorDealing> ofCompetitor = Stream.concat(
                        ofCustomer.stream().filter(d -> d.competitorId().equals(competitor)), Stream.of(otherCustomer))
                .sorted(order)
                .toList();
        assertThat(read(
                                TENANT_A,
                                (UnitOfWork uow) ->
                                        uow.competitorDealings().listByCompetitor(competitor, PageRequest.first(10)))
                        .items())
                .containsExactlyElementsOf(ofCompetitor);
    }

    /** Tenants never see each other's dealings. */
    @Test
    @DisplayName("competitor dealings: another tenant sees nothing and cannot change or delete them")
    protected void tenantIsolation() {
        CompetitorDealing d = dealing(CompetitorId.random(), CustomerId.random(), D0);
        run(TENANT_A, uow -> uow.competitorDealings().insert(d));
        assertThat(read(TENANT_B, (UnitOfWork uow) -> uow.competitorDealings().find(d.id())))
                .isEmpty();
        assertThat(read(
                                TENANT_B,
                                (UnitOfWork uow) ->
                                        uow.competitorDealings().listByCustomer(d.customerId(), PageRequest.first(10)))
                        .items())
                .isEmpty();
        assertThat(read(
                                TENANT_B,
                                (UnitOfWork uow) -> uow.competitorDealings()
                                        .listByCompetitor(d.competitorId(), PageRequest.first(10)))
                        .items())
                .isEmpty();
        assertThatThrownBy(() -> run(TENANT_B, uow -> uow.competitorDealings().update(1, d.end(D0, T0))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> run(TENANT_B, uow -> uow.competitorDealings().delete(d.id(), 1)))
                .isInstanceOf(NotFoundException.class);
        assertThat(read(TENANT_A, (UnitOfWork uow) -> uow.competitorDealings().find(d.id())))
                .contains(d);
    }

    /** A failing unit of work leaves nothing behind. */
    @Test
    @DisplayName("competitor dealings: a unit of work that throws leaves nothing stored")
    protected void rollback() {
        CompetitorDealing d = dealing(CompetitorId.random(), CustomerId.random(), D0);
        assertThatThrownBy(() -> run(TENANT_A, uow -> {
                    uow.competitorDealings().insert(d);
                    throw new IllegalStateException("boom");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(read(TENANT_A, (UnitOfWork uow) -> uow.competitorDealings().find(d.id())))
                .isEmpty();
        assertThat(read(
                                TENANT_A,
                                (UnitOfWork uow) ->
                                        uow.competitorDealings().listByCustomer(d.customerId(), PageRequest.first(10)))
                        .items())
                .isEmpty();
        run(TENANT_A, uow -> uow.competitorDealings().insert(d));
        assertThat(read(TENANT_A, (UnitOfWork uow) -> uow.competitorDealings().find(d.id())))
                .contains(d);
    }
}
