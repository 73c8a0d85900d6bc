package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.TenantId;
import java.util.ArrayList;
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
    private final Map<String, List<Maintained>> maintained;
    private final java.util.Set<String> forgotten = new java.util.HashSet<>();
    private final Map<String, Map<Object, Object>> writes = new HashMap<>();
    /** This transaction's own unique index: per unique key, value to the key of the written row holding it. */
    private final Map<String, Map<Object, Object>> writtenOwners = new HashMap<>();

    MemoryTransaction(
            TenantId tenant,
            Map<String, Map<Object, Object>> committed,
            boolean readOnly,
            Map<String, List<UniqueKey>> uniqueKeys) {
        this(tenant, committed, readOnly, uniqueKeys, new java.util.concurrent.ConcurrentHashMap<>());
    }

    MemoryTransaction(
            TenantId tenant,
            Map<String, Map<Object, Object>> committed,
            boolean readOnly,
            Map<String, List<UniqueKey>> uniqueKeys,
            Map<String, List<Maintained>> maintained) {
        this.tenant = tenant;
        this.committed = committed;
        this.readOnly = readOnly;
        this.uniqueKeys = uniqueKeys;
        this.maintained = maintained;
    }

    /**
     * Carries a value derived from a table's committed rows over a commit that writes the table, instead of
     * dropping it: called at commit (under the store's write lock) with the value before and the rows written.
     */
    @FunctionalInterface
    interface Maintainer {
        /**
         * @param before the value derived from the committed rows before the commit
         * @param olds per written row, the committed row before the commit, or null if there was none
         * @param news per written row (same positions), the row after the commit, or {@link #DELETED}
         * @return the value for the committed rows after the commit, or null to drop it (the next reader derives
         *     it afresh)
         */
        Object maintain(Object before, List<Object> olds, List<Object> news);
    }

    /** A derived value of a table, by its key in the table's cache, kept current by its maintainer. */
    record Maintained(Object key, Maintainer maintainer) {}

    /** Declares a maintained derived value of a table (once per storage; later declarations of the key are ignored). */
    void declareMaintained(String table, Object key, Maintainer maintainer) {
        List<Maintained> list = maintained.computeIfAbsent(table, t -> new CopyOnWriteArrayList<>());
        synchronized (list) {
            if (list.stream().noneMatch(m -> m.key().equals(key))) {
                list.add(new Maintained(key, maintainer));
            }
        }
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

    /**
     * Drops the table's derived values at commit instead of carrying them over: for a write that must not leave
     * old rows reachable from a maintained view (an erasure of personal data).
     *
     * @param table the table
     */
    void forgetDerived(String table) {
        forgotten.add(table);
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
        for (String table : forgotten) {
            committed.remove(table + DERIVED);
        }
        writes.forEach((table, rows) -> {
            Map<Object, Object> target = committed.computeIfAbsent(table, t -> new HashMap<>());
            List<UniqueKey> keys = uniqueKeys.getOrDefault(table, List.of());
            // the derived values to carry over: those declared maintained that a reader derived since the last write
            Map<Object, Object> oldCache = forgotten.contains(table) ? null : committed.get(table + DERIVED);
            List<Maintained> carried = new ArrayList<>();
            if (oldCache != null) {
                for (Maintained m : maintained.getOrDefault(table, List.of())) {
                    if (oldCache.containsKey(m.key())) {
                        carried.add(m);
                    }
                }
            }
            List<Object> olds = carried.isEmpty() ? null : new ArrayList<>(rows.size());
            List<Object> news = carried.isEmpty() ? null : new ArrayList<>(rows.size());
            rows.forEach((id, row) -> {
                // only the unique indexes and the maintained values need the old row
                Object old = keys.isEmpty() && olds == null ? null : target.get(id);
                if (olds != null) {
                    olds.add(old);
                    news.add(row);
                }
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
            Map<Object, Object> fresh = new ConcurrentHashMap<>();
            for (Maintained m : carried) {
                Object after = m.maintainer().maintain(oldCache.get(m.key()), olds, news);
                if (after != null) {
                    fresh.put(m.key(), after);
                }
            }
            committed.put(table + DERIVED, fresh);
        });
    }
}
