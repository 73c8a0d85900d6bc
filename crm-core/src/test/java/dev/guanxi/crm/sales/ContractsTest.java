package dev.guanxi.crm.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.IllegalTransitionException;
import dev.guanxi.crm.NotFoundException;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.NoSuchCustomerException;
import dev.guanxi.crm.event.ContractActivated;
import dev.guanxi.crm.event.ContractCreated;
import dev.guanxi.crm.event.ContractExpired;
import dev.guanxi.crm.event.ContractRenewed;
import dev.guanxi.crm.event.ContractTerminated;
import dev.guanxi.crm.money.Money;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Contracts")
class ContractsTest extends SalesTestSupport {
    private static final LocalDate START = LocalDate.of(2025, 2, 1);
    private static final LocalDate END = LocalDate.of(2026, 1, 31);

    private Contract create(String number, LocalDate start, LocalDate end, LocalDate renewal) {
        return sales.createContract(NewContract.builder(customer, ContractKind.SERVICE, number, "年度维护合同")
                .period(start, end)
                .value(Money.of("120000.00", "CNY"))
                .renewalDate(renewal)
                .build());
    }

    @Test
    @DisplayName("a contract is created as a draft and activated; both publish events")
    void createAndActivate() {
        Contract draft = create("C-2025-01", START, END, LocalDate.of(2025, 12, 1));
        assertThat(draft.status()).isEqualTo(ContractStatus.DRAFT);
        assertThat(draft.version()).isEqualTo(1);
        assertThat(draft.kind()).isEqualTo(ContractKind.SERVICE);
        assertThat(draft.effectiveRenewalDate()).isEqualTo(LocalDate.of(2025, 12, 1));
        assertThat(draft.isInForce(TODAY)).isFalse();

        Contract active = sales.activateContract(draft.id(), 1);
        assertThat(active.status()).isEqualTo(ContractStatus.ACTIVE);
        assertThat(active.version()).isEqualTo(2);
        assertThat(active.isInForce(TODAY)).isTrue();
        assertThat(sales.getContract(draft.id())).isEqualTo(active);
        assertThat(events()).hasSize(2);
        assertThat(events().get(0)).isInstanceOfSatisfying(ContractCreated.class, e -> {
            assertThat(e.contractNumber()).isEqualTo("C-2025-01");
            assertThat(e.customerId()).isEqualTo(customer);
        });
        assertThat(events().get(1)).isInstanceOf(ContractActivated.class);
        assertThatThrownBy(() -> sales.activateContract(draft.id(), 2)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    @DisplayName("terminating needs a reason; a terminated contract is final")
    void terminate() {
        Contract c = sales.activateContract(create("C-1", START, END, null).id(), 1);
        assertInvalid(() -> sales.terminateContract(c.id(), 2, null), "reason", ValidationRule.REQUIRED);
        events.clear();

        Contract terminated = sales.terminateContract(c.id(), 2, "customer moved away");
        assertThat(terminated.status()).isEqualTo(ContractStatus.TERMINATED);
        assertThat(terminated.terminationReason()).isEqualTo("customer moved away");
        assertThat(events()).singleElement().isInstanceOf(ContractTerminated.class);
        assertThatThrownBy(() -> sales.activateContract(c.id(), 3))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.from()).isEqualTo(ContractStatus.TERMINATED);
                    assertThat(e.to()).isEqualTo(ContractStatus.ACTIVE);
                });
        // a draft may be abandoned
        Contract draft = create("C-2", START, END, null);
        assertThat(sales.terminateContract(draft.id(), 1, "not signed").status())
                .isEqualTo(ContractStatus.TERMINATED);
    }

    @Test
    @DisplayName("a contract expires only after its end date, and only when active")
    void expire() {
        Contract running =
                sales.activateContract(create("C-RUN", START, TODAY, null).id(), 1);
        assertInvalid(() -> sales.expireContract(running.id(), 2), "endDate", ValidationRule.INVALID_STATE);

        Contract ended = sales.activateContract(
                create("C-END", START, TODAY.minusDays(1), null).id(), 1);
        events.clear();
        Contract expired = sales.expireContract(ended.id(), 2);
        assertThat(expired.status()).isEqualTo(ContractStatus.EXPIRED);
        assertThat(events()).singleElement().isInstanceOf(ContractExpired.class);

        Contract draft = create("C-DRAFT", START, TODAY.minusDays(1), null);
        assertThatThrownBy(() -> sales.expireContract(draft.id(), 1)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    @DisplayName("renewal creates an active successor, links both ways and marks the contract renewed")
    void renew() {
        Contract c = sales.activateContract(
                create("C-2025", START, END, LocalDate.of(2025, 12, 1)).id(), 1);
        events.clear();

        Contract successor = sales.renewContract(
                c.id(),
                2,
                ContractRenewal.builder("C-2026", END.plusDays(1), END.plusYears(1))
                        .renewalDate(END.plusYears(1).minusMonths(2))
                        .build());

        Contract renewed = sales.getContract(c.id());
        assertThat(renewed.status()).isEqualTo(ContractStatus.RENEWED);
        assertThat(renewed.renewedBy()).isEqualTo(successor.id());
        assertThat(successor.renewalOf()).isEqualTo(c.id());
        assertThat(successor.status()).isEqualTo(ContractStatus.ACTIVE);
        assertThat(successor.value()).isEqualTo(c.value()); // kept
        assertThat(successor.title()).isEqualTo(c.title());
        assertThat(successor.customerId()).isEqualTo(customer);
        assertThat(events()).singleElement().isInstanceOfSatisfying(ContractRenewed.class, e -> {
            assertThat(e.contractId()).isEqualTo(c.id());
            assertThat(e.successorId()).isEqualTo(successor.id());
        });
        assertThatThrownBy(() -> sales.renewContract(
                        c.id(),
                        3,
                        ContractRenewal.builder("C-X", END, END.plusYears(1)).build()))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    @DisplayName("a renewal starting before the contract, or reusing a number, stores nothing")
    void badRenewal() {
        Contract c = sales.activateContract(create("C-1", START, END, null).id(), 1);
        create("C-TAKEN", START, END, null);
        events.clear();

        assertInvalid(
                () -> sales.renewContract(
                        c.id(),
                        2,
                        ContractRenewal.builder("C-2", START.minusDays(1), END).build()),
                "startDate",
                ValidationRule.DATE_ORDER);
        assertThatThrownBy(() -> sales.renewContract(
                        c.id(),
                        2,
                        ContractRenewal.builder("C-TAKEN", END.plusDays(1), END.plusYears(1))
                                .build()))
                .isInstanceOfSatisfying(
                        DuplicateKeyException.class, e -> assertThat(e.field()).isEqualTo("contractNumber"));
        assertInvalid(
                () -> sales.renewContract(
                        c.id(),
                        2,
                        ContractRenewal.builder("C-3", END, TODAY.plusYears(101))
                                .build()),
                "endDate",
                ValidationRule.FUTURE);
        assertThat(sales.getContract(c.id())).isEqualTo(c);
        assertThat(sales.listContracts(customer, ALL).items()).hasSize(2);
        assertThat(events()).isEmpty();
    }

    @Test
    @DisplayName("contract numbers are unique; stale versions are refused")
    void uniqueAndStale() {
        Contract c = create("C-1", START, END, null);
        assertThatThrownBy(() -> create("C-1", START, END, null)).isInstanceOf(DuplicateKeyException.class);
        sales.activateContract(c.id(), 1);
        assertThatThrownBy(() -> sales.terminateContract(c.id(), 1, "x")).isInstanceOf(StaleVersionException.class);
        assertThat(sales.getContract(c.id()).status()).isEqualTo(ContractStatus.ACTIVE);
    }

    @Test
    @DisplayName("contracts due for renewal are the active ones whose renewal (else end) date falls by the day")
    void dueForRenewal() {
        Contract byRenewal = sales.activateContract(
                create("R", START, END.plusYears(1), TODAY.plusDays(20)).id(), 1);
        Contract byEnd = sales.activateContract(
                create("E", START, TODAY.plusDays(10), null).id(), 1);
        sales.activateContract(create("L", START, TODAY.plusDays(400), null).id(), 1);
        create("D", START, TODAY.plusDays(5), null); // draft: not due

        assertThat(sales.listContractsDueForRenewal(TODAY.plusDays(30), ALL).items())
                .containsExactly(byEnd, byRenewal);
        assertThat(sales.listContracts(customer, ALL).items()).hasSize(4);
    }

    @Test
    @DisplayName("another tenant cannot see or change the contracts; the customer is unknown there")
    void tenantIsolation() {
        Contract c = create("C-1", START, END, null);
        Sales other = crm.tenant("globex").sales();
        assertThat(other.findContract(c.id())).isEmpty();
        assertThatThrownBy(() -> other.activateContract(c.id(), 1)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.listContracts(customer, ALL)).isInstanceOf(NoSuchCustomerException.class);
        assertThat(sales.getContract(c.id())).isEqualTo(c);
    }
}
