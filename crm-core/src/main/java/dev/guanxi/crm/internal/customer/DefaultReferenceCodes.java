package dev.guanxi.crm.internal.customer;

import dev.guanxi.crm.NotFoundException;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.customer.ReferenceCode;
import dev.guanxi.crm.customer.ReferenceCodeType;
import dev.guanxi.crm.customer.ReferenceCodes;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.internal.CrmContext;
import java.util.List;
import java.util.Optional;

/** Default {@link ReferenceCodes}. Thread-safe. */
public final class DefaultReferenceCodes implements ReferenceCodes {
    private final CrmContext context;
    private final TenantId tenant;

    /**
     * @param context the CRM's configuration and storage
     * @param tenant the tenant this API works in
     */
    public DefaultReferenceCodes(CrmContext context, TenantId tenant) {
        this.context = context;
        this.tenant = tenant;
    }

    @Override
    public ReferenceCode define(ReferenceCodeType type, String code, String label) {
        ReferenceCode defined = ReferenceCode.of(type, code, label);
        return context.write(tenant, scope -> {
            scope.uow().referenceCodes().upsert(defined);
            return defined;
        });
    }

    @Override
    public ReferenceCode deactivate(ReferenceCodeType type, String code) {
        Check.required("type", type);
        Check.code("code", code);
        return context.write(tenant, scope -> {
            ReferenceCode current = scope.uow()
                    .referenceCodes()
                    .find(type, code)
                    .orElseThrow(() -> new NotFoundException("ReferenceCode", type + ":" + code));
            ReferenceCode inactive = current.deactivated();
            scope.uow().referenceCodes().upsert(inactive);
            return inactive;
        });
    }

    @Override
    public Optional<ReferenceCode> find(ReferenceCodeType type, String code) {
        Check.required("type", type);
        Check.code("code", code);
        return context.read(tenant, uow -> uow.referenceCodes().find(type, code));
    }

    @Override
    public List<ReferenceCode> list(ReferenceCodeType type) {
        Check.required("type", type);
        return context.read(tenant, uow -> uow.referenceCodes().list(type));
    }
}
