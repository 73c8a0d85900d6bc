package dev.guanxi.crm.marketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.Crm;
import dev.guanxi.crm.NotFoundException;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.event.CampaignResponseRecorded;
import dev.guanxi.crm.event.DomainEvent;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.OpportunityId;
import dev.guanxi.crm.sales.OrderId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Marketing: campaign responses")
class CampaignResponsesTest {
    static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 1, 15);

    private final List<DomainEvent> events = new CopyOnWriteArrayList<>();
    private Crm crm;
    private TenantCrm acme;
    private Marketing marketing;
    private Campaign campaign;
    private CustomerId alice;
    private CustomerId bob;

    @BeforeEach
    void setUp() {
        crm = Crm.builder()
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .listener(events::add)
                .build();
        acme = crm.tenant("acme");
        marketing = acme.marketing();
        alice = customer("Alice");
        bob = customer("Bob");
        campaign = active("SPRING");
        events.clear();
    }

    private CustomerId customer(String name) {
        return acme.customers().register(CustomerDraft.person(name).build()).id();
    }

    private Campaign active(String code) {
        Campaign c = marketing.planCampaign(NewCampaign.builder(code, "Spring")
                .channel(Channel.EMAIL)
                .period(TODAY.minusDays(10), TODAY.plusDays(20))
                .targetSegment("RFM:AT_RISK", 1200)
                .budget("5000.00", "USD")
                .build());
        return marketing.launch(c.id(), 1);
    }

    private NewCampaignResponse.Builder response(CustomerId who, AidaStage stage) {
        return NewCampaignResponse.builder(campaign.id(), who, stage);
    }

    private List<CampaignResponse> stored() {
        return marketing
                .campaignResponses(campaign.id(), PageRequest.first(100))
                .items();
    }

    @Test
    @DisplayName("a first response is stored at version 1; channel defaults to the campaign's, time to now")
    void first() {
        CampaignResponse r = marketing.recordResponse(
                response(alice, AidaStage.INTEREST).note("clicked the link").build());

        assertThat(r.version()).isEqualTo(1);
        assertThat(r.campaignId()).isEqualTo(campaign.id());
        assertThat(r.customerId()).isEqualTo(alice);
        assertThat(r.stage()).isEqualTo(AidaStage.INTEREST);
        assertThat(r.channel()).isEqualTo(Channel.EMAIL);
        assertThat(r.respondedAt()).isEqualTo(NOW);
        assertThat(r.firstRespondedAt()).isEqualTo(NOW);
        assertThat(r.note()).isEqualTo("clicked the link");
        assertThat(r.history()).containsExactly(new StageReached(AidaStage.INTEREST, NOW, Channel.EMAIL));
        assertThat(r.orderId()).isNull();
        assertThat(r.createdAt()).isEqualTo(NOW);
        assertThat(marketing.findResponse(r.id())).contains(r);
        assertThat(marketing.findResponse(campaign.id(), alice)).contains(r);
        assertThat(marketing.findResponse(campaign.id(), bob)).isEmpty();

        assertThat(events).singleElement().isInstanceOfSatisfying(CampaignResponseRecorded.class, e -> {
            assertThat(e.customerId()).isEqualTo(alice);
            assertThat(e.campaignId()).isEqualTo(campaign.id());
            assertThat(e.responseId()).isEqualTo(r.id());
            assertThat(e.stage()).isEqualTo(AidaStage.INTEREST);
            assertThat(e.isFirstResponse()).isTrue();
            assertThat(e.previous()).isEmpty();
            assertThat(e.channel()).isEqualTo(Channel.EMAIL);
            assertThat(e.respondedAt()).isEqualTo(NOW);
        });
    }

    @Test
    @DisplayName("a later stage advances the response, keeps the history and replaces given note and links")
    void advance() {
        Instant t1 = NOW.minus(Duration.ofDays(3));
        Instant t2 = NOW.minus(Duration.ofDays(1));
        OrderId order = OrderId.random();
        OpportunityId opportunity = OpportunityId.random();
        marketing.recordResponse(response(alice, AidaStage.AWARENESS)
                .respondedAt(t1)
                .note("opened")
                .opportunity(opportunity)
                .build());
        CampaignResponse r = marketing.recordResponse(response(alice, AidaStage.ACTION)
                .respondedAt(t2)
                .channel(Channel.WEB)
                .order(order)
                .build());

        assertThat(r.version()).isEqualTo(2);
        assertThat(r.stage()).isEqualTo(AidaStage.ACTION);
        assertThat(r.channel()).isEqualTo(Channel.WEB);
        assertThat(r.history())
                .containsExactly(
                        new StageReached(AidaStage.AWARENESS, t1, Channel.EMAIL),
                        new StageReached(AidaStage.ACTION, t2, Channel.WEB));
        assertThat(r.firstRespondedAt()).isEqualTo(t1);
        assertThat(r.respondedAt()).isEqualTo(t2);
        assertThat(r.reachedAt(AidaStage.AWARENESS)).contains(t1);
        assertThat(r.reachedAt(AidaStage.DESIRE))
                .as("a skipped stage counts from the stage that implied it")
                .contains(t2);
        assertThat(r.note()).as("kept when not given").isEqualTo("opened");
        assertThat(r.orderId()).isEqualTo(order);
        assertThat(r.opportunityId()).isEqualTo(opportunity);
        assertThat(r.updatedAt()).isEqualTo(NOW);
        assertThat(r.createdAt()).isEqualTo(NOW);
        assertThat(stored()).containsExactly(r);

        assertThat(events).hasSize(2);
        assertThat(events.get(1)).isInstanceOfSatisfying(CampaignResponseRecorded.class, e -> {
            assertThat(e.previousStage()).isEqualTo(AidaStage.AWARENESS);
            assertThat(e.stage()).isEqualTo(AidaStage.ACTION);
            assertThat(e.isFirstResponse()).isFalse();
        });
    }

    @Test
    @DisplayName("the stage already reached again is a no-op: same version, no event")
    void sameStage() {
        CampaignResponse first =
                marketing.recordResponse(response(alice, AidaStage.DESIRE).build());
        events.clear();

        CampaignResponse again = marketing.recordResponse(
                response(alice, AidaStage.DESIRE).note("ignored").build());

        assertThat(again).isEqualTo(first);
        assertThat(stored()).containsExactly(first);
        assertThat(events).isEmpty();
    }

    @ParameterizedTest(name = "{0} after DESIRE")
    @EnumSource(
            value = AidaStage.class,
            names = {"AWARENESS", "INTEREST"})
    @DisplayName("a response never goes back: an earlier stage is refused and nothing changes")
    void neverBack(AidaStage earlier) {
        CampaignResponse first =
                marketing.recordResponse(response(alice, AidaStage.DESIRE).build());
        events.clear();

        assertThatThrownBy(
                        () -> marketing.recordResponse(response(alice, earlier).build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("stage");
                    assertThat(e.rule()).isEqualTo(ValidationRule.INVALID_STATE);
                });
        assertThat(stored()).containsExactly(first);
        assertThat(events).isEmpty();
    }

    @Test
    @DisplayName("a later stage dated before the stage reached is refused with DATE_ORDER")
    void laterStageEarlier() {
        CampaignResponse first = marketing.recordResponse(response(alice, AidaStage.INTEREST)
                .respondedAt(NOW.minusSeconds(60))
                .build());
        events.clear();

        assertThatThrownBy(() -> marketing.recordResponse(response(alice, AidaStage.ACTION)
                        .respondedAt(NOW.minusSeconds(120))
                        .build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("respondedAt");
                    assertThat(e.rule()).isEqualTo(ValidationRule.DATE_ORDER);
                });
        assertThat(stored()).containsExactly(first);
        assertThat(events).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = CampaignStatus.class, names = "ACTIVE", mode = EnumSource.Mode.EXCLUDE)
    @DisplayName("responses are only recorded on an ACTIVE campaign")
    void onlyActive(CampaignStatus status) {
        Campaign c = marketing.planCampaign(NewCampaign.builder("OTHER", "Other")
                .channel(Channel.PHONE)
                .period(TODAY, TODAY)
                .budget("1.00", "EUR")
                .build());
        c = switch (status) {
            case PLANNED -> c;
            case COMPLETED ->
                marketing.complete(c.id(), marketing.launch(c.id(), 1).version());
            case CANCELLED -> marketing.cancel(c.id(), 1);
            case ACTIVE -> throw new AssertionError();
        };
        events.clear();
        CampaignId id = c.id();

        assertThatThrownBy(() -> marketing.recordResponse(NewCampaignResponse.builder(id, alice, AidaStage.AWARENESS)
                        .build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("campaignId");
                    assertThat(e.rule()).isEqualTo(ValidationRule.INVALID_STATE);
                });
        assertThat(marketing.campaignResponses(id, PageRequest.first(10)).items())
                .isEmpty();
        assertThat(marketing.customerResponses(alice, PageRequest.first(10)).items())
                .isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    @DisplayName("a campaign's responses stay after it completes and are still listed and counted")
    void afterCompletion() {
        CampaignResponse r =
                marketing.recordResponse(response(alice, AidaStage.ACTION).build());
        marketing.complete(campaign.id(), campaign.version());
        assertThat(stored()).containsExactly(r);
        assertThat(marketing.funnel(campaign.id()).reached(AidaStage.ACTION)).isEqualTo(1);
    }

    static Stream<Arguments> badResponses() {
        return Stream.of(
                bad(
                        "no campaign",
                        t -> NewCampaignResponse.builder(null, t.alice, AidaStage.ACTION),
                        "campaignId",
                        ValidationRule.REQUIRED),
                bad("no customer", t -> t.response(null, AidaStage.ACTION), "customerId", ValidationRule.REQUIRED),
                bad("no stage", t -> t.response(t.alice, null), "stage", ValidationRule.REQUIRED),
                bad(
                        "NUL in the note",
                        t -> t.response(t.alice, AidaStage.ACTION).note("a\u0000"),
                        "note",
                        ValidationRule.ILLEGAL_CHARACTER),
                bad(
                        "escape in the note",
                        t -> t.response(t.alice, AidaStage.ACTION).note("a\u001B[31m"),
                        "note",
                        ValidationRule.ILLEGAL_CHARACTER),
                bad("blank note", t -> t.response(t.alice, AidaStage.ACTION).note(" "), "note", ValidationRule.BLANK),
                bad(
                        "note over 20,000 characters",
                        t -> t.response(t.alice, AidaStage.ACTION).note("n".repeat(20_001)),
                        "note",
                        ValidationRule.TOO_LONG),
                bad(
                        "responded in an hour",
                        t -> t.response(t.alice, AidaStage.ACTION).respondedAt(NOW.plusSeconds(3600)),
                        "respondedAt",
                        ValidationRule.FUTURE),
                bad(
                        "responded in 200 years",
                        t -> t.response(t.alice, AidaStage.ACTION).respondedAt(NOW.plus(Duration.ofDays(365L * 200))),
                        "respondedAt",
                        ValidationRule.FUTURE));
    }

    private static Arguments bad(
            String what,
            Function<CampaignResponsesTest, NewCampaignResponse.Builder> input,
            String field,
            ValidationRule rule) {
        return Arguments.of(what, input, field, rule);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badResponses")
    @DisplayName("bad input is refused with ValidationException naming field and rule; nothing is stored")
    void badInput(
            String what,
            Function<CampaignResponsesTest, NewCampaignResponse.Builder> input,
            String field,
            ValidationRule rule) {
        assertThatThrownBy(() -> marketing.recordResponse(input.apply(this).build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.rule()).isEqualTo(rule);
                });
        assertThat(stored()).isEmpty();
        assertThat(marketing.customerResponses(alice, PageRequest.first(10)).items())
                .isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    @DisplayName("ten minutes of clock skew are tolerated for respondedAt")
    void skew() {
        CampaignResponse r = marketing.recordResponse(response(alice, AidaStage.ACTION)
                .respondedAt(NOW.plusSeconds(600))
                .build());
        assertThat(r.respondedAt()).isEqualTo(NOW.plusSeconds(600));
    }

    @Test
    @DisplayName("an unknown campaign or customer gives NotFoundException and nothing is stored")
    void unknownReferences() {
        CampaignId ghostCampaign = CampaignId.random();
        CustomerId ghostCustomer = CustomerId.random();

        assertThatThrownBy(() ->
                        marketing.recordResponse(NewCampaignResponse.builder(ghostCampaign, alice, AidaStage.ACTION)
                                .build()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.entityType()).isEqualTo("Campaign");
                    assertThat(e.id()).isEqualTo(ghostCampaign);
                });
        assertThatThrownBy(() -> marketing.recordResponse(
                        response(ghostCustomer, AidaStage.ACTION).build()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.entityType()).isEqualTo("Customer");
                    assertThat(e.id()).isEqualTo(ghostCustomer);
                });
        assertThatThrownBy(() -> marketing.customerResponses(ghostCustomer, PageRequest.first(10)))
                .isInstanceOf(NotFoundException.class);
        assertThat(stored()).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    @DisplayName("order and opportunity ids are stored as given, without checking that they exist")
    void uncheckedLinks() {
        OrderId order = OrderId.random();
        OpportunityId opportunity = OpportunityId.random();
        CampaignResponse r = marketing.recordResponse(response(alice, AidaStage.ACTION)
                .order(order)
                .opportunity(opportunity)
                .build());
        assertThat(marketing.findResponse(r.id()).orElseThrow().orderId()).isEqualTo(order);
        assertThat(r.opportunityId()).isEqualTo(opportunity);
    }

    @Test
    @DisplayName("a campaign's responses are listed by customer id and paged; a customer's latest first")
    void listing() {
        List<CustomerId> customers = Stream.of(alice, bob, customer("Carol"), customer("Dave"))
                .sorted(Comparator.comparing(CustomerId::toString))
                .toList();
        for (int i = 0; i < customers.size(); i++) {
            marketing.recordResponse(response(customers.get(i), AidaStage.AWARENESS)
                    .respondedAt(NOW.minusSeconds(100 - i))
                    .build());
        }
        Page<CampaignResponse> first = marketing.campaignResponses(campaign.id(), PageRequest.first(3));
        assertThat(first.items())
                .extracting(CampaignResponse::customerId)
                .containsExactlyElementsOf(customers.subList(0, 3));
        assertThat(first.hasMore()).isTrue();
        Page<CampaignResponse> rest =
                marketing.campaignResponses(campaign.id(), first.nextRequest().orElseThrow());
        assertThat(rest.items()).extracting(CampaignResponse::customerId).containsExactly(customers.get(3));
        assertThat(rest.hasMore()).isFalse();

        Campaign autumn = active("AUTUMN");
        Campaign winter = active("WINTER");
        marketing.recordResponse(NewCampaignResponse.builder(winter.id(), alice, AidaStage.INTEREST)
                .respondedAt(NOW.minusSeconds(5000))
                .build());
        marketing.recordResponse(NewCampaignResponse.builder(autumn.id(), alice, AidaStage.INTEREST)
                .respondedAt(NOW)
                .build());
        assertThat(marketing.customerResponses(alice, PageRequest.first(10)).items())
                .extracting(CampaignResponse::campaignId)
                .containsExactly(autumn.id(), campaign.id(), winter.id());
        assertThat(marketing
                        .customerResponses(customer("Eve"), PageRequest.first(10))
                        .items())
                .isEmpty();
    }

    @Test
    @DisplayName("tenants are isolated: another tenant's campaign or customer is unknown")
    void tenantIsolation() {
        marketing.recordResponse(response(alice, AidaStage.ACTION).build());
        TenantCrm globex = crm.tenant("globex");
        CustomerId theirs =
                globex.customers().register(CustomerDraft.person("Zed").build()).id();
        events.clear();

        assertThatThrownBy(() -> globex.marketing()
                        .recordResponse(NewCampaignResponse.builder(campaign.id(), theirs, AidaStage.ACTION)
                                .build()))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.entityType()).isEqualTo("Campaign"));
        assertThatThrownBy(() -> marketing.recordResponse(
                        response(theirs, AidaStage.ACTION).build()))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.entityType()).isEqualTo("Customer"));
        assertThatThrownBy(() -> globex.marketing().customerResponses(alice, PageRequest.first(10)))
                .isInstanceOf(NotFoundException.class);
        assertThat(globex.marketing().findResponse(campaign.id(), alice)).isEmpty();
        assertThat(stored()).hasSize(1);
        assertThat(events).isEmpty();
    }

    @Test
    @DisplayName("the funnel is cumulative, with conversion rates, response rate and cost per action")
    void funnel() {
        record(4, AidaStage.AWARENESS);
        record(3, AidaStage.INTEREST);
        record(2, AidaStage.DESIRE);
        record(1, AidaStage.ACTION);

        CampaignFunnel f = marketing.funnel(campaign.id());

        assertThat(f.campaignId()).isEqualTo(campaign.id());
        assertThat(f.reached(AidaStage.AWARENESS)).isEqualTo(10);
        assertThat(f.reached(AidaStage.INTEREST)).isEqualTo(6);
        assertThat(f.reached(AidaStage.DESIRE)).isEqualTo(3);
        assertThat(f.reached(AidaStage.ACTION)).isEqualTo(1);
        assertThat(f.responses()).isEqualTo(10);
        assertThat(f.stepRate(AidaStage.AWARENESS)).contains(new java.math.BigDecimal("0.6000"));
        assertThat(f.stepRate(AidaStage.INTEREST)).contains(new java.math.BigDecimal("0.5000"));
        assertThat(f.stepRate(AidaStage.DESIRE)).contains(new java.math.BigDecimal("0.3333"));
        assertThat(f.actionRate()).contains(new java.math.BigDecimal("0.1000"));
        assertThat(f.responseRate()).as("10 of 1200, HALF_UP").contains(new java.math.BigDecimal("0.0083"));
        assertThat(f.costPerAction()).contains(dev.guanxi.crm.money.Money.of("5000.00", "USD"));
    }

    @Test
    @DisplayName("an advanced response moves up the funnel instead of counting twice")
    void funnelAfterAdvance() {
        marketing.recordResponse(response(alice, AidaStage.AWARENESS)
                .respondedAt(NOW.minusSeconds(10))
                .build());
        marketing.recordResponse(response(alice, AidaStage.DESIRE).build());
        CampaignFunnel f = marketing.funnel(campaign.id());
        assertThat(f.responses()).isEqualTo(1);
        assertThat(f.reached(AidaStage.DESIRE)).isEqualTo(1);
        assertThat(f.reached(AidaStage.ACTION)).isZero();
        assertThat(f.costPerAction()).isEmpty();
    }

    @Test
    @DisplayName("a campaign without responses has an empty funnel: zero counts, no rates, no cost per action")
    void emptyFunnel() {
        CampaignFunnel f = marketing.funnel(campaign.id());
        for (AidaStage s : AidaStage.values()) {
            assertThat(f.reached(s)).isZero();
        }
        assertThat(f.actionRate()).isEmpty();
        assertThat(f.stepRate(AidaStage.AWARENESS)).isEmpty();
        assertThat(f.responseRate()).contains(new java.math.BigDecimal("0.0000"));
        assertThat(f.costPerAction()).isEmpty();
    }

    private void record(int customers, AidaStage stage) {
        for (int i = 0; i < customers; i++) {
            marketing.recordResponse(response(customer(stage + "-" + i), stage).build());
        }
    }
}
