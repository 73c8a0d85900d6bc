package dev.guanxi.crm.test.tck;

import static dev.guanxi.crm.test.tck.SalesFixtures.at;
import static dev.guanxi.crm.test.tck.SalesFixtures.contract;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.Contract;
import dev.guanxi.crm.sales.ContractId;
import dev.guanxi.crm.sales.ContractRenewal;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Conformance tests of {@code ContractRepository}. */
public abstract class ContractRepositoryContract extends RepositoryContract {
    private static final LocalDate Y25 = LocalDate.of(2025, 1, 1);
    private static final LocalDate Y25_END = LocalDate.of(2025, 12, 31);
    private static final LocalDate Y26 = LocalDate.of(2026, 1, 1);
    private static final LocalDate Y26_END = LocalDate.of(2026, 12, 31);

    /** Creates the contract. */
    protected ContractRepositoryContract() {}

    /** A renewal pair (renewed predecessor, active successor) survives the store with its links. */
    @Test
    @DisplayName("contracts are found again equal, renewal links included, and only in their tenant")
    protected void roundTrip() {
        Contract active = contract(CustomerId.random(), "C-合同-1", Y25, Y25_END, LocalDate.of(2025, 10, 1))
                .activate(at(1));
        ContractId successorId = ContractId.random();
        Contract successor = Contract.successor(
                successorId,
                active,
                ContractRenewal.builder("C-2", Y26, Y26_END).build(),
                at(2));
        Contract renewed = active.renewedBy(successorId, at(2));
        run(TENANT_A, uow -> {
            uow.contracts().insert(renewed);
            uow.contracts().insert(successor);
        });
        assertThat(find(TENANT_A, renewed.id())).contains(renewed);
        assertThat(find(TENANT_A, successorId)).contains(successor);
        assertThat(find(TENANT_B, successorId)).isEmpty();
    }

    /** Contract numbers are unique per tenant and findable. */
    @Test
    @DisplayName("a taken contract number is a duplicate key; the number finds the contract")
    protected void uniqueNumber() {
        Contract first = contract(CustomerId.random(), "C-1", Y25, Y25_END, null);
        run(TENANT_A, uow -> uow.contracts().insert(first));
        assertThatThrownBy(() -> run(
                        TENANT_A,
                        uow -> uow.contracts().insert(contract(CustomerId.random(), "C-1", Y26, Y26_END, null))))
                .isInstanceOfSatisfying(
                        DuplicateKeyException.class, e -> assertThat(e.field()).isEqualTo("contractNumber"));
        assertThat(findByContractNumber(TENANT_A, "C-1")).contains(first);
        run(TENANT_B, uow -> uow.contracts().insert(contract(CustomerId.random(), "C-1", Y26, Y26_END, null)));
    }

    /** A stale update fails and changes nothing. */
    @Test
    @DisplayName("an update with a stale version is refused")
    protected void staleUpdate() {
        Contract draft = contract(CustomerId.random(), "C-S", Y25, Y25_END, null);
        run(TENANT_A, uow -> uow.contracts().insert(draft));
        Contract active = draft.activate(at(1));
        run(TENANT_A, uow -> uow.contracts().update(1, active));
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.contracts().update(1, draft.terminate("x", at(2)))))
                .isInstanceOf(StaleVersionException.class);
        assertThat(find(TENANT_A, draft.id())).contains(active);
    }

    /** A customer's contracts come by start date, newest first, paged. */
    @Test
    @DisplayName("a customer's contracts are listed by start date, newest first, paged")
    protected void listByCustomer() {
        CustomerId customer = CustomerId.random();
        Contract old = contract(customer, "A", Y25, Y25_END, null);
        Contract recent = contract(customer, "B", Y26, Y26_END, null);
        run(TENANT_A, uow -> {
            uow.contracts().insert(old);
            uow.contracts().insert(recent);
            uow.contracts().insert(contract(CustomerId.random(), "Z", Y26, Y26_END, null));
        });
        Page<Contract> first = read(TENANT_A, uow -> uow.contracts().listByCustomer(customer, PageRequest.first(1)));
        assertThat(first.items()).containsExactly(recent);
        assertThat(first.hasMore()).isTrue();
        assertThat(read(
                                TENANT_A,
                                uow -> uow.contracts()
                                        .listByCustomer(
                                                customer, first.request().next()))
                        .items())
                .containsExactly(old);
    }

    /** Due-for-renewal lists active contracts by renewal date (else end date), inclusive of the day. */
    @Test
    @DisplayName("contracts due for renewal are the active ones with a renewal (else end) date on or before the day")
    protected void dueForRenewal() {
        Contract byRenewal = contract(CustomerId.random(), "R", Y25, Y26_END, LocalDate.of(2026, 3, 1))
                .activate(at(1));
        Contract byEnd = contract(CustomerId.random(), "E", Y25, LocalDate.of(2026, 2, 1), null)
                .activate(at(1));
        Contract later = contract(CustomerId.random(), "L", Y25, Y26_END, null).activate(at(1));
        Contract draft = contract(CustomerId.random(), "D", Y25, LocalDate.of(2026, 1, 31), null);
        run(TENANT_A, uow -> {
            uow.contracts().insert(later);
            uow.contracts().insert(byRenewal);
            uow.contracts().insert(draft);
            uow.contracts().insert(byEnd);
        });
        assertThat(read(
                                TENANT_A,
                                uow -> uow.contracts()
                                        .listDueForRenewal(LocalDate.of(2026, 3, 1), PageRequest.first(10)))
                        .items())
                .containsExactly(byEnd, byRenewal);
        assertThat(read(
                                TENANT_B,
                                uow -> uow.contracts()
                                        .listDueForRenewal(LocalDate.of(2026, 3, 1), PageRequest.first(10)))
                        .items())
                .isEmpty();
    }

    /** A unit of work that throws leaves nothing behind. */
    @Test
    @DisplayName("a contract inserted in a unit of work that fails is not stored")
    protected void rollback() {
        Contract draft = contract(CustomerId.random(), "C-R", Y25, Y25_END, null);
        assertThatThrownBy(() -> run(TENANT_A, uow -> {
                    uow.contracts().insert(draft);
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");
        assertThat(findByContractNumber(TENANT_A, "C-R")).isEmpty();
    }

    private Optional<Contract> find(TenantId tenant, ContractId id) {
        return read(tenant, uow -> uow.contracts().find(id));
    }

    private Optional<Contract> findByContractNumber(TenantId tenant, String key) {
        return read(tenant, uow -> uow.contracts().findByContractNumber(key));
    }
}
