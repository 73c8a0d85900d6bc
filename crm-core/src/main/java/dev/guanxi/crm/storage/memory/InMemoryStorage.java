package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.spi.storage.Storage;
import dev.guanxi.crm.spi.storage.StorageCapabilities;
import dev.guanxi.crm.spi.storage.TransactionWork;
import dev.guanxi.crm.spi.storage.UnitOfWorkContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Keeps all data in the JVM's heap. Thread-safe and serializable: read-only units of work run concurrently,
 * a read-write unit of work runs alone, and its writes become visible all at once when it returns (or not
 * at all when it throws). Each tenant's data is kept in its own tables.
 *
 * <p>Meant for tests, demos and small embedded uses; nothing survives the JVM. Finding by id and checking a
 * unique value are O(1); list queries scan the tenant's table, O(n) in its rows.
 */
public final class InMemoryStorage implements Storage {
    private final Map<TenantId, Map<String, Map<Object, Object>>> tenants = new ConcurrentHashMap<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final AtomicLong eventSequence = new AtomicLong();
    private final AtomicLong auditSequence = new AtomicLong();
    private final Map<String, List<MemoryTransaction.UniqueKey>> uniqueKeys = new ConcurrentHashMap<>();
    private final Map<String, List<MemoryTransaction.Maintained>> maintained = new ConcurrentHashMap<>();

    /** Creates an empty store. */
    public InMemoryStorage() {}

    @Override
    public <T> T inTransaction(UnitOfWorkContext context, TransactionWork<T> work) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(work, "work");
        Lock held = context.readOnly() ? lock.readLock() : lock.writeLock();
        if (!context.readOnly() && lock.getReadHoldCount() > 0) {
            throw new IllegalStateException("a read-write unit of work cannot start inside a read-only one");
        }
        held.lock();
        try {
            Map<String, Map<Object, Object>> tables = tenants.computeIfAbsent(context.tenant(), t -> new HashMap<>());
            MemoryTransaction tx =
                    new MemoryTransaction(context.tenant(), tables, context.readOnly(), uniqueKeys, maintained);
            T result = work.run(new MemoryUnitOfWork(tx, eventSequence, auditSequence));
            tx.commit();
            return result;
        } finally {
            held.unlock();
        }
    }

    @Override
    public StorageCapabilities capabilities() {
        return new StorageCapabilities(false, "in-memory");
    }

    /** Nothing to release; the data stays until the object is garbage. */
    @Override
    public void close() {}
}
