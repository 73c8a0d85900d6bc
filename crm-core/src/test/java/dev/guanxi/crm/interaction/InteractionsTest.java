package dev.guanxi.crm.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.Crm;
import dev.guanxi.crm.NotFoundException;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.event.DomainEvent;
import dev.guanxi.crm.event.InteractionEvent;
import dev.guanxi.crm.event.InteractionLogged;
import dev.guanxi.crm.marketing.CampaignId;
import dev.guanxi.crm.marketing.NewCampaign;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.NewOpportunity;
import dev.guanxi.crm.sales.OpportunityId;
import dev.guanxi.crm.service.CaseKind;
import dev.guanxi.crm.service.NewServiceCase;
import dev.guanxi.crm.service.ServiceCase;
import dev.guanxi.crm.service.ServiceCaseId;
import dev.guanxi.crm.service.Severity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Interactions")
class InteractionsTest {
    static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    static final StaffId LI = StaffId.of("li.na");

    final List<DomainEvent> events = new CopyOnWriteArrayList<>();
    final AtomicReference<Crm> crmRef = new AtomicReference<>();
    final List<Boolean> visibleToListener = new CopyOnWriteArrayList<>();
    Crm crm;
    TenantCrm acme;
    Interactions interactions;
    CustomerId customer;
    CustomerId otherCustomer;

    @BeforeEach
    void setUp() {
        crm = Crm.builder()
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .listener(events::add)
                .listener(
                        InteractionLogged.class,
                        e -> visibleToListener.add(crmRef.get()
                                .tenant("acme")
                                .interactions()
                                .find(e.interactionId())
                                .isPresent()))
                .build();
        crmRef.set(crm);
        acme = crm.tenant("acme");
        interactions = acme.interactions();
        customer = acme.customers().register(CustomerDraft.person("张伟").build()).id();
        otherCustomer = acme.customers()
                .register(CustomerDraft.organisation("Acme Ltd").build())
                .id();
        events.clear();
    }

    NewInteraction.Builder call(CustomerId who) {
        return NewInteraction.builder(who, Channel.PHONE, Direction.OUTBOUND, "Follow-up call");
    }

    ServiceCase caseOf(TenantCrm tenant, CustomerId who) {
        return tenant.service()
                .openCase(NewServiceCase.builder(who, CaseKind.REQUEST, Severity.LOW, Channel.WEB, "Manual")
                        .build());
    }

    List<Interaction> stored(CustomerId who) {
        return interactions.listByCustomer(who, PageRequest.first(100)).items();
    }

    @Test
    @DisplayName("logging stores every value, stamps version 1 and the clock, and defaults occurredAt to now")
    void logStoresEverything() {
        ServiceCaseId caseId = caseOf(acme, customer).id();
        events.clear();
        Interaction logged = interactions.log(call(customer)
                .notes("Customer wants a quote.\nCall again Friday.")
                .outcome(Outcome.of(OutcomeKind.POSITIVE, "quote requested"))
                .staff(LI)
                .contactPerson("王芳")
                .serviceCase(caseId)
                .build());

        assertThat(logged.version()).isEqualTo(1);
        assertThat(logged.occurredAt()).isEqualTo(NOW);
        assertThat(logged.createdAt()).isEqualTo(NOW);
        assertThat(logged.updatedAt()).isEqualTo(NOW);
        assertThat(logged.customerId()).isEqualTo(customer);
        assertThat(logged.channel()).isEqualTo(Channel.PHONE);
        assertThat(logged.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(logged.notes()).isEqualTo("Customer wants a quote.\nCall again Friday.");
        assertThat(logged.outcome()).isEqualTo(new Outcome(OutcomeKind.POSITIVE, "quote requested"));
        assertThat(logged.staffId()).isEqualTo(LI);
        assertThat(logged.contactPerson()).isEqualTo("王芳");
        assertThat(logged.caseId()).isEqualTo(caseId);
        assertThat(interactions.get(logged.id())).isEqualTo(logged);
        assertThat(interactions.find(logged.id())).contains(logged);
    }

    @Test
    @DisplayName("an interaction may have happened in the past or up to ten minutes ahead (clock skew)")
    void occurredAtInThePastOrWithinSkew() {
        Instant lastYear = NOW.minus(Duration.ofDays(365));
        Instant skewed = NOW.plus(Duration.ofMinutes(10));
        assertThat(interactions.log(call(customer).occurredAt(lastYear).build()).occurredAt())
                .isEqualTo(lastYear);
        assertThat(interactions.log(call(customer).occurredAt(skewed).build()).occurredAt())
                .isEqualTo(skewed);
    }

    @Test
    @DisplayName("every channel can be logged, inbound and outbound")
    void everyChannel() {
        for (Channel channel : Channel.values()) {
            for (Direction direction : Direction.values()) {
                interactions.log(NewInteraction.builder(customer, channel, direction, channel + " " + direction)
                        .build());
            }
        }
        assertThat(stored(customer)).hasSize(Channel.values().length * 2);
    }

    @Test
    @DisplayName("links to an opportunity and a campaign of this tenant are stored")
    void opportunityAndCampaignLinksStored() {
        OpportunityId opportunity = acme.sales()
                .openOpportunity(NewOpportunity.builder(customer, "Framework deal", Money.of("5000.00", "CNY"))
                        .build())
                .id();
        CampaignId campaign = acme.marketing()
                .planCampaign(NewCampaign.builder("SPRING-26", "Spring offer")
                        .channel(Channel.EMAIL)
                        .period(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-03-31"))
                        .budget(Money.of("1000.00", "CNY"))
                        .build())
                .id();
        Interaction logged = interactions.log(
                call(customer).opportunity(opportunity).campaign(campaign).build());
        assertThat(interactions.get(logged.id()).opportunityId()).isEqualTo(opportunity);
        assertThat(interactions.get(logged.id()).campaignId()).isEqualTo(campaign);
    }

    @Test
    @DisplayName("an opportunity of another customer is refused like an unknown one, and nothing is stored")
    void opportunityOfAnotherCustomerRefused() {
        OpportunityId theirs = acme.sales()
                .openOpportunity(NewOpportunity.builder(otherCustomer, "Their deal", Money.of("100.00", "CNY"))
                        .build())
                .id();
        assertThatThrownBy(() ->
                        interactions.log(call(customer).opportunity(theirs).build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("opportunityId");
                    assertThat(e.rule()).isEqualTo(ValidationRule.UNKNOWN_REFERENCE);
                });
        assertThat(stored(customer)).isEmpty();
    }

    @Test
    @DisplayName("an unknown opportunity or campaign is refused and nothing is stored")
    void unknownOpportunityOrCampaignRefused() {
        assertThatThrownBy(() -> interactions.log(
                        call(customer).opportunity(OpportunityId.random()).build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("opportunityId");
                    assertThat(e.rule()).isEqualTo(ValidationRule.UNKNOWN_REFERENCE);
                });
        assertThatThrownBy(() -> interactions.log(
                        call(customer).campaign(CampaignId.random()).build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("campaignId");
                    assertThat(e.rule()).isEqualTo(ValidationRule.UNKNOWN_REFERENCE);
                });
        assertThat(stored(customer)).isEmpty();
    }

    static Stream<Arguments> badInput() {
        String longLine = "x".repeat(501);
        String longText = "y".repeat(20_001);
        return Stream.of(
                bad(
                        "null subject",
                        c -> NewInteraction.builder(c, Channel.EMAIL, Direction.INBOUND, null),
                        "subject",
                        ValidationRule.REQUIRED),
                bad(
                        "blank subject",
                        c -> NewInteraction.builder(c, Channel.EMAIL, Direction.INBOUND, " \t "),
                        "subject",
                        ValidationRule.BLANK),
                bad(
                        "oversize subject",
                        c -> NewInteraction.builder(c, Channel.EMAIL, Direction.INBOUND, longLine),
                        "subject",
                        ValidationRule.TOO_LONG),
                bad(
                        "NUL in subject",
                        c -> NewInteraction.builder(c, Channel.EMAIL, Direction.INBOUND, "Hi\u0000"),
                        "subject",
                        ValidationRule.ILLEGAL_CHARACTER),
                bad(
                        "bell in subject",
                        c -> NewInteraction.builder(c, Channel.EMAIL, Direction.INBOUND, "Hi\u0007"),
                        "subject",
                        ValidationRule.ILLEGAL_CHARACTER),
                bad(
                        "line break in subject",
                        c -> NewInteraction.builder(c, Channel.EMAIL, Direction.INBOUND, "a\nb"),
                        "subject",
                        ValidationRule.ILLEGAL_CHARACTER),
                bad(
                        "bidi override in subject",
                        c -> NewInteraction.builder(c, Channel.EMAIL, Direction.INBOUND, "abc\u202Edef"),
                        "subject",
                        ValidationRule.ILLEGAL_CHARACTER),
                bad(
                        "unpaired surrogate in subject",
                        c -> NewInteraction.builder(c, Channel.EMAIL, Direction.INBOUND, "a\uD83D"),
                        "subject",
                        ValidationRule.ILLEGAL_CHARACTER),
                bad(
                        "null customer",
                        c -> NewInteraction.builder(null, Channel.EMAIL, Direction.INBOUND, "Hi"),
                        "customerId",
                        ValidationRule.REQUIRED),
                bad(
                        "null channel",
                        c -> NewInteraction.builder(c, null, Direction.INBOUND, "Hi"),
                        "channel",
                        ValidationRule.REQUIRED),
                bad(
                        "null direction",
                        c -> NewInteraction.builder(c, Channel.EMAIL, null, "Hi"),
                        "direction",
                        ValidationRule.REQUIRED),
                bad("blank notes", c -> ok(c).notes("  "), "notes", ValidationRule.BLANK),
                bad("oversize notes", c -> ok(c).notes(longText), "notes", ValidationRule.TOO_LONG),
                bad("NUL in notes", c -> ok(c).notes("line\n\u0000"), "notes", ValidationRule.ILLEGAL_CHARACTER),
                bad("escape in notes", c -> ok(c).notes("\u001B[31mred"), "notes", ValidationRule.ILLEGAL_CHARACTER),
                bad(
                        "oversize contact person",
                        c -> ok(c).contactPerson("z".repeat(201)),
                        "contactPerson",
                        ValidationRule.TOO_LONG),
                bad("blank contact person", c -> ok(c).contactPerson(""), "contactPerson", ValidationRule.BLANK),
                bad(
                        "future occurredAt",
                        c -> ok(c).occurredAt(NOW.plus(Duration.ofMinutes(11))),
                        "occurredAt",
                        ValidationRule.FUTURE),
                bad(
                        "far-future occurredAt",
                        c -> ok(c).occurredAt(Instant.parse("3000-01-01T00:00:00Z")),
                        "occurredAt",
                        ValidationRule.FUTURE),
                bad(
                        "unknown case",
                        c -> ok(c).serviceCase(ServiceCaseId.random()),
                        "caseId",
                        ValidationRule.UNKNOWN_REFERENCE));
    }

    static NewInteraction.Builder ok(CustomerId c) {
        return NewInteraction.builder(c, Channel.EMAIL, Direction.INBOUND, "Hi");
    }

    static Arguments bad(
            String name, Function<CustomerId, NewInteraction.Builder> input, String field, ValidationRule rule) {
        return Arguments.of(name, input, field, rule);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    @DisplayName("bad input is refused naming the field and the rule; nothing is stored and no event sent")
    void badInputRefused(
            String name, Function<CustomerId, NewInteraction.Builder> input, String field, ValidationRule rule) {
        assertThatThrownBy(() -> interactions.log(input.apply(customer).build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.rule()).isEqualTo(rule);
                });
        assertThat(stored(customer)).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    @DisplayName("an outcome needs a kind and a clean one-line summary")
    void outcomeValidated() {
        assertThatThrownBy(() -> Outcome.of(null)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo("outcome.kind");
            assertThat(e.rule()).isEqualTo(ValidationRule.REQUIRED);
        });
        assertThatThrownBy(() -> Outcome.of(OutcomeKind.NEGATIVE, "no\u0000"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("outcome.summary");
                    assertThat(e.rule()).isEqualTo(ValidationRule.ILLEGAL_CHARACTER);
                });
    }

    @Test
    @DisplayName("a case of another customer cannot be linked; nothing is stored")
    void caseOfAnotherCustomerRefused() {
        ServiceCaseId othersCase = caseOf(acme, otherCustomer).id();
        events.clear();
        assertThatThrownBy(() ->
                        interactions.log(call(customer).serviceCase(othersCase).build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("caseId");
                    assertThat(e.rule()).isEqualTo(ValidationRule.UNKNOWN_REFERENCE);
                });
        assertThat(stored(customer)).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    @DisplayName("a case of another tenant cannot be linked, even for a customer of the same id")
    void caseOfAnotherTenantRefused() {
        TenantCrm globex = crm.tenant("globex");
        CustomerId globexCustomer =
                globex.customers().register(CustomerDraft.person("G").build()).id();
        ServiceCaseId globexCase = caseOf(globex, globexCustomer).id();
        assertThatThrownBy(() ->
                        interactions.log(call(customer).serviceCase(globexCase).build()))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("caseId"));
    }

    @Test
    @DisplayName("an unknown customer is NotFoundException(Customer); nothing is stored")
    void unknownCustomer() {
        CustomerId nobody = CustomerId.random();
        assertThatThrownBy(() -> interactions.log(call(nobody).staff(LI).build()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.entityType()).isEqualTo("Customer");
                    assertThat(e.id()).isEqualTo(nobody);
                });
        assertThat(interactions.listByStaff(LI, PageRequest.first(10)).items()).isEmpty();
        assertThatThrownBy(() -> interactions.listByCustomer(nobody, PageRequest.first(10)))
                .isInstanceOf(NotFoundException.class);
        assertThat(events).isEmpty();
    }

    @Test
    @DisplayName("a null command is refused as a missing value")
    void nullCommand() {
        assertThatThrownBy(() -> interactions.log(null))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.rule()).isEqualTo(ValidationRule.REQUIRED));
    }

    @Test
    @DisplayName("notes and outcome can be corrected; the facts stay, the version rises")
    void correction() {
        Interaction logged =
                interactions.log(call(customer).notes("first draft").staff(LI).build());
        Interaction corrected =
                interactions.update(logged.id(), logged.version(), "Final notes", Outcome.of(OutcomeKind.NO_CONTACT));
        assertThat(corrected.version()).isEqualTo(2);
        assertThat(corrected.notes()).isEqualTo("Final notes");
        assertThat(corrected.outcome()).isEqualTo(Outcome.of(OutcomeKind.NO_CONTACT));
        assertThat(corrected)
                .usingRecursiveComparison()
                .ignoringFields("notes", "outcome", "version", "updatedAt")
                .isEqualTo(logged);
        assertThat(interactions.get(logged.id())).isEqualTo(corrected);

        Interaction cleared = interactions.update(logged.id(), 2, null, null);
        assertThat(cleared.notes()).isNull();
        assertThat(cleared.outcome()).isNull();
    }

    @Test
    @DisplayName("a correction based on an old version is StaleVersionException and changes nothing")
    void staleCorrection() {
        Interaction logged = interactions.log(call(customer).build());
        Interaction v2 = interactions.update(logged.id(), 1, "v2", null);
        assertThatThrownBy(() -> interactions.update(logged.id(), 1, "lost update", null))
                .isInstanceOfSatisfying(StaleVersionException.class, e -> {
                    assertThat(e.expectedVersion()).isEqualTo(1);
                    assertThat(e.id()).isEqualTo(logged.id());
                });
        assertThatThrownBy(() -> interactions.update(logged.id(), 7, "from the future", null))
                .isInstanceOf(StaleVersionException.class);
        assertThat(interactions.get(logged.id())).isEqualTo(v2);
    }

    @Test
    @DisplayName("bad corrected notes are refused before anything is read or written")
    void badCorrection() {
        Interaction logged = interactions.log(call(customer).notes("ok").build());
        assertThatThrownBy(() -> interactions.update(logged.id(), 1, "bad\u0000", null))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("notes");
                    assertThat(e.rule()).isEqualTo(ValidationRule.ILLEGAL_CHARACTER);
                });
        assertThat(interactions.get(logged.id())).isEqualTo(logged);
        assertThatThrownBy(() -> interactions.update(InteractionId.random(), 1, "x", null))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.entityType()).isEqualTo("Interaction"));
    }

    @Test
    @DisplayName("a customer's interactions list newest first, paged, ties by id")
    void listByCustomerNewestFirst() {
        Interaction old = interactions.log(
                call(customer).occurredAt(NOW.minusSeconds(7200)).build());
        Interaction mid = interactions.log(
                call(customer).occurredAt(NOW.minusSeconds(3600)).build());
        Interaction latest = interactions.log(call(customer).build());
        Interaction sameInstant = interactions.log(call(customer).build());
        interactions.log(call(otherCustomer).build());

        Page<Interaction> first = interactions.listByCustomer(customer, PageRequest.first(2));
        List<Interaction> newestTwo = Stream.of(latest, sameInstant)
                .sorted((a, b) -> a.id().toString().compareTo(b.id().toString()))
                .toList();
        assertThat(first.items()).containsExactlyElementsOf(newestTwo);
        assertThat(first.hasMore()).isTrue();
        Page<Interaction> second =
                interactions.listByCustomer(customer, first.nextRequest().orElseThrow());
        assertThat(second.items()).containsExactly(mid, old);
        assertThat(second.hasMore()).isFalse();
    }

    @Test
    @DisplayName("a staff member's interactions and a case's interactions list newest first")
    void listByStaffAndCase() {
        ServiceCaseId caseId = caseOf(acme, customer).id();
        Interaction a = interactions.log(
                call(customer).staff(LI).occurredAt(NOW.minusSeconds(60)).build());
        Interaction b = interactions.log(call(otherCustomer).staff(LI).build());
        Interaction c = interactions.log(call(customer).serviceCase(caseId).build());
        interactions.log(call(customer).staff(StaffId.of("someone.else")).build());
        assertThat(interactions.listByStaff(LI, PageRequest.first(10)).items()).containsExactly(b, a);
        assertThat(interactions.listByCase(caseId, PageRequest.first(10)).items())
                .containsExactly(c);
        assertThatThrownBy(() -> interactions.listByCase(ServiceCaseId.random(), PageRequest.first(10)))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.entityType()).isEqualTo("ServiceCase"));
    }

    @Test
    @DisplayName("another tenant never sees or changes this tenant's interactions")
    void tenantIsolation() {
        Interaction logged = interactions.log(call(customer).staff(LI).build());
        Interactions globex = crm.tenant(TenantId.of("globex")).interactions();
        assertThat(globex.find(logged.id())).isEmpty();
        assertThatThrownBy(() -> globex.get(logged.id())).isInstanceOf(NotFoundException.class);
        assertThat(globex.listByStaff(LI, PageRequest.first(10)).items()).isEmpty();
        assertThatThrownBy(() -> globex.listByCustomer(customer, PageRequest.first(10)))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.entityType()).isEqualTo("Customer"));
        assertThatThrownBy(() -> globex.update(logged.id(), 1, "hijack", null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> globex.log(call(customer).build()))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.entityType()).isEqualTo("Customer"));
        assertThat(interactions.get(logged.id())).isEqualTo(logged);
    }

    @Test
    @DisplayName("InteractionLogged is delivered after commit, with the customer and the facts")
    void eventAfterCommit() {
        Interaction logged = interactions.log(call(customer).staff(LI).build());
        assertThat(events).hasSize(1);
        InteractionLogged event = (InteractionLogged) events.get(0);
        assertThat(event.metadata().tenant()).isEqualTo(TenantId.of("acme"));
        assertThat(event.metadata().occurredAt()).isEqualTo(NOW);
        assertThat(event.customerId()).isEqualTo(customer);
        assertThat(((InteractionEvent) event).customerId()).isEqualTo(customer);
        assertThat(event.interactionId()).isEqualTo(logged.id());
        assertThat(event.channel()).isEqualTo(Channel.PHONE);
        assertThat(event.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(event.occurredAt()).isEqualTo(NOW);
        assertThat(event.staffId()).isEqualTo(LI);
        assertThat(visibleToListener).containsExactly(true);
    }

    @Test
    @DisplayName("a correction publishes no event")
    void correctionSilent() {
        Interaction logged = interactions.log(call(customer).build());
        events.clear();
        interactions.update(logged.id(), 1, "fixed", null);
        assertThat(events).isEmpty();
    }
}
