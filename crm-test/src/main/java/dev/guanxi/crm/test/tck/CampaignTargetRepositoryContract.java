package dev.guanxi.crm.test.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.Crm;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.marketing.Campaign;
import dev.guanxi.crm.marketing.CampaignId;
import dev.guanxi.crm.marketing.CampaignTarget;
import dev.guanxi.crm.marketing.NewCampaign;
import dev.guanxi.crm.marketing.NewCampaignTarget;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Conformance tests of {@code CampaignTargetRepository}: targets round-trip exactly (every component set, in
 * hard Unicode, with doubles bit for bit, and with every optional component absent), are replaced per
 * (campaign, customer), removed once, counted and listed per campaign by rank with unranked targets last, ties
 * by customer id text, one page at a time; a rollback leaves nothing; tenants never see each other's targets.
 * Also the marketing API's all-or-none {@code addTargets} on the store under test.
 */
public abstract class CampaignTargetRepositoryContract extends RepositoryContract {
    /** The instant fixtures start at (microsecond precision, as every store keeps it). */
    protected static final Instant T0 = Instant.parse("2026-01-15T10:00:00.123456Z");

    private static final CampaignId SPRING = CampaignId.of("00000000-0000-0000-0000-00000000c001");
    private static final CampaignId AUTUMN = CampaignId.of("00000000-0000-0000-0000-00000000c002");

    /** Creates the contract. */
    protected CampaignTargetRepositoryContract() {}

    private static CustomerId customer(String hex12) {
        return CustomerId.of(hex12.substring(0, 8) + "-0000-0000-0000-" + hex12.substring(0, 12));
    }

    private static CampaignTarget target(CampaignId campaign, CustomerId customer, Integer rank) {
        return new CampaignTarget(campaign, customer, T0, "manual", rank, null, null);
    }

    private Optional<CampaignTarget> find(TenantId tenant, CampaignId campaign, CustomerId customer) {
        return read(tenant, uow -> uow.campaignTargets().find(campaign, customer));
    }

    private long count(TenantId tenant, CampaignId campaign) {
        Long n = read(tenant, uow -> uow.campaignTargets().count(campaign));
        return n;
    }

    private List<CampaignTarget> all(TenantId tenant, CampaignId campaign) {
        List<CampaignTarget> all = new ArrayList<>();
        Optional<PageRequest> next = Optional.of(PageRequest.first(2));
        while (next.isPresent()) {
            PageRequest request = next.get();
            Page<CampaignTarget> page =
                    read(tenant, uow -> uow.campaignTargets().list(campaign, request));
            assertThat(page.items().size()).isLessThanOrEqualTo(2);
            all.addAll(page.items());
            next = page.nextRequest();
        }
        return all;
    }

    @Test
    @DisplayName("a target round-trips every component, in hard Unicode and with doubles bit for bit, or none")
    void roundTrip() {
        CustomerId a = CustomerId.random();
        CustomerId b = CustomerId.random();
        CustomerId c = CustomerId.random();
        CustomerId d = CustomerId.random();
        CampaignTarget full = new CampaignTarget(
                SPRING,
                a,
                T0,
                CampaignTarget.WIN_BACK,
                CampaignTarget.MAX_RANK,
                0.1 + 0.2, // 0.30000000000000004: no decimal rounding on the way
                "流失前最有价值的客户 🎯, CLV ¥12,345.67 — 'quoted' \"twice\" \\ % _");
        CampaignTarget bare = new CampaignTarget(SPRING, b, T0.plusSeconds(1), "m", null, null, null);
        CampaignTarget huge =
                new CampaignTarget(SPRING, c, T0, "x.y_z-1", 1, -1.7976931348623157e308, "😀".repeat(500));
        CampaignTarget tiny = new CampaignTarget(SPRING, d, T0, "manual", 2, 2.2250738585072014e-308, "é".repeat(500));
        run(TENANT_A, uow -> {
            uow.campaignTargets().put(full);
            uow.campaignTargets().put(bare);
            uow.campaignTargets().put(huge);
            uow.campaignTargets().put(tiny);
        });

        assertThat(find(TENANT_A, SPRING, a)).contains(full);
        assertThat(find(TENANT_A, SPRING, b)).contains(bare);
        assertThat(find(TENANT_A, SPRING, c)).contains(huge);
        assertThat(find(TENANT_A, SPRING, d)).contains(tiny);
        assertThat(Double.doubleToRawLongBits(
                        find(TENANT_A, SPRING, a).orElseThrow().expectedValue()))
                .isEqualTo(Double.doubleToRawLongBits(0.1 + 0.2));
        assertThat(find(TENANT_A, SPRING, CustomerId.random())).isEmpty();
        assertThat(find(TENANT_A, AUTUMN, a)).isEmpty();
        assertThat(count(TENANT_A, SPRING)).isEqualTo(4);
    }

    @Test
    @DisplayName("putting a target of the same campaign and customer replaces it; other campaigns keep theirs")
    void replace() {
        CustomerId a = CustomerId.random();
        CampaignTarget autumn = new CampaignTarget(AUTUMN, a, T0, "manual", 9, 9.0, "autumn");
        run(TENANT_A, uow -> {
            uow.campaignTargets().put(new CampaignTarget(SPRING, a, T0, "manual", 1, 1.5, "first"));
            uow.campaignTargets().put(autumn);
        });
        CampaignTarget second = new CampaignTarget(SPRING, a, T0.plusSeconds(60), "win-back", null, null, null);
        run(TENANT_A, uow -> uow.campaignTargets().put(second));
        CampaignTarget third = new CampaignTarget(SPRING, a, T0.plusSeconds(120), "rfm", 4, 0.0, "第三次");
        run(TENANT_A, uow -> {
            // twice in one unit of work: the last one stays
            uow.campaignTargets().put(second);
            uow.campaignTargets().put(third);
        });

        assertThat(find(TENANT_A, SPRING, a)).contains(third);
        assertThat(all(TENANT_A, SPRING)).containsExactly(third);
        assertThat(count(TENANT_A, SPRING)).isEqualTo(1);
        assertThat(all(TENANT_A, AUTUMN)).containsExactly(autumn);
    }

    @Test
    @DisplayName("a target is removed once; removing a missing one reports false")
    void remove() {
        CustomerId a = CustomerId.random();
        CustomerId b = CustomerId.random();
        run(TENANT_A, uow -> {
            uow.campaignTargets().put(target(SPRING, a, 1));
            uow.campaignTargets().put(target(SPRING, b, 2));
            uow.campaignTargets().put(target(AUTUMN, a, 1));
        });
        Boolean first = write(TENANT_A, uow -> uow.campaignTargets().remove(SPRING, a));
        Boolean again = write(TENANT_A, uow -> uow.campaignTargets().remove(SPRING, a));
        Boolean never = write(TENANT_A, uow -> uow.campaignTargets().remove(SPRING, CustomerId.random()));
        assertThat(first).isTrue();
        assertThat(again).isFalse();
        assertThat(never).isFalse();
        assertThat(all(TENANT_A, SPRING)).containsExactly(target(SPRING, b, 2));
        assertThat(count(TENANT_A, SPRING)).isEqualTo(1);
        assertThat(find(TENANT_A, AUTUMN, a)).isPresent();
    }

    @Test
    @DisplayName("a campaign's targets are listed by rank, unranked last, ties by customer id text, page by page")
    void order() {
        // ids whose first bytes would sort differently as signed numbers
        CustomerId low = customer("00000000000a");
        CustomerId mid = customer("7fffffff0001");
        CustomerId high = customer("80000000000b");
        CustomerId top = customer("ffffffff000c");
        CustomerId other = customer("123456789abc");
        List<CampaignTarget> expected = List.of(
                target(SPRING, mid, 1),
                target(SPRING, top, 1),
                target(SPRING, low, 3),
                target(SPRING, other, CampaignTarget.MAX_RANK),
                target(SPRING, high, null));
        run(TENANT_A, uow -> {
            uow.campaignTargets().put(target(SPRING, high, null));
            uow.campaignTargets().put(target(SPRING, low, 3));
            uow.campaignTargets().put(target(SPRING, top, 1));
            uow.campaignTargets().put(target(SPRING, other, CampaignTarget.MAX_RANK));
            uow.campaignTargets().put(target(SPRING, mid, 1));
            uow.campaignTargets().put(target(AUTUMN, low, 1));
        });
        List<CampaignTarget> listed = all(TENANT_A, SPRING);
        assertThat(listed).containsExactlyElementsOf(expected);

        run(TENANT_A, uow -> uow.campaignTargets().put(target(SPRING, top, null)));
        // unranked: 80000000-… before ffffffff-…
        assertThat(all(TENANT_A, SPRING))
                .extracting(CampaignTarget::customerId)
                .containsExactly(mid, low, other, high, top);

        Page<CampaignTarget> last = read(TENANT_A, uow -> uow.campaignTargets().list(SPRING, new PageRequest(4, 2)));
        Page<CampaignTarget> beyond =
                read(TENANT_A, uow -> uow.campaignTargets().list(SPRING, new PageRequest(5, 2)));
        assertThat(last.items()).extracting(CampaignTarget::customerId).containsExactly(top);
        assertThat(last.hasMore()).isFalse();
        assertThat(beyond.items()).isEmpty();
        assertThat(all(TENANT_A, CampaignId.random())).isEmpty();
        assertThat(count(TENANT_A, CampaignId.random())).isZero();
    }

    @Test
    @DisplayName("a rolled-back unit of work leaves no new target, no replacement and no removal")
    void rollback() {
        CustomerId a = CustomerId.random();
        CustomerId b = CustomerId.random();
        CampaignTarget kept = target(SPRING, a, 1);
        run(TENANT_A, uow -> uow.campaignTargets().put(kept));
        assertThatThrownBy(() -> run(TENANT_A, uow -> {
                    uow.campaignTargets().put(target(SPRING, b, 2));
                    uow.campaignTargets().put(new CampaignTarget(SPRING, a, T0, "x", 5, 5.0, "replaced"));
                    assertThat(uow.campaignTargets().count(SPRING)).isEqualTo(2);
                    uow.campaignTargets().remove(SPRING, a);
                    assertThat(uow.campaignTargets().find(SPRING, a)).isEmpty();
                    throw new IllegalStateException("crash after the changes");
                }))
                .hasMessageContaining("crash");
        assertThat(all(TENANT_A, SPRING)).containsExactly(kept);
        assertThat(count(TENANT_A, SPRING)).isEqualTo(1);
        assertThat(find(TENANT_A, SPRING, b)).isEmpty();
    }

    @Test
    @DisplayName("tenants never see each other's targets, even for the same campaign and customer ids")
    void tenantIsolation() {
        CustomerId a = CustomerId.random();
        CampaignTarget inA = new CampaignTarget(SPRING, a, T0, "manual", 1, 1.0, "tenant a");
        run(TENANT_A, uow -> uow.campaignTargets().put(inA));
        assertThat(find(TENANT_B, SPRING, a)).isEmpty();
        assertThat(all(TENANT_B, SPRING)).isEmpty();
        assertThat(count(TENANT_B, SPRING)).isZero();
        Boolean removed = write(TENANT_B, uow -> uow.campaignTargets().remove(SPRING, a));
        assertThat(removed).isFalse();

        CampaignTarget inB = new CampaignTarget(SPRING, a, T0, "rfm", 2, 2.0, "tenant b");
        run(TENANT_B, uow -> uow.campaignTargets().put(inB));
        assertThat(all(TENANT_A, SPRING)).containsExactly(inA);
        assertThat(all(TENANT_B, SPRING)).containsExactly(inB);
        Boolean removedInB = write(TENANT_B, uow -> uow.campaignTargets().remove(SPRING, a));
        assertThat(removedInB).isTrue();
        assertThat(find(TENANT_A, SPRING, a)).contains(inA);
        assertThat(count(TENANT_A, SPRING)).isEqualTo(1);
    }

    @Test
    @DisplayName("addTargets through the marketing API stores all or none and sizes the campaign in one unit of work")
    void addTargetsThroughTheApi() {
        TenantCrm tenant = Crm.builder()
                .clock(Clock.fixed(T0, ZoneOffset.UTC))
                .storage(storage())
                .build()
                .tenant(TENANT_A);
        CustomerId alice = tenant.customers()
                .register(CustomerDraft.person("Alice 王").build())
                .id();
        CustomerId bob =
                tenant.customers().register(CustomerDraft.person("Bob").build()).id();
        Campaign planned = tenant.marketing()
                .planCampaign(NewCampaign.builder("TCK-TARGETS", "挽回活动")
                        .channel(Channel.PHONE)
                        .period(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1))
                        .budget("100.00", "USD")
                        .build());

        Campaign sized = tenant.marketing()
                .addTargets(
                        planned.id(),
                        List.of(
                                new NewCampaignTarget(bob, "manual", 2, null, null),
                                new NewCampaignTarget(alice, CampaignTarget.WIN_BACK, 1, 12.5, "最有价值 🎯")));
        assertThat(sized.targetListSize()).isEqualTo(2);
        assertThat(sized.version()).isEqualTo(planned.version() + 1);

        List<NewCampaignTarget> bad = List.of(
                new NewCampaignTarget(alice, "manual", 7, null, "would replace"),
                NewCampaignTarget.of(CustomerId.random(), "manual"));
        assertThatThrownBy(() -> tenant.marketing().addTargets(planned.id(), bad))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("targets[1].customerId"));

        assertThat(tenant.marketing().getCampaign(planned.id())).isEqualTo(sized);
        List<CampaignTarget> targets =
                tenant.marketing().targets(planned.id(), PageRequest.first(10)).items();
        assertThat(targets).extracting(CampaignTarget::customerId).containsExactly(alice, bob);
        assertThat(targets.get(0).reason()).isEqualTo("最有价值 🎯");
        assertThat(targets.get(0).rank()).isEqualTo(1);
    }
}
