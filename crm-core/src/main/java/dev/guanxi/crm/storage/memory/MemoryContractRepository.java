package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.Contract;
import dev.guanxi.crm.sales.ContractId;
import dev.guanxi.crm.sales.ContractStatus;
import dev.guanxi.crm.spi.storage.ContractRepository;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/** In-memory {@link ContractRepository}. Used by one unit of work at a time; not thread-safe on its own. */
final class MemoryContractRepository extends MemoryRepository<ContractId, Contract> implements ContractRepository {
    private static final Comparator<Contract> NEWEST_FIRST =
            Comparator.comparing(Contract::startDate).reversed();
    private static final Comparator<Contract> BY_RENEWAL_DATE = Comparator.comparing(Contract::effectiveRenewalDate);

    MemoryContractRepository(MemoryTransaction tx) {
        super(tx, Contract.class);
        unique("contractNumber", c -> Optional.of(c.contractNumber()));
    }

    @Override
    public Optional<Contract> findByContractNumber(String contractNumber) {
        Objects.requireNonNull(contractNumber, "contractNumber");
        return findUnique("contractNumber", contractNumber);
    }

    @Override
    public Page<Contract> listByCustomer(CustomerId customerId, PageRequest page) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(page, "page");
        return Page.slice(select(c -> c.customerId().equals(customerId), NEWEST_FIRST), page);
    }

    @Override
    public Page<Contract> listDueForRenewal(LocalDate dueBy, PageRequest page) {
        Objects.requireNonNull(dueBy, "dueBy");
        Objects.requireNonNull(page, "page");
        return Page.slice(
                select(
                        c -> c.status() == ContractStatus.ACTIVE
                                && !c.effectiveRenewalDate().isAfter(dueBy),
                        BY_RENEWAL_DATE),
                page);
    }
}
