package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.TenantId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * One unit of work's view of a tenant's tables: the committed rows plus this transaction's own writes,
 * which become visible to others only on {@link #commit()}.
 */
final class MemoryTransaction {
    /** Marks a row deleted in this transaction. */
    static final Object DELETED = new Object();
    /** The suffix of the table that caches what is derived from a table's committed rows. */
    private static final String DERIVED = "#derived";

    private final TenantId tenant;
    private final Map<String, Map<Object, Object>> committed;
    private final boolean readOnly;
    private final Map<String, List<UniqueKey>> uniqueKeys;
    private final Map<String, Map<Object, Object>> writes = new HashMap<>();
    /** This transaction's own unique index: per unique key, value to the key of the written row holding it. */
    private final Map<String, Map<Object, Object>> writtenOwners = new HashMap<>();

    MemoryTransaction(
            TenantId tenant,
            Map<String, Map<Object, Object>> committed,
            boolean readOnly,
            Map<String, List<UniqueKey>> uniqueKeys) {
        this.tenant = tenant;
        this.committed = committed;
        this.readOnly = readOnly;
        this.uniqueKeys = uniqueKeys;
    }

    /**
     * A value that must be unique within a table. The committed rows of each tenant keep an index from value to
     * row key for it, maintained on commit, so a uniqueness check costs O(rows written in this transaction)
     * rather than O(table).
     */
    record UniqueKey(String table, String field, Function<Object, Optional<?>> value) {
        String indexName() {
            return table + "#unique#" + field;
        }
    }

    /** Declares a unique key of a table (once per storage; later declarations of the same field are ignored). */
    void declareUnique(String table, String field, Function<Object, Optional<?>> value) {
        List<UniqueKey> keys = uniqueKeys.computeIfAbsent(table, t -> new CopyOnWriteArrayList<>());
        synchronized (keys) {
            if (keys.stream().noneMatch(k -> k.field().equals(field))) {
                keys.add(new UniqueKey(table, field, value));
            }
        }
    }

    /** The key of the committed row holding {@code value} in the unique index, or null. */
    Object committedOwner(String table, String field, Object value) {
        return committed(table + "#unique#" + field).get(value);
    }

    /**
     * The key of the row this transaction wrote that holds {@code value} in a unique key, or null: O(1), so that a
     * bulk write (an import of thousands of rows in one unit of work) does not scan its own writes per lookup.
     */
    Object writtenOwner(String table, String field, Object value) {
        Map<Object, Object> index = writtenOwners.get(table + "#unique#" + field);
        return index == null ? null : index.get(value);
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

    /**
     * The cache of what is derived from a table's committed rows (sorted views), shared by the units of work that
     * read the table until a commit that writes it replaces the cache by an empty one.
     *
     * @param table the table
     * @return the cache (thread-safe: read-only units of work fill it concurrently), or {@code null} if this
     *     transaction wrote the table (its view is not the committed one) or the table was never written
     */
    Map<Object, Object> derived(String table) {
        if (writes.containsKey(table)) {
            return null;
        }
        return committed.get(table + DERIVED);
    }

    void write(String table, Object id, Object row) {
        if (readOnly) {
            throw new IllegalStateException("write in a read-only unit of work");
        }
        Map<Object, Object> rows = writes.computeIfAbsent(table, t -> new LinkedHashMap<>());
        Object old = rows.put(id, row);
        for (UniqueKey key : uniqueKeys.getOrDefault(table, List.of())) {
            Map<Object, Object> index = writtenOwners.computeIfAbsent(key.indexName(), t -> new HashMap<>());
            if (old != null && old != DELETED) {
                key.value().apply(old).ifPresent(v -> index.remove(v, id));
            }
            if (row != DELETED) {
                key.value().apply(row).ifPresent(v -> index.put(v, id));
            }
        }
    }

    void commit() {
        writes.forEach((table, rows) -> {
            Map<Object, Object> target = committed.computeIfAbsent(table, t -> new HashMap<>());
            List<UniqueKey> keys = uniqueKeys.getOrDefault(table, List.of());
            rows.forEach((id, row) -> {
                Object old = keys.isEmpty() ? null : target.get(id); // only the unique indexes need the old row
                for (UniqueKey key : keys) {
                    Map<Object, Object> index = committed.computeIfAbsent(key.indexName(), t -> new HashMap<>());
                    if (old != null) {
                        key.value().apply(old).ifPresent(v -> index.remove(v, id));
                    }
                    if (row != DELETED) {
                        key.value().apply(row).ifPresent(v -> index.put(v, id));
                    }
                }
                if (row == DELETED) {
                    target.remove(id);
                } else {
                    target.put(id, row);
                }
            });
            committed.put(table + DERIVED, new ConcurrentHashMap<>());
        });
    }
}
