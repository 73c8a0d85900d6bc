package dev.guanxi.crm.jdbc.internal;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.Contract;
import dev.guanxi.crm.sales.ContractId;
import dev.guanxi.crm.spi.storage.ContractRepository;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Contracts: newest first per customer; active ones by renewal date. */
final class JdbcContractRepository extends DocRepository<ContractId, Contract> implements ContractRepository {
    JdbcContractRepository(JdbcUnitOfWork uow) {
        super(uow, Tables.CONTRACT);
    }

    @Override
    ContractId idOf(UUID uuid) {
        return new ContractId(uuid);
    }

    @Override
    public Optional<Contract> findByContractNumber(String contractNumber) {
        Objects.requireNonNull(contractNumber, "contractNumber");
        return uow.queryOne(
                "SELECT doc FROM guanxi_contract WHERE tenant_id = ? AND contract_number = ?",
                List.of(sql.plain(contractNumber, String.class)),
                rs -> read(rs.getString(1)));
    }

    @Override
    public Page<Contract> listByCustomer(CustomerId customerId, PageRequest page) {
        Objects.requireNonNull(customerId, "customerId");
        return page(pageSql("customer_id = ?", "start_date DESC, id"), List.of(sql.id(customerId.value())), page);
    }

    @Override
    public Page<Contract> listDueForRenewal(LocalDate dueBy, PageRequest page) {
        Objects.requireNonNull(dueBy, "dueBy");
        return page(
                pageSql("status = 'ACTIVE' AND renewal_date <= ?", "renewal_date, id"),
                List.of(sql.plain(dueBy, LocalDate.class)),
                page);
    }
}
