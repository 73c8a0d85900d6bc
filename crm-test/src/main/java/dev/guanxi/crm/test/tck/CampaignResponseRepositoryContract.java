package dev.guanxi.crm.test.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.NotFoundException;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.marketing.AidaStage;
import dev.guanxi.crm.marketing.CampaignId;
import dev.guanxi.crm.marketing.CampaignResponse;
import dev.guanxi.crm.marketing.CampaignResponseId;
import dev.guanxi.crm.marketing.StageReached;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.OpportunityId;
import dev.guanxi.crm.sales.OrderId;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Conformance tests of {@code CampaignResponseRepository}: round trip including the stage history, one
 * response per (campaign, customer), versioned update and delete, the documented list orders and paging,
 * counts by furthest stage, tenant isolation and rollback.
 */
public abstract class CampaignResponseRepositoryContract extends RepositoryContract {
    private static final Instant T0 = Instant.parse("2026-01-15T10:00:00Z");

    /** Creates the contract. */
    protected CampaignResponseRepositoryContract() {}

    private static CampaignResponse response(CampaignId campaign, CustomerId customer, AidaStage stage, Instant at) {
        return CampaignResponse.first(
                CampaignResponseId.random(),
                campaign,
                customer,
                new StageReached(stage, at, Channel.EMAIL),
                null,
                null,
                null,
                T0);
    }

    private static CampaignResponse advanced(CampaignResponse r, AidaStage stage) {
        return r.advance(
                new StageReached(stage, r.respondedAt().plusSeconds(60), Channel.WEB),
                "advanced",
                null,
                null,
                T0.plusSeconds(60));
    }

    /** Every component, the history included, round-trips unchanged. */
    @Test
    @DisplayName("campaign responses: insert then find returns an equal response, history intact")
    protected void roundTrip() {
        CampaignResponse r = new CampaignResponse(
                CampaignResponseId.random(),
                CampaignId.random(),
                CustomerId.random(),
                List.of(
                        new StageReached(AidaStage.AWARENESS, T0.minusSeconds(7200), Channel.SMS),
                        new StageReached(AidaStage.DESIRE, T0.minusSeconds(3600).plusNanos(250_000), Channel.WEB),
                        new StageReached(AidaStage.ACTION, T0, Channel.FACE_TO_FACE)),
                "Bought at the fair 展会 🎪\nsecond line",
                OrderId.random(),
                OpportunityId.random(),
                3,
                T0.minusSeconds(7200),
                T0);
        CampaignResponse minimal = response(CampaignId.random(), CustomerId.random(), AidaStage.INTEREST, T0);
        run(TENANT_A, uow -> {
            uow.campaignResponses().insert(r);
            uow.campaignResponses().insert(minimal);
        });
        assertThat(read(TENANT_A, (UnitOfWork uow) -> uow.campaignResponses().find(r.id())))
                .contains(r);
        assertThat(read(TENANT_A, (UnitOfWork uow) -> uow.campaignResponses().find(minimal.id())))
                .contains(minimal);
        assertThat(read(
                        TENANT_A,
                        (UnitOfWork uow) ->
                                uow.campaignResponses().findByCampaignAndCustomer(r.campaignId(), r.customerId())))
                .contains(r);
        assertThat(read(
                        TENANT_A,
                        (UnitOfWork uow) -> uow.campaignResponses()
                                .findByCampaignAndCustomer(r.campaignId(), minimal.customerId())))
                .isEmpty();
    }

    /** One response per campaign and customer. */
    @Test
    @DisplayName("campaign responses: a second response of the same customer to the same campaign is a duplicate")
    protected void oneResponsePerCampaignAndCustomer() {
        CampaignId campaign = CampaignId.random();
        CustomerId customer = CustomerId.random();
        CampaignResponse r = response(campaign, customer, AidaStage.AWARENESS, T0);
        run(TENANT_A, uow -> uow.campaignResponses().insert(r));

        assertThatThrownBy(() -> run(
                        TENANT_A,
                        uow -> uow.campaignResponses().insert(response(campaign, customer, AidaStage.ACTION, T0))))
                .isInstanceOfSatisfying(DuplicateKeyException.class, e -> {
                    assertThat(e.field()).isEqualTo("customerId");
                    assertThat(e.rule()).isEqualTo(ValidationRule.DUPLICATE);
                    assertThat(e.existingId()).contains(r.id());
                });
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.campaignResponses().insert(r)))
                .isInstanceOf(DuplicateKeyException.class);
        run(TENANT_A, uow -> {
            uow.campaignResponses().insert(response(CampaignId.random(), customer, AidaStage.ACTION, T0));
            uow.campaignResponses().insert(response(campaign, CustomerId.random(), AidaStage.ACTION, T0));
        });
        run(TENANT_B, uow -> uow.campaignResponses().insert(response(campaign, customer, AidaStage.ACTION, T0)));
        assertThat(read(
                        TENANT_A,
                        (UnitOfWork uow) -> uow.campaignResponses().findByCampaignAndCustomer(campaign, customer)))
                .contains(r);
    }

    /** Updates and deletes check the version. */
    @Test
    @DisplayName("campaign responses: update and delete need the current version")
    protected void versions() {
        CampaignResponse r = response(CampaignId.random(), CustomerId.random(), AidaStage.AWARENESS, T0);
        run(TENANT_A, uow -> uow.campaignResponses().insert(r));
        CampaignResponse v2 = advanced(r, AidaStage.INTEREST);
        run(TENANT_A, uow -> uow.campaignResponses().update(1, v2));
        assertThat(read(TENANT_A, (UnitOfWork uow) -> uow.campaignResponses().find(r.id())))
                .contains(v2);

        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.campaignResponses().update(1, advanced(r, AidaStage.ACTION))))
                .isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.campaignResponses().delete(r.id(), 1)))
                .isInstanceOf(StaleVersionException.class);
        assertThat(read(TENANT_A, (UnitOfWork uow) -> uow.campaignResponses().find(r.id())))
                .contains(v2);
        run(TENANT_A, uow -> uow.campaignResponses().delete(r.id(), 2));
        assertThat(read(TENANT_A, (UnitOfWork uow) -> uow.campaignResponses().find(r.id())))
                .isEmpty();
        assertThatThrownBy(() ->
                        run(TENANT_A, uow -> uow.campaignResponses().update(2, advanced(v2, AidaStage.ACTION))))
                .isInstanceOf(NotFoundException.class);
    }

    /** A campaign's responses are ordered by customer id and paged. */
    @Test
    @DisplayName("campaign responses: listByCampaign orders by customer id, paged, other campaigns left out")
    protected void listByCampaign() {
        CampaignId campaign = CampaignId.random();
        List<CampaignResponse> responses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            responses.add(response(campaign, CustomerId.random(), AidaStage.values()[i % 4], T0.minusSeconds(i)));
        }
        run(TENANT_A, uow -> {
            responses.forEach(uow.campaignResponses()::insert);
            uow.campaignResponses().insert(response(CampaignId.random(), CustomerId.random(), AidaStage.ACTION, T0));
        });
        List<CampaignResponse> expected = responses.stream()
                .sorted(Comparator.comparing(
                        (CampaignResponse r) -> r.customerId().toString()))
                .toList();

        Page<CampaignResponse> first = read(
                TENANT_A, (UnitOfWork uow) -> uow.campaignResponses().listByCampaign(campaign, PageRequest.first(3)));
        Page<CampaignResponse> second = read(
                TENANT_A, (UnitOfWork uow) -> uow.campaignResponses().listByCampaign(campaign, new PageRequest(3, 3)));
        assertThat(first.hasMore()).isTrue();
        assertThat(second.hasMore()).isFalse();
        assertThat(Stream.concat(first.items().stream(), second.items().stream()))
                .containsExactlyElementsOf(expected);
    }

    /** A customer's responses are ordered latest first, ties by id. */
    @Test
    @DisplayName("campaign responses: listByCustomer orders by respondedAt descending, ties by id")
    protected void listByCustomer() {
        CustomerId customer = CustomerId.random();
        CampaignResponse old = response(CampaignId.random(), customer, AidaStage.ACTION, T0.minusSeconds(100));
        CampaignResponse tieA = response(CampaignId.random(), customer, AidaStage.INTEREST, T0);
        CampaignResponse tieB = response(CampaignId.random(), customer, AidaStage.AWARENESS, T0);
        CampaignResponse advancedLater =
                response(CampaignId.random(), customer, AidaStage.AWARENESS, T0.minusSeconds(1000));
        run(TENANT_A, uow -> {
            Stream.of(old, tieA, tieB, advancedLater).forEach(uow.campaignResponses()::insert);
            uow.campaignResponses().insert(response(CampaignId.random(), CustomerId.random(), AidaStage.ACTION, T0));
        });
        // advancing moves the response's respondedAt to its latest stage: T0 - 1000 + 60
        CampaignResponse moved = advanced(advancedLater, AidaStage.DESIRE);
        run(TENANT_A, uow -> uow.campaignResponses().update(1, moved));
        List<CampaignResponse> ties = Stream.of(tieA, tieB)
                .sorted(Comparator.comparing((CampaignResponse r) -> r.id().toString()))
                .toList();

        Page<CampaignResponse> page = read(
                TENANT_A, (UnitOfWork uow) -> uow.campaignResponses().listByCustomer(customer, PageRequest.first(10)));
        assertThat(page.items()).containsExactly(ties.get(0), ties.get(1), old, moved);
        assertThat(page.hasMore()).isFalse();
        assertThat(read(
                                TENANT_A,
                                (UnitOfWork uow) ->
                                        uow.campaignResponses().listByCustomer(customer, new PageRequest(3, 1)))
                        .items())
                .containsExactly(moved);
    }

    /** Counting by furthest stage is not cumulative. */
    @Test
    @DisplayName("campaign responses: countByStage counts each response once, under its furthest stage")
    protected void countByStage() {
        CampaignId campaign = CampaignId.random();
        CampaignResponse willAdvance = response(campaign, CustomerId.random(), AidaStage.AWARENESS, T0);
        run(TENANT_A, uow -> {
            uow.campaignResponses().insert(willAdvance);
            uow.campaignResponses().insert(response(campaign, CustomerId.random(), AidaStage.AWARENESS, T0));
            uow.campaignResponses().insert(response(campaign, CustomerId.random(), AidaStage.ACTION, T0));
            uow.campaignResponses().insert(response(campaign, CustomerId.random(), AidaStage.ACTION, T0));
            uow.campaignResponses().insert(response(CampaignId.random(), CustomerId.random(), AidaStage.DESIRE, T0));
        });
        run(TENANT_A, uow -> uow.campaignResponses().update(1, advanced(willAdvance, AidaStage.DESIRE)));
        run(
                TENANT_B,
                uow -> uow.campaignResponses().insert(response(campaign, CustomerId.random(), AidaStage.INTEREST, T0)));

        Map<AidaStage, Long> counts =
                read(TENANT_A, (UnitOfWork uow) -> uow.campaignResponses().countByStage(campaign));
        assertThat(counts.getOrDefault(AidaStage.AWARENESS, 0L)).isEqualTo(1);
        assertThat(counts.getOrDefault(AidaStage.INTEREST, 0L)).isZero();
        assertThat(counts.getOrDefault(AidaStage.DESIRE, 0L)).isEqualTo(1);
        assertThat(counts.getOrDefault(AidaStage.ACTION, 0L)).isEqualTo(2);
        assertThat(read(TENANT_A, (UnitOfWork uow) -> uow.campaignResponses().countByStage(CampaignId.random()))
                        .values())
                .allMatch(n -> n == 0);
    }

    /** Tenants never see each other's responses. */
    @Test
    @DisplayName("campaign responses: another tenant sees nothing and cannot change or delete them")
    protected void tenantIsolation() {
        CampaignResponse r = response(CampaignId.random(), CustomerId.random(), AidaStage.ACTION, T0);
        run(TENANT_A, uow -> uow.campaignResponses().insert(r));
        assertThat(read(TENANT_B, (UnitOfWork uow) -> uow.campaignResponses().find(r.id())))
                .isEmpty();
        assertThat(read(
                        TENANT_B,
                        (UnitOfWork uow) ->
                                uow.campaignResponses().findByCampaignAndCustomer(r.campaignId(), r.customerId())))
                .isEmpty();
        assertThat(read(
                                TENANT_B,
                                (UnitOfWork uow) ->
                                        uow.campaignResponses().listByCampaign(r.campaignId(), PageRequest.first(10)))
                        .items())
                .isEmpty();
        assertThat(read(
                                TENANT_B,
                                (UnitOfWork uow) ->
                                        uow.campaignResponses().listByCustomer(r.customerId(), PageRequest.first(10)))
                        .items())
                .isEmpty();
        assertThat(read(TENANT_B, (UnitOfWork uow) -> uow.campaignResponses().countByStage(r.campaignId()))
                        .values())
                .allMatch(n -> n == 0);
        assertThatThrownBy(() -> run(TENANT_B, uow -> uow.campaignResponses().delete(r.id(), 1)))
                .isInstanceOf(NotFoundException.class);
        assertThat(read(TENANT_A, (UnitOfWork uow) -> uow.campaignResponses().find(r.id())))
                .contains(r);
    }

    /** A failing unit of work leaves nothing behind. */
    @Test
    @DisplayName("campaign responses: a unit of work that throws leaves nothing stored")
    protected void rollback() {
        CampaignResponse r = response(CampaignId.random(), CustomerId.random(), AidaStage.ACTION, T0);
        assertThatThrownBy(() -> run(TENANT_A, uow -> {
                    uow.campaignResponses().insert(r);
                    throw new IllegalStateException("boom");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(read(TENANT_A, (UnitOfWork uow) -> uow.campaignResponses().find(r.id())))
                .isEmpty();
        assertThat(read(
                        TENANT_A,
                        (UnitOfWork uow) ->
                                uow.campaignResponses().findByCampaignAndCustomer(r.campaignId(), r.customerId())))
                .isEmpty();
        run(TENANT_A, uow -> uow.campaignResponses().insert(r));
        assertThat(read(TENANT_A, (UnitOfWork uow) -> uow.campaignResponses().find(r.id())))
                .contains(r);
    }
}
