package dev.guanxi.crm.spi.storage;

/**
 * A store of CRM data for any number of tenants. Implementations must be thread-safe: units of work of
 * different threads may run at the same time, and the store must keep them from losing each other's
 * updates (the version checks of the repositories do that even under weak isolation).
 */
public interface Storage extends AutoCloseable {
    /**
     * Runs work in one transaction of one tenant. If the work returns, everything it wrote is committed
     * atomically; if it throws, nothing it wrote is visible to anyone and the exception is rethrown as it
     * was. Implementations may retry the work on a transient concurrency failure of the store (so the work
     * must have no side effects outside the unit of work).
     *
     * @param context the tenant and the kind of transaction
     * @param work what to do with the unit of work; it must not keep the unit of work after returning
     * @param <T> the result type
     * @return what the work returned
     * @throws StorageException if the store fails
     */
    <T> T inTransaction(UnitOfWorkContext context, TransactionWork<T> work);

    /**
     * Says what this store can do beyond the contract.
     *
     * @return the capabilities
     */
    default StorageCapabilities capabilities() {
        return StorageCapabilities.NONE;
    }

    /** Releases the store's resources (connections, threads). Idempotent. */
    @Override
    void close();
}
