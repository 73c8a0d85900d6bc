package dev.guanxi.crm.test.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.NotFoundException;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.competitor.Competitor;
import dev.guanxi.crm.competitor.CompetitorContact;
import dev.guanxi.crm.competitor.CompetitorId;
import dev.guanxi.crm.competitor.CompetitorProduct;
import dev.guanxi.crm.competitor.NewCompetitor;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Conformance tests of {@code CompetitorRepository}: round trip including products and people, versioned
 * update and delete, the per-tenant unique name key, lookup by name, the documented list order (name key in
 * code point order) and paging, tenant isolation and rollback.
 */
public abstract class CompetitorRepositoryContract extends RepositoryContract {
    private static final Instant T0 = Instant.parse("2026-01-15T10:00:00Z");

    /** Creates the contract. */
    protected CompetitorRepositoryContract() {}

    private static Competitor competitor(String name) {
        return Competitor.register(
                CompetitorId.random(), NewCompetitor.builder(name).build(), T0);
    }

    /** Every component, lists included, round-trips unchanged. */
    @Test
    @DisplayName("competitors: insert then find returns an equal competitor, products and people intact")
    protected void roundTrip() {
        Competitor c = Competitor.register(
                CompetitorId.random(),
                NewCompetitor.builder("竞争对手 Rival GmbH 🦊")
                        .website("https://例子.中国/产品?q=1#top")
                        .strengths("Price\nDelivery")
                        .weaknesses("Service")
                        .product(new CompetitorProduct(
                                "Rival Pro", "Software", Money.of("99.95", "EUR"), "list price", "OUR-PRO"))
                        .product(CompetitorProduct.named("Rival Lite"))
                        .person(new CompetitorContact("王芳", "Sales director"))
                        .person(new CompetitorContact("Jean Dupont", null))
                        .build(),
                T0);
        Competitor minimal = competitor("Minimal");
        run(TENANT_A, uow -> {
            uow.competitors().insert(c);
            uow.competitors().insert(minimal);
        });
        assertThat(read(TENANT_A, (UnitOfWork uow) -> uow.competitors().find(c.id())))
                .contains(c);
        assertThat(read(TENANT_A, (UnitOfWork uow) -> uow.competitors().find(minimal.id())))
                .contains(minimal);
        assertThat(read(TENANT_A, (UnitOfWork uow) -> uow.competitors().find(CompetitorId.random())))
                .isEmpty();
    }

    /** Updates and deletes check the version. */
    @Test
    @DisplayName("competitors: update and delete need the current version")
    protected void versions() {
        Competitor c = competitor("Rival");
        run(TENANT_A, uow -> uow.competitors().insert(c));
        Competitor v2 = c.withProduct(CompetitorProduct.named("New"), T0.plusSeconds(5));
        run(TENANT_A, uow -> uow.competitors().update(1, v2));
        assertThat(read(TENANT_A, (UnitOfWork uow) -> uow.competitors().find(c.id())))
                .contains(v2);

        assertThatThrownBy(() -> run(
                        TENANT_A,
                        uow -> uow.competitors().update(1, c.withProduct(CompetitorProduct.named("Lost"), T0))))
                .isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.competitors().delete(c.id(), 1)))
                .isInstanceOf(StaleVersionException.class);
        assertThat(read(TENANT_A, (UnitOfWork uow) -> uow.competitors().find(c.id())))
                .contains(v2);
        run(TENANT_A, uow -> uow.competitors().delete(c.id(), 2));
        assertThat(read(TENANT_A, (UnitOfWork uow) -> uow.competitors().find(c.id())))
                .isEmpty();
        assertThatThrownBy(() -> run(
                        TENANT_A,
                        uow -> uow.competitors()
                                .update(2, v2.revise(NewCompetitor.builder("X").build(), T0))))
                .isInstanceOf(NotFoundException.class);
    }

    /** The name key is unique per tenant. */
    @Test
    @DisplayName("competitors: the name key is unique per tenant (case-insensitive); free in another tenant")
    protected void uniqueName() {
        Competitor c = competitor("Acme Ltd");
        run(TENANT_A, uow -> uow.competitors().insert(c));

        for (String clash : List.of("Acme Ltd", "ACME LTD", " acme ltd ", "ＡＣＭＥ Ltd")) {
            assertThatThrownBy(() -> run(TENANT_A, uow -> uow.competitors().insert(competitor(clash))))
                    .isInstanceOfSatisfying(DuplicateKeyException.class, e -> {
                        assertThat(e.field()).isEqualTo("name");
                        assertThat(e.rule()).isEqualTo(ValidationRule.DUPLICATE);
                        assertThat(e.existingId()).contains(c.id());
                    });
        }
        Competitor other = competitor("Other");
        run(TENANT_A, uow -> uow.competitors().insert(other));
        assertThatThrownBy(() -> run(
                        TENANT_A,
                        uow -> uow.competitors()
                                .update(
                                        1,
                                        other.revise(
                                                NewCompetitor.builder("acme ltd")
                                                        .build(),
                                                T0))))
                .isInstanceOf(DuplicateKeyException.class);
        // renaming to a different case of the own name is not a clash
        run(
                TENANT_A,
                uow -> uow.competitors()
                        .update(1, c.revise(NewCompetitor.builder("ACME LTD").build(), T0)));
        run(TENANT_B, uow -> uow.competitors().insert(competitor("Acme Ltd")));
        assertThat(read(TENANT_A, (UnitOfWork uow) -> uow.competitors().list(PageRequest.first(10)))
                        .items())
                .hasSize(2);
    }

    /** Lookup by name compares name keys. */
    @Test
    @DisplayName("competitors: findByName compares name keys")
    protected void findByName() {
        Competitor c = competitor("Globex Corporation");
        run(TENANT_A, uow -> uow.competitors().insert(c));
        assertThat(read(TENANT_A, (UnitOfWork uow) -> uow.competitors().findByName("globex corporation")))
                .contains(c);
        assertThat(read(TENANT_A, (UnitOfWork uow) -> uow.competitors().findByName("  GLOBEX CORPORATION")))
                .contains(c);
        assertThat(read(TENANT_A, (UnitOfWork uow) -> uow.competitors().findByName("Globex")))
                .isEmpty();
    }

    /** Lists are ordered by name key in code point order and page without gaps or repeats. */
    @Test
    @DisplayName("competitors: list orders by name key in code point order, paged")
    protected void listing() {
        List<String> names = List.of("Zeta", "alpha", "Émile", "中文", "😀 Smile", "\uFFFD Mark", "Beta");
        run(TENANT_A, uow -> names.forEach(n -> uow.competitors().insert(competitor(n))));

        Page<Competitor> first =
                read(TENANT_A, (UnitOfWork uow) -> uow.competitors().list(PageRequest.first(3)));
        Page<Competitor> second =
                read(TENANT_A, (UnitOfWork uow) -> uow.competitors().list(new PageRequest(3, 3)));
        Page<Competitor> third =
                read(TENANT_A, (UnitOfWork uow) -> uow.competitors().list(new PageRequest(6, 3)));
        assertThat(first.hasMore()).isTrue();
        assertThat(second.hasMore()).isTrue();
        assertThat(third.hasMore()).isFalse();
        assertThat(Stream.of(first, second, third)
                        .flatMap(p -> p.items().stream())
                        .map(Competitor::name))
                .containsExactly("alpha", "Beta", "Zeta", "Émile", "中文", "\uFFFD Mark", "😀 Smile");
    }

    /** Tenants never see each other's competitors. */
    @Test
    @DisplayName("competitors: another tenant sees nothing and cannot change or delete them")
    protected void tenantIsolation() {
        Competitor c = competitor("Rival");
        run(TENANT_A, uow -> uow.competitors().insert(c));
        assertThat(read(TENANT_B, (UnitOfWork uow) -> uow.competitors().find(c.id())))
                .isEmpty();
        assertThat(read(TENANT_B, (UnitOfWork uow) -> uow.competitors().findByName("Rival")))
                .isEmpty();
        assertThat(read(TENANT_B, (UnitOfWork uow) -> uow.competitors().list(PageRequest.first(10)))
                        .items())
                .isEmpty();
        assertThatThrownBy(() -> run(
                        TENANT_B, uow -> uow.competitors().update(1, c.withProduct(CompetitorProduct.named("X"), T0))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> run(TENANT_B, uow -> uow.competitors().delete(c.id(), 1)))
                .isInstanceOf(NotFoundException.class);
        assertThat(read(TENANT_A, (UnitOfWork uow) -> uow.competitors().find(c.id())))
                .contains(c);
    }

    /** A failing unit of work leaves nothing behind. */
    @Test
    @DisplayName("competitors: a unit of work that throws leaves nothing stored")
    protected void rollback() {
        Competitor c = competitor("Rival");
        assertThatThrownBy(() -> run(TENANT_A, uow -> {
                    uow.competitors().insert(c);
                    throw new IllegalStateException("boom");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(read(TENANT_A, (UnitOfWork uow) -> uow.competitors().find(c.id())))
                .isEmpty();
        assertThat(read(TENANT_A, (UnitOfWork uow) -> uow.competitors().findByName("Rival")))
                .isEmpty();
        run(TENANT_A, uow -> uow.competitors().insert(c));
        assertThat(read(TENANT_A, (UnitOfWork uow) -> uow.competitors().find(c.id())))
                .contains(c);
    }
}
