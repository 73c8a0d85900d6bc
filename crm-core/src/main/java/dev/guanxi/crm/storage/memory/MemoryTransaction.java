package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.TenantId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One unit of work's view of a tenant's tables: the committed rows plus this transaction's own writes,
 * which become visible to others only on {@link #commit()}.
 */
final class MemoryTransaction {
    /** Marks a row deleted in this transaction. */
    static final Object DELETED = new Object();

    private final TenantId tenant;
    private final Map<String, Map<Object, Object>> committed;
    private final boolean readOnly;
    private final Map<String, Map<Object, Object>> writes = new HashMap<>();

    MemoryTransaction(TenantId tenant, Map<String, Map<Object, Object>> committed, boolean readOnly) {
        this.tenant = tenant;
        this.committed = committed;
        this.readOnly = readOnly;
    }

    TenantId tenant() {
        return tenant;
    }

    Map<Object, Object> committed(String table) {
        return committed.getOrDefault(table, Map.of());
    }

    Map<Object, Object> writes(String table) {
        return writes.getOrDefault(table, Map.of());
    }

    void write(String table, Object id, Object row) {
        if (readOnly) {
            throw new IllegalStateException("write in a read-only unit of work");
        }
        writes.computeIfAbsent(table, t -> new LinkedHashMap<>()).put(id, row);
    }

    void commit() {
        writes.forEach((table, rows) -> {
            Map<Object, Object> target = committed.computeIfAbsent(table, t -> new HashMap<>());
            rows.forEach((id, row) -> {
                if (row == DELETED) {
                    target.remove(id);
                } else {
                    target.put(id, row);
                }
            });
        });
    }
}
