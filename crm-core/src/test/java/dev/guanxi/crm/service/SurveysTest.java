package dev.guanxi.crm.service;

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
import dev.guanxi.crm.event.DomainEvent;
import dev.guanxi.crm.event.SurveyAnswered;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Satisfaction surveys")
class SurveysTest {
    static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

    final List<DomainEvent> events = new CopyOnWriteArrayList<>();
    Crm crm;
    TenantCrm acme;
    Service service;
    CustomerId customer;
    CustomerId otherCustomer;

    @BeforeEach
    void setUp() {
        crm = Crm.builder()
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .listener(events::add)
                .build();
        acme = crm.tenant("acme");
        service = acme.service();
        customer =
                acme.customers().register(CustomerDraft.person("Zhao").build()).id();
        otherCustomer =
                acme.customers().register(CustomerDraft.person("Other").build()).id();
        events.clear();
    }

    SurveyResponse answer(Integer csat, Integer nps, Instant at) {
        return service.recordSurvey(NewSurveyResponse.builder(customer)
                .csat(csat)
                .nps(nps)
                .respondedAt(at)
                .build());
    }

    @Test
    @DisplayName("a response stores its scores, comment, case link and channel; respondedAt defaults to now")
    void record() {
        ServiceCase c =
                service.openCase(NewServiceCase.builder(customer, CaseKind.COMPLAINT, Severity.LOW, Channel.EMAIL, "x")
                        .build());
        events.clear();
        SurveyResponse r = service.recordSurvey(NewSurveyResponse.builder(customer)
                .csat(4)
                .nps(9)
                .comment("很满意 😀\nThanks")
                .serviceCase(c.id())
                .channel(Channel.SMS)
                .build());
        assertThat(r.respondedAt()).isEqualTo(NOW);
        assertThat(r.version()).isEqualTo(1);
        assertThat(r.csat()).isEqualTo(4);
        assertThat(r.nps()).isEqualTo(9);
        assertThat(r.npsCategory()).contains(NpsCategory.PROMOTER);
        assertThat(r.comment()).isEqualTo("很满意 😀\nThanks");
        assertThat(r.caseId()).isEqualTo(c.id());
        assertThat(r.channel()).isEqualTo(Channel.SMS);
        assertThat(service.findSurvey(r.id())).contains(r);

        SurveyAnswered event = (SurveyAnswered) events.get(0);
        assertThat(event.customerId()).isEqualTo(customer);
        assertThat(event.responseId()).isEqualTo(r.id());
        assertThat(event.csat()).isEqualTo(4);
        assertThat(event.nps()).isEqualTo(9);
        assertThat(event.caseId()).isEqualTo(c.id());
        assertThat(event.respondedAt()).isEqualTo(NOW);
    }

    @ParameterizedTest(name = "csat={0} nps={1}")
    @CsvSource({"1,", "5,", ",0", ",10", "1,0", "5,10"})
    @DisplayName("the score bounds are accepted, each score alone or both")
    void bounds(Integer csat, Integer nps) {
        SurveyResponse r = answer(csat, nps, null);
        assertThat(r.csat()).isEqualTo(csat);
        assertThat(r.nps()).isEqualTo(nps);
        assertThat(r.npsCategory().isPresent()).isEqualTo(nps != null);
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                bad("CSAT 0", c -> NewSurveyResponse.builder(c).csat(0), "csat", ValidationRule.OUT_OF_RANGE),
                bad("CSAT 6", c -> NewSurveyResponse.builder(c).csat(6), "csat", ValidationRule.OUT_OF_RANGE),
                bad(
                        "CSAT -3 with a good NPS",
                        c -> NewSurveyResponse.builder(c).csat(-3).nps(9),
                        "csat",
                        ValidationRule.OUT_OF_RANGE),
                bad("NPS 11", c -> NewSurveyResponse.builder(c).nps(11), "nps", ValidationRule.OUT_OF_RANGE),
                bad("NPS -1", c -> NewSurveyResponse.builder(c).nps(-1), "nps", ValidationRule.OUT_OF_RANGE),
                bad(
                        "no score at all",
                        c -> NewSurveyResponse.builder(c).comment("no scores"),
                        "csat",
                        ValidationRule.REQUIRED),
                bad(
                        "null customer",
                        c -> NewSurveyResponse.builder(null).csat(3),
                        "customerId",
                        ValidationRule.REQUIRED),
                bad(
                        "blank comment",
                        c -> NewSurveyResponse.builder(c).csat(3).comment("\n"),
                        "comment",
                        ValidationRule.BLANK),
                bad(
                        "NUL in comment",
                        c -> NewSurveyResponse.builder(c).csat(3).comment("ok\u0000"),
                        "comment",
                        ValidationRule.ILLEGAL_CHARACTER),
                bad(
                        "bidi isolate in comment",
                        c -> NewSurveyResponse.builder(c).csat(3).comment("a\u2067b"),
                        "comment",
                        ValidationRule.ILLEGAL_CHARACTER),
                bad(
                        "oversize comment",
                        c -> NewSurveyResponse.builder(c).csat(3).comment("c".repeat(20_001)),
                        "comment",
                        ValidationRule.TOO_LONG),
                bad(
                        "future respondedAt",
                        c -> NewSurveyResponse.builder(c).csat(3).respondedAt(NOW.plus(Duration.ofMinutes(11))),
                        "respondedAt",
                        ValidationRule.FUTURE),
                bad(
                        "unknown case",
                        c -> NewSurveyResponse.builder(c).csat(3).serviceCase(ServiceCaseId.random()),
                        "caseId",
                        ValidationRule.UNKNOWN_REFERENCE));
    }

    static Arguments bad(
            String name, Function<CustomerId, NewSurveyResponse.Builder> input, String field, ValidationRule rule) {
        return Arguments.of(name, input, field, rule);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    @DisplayName("bad input is refused naming the field and the rule; nothing is stored and no event sent")
    void badInputRefused(
            String name, Function<CustomerId, NewSurveyResponse.Builder> input, String field, ValidationRule rule) {
        assertThatThrownBy(() -> service.recordSurvey(input.apply(customer).build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.rule()).isEqualTo(rule);
                });
        assertThat(service.surveysOf(customer)).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    @DisplayName("a survey cannot be linked to another customer's case; nothing is stored")
    void caseOfAnotherCustomer() {
        ServiceCase othersCase = service.openCase(
                NewServiceCase.builder(otherCustomer, CaseKind.REQUEST, Severity.LOW, Channel.EMAIL, "x")
                        .build());
        events.clear();
        assertThatThrownBy(() -> service.recordSurvey(NewSurveyResponse.builder(customer)
                        .csat(1)
                        .serviceCase(othersCase.id())
                        .build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("caseId");
                    assertThat(e.rule()).isEqualTo(ValidationRule.UNKNOWN_REFERENCE);
                });
        assertThat(service.surveysOf(customer)).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    @DisplayName("a survey of an unknown customer is NotFoundException(Customer)")
    void unknownCustomer() {
        CustomerId nobody = CustomerId.random();
        assertThatThrownBy(() -> service.recordSurvey(
                        NewSurveyResponse.builder(nobody).csat(3).build()))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.entityType()).isEqualTo("Customer"));
        assertThatThrownBy(() -> service.surveysOf(nobody)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.satisfaction(nobody)).isInstanceOf(NotFoundException.class);
        assertThat(events).isEmpty();
    }

    @Test
    @DisplayName("a customer's responses form a time series, oldest first, paged")
    void timeSeries() {
        SurveyResponse march = answer(3, null, Instant.parse("2025-03-01T00:00:00Z"));
        SurveyResponse january = answer(2, null, Instant.parse("2025-01-01T00:00:00Z"));
        SurveyResponse june = answer(5, 10, Instant.parse("2025-06-01T00:00:00Z"));
        service.recordSurvey(NewSurveyResponse.builder(otherCustomer).nps(0).build());
        assertThat(service.surveysOf(customer)).containsExactly(january, march, june);
        Page<SurveyResponse> first = service.surveysOf(customer, PageRequest.first(2));
        assertThat(first.items()).containsExactly(january, march);
        assertThat(service.surveysOf(customer, first.nextRequest().orElseThrow())
                        .items())
                .containsExactly(june);
    }

    @Test
    @DisplayName("satisfaction sums up mean CSAT, NPS categories and score, and the time span")
    void satisfaction() {
        Instant first = NOW.minus(Duration.ofDays(100));
        answer(5, 10, first);
        answer(4, 9, NOW.minus(Duration.ofDays(50)));
        answer(null, 7, NOW.minus(Duration.ofDays(20)));
        answer(2, 3, NOW);
        SatisfactionSummary s = service.satisfaction(customer);
        assertThat(s.customerId()).isEqualTo(customer);
        assertThat(s.responses()).isEqualTo(4);
        assertThat(s.csatResponses()).isEqualTo(3);
        assertThat(s.meanCsat()).contains(new BigDecimal("3.67")); // 11 / 3, HALF_UP
        assertThat(s.npsResponses()).isEqualTo(4);
        assertThat(s.promoters()).isEqualTo(2);
        assertThat(s.passives()).isEqualTo(1);
        assertThat(s.detractors()).isEqualTo(1);
        assertThat(s.netPromoterScore()).contains(new BigDecimal("25.0"));
        assertThat(s.firstRespondedAt()).contains(first);
        assertThat(s.lastRespondedAt()).contains(NOW);
    }

    @Test
    @DisplayName("without responses the summary has counts of zero and no means")
    void emptySatisfaction() {
        SatisfactionSummary s = service.satisfaction(customer);
        assertThat(s.responses()).isZero();
        assertThat(s.meanCsat()).isEmpty();
        assertThat(s.netPromoterScore()).isEmpty();
        assertThat(s.firstRespondedAt()).isEqualTo(Optional.empty());
    }

    @Test
    @DisplayName("only detractors give an NPS of -100; a third each rounds HALF_UP to one decimal")
    void npsExtremes() {
        answer(null, 0, null);
        answer(null, 6, null);
        assertThat(service.satisfaction(customer).netPromoterScore()).contains(new BigDecimal("-100.0"));
        answer(null, 10, null);
        answer(null, 10, null);
        answer(null, 10, null);
        answer(null, 8, null);
        // 3 promoters, 1 passive, 2 detractors of 6: (3 - 2) / 6 * 100 = 16.666... -> 16.7
        assertThat(service.satisfaction(customer).netPromoterScore()).contains(new BigDecimal("16.7"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"0,DETRACTOR", "6,DETRACTOR", "7,PASSIVE", "8,PASSIVE", "9,PROMOTER", "10,PROMOTER"})
    @DisplayName("an NPS answer falls into its category")
    void npsCategory(int score, NpsCategory expected) {
        assertThat(NpsCategory.of(score)).isEqualTo(expected);
    }

    @Test
    @DisplayName("an NPS category outside 0 to 10 is refused")
    void npsCategoryOutOfRange() {
        assertThatThrownBy(() -> NpsCategory.of(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NpsCategory.of(11)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("another tenant never sees this tenant's responses")
    void tenantIsolation() {
        SurveyResponse r = answer(4, null, null);
        Service globex = crm.tenant("globex").service();
        assertThat(globex.findSurvey(r.id())).isEmpty();
        assertThatThrownBy(() -> globex.surveysOf(customer)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> globex.recordSurvey(
                        NewSurveyResponse.builder(customer).csat(1).build()))
                .isInstanceOf(NotFoundException.class);
        assertThat(service.surveysOf(customer)).containsExactly(r);
    }
}
