package dev.guanxi.crm.test.tck;

import static dev.guanxi.crm.test.tck.SalesFixtures.at;
import static dev.guanxi.crm.test.tck.SalesFixtures.opportunity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.Opportunity;
import dev.guanxi.crm.sales.OpportunityId;
import dev.guanxi.crm.sales.Pipeline;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Conformance tests of {@code OpportunityRepository}: opportunities with their stage history. */
public abstract class OpportunityRepositoryContract extends RepositoryContract {
    private static final LocalDate Q1 = LocalDate.of(2026, 3, 31);
    private static final LocalDate Q2 = LocalDate.of(2026, 6, 30);
    private static final Pipeline PROJECTS = Pipeline.builder("projects")
            .stage("LEAD", "Lead", 5)
            .stage("TENDER", "Tender", 40)
            .build();

    /** Creates the contract. */
    protected OpportunityRepositoryContract() {}

    /** The stage history and the closing details survive the store in order. */
    @Test
    @DisplayName("an opportunity is found again equal, stage history and loss details included")
    protected void roundTrip() {
        Opportunity opened = opportunity(CustomerId.random(), "扩建项目 🚧", Q1, at(0));
        run(TENANT_A, uow -> uow.opportunities().insert(opened));
        Opportunity moved = opened.moveTo(Pipeline.standard().stages().get(2), at(1));
        run(TENANT_A, uow -> uow.opportunities().update(1, moved));
        Opportunity lost = moved.lose("price", "Competitor X", at(2));
        run(TENANT_A, uow -> uow.opportunities().update(2, lost));

        Opportunity stored = find(TENANT_A, opened.id()).orElseThrow();
        assertThat(stored).isEqualTo(lost);
        assertThat(stored.stageHistory()).extracting(e -> e.stage()).containsExactly("QUALIFICATION", "PROPOSAL");
        assertThat(find(TENANT_B, opened.id())).isEmpty();
    }

    /** A stale update fails. */
    @Test
    @DisplayName("an update with a stale version is refused")
    protected void staleUpdate() {
        Opportunity opened = opportunity(CustomerId.random(), "Deal", Q1, at(0));
        run(TENANT_A, uow -> uow.opportunities().insert(opened));
        run(TENANT_A, uow -> uow.opportunities().update(1, opened.win(at(1))));
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.opportunities().update(1, opened.lose("x", null, at(2)))))
                .isInstanceOf(StaleVersionException.class);
    }

    /** A customer's opportunities come newest first, paged. */
    @Test
    @DisplayName("a customer's opportunities are listed newest first, paged")
    protected void listByCustomer() {
        CustomerId customer = CustomerId.random();
        Opportunity a = opportunity(customer, "A", Q1, at(1));
        Opportunity b = opportunity(customer, "B", Q1, at(2));
        Opportunity c = opportunity(customer, "C", null, at(3)).win(at(4));
        run(TENANT_A, uow -> {
            uow.opportunities().insert(b);
            uow.opportunities().insert(c);
            uow.opportunities().insert(a);
            uow.opportunities().insert(opportunity(CustomerId.random(), "Z", Q1, at(9)));
        });
        Page<Opportunity> first =
                read(TENANT_A, uow -> uow.opportunities().listByCustomer(customer, PageRequest.first(2)));
        assertThat(first.items()).containsExactly(c, b);
        assertThat(read(
                                TENANT_A,
                                uow -> uow.opportunities()
                                        .listByCustomer(
                                                customer, first.request().next()))
                        .items())
                .containsExactly(a);
    }

    /** Open opportunities are listed by expected close date, undated last, optionally per pipeline. */
    @Test
    @DisplayName("open opportunities are listed by expected close date (undated last), per pipeline if asked")
    protected void listOpen() {
        Opportunity late = opportunity(CustomerId.random(), "late", Q2, at(1));
        Opportunity undated = opportunity(CustomerId.random(), "undated", null, at(2));
        Opportunity soon = opportunity(CustomerId.random(), "soon", Q1, at(3));
        Opportunity won = opportunity(CustomerId.random(), "won", Q1, at(4)).win(at(5));
        Opportunity project = opportunity(CustomerId.random(), "project", PROJECTS, Q2.plusDays(1), at(6));
        run(TENANT_A, uow -> {
            uow.opportunities().insert(undated);
            uow.opportunities().insert(late);
            uow.opportunities().insert(won);
            uow.opportunities().insert(soon);
            uow.opportunities().insert(project);
        });
        assertThat(read(TENANT_A, uow -> uow.opportunities().listOpen(Optional.empty(), PageRequest.first(10)))
                        .items())
                .extracting(Opportunity::name)
                .containsExactly("soon", "late", "project", "undated")
                .doesNotContain("won");
        assertThat(read(TENANT_A, uow -> uow.opportunities().listOpen(Optional.of("projects"), PageRequest.first(10)))
                        .items())
                .containsExactly(project);
        assertThat(read(TENANT_B, uow -> uow.opportunities().listOpen(Optional.empty(), PageRequest.first(10)))
                        .items())
                .isEmpty();
    }

    /** A unit of work that throws leaves nothing behind. */
    @Test
    @DisplayName("an opportunity inserted in a unit of work that fails is not stored")
    protected void rollback() {
        Opportunity opened = opportunity(CustomerId.random(), "Deal", Q1, at(0));
        assertThatThrownBy(() -> run(TENANT_A, uow -> {
                    uow.opportunities().insert(opened);
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");
        assertThat(find(TENANT_A, opened.id())).isEmpty();
    }

    private Optional<Opportunity> find(TenantId tenant, OpportunityId id) {
        return read(tenant, uow -> uow.opportunities().find(id));
    }
}
