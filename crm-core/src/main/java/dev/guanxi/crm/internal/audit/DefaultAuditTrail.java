package dev.guanxi.crm.internal.audit;

import dev.guanxi.crm.Aggregate;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.audit.AuditRecord;
import dev.guanxi.crm.audit.AuditTrail;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.internal.CrmContext;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;

/** Default {@link AuditTrail}: reads the records through the tenant's unit of work. Thread-safe. */
public final class DefaultAuditTrail implements AuditTrail {
    private final CrmContext context;
    private final TenantId tenant;

    /**
     * @param context the CRM's configuration and storage, bound to the call
     * @param tenant the tenant this API reads
     */
    public DefaultAuditTrail(CrmContext context, TenantId tenant) {
        this.context = context;
        this.tenant = tenant;
    }

    @Override
    public Page<AuditRecord> timeline(CustomerId customerId, PageRequest page) {
        Check.required("customerId", customerId);
        Check.required("page", page);
        return context.read(tenant, uow -> uow.audit().listByCustomer(customerId, page));
    }

    @Override
    public Page<AuditRecord> history(String entityKind, String entityId, PageRequest page) {
        Check.text("entityKind", entityKind, AuditRecord.ENTITY_KIND_MAX);
        Check.text("entityId", entityId, AuditRecord.ENTITY_ID_MAX);
        Check.required("page", page);
        return context.read(tenant, uow -> uow.audit().listByEntity(entityKind, entityId, page));
    }

    @Override
    public <I> Page<AuditRecord> history(Class<? extends Aggregate<I>> type, I id, PageRequest page) {
        Check.required("type", type);
        Check.required("id", id);
        return history(type.getSimpleName(), FlatState.text(id), page);
    }

    @Override
    public Page<AuditRecord> correlated(String correlationId, PageRequest page) {
        Check.text("correlationId", correlationId, AuditRecord.CORRELATION_ID_MAX);
        Check.required("page", page);
        return context.read(tenant, uow -> uow.audit().listByCorrelation(correlationId, page));
    }
}
