package dev.guanxi.crm.test.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.NotFoundException;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.marketing.Campaign;
import dev.guanxi.crm.marketing.CampaignId;
import dev.guanxi.crm.marketing.CampaignStatus;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Conformance tests of {@code CampaignRepository}: round trip of every component, versioned update and
 * delete, the per-tenant unique code, the documented list order (start date descending, ties by id) and
 * paging, tenant isolation and rollback.
 */
public abstract class CampaignRepositoryContract extends RepositoryContract {
    private static final Instant T0 = Instant.parse("2026-01-15T10:00:00Z");
    private static final LocalDate D0 = LocalDate.of(2026, 3, 1);

    /** Creates the contract. */
    protected CampaignRepositoryContract() {}

    private static Campaign campaign(String code, LocalDate start, CampaignStatus status) {
        return new Campaign(
                CampaignId.random(),
                code,
                "Campaign " + code,
                null,
                Channel.EMAIL,
                start,
                start.plusDays(30),
                null,
                null,
                Money.of("100.00", "USD"),
                status,
                1,
                T0,
                T0);
    }

    private static Campaign full() {
        return new Campaign(
                CampaignId.random(),
                "SPRING-2026.a_b",
                "春季促销 🎉 حملة",
                "Line one\nLine two\twith a tab",
                Channel.SOCIAL,
                D0,
                D0.plusMonths(2),
                "RFM:AT_RISK",
                1_000_000_000,
                Money.of("123456789012345", "JPY"),
                CampaignStatus.ACTIVE,
                7,
                T0,
                T0.plusSeconds(3600).plusNanos(123_456_000));
    }

    private static Campaign next(Campaign c, String name) {
        return new Campaign(
                c.id(),
                c.code(),
                name,
                c.description(),
                c.channel(),
                c.startDate(),
                c.endDate(),
                c.targetSegment(),
                c.targetListSize(),
                c.budget(),
                c.status(),
                c.version() + 1,
                c.createdAt(),
                c.updatedAt().plusSeconds(1));
    }

    private static Campaign withCode(Campaign c, String code) {
        return new Campaign(
                c.id(),
                code,
                c.name(),
                c.description(),
                c.channel(),
                c.startDate(),
                c.endDate(),
                c.targetSegment(),
                c.targetListSize(),
                c.budget(),
                c.status(),
                c.version() + 1,
                c.createdAt(),
                c.updatedAt());
    }

    /** Every component round-trips unchanged, text byte-identical. */
    @Test
    @DisplayName("campaigns: insert then find returns an equal campaign, every component intact")
    protected void roundTrip() {
        Campaign c = full();
        Campaign minimal = campaign("MIN", D0, CampaignStatus.PLANNED);
        run(TENANT_A, uow -> {
            uow.campaigns().insert(c);
            uow.campaigns().insert(minimal);
        });
        assertThat(read(TENANT_A, (UnitOfWork uow) -> uow.campaigns().find(c.id())))
                .contains(c);
        assertThat(read(TENANT_A, (UnitOfWork uow) -> uow.campaigns().find(minimal.id())))
                .contains(minimal);
        assertThat(read(TENANT_A, (UnitOfWork uow) -> uow.campaigns().find(CampaignId.random())))
                .isEmpty();
    }

    /** Updates check the version. */
    @Test
    @DisplayName("campaigns: update needs the current version; a stale one fails and writes nothing")
    protected void update() {
        Campaign c = campaign("C", D0, CampaignStatus.PLANNED);
        run(TENANT_A, uow -> uow.campaigns().insert(c));
        Campaign v2 = next(c, "Renamed");
        run(TENANT_A, uow -> uow.campaigns().update(1, v2));
        assertThat(read(TENANT_A, (UnitOfWork uow) -> uow.campaigns().find(c.id())))
                .contains(v2);

        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.campaigns().update(1, next(c, "Lost"))))
                .isInstanceOf(StaleVersionException.class);
        assertThat(read(TENANT_A, (UnitOfWork uow) -> uow.campaigns().find(c.id())))
                .contains(v2);
        Campaign ghost = campaign("GHOST", D0, CampaignStatus.PLANNED);
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.campaigns().update(1, next(ghost, "x"))))
                .isInstanceOf(NotFoundException.class);
    }

    /** Deletes check the version. */
    @Test
    @DisplayName("campaigns: delete needs the current version")
    protected void delete() {
        Campaign c = campaign("C", D0, CampaignStatus.PLANNED);
        run(TENANT_A, uow -> uow.campaigns().insert(c));
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.campaigns().delete(c.id(), 2)))
                .isInstanceOf(StaleVersionException.class);
        run(TENANT_A, uow -> uow.campaigns().delete(c.id(), 1));
        assertThat(read(TENANT_A, (UnitOfWork uow) -> uow.campaigns().find(c.id())))
                .isEmpty();
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.campaigns().delete(c.id(), 1)))
                .isInstanceOf(NotFoundException.class);
    }

    /** The id and the code are unique per tenant. */
    @Test
    @DisplayName("campaigns: the code is unique per tenant (exact match); the same code is free in another tenant")
    protected void uniqueCode() {
        Campaign c = campaign("SPRING", D0, CampaignStatus.PLANNED);
        run(TENANT_A, uow -> uow.campaigns().insert(c));

        assertThatThrownBy(() ->
                        run(TENANT_A, uow -> uow.campaigns().insert(campaign("SPRING", D0, CampaignStatus.PLANNED))))
                .isInstanceOfSatisfying(DuplicateKeyException.class, e -> {
                    assertThat(e.field()).isEqualTo("code");
                    assertThat(e.rule()).isEqualTo(ValidationRule.DUPLICATE);
                    assertThat(e.existingId()).contains(c.id());
                });
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.campaigns().insert(c)))
                .isInstanceOf(DuplicateKeyException.class);
        Campaign other = campaign("OTHER", D0, CampaignStatus.PLANNED);
        run(TENANT_A, uow -> uow.campaigns().insert(other));
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.campaigns().update(1, withCode(other, "SPRING"))))
                .isInstanceOfSatisfying(
                        DuplicateKeyException.class, e -> assertThat(e.field()).isEqualTo("code"));
        run(TENANT_A, uow -> uow.campaigns().insert(campaign("spring", D0, CampaignStatus.PLANNED)));
        run(TENANT_B, uow -> uow.campaigns().insert(campaign("SPRING", D0, CampaignStatus.PLANNED)));

        assertThat(read(TENANT_A, (UnitOfWork uow) -> uow.campaigns().findByCode("SPRING")))
                .contains(c);
        assertThat(read(TENANT_A, (UnitOfWork uow) -> uow.campaigns().findByCode("SPRIN")))
                .isEmpty();
    }

    /** Lists follow the documented order and page without gaps or repeats. */
    @Test
    @DisplayName("campaigns: list by start date descending, ties by id, paged; listByStatus filters")
    protected void listing() {
        List<Campaign> campaigns = List.of(
                campaign("A", D0, CampaignStatus.ACTIVE),
                campaign("B", D0.plusDays(1), CampaignStatus.PLANNED),
                campaign("C", D0, CampaignStatus.PLANNED),
                campaign("D", D0.minusDays(1), CampaignStatus.ACTIVE),
                campaign("E", D0, CampaignStatus.ACTIVE));
        run(TENANT_A, uow -> campaigns.forEach(uow.campaigns()::insert));
        List<Campaign> expected = campaigns.stream()
                .sorted(Comparator.comparing(Campaign::startDate).reversed().thenComparing(c -> c.id().toString()))
                .toList();

        Page<Campaign> first =
                read(TENANT_A, (UnitOfWork uow) -> uow.campaigns().list(PageRequest.first(2)));
        Page<Campaign> second =
                read(TENANT_A, (UnitOfWork uow) -> uow.campaigns().list(new PageRequest(2, 2)));
        Page<Campaign> third =
                read(TENANT_A, (UnitOfWork uow) -> uow.campaigns().list(new PageRequest(4, 2)));
        assertThat(first.hasMore()).isTrue();
        assertThat(second.hasMore()).isTrue();
        assertThat(third.hasMore()).isFalse();
        assertThat(Stream.of(first, second, third).flatMap(p -> p.items().stream()))
                .containsExactlyElementsOf(expected);
        assertThat(read(
                                TENANT_A,
                                (UnitOfWork uow) ->
                                        uow.campaigns().listByStatus(CampaignStatus.ACTIVE, PageRequest.first(10)))
                        .items())
                .containsExactlyElementsOf(expected.stream()
                        .filter(c -> c.status() == CampaignStatus.ACTIVE)
                        .toList());
        assertThat(read(
                                TENANT_A,
                                (UnitOfWork uow) ->
                                        uow.campaigns().listByStatus(CampaignStatus.CANCELLED, PageRequest.first(10)))
                        .items())
                .isEmpty();
    }

    /** Tenants never see each other's campaigns. */
    @Test
    @DisplayName("campaigns: another tenant sees nothing and cannot change or delete them")
    protected void tenantIsolation() {
        Campaign c = campaign("C", D0, CampaignStatus.PLANNED);
        run(TENANT_A, uow -> uow.campaigns().insert(c));
        assertThat(read(TENANT_B, (UnitOfWork uow) -> uow.campaigns().find(c.id())))
                .isEmpty();
        assertThat(read(TENANT_B, (UnitOfWork uow) -> uow.campaigns().findByCode("C")))
                .isEmpty();
        assertThat(read(TENANT_B, (UnitOfWork uow) -> uow.campaigns().list(PageRequest.first(10)))
                        .items())
                .isEmpty();
        assertThatThrownBy(() -> run(TENANT_B, uow -> uow.campaigns().update(1, next(c, "x"))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> run(TENANT_B, uow -> uow.campaigns().delete(c.id(), 1)))
                .isInstanceOf(NotFoundException.class);
        assertThat(read(TENANT_A, (UnitOfWork uow) -> uow.campaigns().find(c.id())))
                .contains(c);
    }

    /** A failing unit of work leaves nothing behind. */
    @Test
    @DisplayName("campaigns: a unit of work that throws leaves nothing stored")
    protected void rollback() {
        Campaign c = campaign("C", D0, CampaignStatus.PLANNED);
        assertThatThrownBy(() -> run(TENANT_A, uow -> {
                    uow.campaigns().insert(c);
                    throw new IllegalStateException("boom " + UUID.randomUUID());
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(read(TENANT_A, (UnitOfWork uow) -> uow.campaigns().find(c.id())))
                .isEmpty();
        assertThat(read(TENANT_A, (UnitOfWork uow) -> uow.campaigns().findByCode("C")))
                .isEmpty();
        run(TENANT_A, uow -> uow.campaigns().insert(c));
        assertThat(read(TENANT_A, (UnitOfWork uow) -> uow.campaigns().find(c.id())))
                .contains(c);
    }
}
