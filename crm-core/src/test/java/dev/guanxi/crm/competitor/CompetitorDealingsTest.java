package dev.guanxi.crm.competitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.IllegalTransitionException;
import dev.guanxi.crm.NotFoundException;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.event.CompetitorDealingChanged;
import dev.guanxi.crm.event.CompetitorDealingRecorded;
import dev.guanxi.crm.event.DomainEvent;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Competitors: dealings with our customers")
class CompetitorDealingsTest {
    static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 1, 15);
    private static final Set<String> ALLOWED = Set.of(
            "BIDDING>CURRENT_SUPPLIER",
            "BIDDING>LOST_DEAL_TO",
            "BIDDING>WON_DEAL_FROM",
            "CURRENT_SUPPLIER>FORMER_SUPPLIER");

    private final List<DomainEvent> events = new CopyOnWriteArrayList<>();
    private Crm crm;
    private TenantCrm acme;
    private Competitors competitors;
    private CompetitorId rival;
    private CustomerId alice;

    @BeforeEach
    void setUp() {
        crm = Crm.builder()
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .listener(events::add)
                .build();
        acme = crm.tenant("acme");
        competitors = acme.competitors();
        rival = competitors.register(NewCompetitor.builder("Rival").build()).id();
        alice = acme.customers()
                .register(CustomerDraft.organisation("Alice GmbH").build())
                .id();
        events.clear();
    }

    NewCompetitorDealing.Builder dealing(DealingKind kind) {
        return NewCompetitorDealing.builder(rival, alice, kind, TODAY.minusDays(30));
    }

    private List<CompetitorDealing> ofAlice() {
        return competitors.dealingsOf(alice, PageRequest.first(100)).items();
    }

    @Test
    @DisplayName("recording stores an open dealing at version 1 and publishes CompetitorDealingRecorded")
    void record() {
        CompetitorDealing d = competitors.recordDealing(dealing(DealingKind.CURRENT_SUPPLIER)
                .productName("Rival Pro")
                .estimatedAnnualValue("120000.00", "EUR")
                .note("Three-year contract, renewal in autumn")
                .build());

        assertThat(d.version()).isEqualTo(1);
        assertThat(d.competitorId()).isEqualTo(rival);
        assertThat(d.customerId()).isEqualTo(alice);
        assertThat(d.kind()).isEqualTo(DealingKind.CURRENT_SUPPLIER);
        assertThat(d.productName()).isEqualTo("Rival Pro");
        assertThat(d.estimatedAnnualValue()).isEqualTo(Money.of("120000", "EUR"));
        assertThat(d.observedOn()).isEqualTo(TODAY.minusDays(30));
        assertThat(d.endedOn()).isNull();
        assertThat(d.isOpen()).isTrue();
        assertThat(d.createdAt()).isEqualTo(NOW);
        assertThat(competitors.getDealing(d.id())).isEqualTo(d);

        assertThat(events)
                .singleElement()
                .isEqualTo(new CompetitorDealingRecorded(
                        events.get(0).metadata(),
                        alice,
                        d.id(),
                        rival,
                        DealingKind.CURRENT_SUPPLIER,
                        TODAY.minusDays(30)));
    }

    @Test
    @DisplayName("dealings are listed per customer and per competitor, latest observed first, ties by id, paged")
    void listing() {
        CompetitorId other =
                competitors.register(NewCompetitor.builder("Other").build()).id();
        CustomerId bob =
                acme.customers().register(CustomerDraft.person("Bob").build()).id();
        CompetitorDealing old = competitors.recordDealing(
                NewCompetitorDealing.builder(rival, alice, DealingKind.FORMER_SUPPLIER, TODAY.minusYears(2))
                        .build());
        CompetitorDealing tie1 =
                competitors.recordDealing(dealing(DealingKind.BIDDING).build());
        CompetitorDealing tie2 = competitors.recordDealing(
                NewCompetitorDealing.builder(other, alice, DealingKind.BIDDING, TODAY.minusDays(30))
                        .build());
        CompetitorDealing recent =
                competitors.recordDealing(NewCompetitorDealing.builder(rival, bob, DealingKind.LOST_DEAL_TO, TODAY)
                        .build());

        List<CompetitorDealingId> ties = Stream.of(tie1, tie2)
                .map(CompetitorDealing::id)
                .sorted(Comparator.comparing(CompetitorDealingId::toString))
                .toList();
        Page<CompetitorDealing> first = competitors.dealingsOf(alice, PageRequest.first(2));
        assertThat(first.items()).extracting(CompetitorDealing::id).containsExactlyElementsOf(ties);
        assertThat(first.hasMore()).isTrue();
        assertThat(competitors
                        .dealingsOf(alice, first.nextRequest().orElseThrow())
                        .items())
                .containsExactly(old);
        assertThat(competitors.dealingsOf(rival, PageRequest.first(10)).items()).containsExactly(recent, tie1, old);
        assertThat(competitors.dealingsOf(other, PageRequest.first(10)).items()).containsExactly(tie2);
        assertThat(competitors.dealingsOf(bob, PageRequest.first(10)).items()).containsExactly(recent);
    }

    @Test
    @DisplayName("ending a current supplier makes it a former supplier with an end date; event published")
    void endCurrentSupplier() {
        CompetitorDealing d =
                competitors.recordDealing(dealing(DealingKind.CURRENT_SUPPLIER).build());
        events.clear();

        CompetitorDealing ended = competitors.endDealing(d.id(), 1, TODAY);

        assertThat(ended.kind()).isEqualTo(DealingKind.FORMER_SUPPLIER);
        assertThat(ended.endedOn()).isEqualTo(TODAY);
        assertThat(ended.isOpen()).isFalse();
        assertThat(ended.version()).isEqualTo(2);
        assertThat(competitors.getDealing(d.id())).isEqualTo(ended);
        assertThat(events).singleElement().isInstanceOfSatisfying(CompetitorDealingChanged.class, e -> {
            assertThat(e.customerId()).isEqualTo(alice);
            assertThat(e.from()).isEqualTo(DealingKind.CURRENT_SUPPLIER);
            assertThat(e.to()).isEqualTo(DealingKind.FORMER_SUPPLIER);
            assertThat(e.ended()).contains(TODAY);
            assertThat(e.version()).isEqualTo(2);
        });
    }

    @Test
    @DisplayName("ending a bid keeps its kind; an ended dealing can be neither ended nor changed again")
    void endBid() {
        CompetitorDealing d =
                competitors.recordDealing(dealing(DealingKind.BIDDING).build());
        CompetitorDealing ended = competitors.endDealing(d.id(), 1, TODAY.minusDays(30));
        assertThat(ended.kind()).isEqualTo(DealingKind.BIDDING);
        assertThat(ended.endedOn()).isEqualTo(TODAY.minusDays(30));
        events.clear();

        assertThatThrownBy(() -> competitors.endDealing(d.id(), 2, TODAY))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("endedOn");
                    assertThat(e.rule()).isEqualTo(ValidationRule.INVALID_STATE);
                });
        assertThatThrownBy(() -> competitors.changeDealingKind(d.id(), 2, DealingKind.WON_DEAL_FROM))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("endedOn");
                    assertThat(e.rule()).isEqualTo(ValidationRule.INVALID_STATE);
                });
        assertThat(competitors.getDealing(d.id())).isEqualTo(ended);
        assertThat(events).isEmpty();
    }

    static Stream<Arguments> badEnds() {
        return Stream.of(
                Arguments.of("before it was observed", TODAY.minusDays(31), ValidationRule.DATE_ORDER),
                Arguments.of("in two days", TODAY.plusDays(2), ValidationRule.FUTURE),
                Arguments.of("in 200 years", TODAY.plusYears(200), ValidationRule.FUTURE),
                Arguments.of("never given", null, ValidationRule.REQUIRED));
    }

    @ParameterizedTest(name = "end date {0}")
    @MethodSource("badEnds")
    @DisplayName("a bad end date is refused on field endedOn and nothing changes")
    void badEnd(String what, LocalDate endedOn, ValidationRule rule) {
        CompetitorDealing d =
                competitors.recordDealing(dealing(DealingKind.CURRENT_SUPPLIER).build());
        events.clear();
        assertThatThrownBy(() -> competitors.endDealing(d.id(), 1, endedOn))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("endedOn");
                    assertThat(e.rule()).isEqualTo(rule);
                });
        assertThat(competitors.getDealing(d.id())).isEqualTo(d);
        assertThat(events).isEmpty();
    }

    static Stream<Arguments> everyPair() {
        return Stream.of(DealingKind.values())
                .flatMap(from -> Stream.of(DealingKind.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    @DisplayName("kind changes follow the one table; an illegal change throws and changes nothing")
    void kinds(DealingKind from, DealingKind to) {
        boolean allowed = ALLOWED.contains(from + ">" + to);
        assertThat(from.canBecome(to)).isEqualTo(allowed);
        assertThat(from.next().contains(to)).isEqualTo(allowed);
        CompetitorDealing d = competitors.recordDealing(dealing(from).build());
        events.clear();

        if (allowed) {
            CompetitorDealing changed = competitors.changeDealingKind(d.id(), 1, to);
            assertThat(changed.kind()).isEqualTo(to);
            assertThat(changed.version()).isEqualTo(2);
            assertThat(changed.isOpen()).isTrue();
            assertThat(events).singleElement().isInstanceOfSatisfying(CompetitorDealingChanged.class, e -> {
                assertThat(e.from()).isEqualTo(from);
                assertThat(e.to()).isEqualTo(to);
                assertThat(e.ended()).isEmpty();
            });
        } else {
            assertThatThrownBy(() -> competitors.changeDealingKind(d.id(), 1, to))
                    .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                        assertThat(e.from()).isEqualTo(from);
                        assertThat(e.to()).isEqualTo(to);
                    });
            assertThat(competitors.getDealing(d.id())).isEqualTo(d);
            assertThat(events).isEmpty();
        }
    }

    @Test
    @DisplayName("final kinds have no way out; only a current supplier changes kind when ended")
    void finals() {
        assertThat(Stream.of(DealingKind.values()).filter(DealingKind::isFinal))
                .containsExactlyInAnyOrder(
                        DealingKind.FORMER_SUPPLIER, DealingKind.LOST_DEAL_TO, DealingKind.WON_DEAL_FROM);
        for (DealingKind k : DealingKind.values()) {
            assertThat(k.whenEnded()).isEqualTo(k == DealingKind.CURRENT_SUPPLIER ? DealingKind.FORMER_SUPPLIER : k);
        }
    }

    @Test
    @DisplayName("stale versions are refused and change nothing")
    void stale() {
        CompetitorDealing d =
                competitors.recordDealing(dealing(DealingKind.BIDDING).build());
        competitors.changeDealingKind(d.id(), 1, DealingKind.CURRENT_SUPPLIER);
        CompetitorDealing current = competitors.getDealing(d.id());
        events.clear();

        assertThatThrownBy(() -> competitors.changeDealingKind(d.id(), 1, DealingKind.LOST_DEAL_TO))
                .isInstanceOfSatisfying(StaleVersionException.class, e -> {
                    assertThat(e.entityType()).isEqualTo("CompetitorDealing");
                    assertThat(e.expectedVersion()).isEqualTo(1);
                });
        assertThatThrownBy(() -> competitors.endDealing(d.id(), 1, TODAY)).isInstanceOf(StaleVersionException.class);
        assertThat(competitors.getDealing(d.id())).isEqualTo(current);
        assertThat(events).isEmpty();
    }

    static Stream<Arguments> badDealings() {
        return Stream.of(
                bad(
                        "no competitor",
                        t -> NewCompetitorDealing.builder(null, t.alice, DealingKind.BIDDING, TODAY),
                        "competitorId",
                        ValidationRule.REQUIRED),
                bad(
                        "no customer",
                        t -> NewCompetitorDealing.builder(t.rival, null, DealingKind.BIDDING, TODAY),
                        "customerId",
                        ValidationRule.REQUIRED),
                bad("no kind", t -> t.dealing(null), "kind", ValidationRule.REQUIRED),
                bad(
                        "no observation date",
                        t -> NewCompetitorDealing.builder(t.rival, t.alice, DealingKind.BIDDING, null),
                        "observedOn",
                        ValidationRule.REQUIRED),
                bad(
                        "observed in two days",
                        t -> NewCompetitorDealing.builder(t.rival, t.alice, DealingKind.BIDDING, TODAY.plusDays(2)),
                        "observedOn",
                        ValidationRule.FUTURE),
                bad(
                        "observed in 200 years",
                        t -> NewCompetitorDealing.builder(t.rival, t.alice, DealingKind.BIDDING, TODAY.plusYears(200)),
                        "observedOn",
                        ValidationRule.FUTURE),
                bad(
                        "negative annual value",
                        t -> t.dealing(DealingKind.BIDDING).estimatedAnnualValue(Money.of("-5.00", "USD")),
                        "estimatedAnnualValue",
                        ValidationRule.OUT_OF_RANGE),
                bad(
                        "USD 1.005",
                        t -> t.dealing(DealingKind.BIDDING).estimatedAnnualValue("1.005", "USD"),
                        "estimatedAnnualValue.amount",
                        ValidationRule.SCALE),
                bad(
                        "unknown currency",
                        t -> t.dealing(DealingKind.BIDDING).estimatedAnnualValue("1", "ABC"),
                        "estimatedAnnualValue.currency",
                        ValidationRule.UNKNOWN_CURRENCY),
                bad(
                        "product name of 201 characters",
                        t -> t.dealing(DealingKind.BIDDING).productName("p".repeat(201)),
                        "productName",
                        ValidationRule.TOO_LONG),
                bad(
                        "blank product name",
                        t -> t.dealing(DealingKind.BIDDING).productName(""),
                        "productName",
                        ValidationRule.BLANK),
                bad(
                        "NUL in the note",
                        t -> t.dealing(DealingKind.BIDDING).note("\u0000"),
                        "note",
                        ValidationRule.ILLEGAL_CHARACTER));
    }

    private static Arguments bad(
            String what,
            Function<CompetitorDealingsTest, NewCompetitorDealing.Builder> input,
            String field,
            ValidationRule rule) {
        return Arguments.of(what, input, field, rule);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDealings")
    @DisplayName("bad input is refused with ValidationException naming field and rule; nothing is stored")
    void badInput(
            String what,
            Function<CompetitorDealingsTest, NewCompetitorDealing.Builder> input,
            String field,
            ValidationRule rule) {
        assertThatThrownBy(() -> competitors.recordDealing(input.apply(this).build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.rule()).isEqualTo(rule);
                });
        assertThat(ofAlice()).isEmpty();
        assertThat(competitors.dealingsOf(rival, PageRequest.first(10)).items()).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    @DisplayName("an observation tomorrow (UTC) is accepted for time zones ahead of UTC")
    void tomorrow() {
        assertThat(competitors
                        .recordDealing(
                                NewCompetitorDealing.builder(rival, alice, DealingKind.BIDDING, TODAY.plusDays(1))
                                        .build())
                        .observedOn())
                .isEqualTo(TODAY.plusDays(1));
    }

    @Test
    @DisplayName("an unknown competitor, customer or dealing gives NotFoundException and nothing is stored")
    void unknownReferences() {
        CompetitorId ghost = CompetitorId.random();
        CustomerId nobody = CustomerId.random();
        CompetitorDealingId none = CompetitorDealingId.random();

        assertThatThrownBy(() ->
                        competitors.recordDealing(NewCompetitorDealing.builder(ghost, alice, DealingKind.BIDDING, TODAY)
                                .build()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.entityType()).isEqualTo("Competitor");
                    assertThat(e.id()).isEqualTo(ghost);
                });
        assertThatThrownBy(() -> competitors.recordDealing(
                        NewCompetitorDealing.builder(rival, nobody, DealingKind.BIDDING, TODAY)
                                .build()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.entityType()).isEqualTo("Customer");
                    assertThat(e.id()).isEqualTo(nobody);
                });
        assertThatThrownBy(() -> competitors.dealingsOf(nobody, PageRequest.first(10)))
                .isInstanceOf(NotFoundException.class);
        for (Runnable call : List.<Runnable>of(
                () -> competitors.getDealing(none),
                () -> competitors.endDealing(none, 1, TODAY),
                () -> competitors.changeDealingKind(none, 1, DealingKind.FORMER_SUPPLIER))) {
            assertThatThrownBy(call::run)
                    .isInstanceOfSatisfying(
                            NotFoundException.class,
                            e -> assertThat(e.entityType()).isEqualTo("CompetitorDealing"));
        }
        assertThat(competitors.findDealing(none)).isEmpty();
        assertThat(competitors.dealingsOf(rival, PageRequest.first(10)).items()).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    @DisplayName("tenants are isolated: another tenant's competitor, customer or dealing is unknown")
    void tenantIsolation() {
        CompetitorDealing d =
                competitors.recordDealing(dealing(DealingKind.CURRENT_SUPPLIER).build());
        TenantCrm globex = crm.tenant("globex");
        CompetitorId theirRival = globex.competitors()
                .register(NewCompetitor.builder("Rival").build())
                .id();
        CustomerId theirCustomer =
                globex.customers().register(CustomerDraft.person("Zed").build()).id();
        events.clear();
        Competitors b = globex.competitors();

        assertThat(b.findDealing(d.id())).isEmpty();
        assertThatThrownBy(() -> b.endDealing(d.id(), 1, TODAY)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> b.dealingsOf(alice, PageRequest.first(10))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> b.dealingsOf(rival, PageRequest.first(10))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() ->
                        b.recordDealing(NewCompetitorDealing.builder(rival, theirCustomer, DealingKind.BIDDING, TODAY)
                                .build()))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.entityType()).isEqualTo("Competitor"));
        assertThatThrownBy(() ->
                        b.recordDealing(NewCompetitorDealing.builder(theirRival, alice, DealingKind.BIDDING, TODAY)
                                .build()))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.entityType()).isEqualTo("Customer"));
        assertThat(b.dealingsOf(theirRival, PageRequest.first(10)).items()).isEmpty();
        assertThat(ofAlice()).containsExactly(d);
        assertThat(events).isEmpty();
    }
}
