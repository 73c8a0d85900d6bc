package dev.guanxi.crm.jdbc.internal;

import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.interaction.Interaction;
import dev.guanxi.crm.interaction.InteractionId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.service.ServiceCaseId;
import dev.guanxi.crm.spi.storage.InteractionRepository;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Interactions, newest first per customer, member of staff or case. */
final class JdbcInteractionRepository extends DocRepository<InteractionId, Interaction>
        implements InteractionRepository {
    JdbcInteractionRepository(JdbcUnitOfWork uow) {
        super(uow, Tables.INTERACTION);
    }

    @Override
    InteractionId idOf(UUID uuid) {
        return new InteractionId(uuid);
    }

    private static final String ORDER = "occurred_at DESC, id";

    @Override
    public Page<Interaction> listByCustomer(CustomerId customerId, PageRequest page) {
        Objects.requireNonNull(customerId, "customerId");
        return page(pageSql("customer_id = ?", ORDER), List.of(sql.id(customerId.value())), page);
    }

    @Override
    public Page<Interaction> listByStaff(StaffId staffId, PageRequest page) {
        Objects.requireNonNull(staffId, "staffId");
        return page(pageSql("staff_id = ?", ORDER), List.of(sql.plain(staffId.value(), String.class)), page);
    }

    @Override
    public Page<Interaction> listByCase(ServiceCaseId caseId, PageRequest page) {
        Objects.requireNonNull(caseId, "caseId");
        return page(pageSql("case_id = ?", ORDER), List.of(sql.id(caseId.value())), page);
    }
}
