package dev.guanxi.crm.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.Crm;
import dev.guanxi.crm.NotFoundException;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.classification.WinBackCandidate;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.marketing.Campaign;
import dev.guanxi.crm.marketing.CampaignId;
import dev.guanxi.crm.marketing.CampaignTarget;
import dev.guanxi.crm.marketing.Marketing;
import dev.guanxi.crm.marketing.NewCampaign;
import dev.guanxi.crm.marketing.NewCampaignTarget;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.spi.storage.ScoreSnapshot;
import dev.guanxi.crm.spi.storage.Storage;
import dev.guanxi.crm.spi.storage.TransactionWork;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import dev.guanxi.crm.spi.storage.UnitOfWorkContext;
import dev.guanxi.crm.storage.memory.InMemoryStorage;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Scoring.targetWinBack: the top of the win-back list becomes a campaign's targets")
class TargetWinBackTest {
    static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 1, 15);
    static final TenantId ACME = TenantId.of("acme");

    private final Storage storage = new InMemoryStorage();
    private TenantCrm acme;
    private Marketing marketing;
    private Campaign campaign;
    private CustomerId lostA;
    private CustomerId atRiskB;
    private CustomerId lostC;
    private CustomerId activeD;
    private CustomerId unstagedE;
    private CustomerId noModelF;

    @BeforeEach
    void setUp() {
        acme = Crm.builder()
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .storage(storage)
                .build()
                .tenant(ACME);
        marketing = acme.marketing();
        lostA = customer("A 甲");
        atRiskB = customer("B");
        lostC = customer("C");
        activeD = customer("D");
        unstagedE = customer("E");
        noModelF = customer("F");
        // Hand-computed: value = CLV / max(0.01, P(alive)); recoverability = loyalty / 100, or 0.5 without one.
        seed(lostA, "LOST", "0.2", "100", "50"); //       100 / 0.2  = 500 x 0.5 = 250
        seed(atRiskB, "AT_RISK", "0.5", "300", "40"); //  300 / 0.5  = 600 x 0.4 = 240
        seed(lostC, "LOST", "0.005", "4", null); //        4 / 0.01 = 400 x 0.5 = 200
        seed(activeD, "ACTIVE", "0.9", "1000", "90"); //  not lost or at risk: left out
        seed(unstagedE, null, "0.3", "90", "100"); //       90 / 0.3  = 300 x 1.0 = 300 (P(alive) < 0.5)
        seed(noModelF, "AT_RISK", null, null, "80"); //   no model outputs: left out
        // So the list is E 300, A 250, B 240, C 200.
        campaign = marketing.planCampaign(NewCampaign.builder("WIN-BACK", "Win back 挽回")
                .channel(Channel.PHONE)
                .period(TODAY.plusDays(1), TODAY.plusDays(30))
                .budget("1000.00", "USD")
                .build());
    }

    private CustomerId customer(String name) {
        return acme.customers().register(CustomerDraft.person(name).build()).id();
    }

    private void seed(CustomerId id, String stage, String pAlive, String clv, String loyalty) {
        TreeMap<String, BigDecimal> metrics = new TreeMap<>();
        if (pAlive != null) {
            metrics.put("model.pAlive", new BigDecimal(pAlive));
            metrics.put("model.clv", new BigDecimal(clv));
        }
        if (loyalty != null) {
            metrics.put("loyalty.score", new BigDecimal(loyalty));
        }
        TreeMap<String, String> labels = new TreeMap<>();
        if (stage != null) {
            labels.put("lifecycle", stage);
        }
        ScoreSnapshot s = new ScoreSnapshot(id, UUID.randomUUID(), TODAY, null, metrics, labels);
        storage.inTransaction(UnitOfWorkContext.write(ACME), uow -> {
            uow.scores().upsertAll(List.of(s));
            return null;
        });
    }

    private List<CampaignTarget> targets() {
        return marketing.targets(campaign.id(), PageRequest.first(100)).items();
    }

    @Test
    @DisplayName("the top three become targets ranked 1 to 3 with their expected recovery and reason")
    void topThree() {
        List<WinBackCandidate> added = acme.scoring().targetWinBack(campaign.id(), 3);

        assertThat(added).extracting(WinBackCandidate::customerId).containsExactly(unstagedE, lostA, atRiskB);
        assertThat(added.get(0).expectedRecovery()).isCloseTo(300, within(1e-9));
        assertThat(added.get(1).expectedRecovery()).isCloseTo(250, within(1e-9));
        assertThat(added.get(2).expectedRecovery()).isCloseTo(240, within(1e-9));
        assertThat(added).isEqualTo(acme.scoring().winBackList(3));

        List<CampaignTarget> expected = new ArrayList<>();
        for (int i = 0; i < added.size(); i++) {
            WinBackCandidate c = added.get(i);
            expected.add(new CampaignTarget(
                    campaign.id(), c.customerId(), NOW, "win-back", i + 1, c.expectedRecovery(), c.reason()));
        }
        assertThat(targets()).containsExactlyElementsOf(expected);
        assertThat(targets().get(1).reason()).startsWith("LOST: worth 500.00 if won back");
        Campaign after = marketing.getCampaign(campaign.id());
        assertThat(after.targetListSize()).isEqualTo(3);
        assertThat(after.version()).isEqualTo(campaign.version() + 1);
    }

    @Test
    @DisplayName("a second, longer run re-ranks the candidates already on the list and keeps other targets")
    void rerunReplacesAndKeeps() {
        CustomerId manual = activeD;
        marketing.addTargets(campaign.id(), List.of(new NewCampaignTarget(manual, "manual", 1, null, "VIP call")));
        acme.scoring().targetWinBack(campaign.id(), 2); // E rank 1, A rank 2

        List<WinBackCandidate> added = acme.scoring().targetWinBack(campaign.id(), 10);

        assertThat(added).extracting(WinBackCandidate::customerId).containsExactly(unstagedE, lostA, atRiskB, lostC);
        // D (manual, rank 1) and E (win-back, rank 1) tie on rank: customer id text decides.
        List<CampaignTarget> stored = targets();
        assertThat(stored).hasSize(5);
        assertThat(stored).extracting(CampaignTarget::rank).containsExactly(1, 1, 2, 3, 4);
        assertThat(stored.subList(2, 5)).extracting(CampaignTarget::customerId).containsExactly(lostA, atRiskB, lostC);
        assertThat(stored.subList(0, 2))
                .extracting(CampaignTarget::customerId)
                .containsExactlyInAnyOrder(manual, unstagedE);
        assertThat(stored.get(0).customerId().value().toString())
                .isLessThan(stored.get(1).customerId().value().toString());
        assertThat(marketing.getCampaign(campaign.id()).targetListSize()).isEqualTo(5);
    }

    @Test
    @DisplayName("no candidates (limit 0) adds nothing and leaves the campaign as it was")
    void none() {
        assertThat(acme.scoring().targetWinBack(campaign.id(), 0)).isEmpty();
        assertThat(targets()).isEmpty();
        assertThat(marketing.getCampaign(campaign.id())).isEqualTo(campaign);
    }

    @Test
    @DisplayName("a closed or unknown campaign and a bad limit are typed errors, and nothing is stored")
    void errors() {
        Campaign cancelled = marketing.cancel(campaign.id(), campaign.version());
        assertThatThrownBy(() -> acme.scoring().targetWinBack(campaign.id(), 3))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("campaignId");
                    assertThat(e.rule()).isEqualTo(ValidationRule.INVALID_STATE);
                });
        assertThat(targets()).isEmpty();
        assertThat(marketing.getCampaign(campaign.id())).isEqualTo(cancelled);

        assertThatThrownBy(() -> acme.scoring().targetWinBack(CampaignId.random(), 3))
                .isInstanceOf(NotFoundException.class);
        for (int limit : new int[] {-1, NewCampaignTarget.MAX_PER_CALL + 1}) {
            assertThatThrownBy(() -> acme.scoring().targetWinBack(campaign.id(), limit))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("limit");
                        assertThat(e.rule()).isEqualTo(ValidationRule.OUT_OF_RANGE);
                    });
        }
        assertThatThrownBy(() -> acme.scoring().targetWinBack(null, 3))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("campaignId"));
    }

    @Test
    @DisplayName("a store that predates target lists (UnitOfWork.campaignTargets() left at its default) is unsupported")
    void storeWithoutTargetLists() {
        Storage old = new Storage() {
            @Override
            public <T> T inTransaction(UnitOfWorkContext context, TransactionWork<T> work) {
                return storage.inTransaction(context, uow -> work.run(withDefaultTargets(uow)));
            }

            @Override
            public void close() {}
        };
        Crm legacy = Crm.builder()
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .storage(old)
                .build();
        assertThatThrownBy(() -> legacy.tenant(ACME).scoring().targetWinBack(campaign.id(), 3))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("does not keep campaign target lists");
        assertThatThrownBy(() -> legacy.tenant(ACME).marketing().targets(campaign.id(), PageRequest.first(1)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(marketing.getCampaign(campaign.id())).isEqualTo(campaign);
    }

    /** The unit of work, but with the SPI's default {@code campaignTargets()}. */
    static UnitOfWork withDefaultTargets(UnitOfWork uow) {
        return (UnitOfWork) Proxy.newProxyInstance(
                UnitOfWork.class.getClassLoader(), new Class<?>[] {UnitOfWork.class}, (p, m, args) -> {
                    if (m.getName().equals("campaignTargets")) {
                        return InvocationHandler.invokeDefault(p, m, args);
                    }
                    try {
                        return m.invoke(uow, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
