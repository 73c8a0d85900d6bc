package dev.guanxi.crm.test.tck;

import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.spi.storage.Storage;
import dev.guanxi.crm.spi.storage.TransactionWork;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import dev.guanxi.crm.spi.storage.UnitOfWorkContext;
import java.util.function.Consumer;

/**
 * Base of the conformance tests of one repository. Each test gets a new, empty store from {@link #storage()}
 * and works in two tenants, {@link #TENANT_A} and {@link #TENANT_B}, that must never see each other's data.
 */
public abstract class RepositoryContract {
    /** The tenant most tests write in. */
    protected static final TenantId TENANT_A = TenantId.of("tck-tenant-a");
    /** A second tenant, to check isolation. */
    protected static final TenantId TENANT_B = TenantId.of("tck-tenant-b");

    /** Creates the contract. */
    protected RepositoryContract() {}

    /** @return the store under test, new and empty for each test */
    protected abstract Storage storage();

    /**
     * Closes the store under test without any further call and opens a new store on the same data, which
     * {@link #storage()} returns from then on: how a test checks what survives a restart. Only a {@link
     * dev.guanxi.crm.spi.storage.StorageCapabilities#durable() durable} store can do this; the conformance kit
     * implements it through {@link StorageConformanceKit#reopen}.
     *
     * @return {@code true} if the store was reopened, {@code false} if this contract cannot reopen it (the
     *     default)
     */
    protected boolean reopenStorage() {
        return false;
    }

    /**
     * Runs a read-write unit of work in a tenant.
     *
     * @param tenant the tenant
     * @param work the work
     * @param <T> the result type
     * @return the work's result
     */
    protected <T> T write(TenantId tenant, TransactionWork<T> work) {
        return storage().inTransaction(UnitOfWorkContext.write(tenant), work);
    }

    /**
     * Runs a read-write unit of work in a tenant, without a result.
     *
     * @param tenant the tenant
     * @param work the work
     */
    protected void run(TenantId tenant, Consumer<UnitOfWork> work) {
        write(tenant, uow -> {
            work.accept(uow);
            return null;
        });
    }

    /**
     * Runs a read-only unit of work in a tenant.
     *
     * @param tenant the tenant
     * @param work the work
     * @param <T> the result type
     * @return the work's result
     */
    protected <T> T read(TenantId tenant, TransactionWork<T> work) {
        return storage().inTransaction(UnitOfWorkContext.read(tenant), work);
    }
}
