package dev.guanxi.crm.test.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.service.CaseKind;
import dev.guanxi.crm.service.CaseStatus;
import dev.guanxi.crm.service.NewServiceCase;
import dev.guanxi.crm.service.ServiceCase;
import dev.guanxi.crm.service.ServiceCaseId;
import dev.guanxi.crm.service.Severity;
import dev.guanxi.crm.service.StatusChange;
import dev.guanxi.crm.spi.storage.AggregateRepository;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Conformance tests of {@code ServiceCaseRepository}: the shared aggregate behaviour, the status history
 * round-trip, and its lists (by customer newest first; active and overdue cases most urgent first), ties by
 * id in the order of its text form, scoped to the tenant.
 */
public abstract class ServiceCaseRepositoryContract extends VersionedAggregateContract<ServiceCaseId, ServiceCase> {
    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    private static final CustomerId CUSTOMER = CustomerId.of("c0000000-0000-0000-0000-000000000001");
    private static final CustomerId OTHER_CUSTOMER = CustomerId.of("c0000000-0000-0000-0000-000000000002");
    private static final StaffId AGENT = StaffId.of("agent-7");

    /** Creates the contract. */
    protected ServiceCaseRepositoryContract() {}

    @Override
    protected AggregateRepository<ServiceCaseId, ServiceCase> repository(UnitOfWork uow) {
        return uow.serviceCases();
    }

    @Override
    protected ServiceCase newAggregate() {
        return serviceCase(ServiceCaseId.random(), CUSTOMER, NOW.minusSeconds(3600), Duration.ofDays(1));
    }

    @Override
    protected ServiceCase changed(ServiceCase serviceCase) {
        return serviceCase.assign(
                StaffId.of("agent-" + (serviceCase.version() + 1)),
                serviceCase.updatedAt().plusSeconds(60));
    }

    private static ServiceCase serviceCase(ServiceCaseId id, CustomerId customer, Instant openedAt, Duration sla) {
        return ServiceCase.open(
                id,
                NewServiceCase.builder(customer, CaseKind.COMPLAINT, Severity.HIGH, Channel.CALL_CENTRE, "噪音太大 🔊")
                        .description("The unit is loud.\nSince Monday.")
                        .assignee(AGENT)
                        .openedAt(openedAt)
                        .build(),
                openedAt.plus(sla),
                NOW);
    }

    private void insert(ServiceCase... cases) {
        run(TENANT_A, uow -> List.of(cases).forEach(uow.serviceCases()::insert));
    }

    /** The whole status history comes back, in order. */
    @Test
    @DisplayName("a case's complete status history, resolutions and reopen count round-trip in order")
    protected void historyRoundTrips() {
        ServiceCase opened = newAggregate();
        insert(opened);
        ServiceCase current = opened;
        ServiceCase working = current.startWork(AGENT, NOW.plusSeconds(1));
        ServiceCase resolved = working.resolve("Replaced the fan.\n已更换风扇。", NOW.plusSeconds(2));
        ServiceCase closed = resolved.close(NOW.plusSeconds(3));
        ServiceCase reopened = closed.reopen("Loud again", NOW.plusSeconds(4), NOW.plus(Duration.ofDays(1)));
        for (ServiceCase next : List.of(working, resolved, closed, reopened)) {
            ServiceCase before = current;
            run(TENANT_A, uow -> uow.serviceCases().update(before.version(), next));
            current = next;
        }
        ServiceCase found =
                read(TENANT_A, uow -> uow.serviceCases().find(opened.id())).orElseThrow();
        assertThat(found).isEqualTo(reopened);
        assertThat(found.history())
                .extracting(StatusChange::status)
                .containsExactly(
                        CaseStatus.OPEN,
                        CaseStatus.IN_PROGRESS,
                        CaseStatus.RESOLVED,
                        CaseStatus.CLOSED,
                        CaseStatus.OPEN);
        assertThat(found.history().get(2).note()).isEqualTo("Replaced the fan.\n已更换风扇。");
        assertThat(found.reopenCount()).isEqualTo(1);
    }

    /** A customer's cases come newest first. */
    @Test
    @DisplayName("listByCustomer is newest opened first, ties by id text, paged, and only that customer's")
    protected void listByCustomer() {
        ServiceCase oldest = serviceCase(ServiceCaseId.random(), CUSTOMER, NOW.minusSeconds(900), Duration.ofDays(1));
        ServiceCase newest = serviceCase(ServiceCaseId.random(), CUSTOMER, NOW, Duration.ofDays(1));
        ServiceCase tieFirst = serviceCase(
                ServiceCaseId.of("10000000-0000-0000-0000-000000000000"),
                CUSTOMER,
                NOW.minusSeconds(60),
                Duration.ofDays(1));
        ServiceCase tieSecond = serviceCase(
                ServiceCaseId.of("90000000-0000-0000-0000-000000000000"),
                CUSTOMER,
                NOW.minusSeconds(60),
                Duration.ofDays(1));
        ServiceCase others = serviceCase(ServiceCaseId.random(), OTHER_CUSTOMER, NOW, Duration.ofDays(1));
        insert(tieSecond, oldest, others, newest, tieFirst);
        Page<ServiceCase> first =
                read(TENANT_A, uow -> uow.serviceCases().listByCustomer(CUSTOMER, PageRequest.first(2)));
        assertThat(first.items()).containsExactly(newest, tieFirst);
        assertThat(first.hasMore()).isTrue();
        Page<ServiceCase> rest = read(
                TENANT_A,
                uow -> uow.serviceCases()
                        .listByCustomer(CUSTOMER, first.nextRequest().orElseThrow()));
        assertThat(rest.items()).containsExactly(tieSecond, oldest);
        assertThat(rest.hasMore()).isFalse();
        assertThat(read(TENANT_B, uow -> uow.serviceCases().listByCustomer(CUSTOMER, PageRequest.first(10)))
                        .items())
                .isEmpty();
    }

    /** Active cases by due instant; resolved and closed ones are left out. */
    @Test
    @DisplayName("listActive lists open and in-progress cases by SLA due instant, not resolved or closed ones")
    protected void listActive() {
        ServiceCase dueLater = serviceCase(ServiceCaseId.random(), CUSTOMER, NOW, Duration.ofDays(3));
        ServiceCase dueSoon = serviceCase(ServiceCaseId.random(), OTHER_CUSTOMER, NOW, Duration.ofHours(4))
                .startWork(AGENT, NOW);
        ServiceCase resolved = serviceCase(ServiceCaseId.random(), CUSTOMER, NOW, Duration.ofHours(1))
                .resolve("Answered", NOW);
        ServiceCase closedOther = serviceCase(ServiceCaseId.random(), CUSTOMER, NOW, Duration.ofHours(1))
                .resolve("Answered", NOW)
                .close(NOW);
        insert(dueLater, resolved, dueSoon, closedOther);
        assertThat(read(TENANT_A, uow -> uow.serviceCases().listActive(PageRequest.first(10)))
                        .items())
                .containsExactly(dueSoon, dueLater);
        assertThat(read(TENANT_B, uow -> uow.serviceCases().listActive(PageRequest.first(10)))
                        .items())
                .isEmpty();
    }

    /** Overdue cases are active ones due before the instant. */
    @Test
    @DisplayName("listOverdue lists active cases due before the instant, most overdue first")
    protected void listOverdue() {
        Instant asOf = NOW;
        ServiceCase veryLate =
                serviceCase(ServiceCaseId.random(), CUSTOMER, NOW.minus(Duration.ofDays(3)), Duration.ofDays(1));
        ServiceCase late = serviceCase(
                        ServiceCaseId.random(), CUSTOMER, NOW.minus(Duration.ofDays(2)), Duration.ofDays(1))
                .startWork(AGENT, NOW);
        ServiceCase dueExactlyNow =
                serviceCase(ServiceCaseId.random(), CUSTOMER, NOW.minus(Duration.ofDays(1)), Duration.ofDays(1));
        ServiceCase notYetDue = serviceCase(ServiceCaseId.random(), CUSTOMER, NOW, Duration.ofDays(1));
        ServiceCase lateButResolved = serviceCase(
                        ServiceCaseId.random(), CUSTOMER, NOW.minus(Duration.ofDays(5)), Duration.ofDays(1))
                .resolve("Fixed", NOW);
        insert(late, notYetDue, veryLate, dueExactlyNow, lateButResolved);
        assertThat(read(TENANT_A, uow -> uow.serviceCases().listOverdue(asOf, PageRequest.first(10)))
                        .items())
                .containsExactly(veryLate, late);
        assertThat(read(TENANT_B, uow -> uow.serviceCases().listOverdue(asOf, PageRequest.first(10)))
                        .items())
                .isEmpty();
    }
}
