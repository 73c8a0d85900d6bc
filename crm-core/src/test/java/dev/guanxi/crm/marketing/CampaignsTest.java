package dev.guanxi.crm.marketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.Crm;
import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.IllegalTransitionException;
import dev.guanxi.crm.NotFoundException;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.event.CampaignPlanned;
import dev.guanxi.crm.event.CampaignStatusChanged;
import dev.guanxi.crm.event.DomainEvent;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Marketing: campaigns")
class CampaignsTest {
    static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 1, 15);

    private final List<DomainEvent> events = new CopyOnWriteArrayList<>();
    private final List<Boolean> visibleWhenDelivered = new CopyOnWriteArrayList<>();
    private Crm crm;
    private Marketing marketing;

    @BeforeEach
    void setUp() {
        AtomicReference<Crm> self = new AtomicReference<>();
        crm = Crm.builder()
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .listener(events::add)
                .listener(
                        CampaignPlanned.class,
                        e -> visibleWhenDelivered.add(self.get()
                                .tenant("acme")
                                .marketing()
                                .findCampaign(e.campaignId())
                                .isPresent()))
                .build();
        self.set(crm);
        marketing = crm.tenant("acme").marketing();
    }

    static NewCampaign.Builder spring() {
        return spring("SPRING-26");
    }

    static NewCampaign.Builder spring(String code) {
        return NewCampaign.builder(code, "Spring promotion 春季促销")
                .description("Discounts for lapsed customers.\nSecond line.")
                .channel(Channel.EMAIL)
                .period(TODAY.plusDays(10), TODAY.plusDays(40))
                .targetSegment("RFM:AT_RISK", 1200)
                .budget("5000.00", "USD");
    }

    private List<Campaign> all() {
        return marketing.listCampaigns(PageRequest.first(100)).items();
    }

    @Test
    @DisplayName("planning stores a PLANNED campaign at version 1 with every value as given")
    void plan() {
        Campaign c = marketing.planCampaign(spring().build());

        assertThat(c.status()).isEqualTo(CampaignStatus.PLANNED);
        assertThat(c.version()).isEqualTo(1);
        assertThat(c.code()).isEqualTo("SPRING-26");
        assertThat(c.name()).isEqualTo("Spring promotion 春季促销");
        assertThat(c.description()).isEqualTo("Discounts for lapsed customers.\nSecond line.");
        assertThat(c.channel()).isEqualTo(Channel.EMAIL);
        assertThat(c.startDate()).isEqualTo(TODAY.plusDays(10));
        assertThat(c.endDate()).isEqualTo(TODAY.plusDays(40));
        assertThat(c.targetSegment()).isEqualTo("RFM:AT_RISK");
        assertThat(c.targetListSize()).isEqualTo(1200);
        assertThat(c.budget()).isEqualTo(Money.of("5000", "USD"));
        assertThat(c.createdAt()).isEqualTo(NOW);
        assertThat(c.updatedAt()).isEqualTo(NOW);
        assertThat(c.acceptsResponses()).isFalse();
        assertThat(marketing.getCampaign(c.id())).isEqualTo(c);
        assertThat(marketing.findCampaignByCode("SPRING-26")).contains(c);
        assertThat(marketing.findCampaignByCode("spring-26")).isEmpty();
    }

    @Test
    @DisplayName("a campaign without description, segment or list size and with a zero budget is fine")
    void minimal() {
        Campaign c = marketing.planCampaign(NewCampaign.builder("MIN", "Minimal")
                .channel(Channel.SMS)
                .period(TODAY, TODAY)
                .budget(Money.zero(java.util.Currency.getInstance("JPY")))
                .build());

        assertThat(c.description()).isNull();
        assertThat(c.targetSegment()).isNull();
        assertThat(c.targetListSize()).isNull();
        assertThat(c.budget().isZero()).isTrue();
    }

    @Test
    @DisplayName("names in any script, emoji included, round-trip unchanged; 200 code points is the limit")
    void anyScript() {
        String name = "🎉".repeat(200);
        Campaign c = marketing.planCampaign(NewCampaign.builder("EMOJI", name)
                .channel(Channel.SOCIAL)
                .period(TODAY, TODAY)
                .budget("0", "CNY")
                .build());
        assertThat(marketing.getCampaign(c.id()).name()).isEqualTo(name);
        assertThat(marketing.planCampaign(spring().build()).name()).isEqualTo("Spring promotion 春季促销");
    }

    @Test
    @DisplayName("launch, complete: PLANNED -> ACTIVE -> COMPLETED, version +1 each, events after commit")
    void lifecycle() {
        Campaign planned = marketing.planCampaign(spring().build());
        Campaign active = marketing.launch(planned.id(), 1);
        assertThat(active.status()).isEqualTo(CampaignStatus.ACTIVE);
        assertThat(active.version()).isEqualTo(2);
        assertThat(active.acceptsResponses()).isTrue();
        Campaign done = marketing.complete(active.id(), 2);
        assertThat(done.status()).isEqualTo(CampaignStatus.COMPLETED);
        assertThat(done.version()).isEqualTo(3);
        assertThat(marketing.getCampaign(planned.id())).isEqualTo(done);

        assertThat(events).hasSize(3);
        assertThat(events.get(0)).isInstanceOfSatisfying(CampaignPlanned.class, e -> {
            assertThat(e.campaignId()).isEqualTo(planned.id());
            assertThat(e.code()).isEqualTo("SPRING-26");
            assertThat(e.budget()).isEqualTo(Money.of("5000.00", "USD"));
            assertThat(e.metadata().occurredAt()).isEqualTo(NOW);
            assertThat(e.metadata().tenant().value()).isEqualTo("acme");
        });
        assertThat(events.get(1))
                .isEqualTo(new CampaignStatusChanged(
                        events.get(1).metadata(), planned.id(), CampaignStatus.PLANNED, CampaignStatus.ACTIVE, 2));
        assertThat(events.get(2)).isInstanceOfSatisfying(CampaignStatusChanged.class, e -> {
            assertThat(e.from()).isEqualTo(CampaignStatus.ACTIVE);
            assertThat(e.to()).isEqualTo(CampaignStatus.COMPLETED);
            assertThat(e.version()).isEqualTo(3);
        });
        assertThat(visibleWhenDelivered).containsExactly(true);
    }

    @Test
    @DisplayName("cancel works from PLANNED and from ACTIVE")
    void cancel() {
        Campaign a = marketing.planCampaign(spring().build());
        Campaign b = marketing.planCampaign(spring("B").period(TODAY, TODAY).build());
        assertThat(marketing.cancel(a.id(), 1).status()).isEqualTo(CampaignStatus.CANCELLED);
        marketing.launch(b.id(), 1);
        assertThat(marketing.cancel(b.id(), 2).status()).isEqualTo(CampaignStatus.CANCELLED);
    }

    static Stream<Arguments> everyApiTransition() {
        return Stream.of(CampaignStatus.values())
                .flatMap(from -> Stream.of(CampaignStatus.ACTIVE, CampaignStatus.COMPLETED, CampaignStatus.CANCELLED)
                        .map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyApiTransition")
    @DisplayName("the API follows the transition table; an illegal move throws and changes nothing")
    void transitions(CampaignStatus from, CampaignStatus to) {
        Campaign c = inStatus(from);
        events.clear();
        if (from.canBecome(to)) {
            Campaign moved = move(c, to);
            assertThat(moved.status()).isEqualTo(to);
            assertThat(moved.version()).isEqualTo(c.version() + 1);
            assertThat(events).singleElement().isInstanceOf(CampaignStatusChanged.class);
        } else {
            assertThatThrownBy(() -> move(c, to)).isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                assertThat(e.from()).isEqualTo(from);
                assertThat(e.to()).isEqualTo(to);
            });
            assertThat(marketing.getCampaign(c.id())).isEqualTo(c);
            assertThat(events).isEmpty();
        }
    }

    private Campaign inStatus(CampaignStatus status) {
        Campaign c = marketing.planCampaign(spring().build());
        return switch (status) {
            case PLANNED -> c;
            case ACTIVE -> marketing.launch(c.id(), 1);
            case COMPLETED ->
                marketing.complete(c.id(), marketing.launch(c.id(), 1).version());
            case CANCELLED -> marketing.cancel(c.id(), 1);
        };
    }

    private Campaign move(Campaign c, CampaignStatus to) {
        return switch (to) {
            case ACTIVE -> marketing.launch(c.id(), c.version());
            case COMPLETED -> marketing.complete(c.id(), c.version());
            case CANCELLED -> marketing.cancel(c.id(), c.version());
            case PLANNED -> throw new AssertionError("no API moves back to PLANNED");
        };
    }

    @Test
    @DisplayName("a stale version is refused with StaleVersionException, before any transition check")
    void stale() {
        Campaign c = marketing.planCampaign(spring().build());
        marketing.launch(c.id(), 1);
        events.clear();

        assertThatThrownBy(() -> marketing.launch(c.id(), 1)).isInstanceOfSatisfying(StaleVersionException.class, e -> {
            assertThat(e.entityType()).isEqualTo("Campaign");
            assertThat(e.expectedVersion()).isEqualTo(1);
        });
        assertThatThrownBy(() -> marketing.cancel(c.id(), 1)).isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> marketing.complete(c.id(), 3)).isInstanceOf(StaleVersionException.class);
        assertThat(marketing.getCampaign(c.id()).status()).isEqualTo(CampaignStatus.ACTIVE);
        assertThat(marketing.getCampaign(c.id()).version()).isEqualTo(2);
        assertThat(events).isEmpty();
    }

    @Test
    @DisplayName("an unknown campaign id gives NotFoundException on every operation")
    void unknown() {
        CampaignId id = CampaignId.random();
        assertThat(marketing.findCampaign(id)).isEmpty();
        for (Runnable call : List.<Runnable>of(
                () -> marketing.getCampaign(id),
                () -> marketing.launch(id, 1),
                () -> marketing.complete(id, 1),
                () -> marketing.cancel(id, 1),
                () -> marketing.funnel(id),
                () -> marketing.campaignResponses(id, PageRequest.first(10)))) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(NotFoundException.class, e -> {
                assertThat(e.entityType()).isEqualTo("Campaign");
                assertThat(e.id()).isEqualTo(id);
            });
        }
        assertThat(events).isEmpty();
    }

    @Test
    @DisplayName("lists by start date, latest first, ties by id; pages; optional status filter")
    void listing() {
        Campaign jan = marketing.planCampaign(spring("JAN").period(TODAY, TODAY).build());
        Campaign mar1 = marketing.planCampaign(
                spring("MAR1").period(TODAY.plusMonths(2), TODAY.plusMonths(3)).build());
        Campaign mar2 = marketing.planCampaign(
                spring("MAR2").period(TODAY.plusMonths(2), TODAY.plusMonths(2)).build());
        Campaign feb = marketing.planCampaign(
                spring("FEB").period(TODAY.plusMonths(1), TODAY.plusMonths(1)).build());
        marketing.launch(feb.id(), 1);
        marketing.launch(jan.id(), 1);

        List<CampaignId> march = Stream.of(mar1, mar2)
                .map(Campaign::id)
                .sorted((a, b) -> a.toString().compareTo(b.toString()))
                .toList();
        Page<Campaign> first = marketing.listCampaigns(PageRequest.first(2));
        assertThat(first.items()).extracting(Campaign::id).containsExactlyElementsOf(march);
        assertThat(first.hasMore()).isTrue();
        Page<Campaign> second = marketing.listCampaigns(first.nextRequest().orElseThrow());
        assertThat(second.items()).extracting(Campaign::code).containsExactly("FEB", "JAN");
        assertThat(second.hasMore()).isFalse();

        assertThat(marketing
                        .listCampaigns(CampaignStatus.ACTIVE, PageRequest.first(10))
                        .items())
                .extracting(Campaign::code)
                .containsExactly("FEB", "JAN");
        assertThat(marketing
                        .listCampaigns(CampaignStatus.PLANNED, PageRequest.first(10))
                        .items())
                .hasSize(2);
        assertThat(marketing
                        .listCampaigns(CampaignStatus.CANCELLED, PageRequest.first(10))
                        .items())
                .isEmpty();
    }

    @Test
    @DisplayName("a campaign code is unique per tenant: DuplicateKeyException naming the holder, nothing stored")
    void duplicateCode() {
        Campaign first = marketing.planCampaign(spring().build());
        events.clear();

        assertThatThrownBy(() -> marketing.planCampaign(spring().build()))
                .isInstanceOfSatisfying(DuplicateKeyException.class, e -> {
                    assertThat(e.field()).isEqualTo("code");
                    assertThat(e.rule()).isEqualTo(ValidationRule.DUPLICATE);
                    assertThat(e.existingId()).contains(first.id());
                });
        assertThat(all()).containsExactly(first);
        assertThat(events).isEmpty();
        // case matters for codes
        assertThat(marketing.planCampaign(spring("spring-26").build()).code()).isEqualTo("spring-26");
    }

    static Stream<Arguments> badCampaigns() {
        return Stream.of(
                bad("null code", b -> b.code(null), "code", ValidationRule.REQUIRED),
                bad("code with a space", b -> b.code("SPRING 26"), "code", ValidationRule.INVALID_FORMAT),
                bad("code of 65 characters", b -> b.code("C".repeat(65)), "code", ValidationRule.INVALID_FORMAT),
                bad("null name", b -> b.name(null), "name", ValidationRule.REQUIRED),
                bad("blank name", b -> b.name(" \t "), "name", ValidationRule.BLANK),
                bad("name of 201 characters", b -> b.name("x".repeat(201)), "name", ValidationRule.TOO_LONG),
                bad("NUL in the name", b -> b.name("Spring\u0000"), "name", ValidationRule.ILLEGAL_CHARACTER),
                bad("bell in the name", b -> b.name("Spring\u0007"), "name", ValidationRule.ILLEGAL_CHARACTER),
                bad("line break in the name", b -> b.name("a\nb"), "name", ValidationRule.ILLEGAL_CHARACTER),
                bad("bidi override in the name", b -> b.name("a\u202Eb"), "name", ValidationRule.ILLEGAL_CHARACTER),
                bad("unpaired surrogate in the name", b -> b.name("a\uD800"), "name", ValidationRule.ILLEGAL_CHARACTER),
                bad(
                        "NUL in the description",
                        b -> b.description("x\u0000"),
                        "description",
                        ValidationRule.ILLEGAL_CHARACTER),
                bad("blank description", b -> b.description("  "), "description", ValidationRule.BLANK),
                bad(
                        "description over 20,000 characters",
                        b -> b.description("d".repeat(20_001)),
                        "description",
                        ValidationRule.TOO_LONG),
                bad("no channel", b -> b.channel(null), "channel", ValidationRule.REQUIRED),
                bad("no start date", b -> b.period(null, TODAY), "startDate", ValidationRule.REQUIRED),
                bad("no end date", b -> b.period(TODAY, null), "endDate", ValidationRule.REQUIRED),
                bad(
                        "end before start",
                        b -> b.period(TODAY.plusDays(5), TODAY.plusDays(4)),
                        "endDate",
                        ValidationRule.DATE_ORDER),
                bad(
                        "end more than 100 years ahead",
                        b -> b.period(TODAY, TODAY.plusYears(100).plusDays(1)),
                        "endDate",
                        ValidationRule.FUTURE),
                bad(
                        "start more than 100 years ahead",
                        b -> b.period(TODAY.plusYears(101), TODAY.plusYears(102)),
                        "startDate",
                        ValidationRule.FUTURE),
                bad("year 9999", b -> b.period(TODAY, LocalDate.of(9999, 12, 31)), "endDate", ValidationRule.FUTURE),
                bad("no budget", b -> b.budget(null), "budget", ValidationRule.REQUIRED),
                bad("negative budget", b -> b.budget(Money.of("-0.01", "USD")), "budget", ValidationRule.OUT_OF_RANGE),
                bad("USD 1.005", b -> b.budget("1.005", "USD"), "budget.amount", ValidationRule.SCALE),
                bad("JPY 1.5", b -> b.budget("1.5", "JPY"), "budget.amount", ValidationRule.SCALE),
                bad("unknown currency", b -> b.budget("1", "XYZ"), "budget.currency", ValidationRule.UNKNOWN_CURRENCY),
                bad("not a number", b -> b.budget("lots", "USD"), "budget.amount", ValidationRule.INVALID_FORMAT),
                bad(
                        "target segment over 500 characters",
                        b -> b.targetSegment("s".repeat(501)),
                        "targetSegment",
                        ValidationRule.TOO_LONG),
                bad(
                        "NUL in the target segment",
                        b -> b.targetSegment("RFM:\u0000"),
                        "targetSegment",
                        ValidationRule.ILLEGAL_CHARACTER),
                bad(
                        "negative target list size",
                        b -> b.targetSegment("RFM:LOST", -1),
                        "targetListSize",
                        ValidationRule.OUT_OF_RANGE));
    }

    private static Arguments bad(String what, Consumer<Draft> change, String field, ValidationRule rule) {
        return Arguments.of(what, change, field, rule);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCampaigns")
    @DisplayName("bad input is refused with ValidationException naming field and rule; nothing is stored")
    void badInput(String what, Consumer<Draft> change, String field, ValidationRule rule) {
        assertThatThrownBy(() -> {
                    Draft d = new Draft();
                    change.accept(d);
                    marketing.planCampaign(d.build());
                })
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.rule()).isEqualTo(rule);
                });
        assertThat(all()).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    @DisplayName("the planning limit is exactly 100 years ahead of the CRM's clock")
    void planningLimit() {
        Campaign c = marketing.planCampaign(
                spring().period(TODAY, TODAY.plusYears(100)).build());
        assertThat(c.endDate()).isEqualTo(LocalDate.of(2126, 1, 15));
    }

    @Test
    @DisplayName("tenants never see each other's campaigns; another tenant's id is unknown")
    void tenantIsolation() {
        Campaign a = marketing.planCampaign(spring().build());
        TenantCrm other = crm.tenant("globex");
        Marketing b = other.marketing();

        assertThat(b.listCampaigns(PageRequest.first(10)).items()).isEmpty();
        assertThat(b.findCampaign(a.id())).isEmpty();
        assertThat(b.findCampaignByCode("SPRING-26")).isEmpty();
        assertThatThrownBy(() -> b.getCampaign(a.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> b.launch(a.id(), 1)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> b.funnel(a.id())).isInstanceOf(NotFoundException.class);
        // the same code is free in another tenant
        Campaign mine = b.planCampaign(spring().build());
        assertThat(mine.code()).isEqualTo("SPRING-26");
        assertThat(marketing.getCampaign(a.id()).status()).isEqualTo(CampaignStatus.PLANNED);
        assertThat(marketing.listCampaigns(PageRequest.first(10)).items()).containsExactly(a);
    }

    /** A mutable stand-in for the builder, so that the table can null out any value. */
    static final class Draft {
        String code = "SPRING-26";
        String name = "Spring";
        String description;
        Channel channel = Channel.EMAIL;
        LocalDate start = TODAY;
        LocalDate end = TODAY.plusDays(30);
        String segment;
        Integer listSize;
        Money budget = Money.of("100.00", "USD");
        String[] budgetText;

        Draft code(String v) {
            code = v;
            return this;
        }

        Draft name(String v) {
            name = v;
            return this;
        }

        Draft description(String v) {
            description = v;
            return this;
        }

        Draft channel(Channel v) {
            channel = v;
            return this;
        }

        Draft period(LocalDate s, LocalDate e) {
            start = s;
            end = e;
            return this;
        }

        Draft targetSegment(String s) {
            segment = s;
            return this;
        }

        Draft targetSegment(String s, int size) {
            segment = s;
            listSize = size;
            return this;
        }

        Draft budget(Money m) {
            budget = m;
            return this;
        }

        Draft budget(String amount, String currency) {
            budgetText = new String[] {amount, currency};
            return this;
        }

        NewCampaign build() {
            NewCampaign.Builder b = NewCampaign.builder(code, name)
                    .description(description)
                    .channel(channel)
                    .period(start, end)
                    .budget(budget);
            if (budgetText != null) {
                b.budget(budgetText[0], budgetText[1]);
            }
            if (listSize != null) {
                b.targetSegment(segment, listSize);
            } else {
                b.targetSegment(segment);
            }
            return b.build();
        }
    }
}
