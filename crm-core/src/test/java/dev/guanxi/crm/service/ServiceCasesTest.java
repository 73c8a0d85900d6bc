package dev.guanxi.crm.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.Crm;
import dev.guanxi.crm.IllegalTransitionException;
import dev.guanxi.crm.NotFoundException;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.event.CaseOpened;
import dev.guanxi.crm.event.CaseReopened;
import dev.guanxi.crm.event.CaseResolved;
import dev.guanxi.crm.event.CaseStatusChanged;
import dev.guanxi.crm.event.DomainEvent;
import dev.guanxi.crm.event.ServiceEvent;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Service cases")
class ServiceCasesTest {
    static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    static final StaffId AGENT = StaffId.of("agent-7");

    final List<DomainEvent> events = new CopyOnWriteArrayList<>();
    AdjustableClock clock;
    Crm crm;
    TenantCrm acme;
    Service service;
    CustomerId customer;
    CustomerId otherCustomer;

    @BeforeEach
    void setUp() {
        clock = new AdjustableClock(NOW);
        crm = Crm.builder().clock(clock).listener(events::add).build();
        acme = crm.tenant("acme");
        service = acme.service();
        customer =
                acme.customers().register(CustomerDraft.person("Wang").build()).id();
        otherCustomer =
                acme.customers().register(CustomerDraft.person("Other").build()).id();
        events.clear();
    }

    NewServiceCase.Builder complaint(CustomerId who) {
        return NewServiceCase.builder(who, CaseKind.COMPLAINT, Severity.HIGH, Channel.CALL_CENTRE, "Noisy unit");
    }

    ServiceCase open() {
        return service.openCase(complaint(customer).build());
    }

    List<ServiceCase> stored() {
        return service.listByCustomer(customer, PageRequest.first(100)).items();
    }

    @Test
    @DisplayName("a new case is OPEN at version 1 with its values, history and SLA due instant")
    void openCase() {
        ServiceCase c = service.openCase(complaint(customer)
                .description("Loud since Monday.\n周一开始很吵。")
                .assignee(AGENT)
                .build());
        assertThat(c.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(c.version()).isEqualTo(1);
        assertThat(c.openedAt()).isEqualTo(NOW);
        assertThat(c.slaDueAt()).isEqualTo(NOW.plus(Duration.ofHours(12))); // standard: HIGH complaint
        assertThat(c.kind()).isEqualTo(CaseKind.COMPLAINT);
        assertThat(c.severity()).isEqualTo(Severity.HIGH);
        assertThat(c.channel()).isEqualTo(Channel.CALL_CENTRE);
        assertThat(c.description()).isEqualTo("Loud since Monday.\n周一开始很吵。");
        assertThat(c.assignee()).isEqualTo(AGENT);
        assertThat(c.resolution()).isNull();
        assertThat(c.reopenCount()).isZero();
        assertThat(c.history()).containsExactly(new StatusChange(CaseStatus.OPEN, NOW, null));
        assertThat(service.get(c.id())).isEqualTo(c);
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                bad(
                        "null subject",
                        c -> NewServiceCase.builder(c, CaseKind.REQUEST, Severity.LOW, Channel.WEB, null),
                        "subject",
                        ValidationRule.REQUIRED),
                bad(
                        "blank subject",
                        c -> NewServiceCase.builder(c, CaseKind.REQUEST, Severity.LOW, Channel.WEB, "\u3000"),
                        "subject",
                        ValidationRule.BLANK),
                bad(
                        "oversize subject",
                        c -> NewServiceCase.builder(c, CaseKind.REQUEST, Severity.LOW, Channel.WEB, "好".repeat(501)),
                        "subject",
                        ValidationRule.TOO_LONG),
                bad(
                        "NUL in subject",
                        c -> NewServiceCase.builder(c, CaseKind.REQUEST, Severity.LOW, Channel.WEB, "\u0000"),
                        "subject",
                        ValidationRule.ILLEGAL_CHARACTER),
                bad(
                        "control in subject",
                        c -> NewServiceCase.builder(c, CaseKind.REQUEST, Severity.LOW, Channel.WEB, "x\u007F"),
                        "subject",
                        ValidationRule.ILLEGAL_CHARACTER),
                bad(
                        "null kind",
                        c -> NewServiceCase.builder(c, null, Severity.LOW, Channel.WEB, "x"),
                        "kind",
                        ValidationRule.REQUIRED),
                bad(
                        "null severity",
                        c -> NewServiceCase.builder(c, CaseKind.REQUEST, null, Channel.WEB, "x"),
                        "severity",
                        ValidationRule.REQUIRED),
                bad(
                        "null channel",
                        c -> NewServiceCase.builder(c, CaseKind.REQUEST, Severity.LOW, null, "x"),
                        "channel",
                        ValidationRule.REQUIRED),
                bad(
                        "null customer",
                        c -> NewServiceCase.builder(null, CaseKind.REQUEST, Severity.LOW, Channel.WEB, "x"),
                        "customerId",
                        ValidationRule.REQUIRED),
                bad(
                        "blank description",
                        c -> NewServiceCase.builder(c, CaseKind.REQUEST, Severity.LOW, Channel.WEB, "x")
                                .description(" "),
                        "description",
                        ValidationRule.BLANK),
                bad(
                        "oversize description",
                        c -> NewServiceCase.builder(c, CaseKind.REQUEST, Severity.LOW, Channel.WEB, "x")
                                .description("d".repeat(20_001)),
                        "description",
                        ValidationRule.TOO_LONG),
                bad(
                        "NUL in description",
                        c -> NewServiceCase.builder(c, CaseKind.REQUEST, Severity.LOW, Channel.WEB, "x")
                                .description("a\u0000"),
                        "description",
                        ValidationRule.ILLEGAL_CHARACTER),
                bad(
                        "future openedAt",
                        c -> NewServiceCase.builder(c, CaseKind.REQUEST, Severity.LOW, Channel.WEB, "x")
                                .openedAt(NOW.plus(Duration.ofHours(1))),
                        "openedAt",
                        ValidationRule.FUTURE));
    }

    static Arguments bad(
            String name, Function<CustomerId, NewServiceCase.Builder> input, String field, ValidationRule rule) {
        return Arguments.of(name, input, field, rule);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    @DisplayName("bad input is refused naming the field and the rule; nothing is stored and no event sent")
    void badInputRefused(
            String name, Function<CustomerId, NewServiceCase.Builder> input, String field, ValidationRule rule) {
        assertThatThrownBy(() -> service.openCase(input.apply(customer).build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.rule()).isEqualTo(rule);
                });
        assertThat(stored()).isEmpty();
        assertThat(service.openCases(PageRequest.first(10)).items()).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    @DisplayName("a case for an unknown customer is NotFoundException(Customer); nothing is stored")
    void unknownCustomer() {
        assertThatThrownBy(() -> service.openCase(complaint(CustomerId.random()).build()))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.entityType()).isEqualTo("Customer"));
        assertThat(service.openCases(PageRequest.first(10)).items()).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    @DisplayName("bad resolution, reason or assignee is refused naming the field; the case is unchanged")
    void badTransitionInput() {
        ServiceCase c = open();
        List<Runnable> attempts = List.of(
                () -> service.resolve(c.id(), 1, null),
                () -> service.resolve(c.id(), 1, " \n "),
                () -> service.resolve(c.id(), 1, "r".repeat(20_001)),
                () -> service.resolve(c.id(), 1, "fixed\u0000"),
                () -> service.startWork(c.id(), 1, null),
                () -> service.assign(c.id(), 1, null));
        List<String> fields = List.of("resolution", "resolution", "resolution", "resolution", "assignee", "assignee");
        List<ValidationRule> rules = List.of(
                ValidationRule.REQUIRED,
                ValidationRule.BLANK,
                ValidationRule.TOO_LONG,
                ValidationRule.ILLEGAL_CHARACTER,
                ValidationRule.REQUIRED,
                ValidationRule.REQUIRED);
        for (int i = 0; i < attempts.size(); i++) {
            int row = i;
            assertThatThrownBy(attempts.get(i)::run).isInstanceOfSatisfying(ValidationException.class, e -> {
                assertThat(e.field()).as("row %d", row).isEqualTo(fields.get(row));
                assertThat(e.rule()).as("row %d", row).isEqualTo(rules.get(row));
            });
        }
        ServiceCase resolved = service.resolve(c.id(), 1, "Fixed");
        assertThatThrownBy(() -> service.reopen(c.id(), 2, "")).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo("reason");
            assertThat(e.rule()).isEqualTo(ValidationRule.BLANK);
        });
        assertThatThrownBy(() -> service.reopen(c.id(), 2, null))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.rule()).isEqualTo(ValidationRule.REQUIRED));
        assertThat(service.get(c.id())).isEqualTo(resolved);
    }

    @Test
    @DisplayName("the transition table is the documented one, written once in CaseStatus")
    void transitionTable() {
        assertThat(CaseStatus.OPEN.next()).isEqualTo(EnumSet.of(CaseStatus.IN_PROGRESS, CaseStatus.RESOLVED));
        assertThat(CaseStatus.IN_PROGRESS.next()).isEqualTo(EnumSet.of(CaseStatus.RESOLVED));
        assertThat(CaseStatus.RESOLVED.next()).isEqualTo(EnumSet.of(CaseStatus.CLOSED, CaseStatus.OPEN));
        assertThat(CaseStatus.CLOSED.next()).isEqualTo(EnumSet.of(CaseStatus.OPEN));
        assertThat(EnumSet.allOf(CaseStatus.class).stream().filter(CaseStatus::isActive))
                .containsExactly(CaseStatus.OPEN, CaseStatus.IN_PROGRESS);
    }

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (CaseStatus from : CaseStatus.values()) {
            for (CaseStatus to : CaseStatus.values()) {
                pairs.add(Arguments.of(from, to));
            }
        }
        return pairs.stream();
    }

    ServiceCase into(CaseStatus status) {
        ServiceCase c = open();
        return switch (status) {
            case OPEN -> c;
            case IN_PROGRESS -> service.startWork(c.id(), 1, AGENT);
            case RESOLVED -> service.resolve(c.id(), 1, "Replaced the fan");
            case CLOSED ->
                service.close(
                        c.id(), service.resolve(c.id(), 1, "Replaced the fan").version());
        };
    }

    ServiceCase move(ServiceCase c, CaseStatus to) {
        return switch (to) {
            case OPEN -> service.reopen(c.id(), c.version(), "Still loud");
            case IN_PROGRESS -> service.startWork(c.id(), c.version(), AGENT);
            case RESOLVED -> service.resolve(c.id(), c.version(), "Tightened the screws");
            case CLOSED -> service.close(c.id(), c.version());
        };
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    @DisplayName("every pair of statuses moves exactly when the table allows it; an illegal move changes nothing")
    void everyTransition(CaseStatus from, CaseStatus to) {
        ServiceCase c = into(from);
        events.clear();
        if (from.canGoTo(to)) {
            ServiceCase moved = move(c, to);
            assertThat(moved.status()).isEqualTo(to);
            assertThat(moved.version()).isEqualTo(c.version() + 1);
            assertThat(moved.history()).hasSize(c.history().size() + 1);
            assertThat(moved.history().get(moved.history().size() - 1).status()).isEqualTo(to);
            assertThat(service.get(c.id())).isEqualTo(moved);
            assertThat(events.get(0)).isInstanceOfSatisfying(CaseStatusChanged.class, e -> {
                assertThat(e.from()).isEqualTo(from);
                assertThat(e.to()).isEqualTo(to);
            });
        } else {
            assertThatThrownBy(() -> move(c, to)).isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                assertThat(e.from()).isEqualTo(from);
                assertThat(e.to()).isEqualTo(to);
            });
            assertThat(service.get(c.id())).isEqualTo(c);
            assertThat(events).isEmpty();
        }
    }

    @Test
    @DisplayName("a full life: work, resolve, close, reopen, resolve again keeps every resolution in the history")
    void fullLifeArchivesResolutions() {
        ServiceCase c = open();
        clock.advance(Duration.ofHours(1));
        ServiceCase working = service.startWork(c.id(), 1, AGENT);
        clock.advance(Duration.ofHours(1));
        ServiceCase resolved = service.resolve(c.id(), 2, "Replaced the fan");
        assertThat(resolved.resolution()).isEqualTo("Replaced the fan");
        assertThat(resolved.resolvedAt()).isEqualTo(NOW.plus(Duration.ofHours(2)));
        clock.advance(Duration.ofHours(1));
        ServiceCase closed = service.close(c.id(), 3);
        assertThat(closed.closedAt()).isEqualTo(NOW.plus(Duration.ofHours(3)));
        assertThat(closed.resolution()).isEqualTo("Replaced the fan");
        clock.advance(Duration.ofDays(2));
        Instant reopenedAt = NOW.plus(Duration.ofHours(3)).plus(Duration.ofDays(2));
        ServiceCase reopened = service.reopen(c.id(), 4, "Loud again");
        assertThat(reopened.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(reopened.reopenCount()).isEqualTo(1);
        assertThat(reopened.resolution()).isNull();
        assertThat(reopened.resolvedAt()).isNull();
        assertThat(reopened.closedAt()).isNull();
        assertThat(reopened.assignee()).isEqualTo(AGENT);
        assertThat(reopened.slaDueAt()).isEqualTo(reopenedAt.plus(Duration.ofHours(12)));
        ServiceCase again = service.resolve(c.id(), 5, "Replaced the whole unit");
        assertThat(again.history())
                .extracting(StatusChange::status, StatusChange::note)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(CaseStatus.OPEN, null),
                        org.assertj.core.groups.Tuple.tuple(CaseStatus.IN_PROGRESS, null),
                        org.assertj.core.groups.Tuple.tuple(CaseStatus.RESOLVED, "Replaced the fan"),
                        org.assertj.core.groups.Tuple.tuple(CaseStatus.CLOSED, null),
                        org.assertj.core.groups.Tuple.tuple(CaseStatus.OPEN, "Loud again"),
                        org.assertj.core.groups.Tuple.tuple(CaseStatus.RESOLVED, "Replaced the whole unit"));
        assertThat(working.assignee()).isEqualTo(AGENT);
        assertThat(again.openedAt()).isEqualTo(NOW);
    }

    @Test
    @DisplayName("an active case can be reassigned; a resolved one cannot")
    void assign() {
        ServiceCase c = open();
        ServiceCase assigned = service.assign(c.id(), 1, AGENT);
        assertThat(assigned.assignee()).isEqualTo(AGENT);
        assertThat(assigned.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(assigned.history()).hasSize(1);
        ServiceCase resolved = service.resolve(c.id(), 2, "done");
        assertThatThrownBy(() -> service.assign(c.id(), 3, StaffId.of("x")))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("status");
                    assertThat(e.rule()).isEqualTo(ValidationRule.INVALID_STATE);
                });
        assertThat(service.get(c.id())).isEqualTo(resolved);
    }

    @Test
    @DisplayName("a change based on an old version is StaleVersionException, checked before the transition")
    void staleVersion() {
        ServiceCase c = open();
        ServiceCase working = service.startWork(c.id(), 1, AGENT);
        assertThatThrownBy(() -> service.resolve(c.id(), 1, "late"))
                .isInstanceOfSatisfying(StaleVersionException.class, e -> {
                    assertThat(e.entityType()).isEqualTo("ServiceCase");
                    assertThat(e.expectedVersion()).isEqualTo(1);
                });
        // an old version wins over an illegal transition: the caller's view is out of date
        assertThatThrownBy(() -> service.startWork(c.id(), 1, AGENT)).isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> service.close(c.id(), 9)).isInstanceOf(StaleVersionException.class);
        assertThat(service.get(c.id())).isEqualTo(working);
    }

    @Test
    @DisplayName("a customer's cases list newest first; open cases by SLA due instant; overdue ones as of an instant")
    void lists() {
        ServiceCase critical = service.openCase(
                NewServiceCase.builder(customer, CaseKind.REQUEST, Severity.CRITICAL, Channel.PHONE, "Down")
                        .openedAt(NOW.minus(Duration.ofHours(5)))
                        .build()); // due 1 hour ago
        ServiceCase low = service.openCase(
                NewServiceCase.builder(customer, CaseKind.ENQUIRY, Severity.LOW, Channel.EMAIL, "Question")
                        .build()); // due in 5 days
        ServiceCase medium = service.openCase(
                NewServiceCase.builder(otherCustomer, CaseKind.REQUEST, Severity.MEDIUM, Channel.WEB, "Change")
                        .openedAt(NOW.minus(Duration.ofDays(4)))
                        .build()); // due 1 day ago
        ServiceCase resolvedLate =
                service.openCase(NewServiceCase.builder(customer, CaseKind.REQUEST, Severity.HIGH, Channel.WEB, "Old")
                        .openedAt(NOW.minus(Duration.ofDays(10)))
                        .build());
        resolvedLate = service.resolve(resolvedLate.id(), 1, "Done at last");

        Page<ServiceCase> mine = service.listByCustomer(customer, PageRequest.first(2));
        assertThat(mine.items()).containsExactly(low, critical);
        assertThat(service.listByCustomer(customer, mine.nextRequest().orElseThrow())
                        .items())
                .containsExactly(resolvedLate);

        assertThat(service.openCases(PageRequest.first(10)).items()).containsExactly(medium, critical, low);
        assertThat(service.overdueCases(NOW, PageRequest.first(10)).items()).containsExactly(medium, critical);
        assertThat(service.overdueCases(NOW.minus(Duration.ofDays(2)), PageRequest.first(10))
                        .items())
                .isEmpty();
        assertThat(critical.isOverdue(NOW)).isTrue();
        assertThat(low.isOverdue(NOW)).isFalse();
        assertThat(critical.isOverdue(critical.slaDueAt())).isFalse();
        assertThat(resolvedLate.isOverdue(NOW)).isFalse();
        assertThat(resolvedLate.isSlaBreached(NOW)).isTrue();
        assertThat(low.isSlaBreached(NOW)).isFalse();
        assertThatThrownBy(() -> service.listByCustomer(CustomerId.random(), PageRequest.first(1)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("another tenant never sees or changes this tenant's cases")
    void tenantIsolation() {
        ServiceCase c = open();
        Service globex = crm.tenant(TenantId.of("globex")).service();
        assertThat(globex.find(c.id())).isEmpty();
        assertThatThrownBy(() -> globex.get(c.id()))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.entityType()).isEqualTo("ServiceCase"));
        assertThatThrownBy(() -> globex.resolve(c.id(), 1, "hijack")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> globex.openCase(complaint(customer).build()))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.entityType()).isEqualTo("Customer"));
        assertThat(globex.openCases(PageRequest.first(10)).items()).isEmpty();
        assertThat(globex.overdueCases(NOW.plus(Duration.ofDays(99)), PageRequest.first(10))
                        .items())
                .isEmpty();
        assertThat(service.get(c.id())).isEqualTo(c);
    }

    @Test
    @DisplayName("each step publishes its events after commit, status change first, all about the customer")
    void events() {
        ServiceCase c = open();
        ServiceCase working = service.startWork(c.id(), 1, AGENT);
        clock.advance(Duration.ofHours(13)); // past the 12-hour complaint SLA
        service.resolve(c.id(), working.version(), "Replaced the fan");
        service.close(c.id(), 3);
        service.reopen(c.id(), 4, "Loud again");

        assertThat(events)
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly(
                        "CaseOpened",
                        "CaseStatusChanged",
                        "CaseStatusChanged",
                        "CaseResolved",
                        "CaseStatusChanged",
                        "CaseStatusChanged",
                        "CaseReopened");
        assertThat(events).allSatisfy(e -> {
            assertThat(((ServiceEvent) e).customerId()).isEqualTo(customer);
            assertThat(e.metadata().tenant()).isEqualTo(TenantId.of("acme"));
        });
        CaseOpened opened = (CaseOpened) events.get(0);
        assertThat(opened.caseId()).isEqualTo(c.id());
        assertThat(opened.kind()).isEqualTo(CaseKind.COMPLAINT);
        assertThat(opened.severity()).isEqualTo(Severity.HIGH);
        assertThat(opened.slaDueAt()).isEqualTo(c.slaDueAt());
        assertThat(opened.metadata().occurredAt()).isEqualTo(NOW);
        CaseStatusChanged started = (CaseStatusChanged) events.get(1);
        assertThat(started.from()).isEqualTo(CaseStatus.OPEN);
        assertThat(started.to()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(started.assignee()).isEqualTo(AGENT);
        CaseResolved resolved = (CaseResolved) events.get(3);
        assertThat(resolved.resolution()).isEqualTo("Replaced the fan");
        assertThat(resolved.withinSla()).isFalse();
        assertThat(resolved.resolvedAt()).isEqualTo(NOW.plus(Duration.ofHours(13)));
        CaseReopened reopened = (CaseReopened) events.get(6);
        assertThat(reopened.reason()).isEqualTo("Loud again");
        assertThat(reopened.reopenCount()).isEqualTo(1);
        assertThat(reopened.slaDueAt()).isEqualTo(NOW.plus(Duration.ofHours(25)));
    }

    @Test
    @DisplayName("a case resolved before its due instant reports withinSla")
    void resolvedWithinSla() {
        ServiceCase c = open();
        events.clear();
        service.resolve(c.id(), 1, "Quick fix");
        assertThat(((CaseResolved) events.get(1)).withinSla()).isTrue();
        assertThat(service.get(c.id()).isSlaBreached(NOW.plus(Duration.ofDays(30))))
                .isFalse();
    }

    @Test
    @DisplayName("a listener that throws does not undo the commit")
    void failingListener() {
        Crm failing = Crm.builder()
                .clock(clock)
                .listener(CaseOpened.class, e -> {
                    throw new IllegalStateException("listener bug");
                })
                .build();
        TenantCrm t = failing.tenant("acme");
        CustomerId who =
                t.customers().register(CustomerDraft.person("X").build()).id();
        ServiceCase c = t.service().openCase(complaint(who).build());
        assertThat(t.service().get(c.id())).isEqualTo(c);
    }

    @Test
    @DisplayName("the overdue sweep raises each case that passed its SLA in (since, now] once, and not resolved ones")
    void overdueSweep() {
        // HIGH complaint: due 12 h after opening (standard policy); LOW request: due much later
        ServiceCase early = open(); // due NOW + 12 h
        clock.advance(Duration.ofHours(2));
        ServiceCase late = open(); // due NOW + 14 h
        ServiceCase resolved = open(); // due NOW + 14 h, resolved before
        service.resolve(resolved.id(), resolved.version(), "fixed on the phone");
        events.clear();

        clock.advance(Duration.ofHours(11)); // NOW + 13 h: only `early` is overdue
        Instant firstSweep = clock.instant();
        List<dev.guanxi.crm.event.CaseOverdue> first = service.raiseOverdueCases(NOW);
        assertThat(first).extracting(dev.guanxi.crm.event.CaseOverdue::caseId).containsExactly(early.id());
        assertThat(first.get(0).slaDueAt()).isEqualTo(NOW.plus(Duration.ofHours(12)));
        assertThat(first.get(0).severity()).isEqualTo(Severity.HIGH);

        clock.advance(Duration.ofHours(2)); // NOW + 15 h: `late` became overdue since the first sweep
        List<dev.guanxi.crm.event.CaseOverdue> second = service.raiseOverdueCases(firstSweep);
        assertThat(second).extracting(dev.guanxi.crm.event.CaseOverdue::caseId).containsExactly(late.id());
        assertThat(service.raiseOverdueCases(clock.instant())).isEmpty();
        assertThat(events)
                .filteredOn(dev.guanxi.crm.event.CaseOverdue.class::isInstance)
                .hasSize(2);
        assertThat(crm.tenant("other").service().raiseOverdueCases(NOW)).isEmpty();

        assertThatThrownBy(() -> service.raiseOverdueCases(null))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("since"));
        assertThatThrownBy(() -> service.raiseOverdueCases(clock.instant().plusSeconds(60)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("since");
                    assertThat(e.rule()).isEqualTo(ValidationRule.DATE_ORDER);
                });
    }
}
