package dev.guanxi.crm.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.Crm;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.event.DomainEvent;
import dev.guanxi.crm.query.PageRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("SLA policies")
class SlaPolicyTest {
    static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

    static TenantCrm tenant(SlaPolicy policy, List<DomainEvent> events) {
        Crm.Builder builder =
                Crm.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).listener(events::add);
        if (policy != null) {
            builder.slaPolicy(policy);
        }
        return builder.build().tenant("acme");
    }

    static SlaContext context(CaseKind kind, Severity severity) {
        return new SlaContext(CustomerId.random(), kind, severity, Channel.PHONE, NOW, 0);
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
        "REQUEST,   CRITICAL, PT4H",
        "REQUEST,   HIGH,     PT24H",
        "REQUEST,   MEDIUM,   PT72H",
        "REQUEST,   LOW,      PT120H",
        "ENQUIRY,   CRITICAL, PT4H",
        "ENQUIRY,   LOW,      PT120H",
        "COMPLAINT, CRITICAL, PT2H",
        "COMPLAINT, HIGH,     PT12H",
        "COMPLAINT, MEDIUM,   PT36H",
        "COMPLAINT, LOW,      PT60H"
    })
    @DisplayName("the standard policy gives the documented time per kind and severity, from the case's opening")
    void standardTable(CaseKind kind, Severity severity, Duration expected) {
        assertThat(SlaPolicy.standard().dueAt(context(kind, severity))).isEqualTo(NOW.plus(expected));
        TenantCrm acme = tenant(null, new CopyOnWriteArrayList<>());
        CustomerId customer =
                acme.customers().register(CustomerDraft.person("C").build()).id();
        Instant openedYesterday = NOW.minus(Duration.ofDays(1));
        ServiceCase c = acme.service()
                .openCase(NewServiceCase.builder(customer, kind, severity, Channel.WEB, "x")
                        .openedAt(openedYesterday)
                        .build());
        assertThat(c.slaDueAt()).isEqualTo(openedYesterday.plus(expected));
    }

    @Test
    @DisplayName("a custom policy on the builder decides the due instant and sees the case's context")
    void customPolicy() {
        List<SlaContext> seen = new CopyOnWriteArrayList<>();
        SlaPolicy byChannel = ctx -> {
            seen.add(ctx);
            return ctx.startsAt().plus(ctx.channel() == Channel.SOCIAL ? Duration.ofMinutes(30) : Duration.ofDays(2));
        };
        TenantCrm acme = tenant(byChannel, new CopyOnWriteArrayList<>());
        CustomerId customer =
                acme.customers().register(CustomerDraft.person("C").build()).id();
        ServiceCase social = acme.service()
                .openCase(NewServiceCase.builder(customer, CaseKind.COMPLAINT, Severity.LOW, Channel.SOCIAL, "Rant")
                        .build());
        assertThat(social.slaDueAt()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(seen)
                .containsExactly(new SlaContext(customer, CaseKind.COMPLAINT, Severity.LOW, Channel.SOCIAL, NOW, 0));

        ServiceCase resolved = acme.service().resolve(social.id(), 1, "Apologised");
        ServiceCase reopened = acme.service().reopen(social.id(), resolved.version(), "Not good enough");
        assertThat(seen.get(1).reopenCount()).isEqualTo(1);
        assertThat(seen.get(1).startsAt()).isEqualTo(NOW);
        assertThat(reopened.slaDueAt()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
    }

    @Test
    @DisplayName("fixed, bySeverity and forKind combine into a policy")
    void combinators() {
        Map<Severity, Duration> table = new EnumMap<>(Severity.class);
        table.put(Severity.CRITICAL, Duration.ofHours(1));
        table.put(Severity.HIGH, Duration.ofHours(2));
        table.put(Severity.MEDIUM, Duration.ofHours(3));
        table.put(Severity.LOW, Duration.ofHours(4));
        SlaPolicy policy = SlaPolicy.bySeverity(table).forKind(CaseKind.ENQUIRY, SlaPolicy.fixed(Duration.ZERO));
        table.clear(); // the policy keeps its own copy
        assertThat(policy.dueAt(context(CaseKind.REQUEST, Severity.MEDIUM))).isEqualTo(NOW.plus(Duration.ofHours(3)));
        assertThat(policy.dueAt(context(CaseKind.COMPLAINT, Severity.CRITICAL)))
                .isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(policy.dueAt(context(CaseKind.ENQUIRY, Severity.LOW))).isEqualTo(NOW);
        assertThat(policy.toString()).contains("ENQUIRY");
    }

    @Test
    @DisplayName("policy factories refuse a negative duration or a missing severity")
    void badFactories() {
        assertThatThrownBy(() -> SlaPolicy.fixed(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SlaPolicy.bySeverity(Map.of(Severity.LOW, Duration.ofDays(1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MEDIUM");
        assertThatThrownBy(() -> SlaPolicy.bySeverity(Map.of(
                        Severity.LOW, Duration.ofDays(1),
                        Severity.MEDIUM, Duration.ofDays(1),
                        Severity.HIGH, Duration.ofDays(-1),
                        Severity.CRITICAL, Duration.ofDays(1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> new SlaContext(CustomerId.random(), CaseKind.REQUEST, Severity.LOW, Channel.WEB, NOW, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a policy that returns nothing or an instant before the start fails the open; nothing is stored")
    void brokenPolicy() {
        for (SlaPolicy broken :
                List.<SlaPolicy>of(ctx -> null, ctx -> ctx.startsAt().minusSeconds(1))) {
            List<DomainEvent> events = new CopyOnWriteArrayList<>();
            TenantCrm acme = tenant(broken, events);
            CustomerId customer =
                    acme.customers().register(CustomerDraft.person("C").build()).id();
            events.clear();
            assertThatThrownBy(() -> acme.service()
                            .openCase(NewServiceCase.builder(customer, CaseKind.REQUEST, Severity.LOW, Channel.WEB, "x")
                                    .build()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("SLA policy");
            assertThat(acme.service()
                            .listByCustomer(customer, PageRequest.first(10))
                            .items())
                    .isEmpty();
            assertThat(events).isEmpty();
        }
    }

    @Test
    @DisplayName("the builder refuses a second SLA policy")
    void builderRefusesTwoPolicies() {
        Crm.Builder builder = Crm.builder().slaPolicy(SlaPolicy.standard());
        assertThatThrownBy(() -> builder.slaPolicy(SlaPolicy.fixed(Duration.ofDays(1))))
                .isInstanceOf(IllegalStateException.class);
    }
}
