package dev.guanxi.crm.spi.storage;

import dev.guanxi.crm.TenantId;
import java.util.Objects;

/**
 * What a unit of work is for. A context object rather than parameters, so that information (a principal, a
 * correlation id, a timeout) can be added without breaking implementers.
 *
 * <p>Immutable and thread-safe.
 *
 * @param tenant the tenant every repository call is scoped to
 * @param readOnly whether the work only reads; a store must refuse writes in a read-only unit of work (and write nothing)
 */
public record UnitOfWorkContext(TenantId tenant, boolean readOnly) {
    /**
     * Rejects a missing tenant: no unit of work exists without one.
     *
     * @param tenant the tenant every repository call is scoped to
     * @param readOnly whether the work only reads; a store must refuse writes in a read-only unit of work (and write
     *     nothing)
     */
    public UnitOfWorkContext {
        Objects.requireNonNull(tenant, "tenant");
    }

    /**
     * @param tenant the tenant
     * @return a context for a read-write unit of work
     */
    public static UnitOfWorkContext write(TenantId tenant) {
        return new UnitOfWorkContext(tenant, false);
    }

    /**
     * @param tenant the tenant
     * @return a context for a read-only unit of work
     */
    public static UnitOfWorkContext read(TenantId tenant) {
        return new UnitOfWorkContext(tenant, true);
    }
}
