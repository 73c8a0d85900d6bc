package dev.guanxi.crm.test.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.interaction.Direction;
import dev.guanxi.crm.interaction.Interaction;
import dev.guanxi.crm.interaction.InteractionId;
import dev.guanxi.crm.interaction.NewInteraction;
import dev.guanxi.crm.interaction.Outcome;
import dev.guanxi.crm.interaction.OutcomeKind;
import dev.guanxi.crm.marketing.CampaignId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.OpportunityId;
import dev.guanxi.crm.service.ServiceCaseId;
import dev.guanxi.crm.spi.storage.AggregateRepository;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Conformance tests of {@code InteractionRepository}: the shared aggregate behaviour plus its lists, which are
 * newest first ({@code occurredAt} descending), ties by id in the order of its text form, and scoped to the
 * tenant.
 */
public abstract class InteractionRepositoryContract extends VersionedAggregateContract<InteractionId, Interaction> {
    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    private static final CustomerId CUSTOMER = CustomerId.of("c0000000-0000-0000-0000-000000000001");
    private static final CustomerId OTHER_CUSTOMER = CustomerId.of("c0000000-0000-0000-0000-000000000002");
    private static final StaffId STAFF = StaffId.of("li.na");

    /** Creates the contract. */
    protected InteractionRepositoryContract() {}

    @Override
    protected AggregateRepository<InteractionId, Interaction> repository(UnitOfWork uow) {
        return uow.interactions();
    }

    @Override
    protected Interaction newAggregate() {
        return interaction(InteractionId.random(), CUSTOMER, NOW.minusSeconds(3600), STAFF, null);
    }

    @Override
    protected Interaction changed(Interaction interaction) {
        return interaction.corrected(
                "Corrected notes v" + (interaction.version() + 1),
                Outcome.of(OutcomeKind.POSITIVE, "offer accepted"),
                interaction.updatedAt().plusSeconds(60));
    }

    private static Interaction interaction(
            InteractionId id, CustomerId customer, Instant occurredAt, StaffId staff, ServiceCaseId caseId) {
        return Interaction.of(
                id,
                NewInteraction.builder(customer, Channel.SALES_VISIT, Direction.OUTBOUND, "Visit 上海 office 🚗")
                        .occurredAt(occurredAt)
                        .notes("Met the buyer.\nDiscussed the renewal.")
                        .outcome(Outcome.of(OutcomeKind.NEUTRAL))
                        .staff(staff)
                        .contactPerson("王芳")
                        .serviceCase(caseId)
                        .opportunity(OpportunityId.random())
                        .campaign(CampaignId.random())
                        .build(),
                NOW);
    }

    private void insert(Interaction... interactions) {
        run(TENANT_A, uow -> List.of(interactions).forEach(uow.interactions()::insert));
    }

    /** Every component, including text in any script, round-trips. */
    @Test
    @DisplayName("every component, including Chinese text and emoji, round-trips unchanged")
    protected void everyComponentRoundTrips() {
        Interaction a = interaction(InteractionId.random(), CUSTOMER, NOW, STAFF, ServiceCaseId.random());
        insert(a);
        Interaction found =
                read(TENANT_A, uow -> uow.interactions().find(a.id())).orElseThrow();
        assertThat(found).isEqualTo(a);
        assertThat(found.subject()).isEqualTo("Visit 上海 office 🚗");
    }

    /** A customer's interactions come newest first, ties by id text, one page at a time. */
    @Test
    @DisplayName("listByCustomer is newest first, ties by id text, paged, and only that customer's")
    protected void listByCustomerNewestFirst() {
        Interaction oldest = interaction(InteractionId.random(), CUSTOMER, NOW.minusSeconds(300), STAFF, null);
        Interaction newest = interaction(InteractionId.random(), CUSTOMER, NOW, STAFF, null);
        // same instant: ordered by the id's text form ("1..." before "9...", unlike UUID.compareTo)
        Interaction tieFirst = interaction(
                InteractionId.of("10000000-0000-0000-0000-000000000000"), CUSTOMER, NOW.minusSeconds(60), STAFF, null);
        Interaction tieSecond = interaction(
                InteractionId.of("90000000-0000-0000-0000-000000000000"), CUSTOMER, NOW.minusSeconds(60), STAFF, null);
        Interaction otherCustomers = interaction(InteractionId.random(), OTHER_CUSTOMER, NOW, STAFF, null);
        insert(oldest, tieSecond, otherCustomers, newest, tieFirst);

        Page<Interaction> first =
                read(TENANT_A, uow -> uow.interactions().listByCustomer(CUSTOMER, PageRequest.first(3)));
        assertThat(first.items()).containsExactly(newest, tieFirst, tieSecond);
        assertThat(first.hasMore()).isTrue();
        Page<Interaction> second = read(
                TENANT_A,
                uow -> uow.interactions()
                        .listByCustomer(CUSTOMER, first.nextRequest().orElseThrow()));
        assertThat(second.items()).containsExactly(oldest);
        assertThat(second.hasMore()).isFalse();
        assertThat(read(TENANT_B, uow -> uow.interactions().listByCustomer(CUSTOMER, PageRequest.first(10)))
                        .items())
                .isEmpty();
    }

    /** A staff member's interactions come newest first. */
    @Test
    @DisplayName("listByStaff lists only that staff member's interactions, newest first")
    protected void listByStaff() {
        StaffId other = StaffId.of("zhang.wei");
        Interaction older = interaction(InteractionId.random(), CUSTOMER, NOW.minusSeconds(100), STAFF, null);
        Interaction newer = interaction(InteractionId.random(), OTHER_CUSTOMER, NOW, STAFF, null);
        Interaction others = interaction(InteractionId.random(), CUSTOMER, NOW, other, null);
        Interaction nobodys = interaction(InteractionId.random(), CUSTOMER, NOW, null, null);
        insert(older, newer, others, nobodys);
        assertThat(read(TENANT_A, uow -> uow.interactions().listByStaff(STAFF, PageRequest.first(10)))
                        .items())
                .containsExactly(newer, older);
        assertThat(read(TENANT_B, uow -> uow.interactions().listByStaff(STAFF, PageRequest.first(10)))
                        .items())
                .isEmpty();
    }

    /** The interactions about a case come newest first. */
    @Test
    @DisplayName("listByCase lists only the interactions linked to that case, newest first")
    protected void listByCase() {
        ServiceCaseId caseId = ServiceCaseId.random();
        Interaction older = interaction(InteractionId.random(), CUSTOMER, NOW.minusSeconds(100), STAFF, caseId);
        Interaction newer = interaction(InteractionId.random(), CUSTOMER, NOW, null, caseId);
        Interaction otherCase = interaction(InteractionId.random(), CUSTOMER, NOW, STAFF, ServiceCaseId.random());
        Interaction noCase = interaction(InteractionId.random(), CUSTOMER, NOW, STAFF, null);
        insert(older, newer, otherCase, noCase);
        assertThat(read(TENANT_A, uow -> uow.interactions().listByCase(caseId, PageRequest.first(10)))
                        .items())
                .containsExactly(newer, older);
    }
}
