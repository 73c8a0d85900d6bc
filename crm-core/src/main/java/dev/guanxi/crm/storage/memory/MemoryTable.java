package dev.guanxi.crm.storage.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A table of immutable rows by key, as one transaction sees it.
 *
 * @param <K> the key type
 * @param <R> the row type
 */
final class MemoryTable<K, R> {
    private final MemoryTransaction tx;
    private final String name;
    private final Class<R> rowType;

    MemoryTable(MemoryTransaction tx, String name, Class<R> rowType) {
        this.tx = tx;
        this.name = name;
        this.rowType = rowType;
    }

    Optional<R> get(K key) {
        Map<Object, Object> writes = tx.writes(name);
        Object row =
                writes.containsKey(key) ? writes.get(key) : tx.committed(name).get(key);
        return row == null || row == MemoryTransaction.DELETED ? Optional.empty() : Optional.of(rowType.cast(row));
    }

    void put(K key, R row) {
        tx.write(name, key, row);
    }

    void remove(K key) {
        tx.write(name, key, MemoryTransaction.DELETED);
    }

    String name() {
        return name;
    }

    MemoryTransaction transaction() {
        return tx;
    }

    /**
     * A value derived from the rows (e.g. a sorted view), computed once and shared by every unit of work until the
     * next commit that writes this table; computed afresh on every call in a transaction that wrote the table.
     * The value must be immutable (or never changed by its users).
     *
     * @param key what is derived
     * @param compute computes it from {@link #rows()}
     * @param <T> its type
     * @return the value
     */
    <T> T derived(Object key, Supplier<T> compute) {
        Map<Object, Object> cache = tx.derived(name);
        if (cache == null) {
            return compute.get();
        }
        Object value = cache.get(key);
        if (value == null) {
            value = compute.get();
            Object raced = cache.putIfAbsent(key, value);
            if (raced != null) {
                value = raced;
            }
        }
        @SuppressWarnings("unchecked")
        T t = (T) value;
        return t;
    }

    /**
     * Replaces a derived value in the shared cache if it is still {@code expected} (a reader that finished work
     * the value left pending, e.g. merged changes into a maintained view). No effect in a transaction that wrote
     * the table.
     */
    void replaceDerived(Object key, Object expected, Object value) {
        Map<Object, Object> cache = tx.derived(name);
        if (cache != null) {
            cache.replace(key, expected, value);
        }
    }

    /** Declares a derived value of this table kept current at commit (see {@link MemoryTransaction.Maintainer}). */
    void maintained(Object key, MemoryTransaction.Maintainer maintainer) {
        tx.declareMaintained(name, key, maintainer);
    }

    /** Every row visible to this transaction, in no particular order. O(n). */
    List<R> rows() {
        Map<Object, Object> writes = tx.writes(name);
        Map<Object, Object> committed = tx.committed(name);
        List<R> result = new ArrayList<>(committed.size() + writes.size());
        committed.forEach((key, row) -> {
            if (!writes.containsKey(key)) {
                result.add(rowType.cast(row));
            }
        });
        writes.values().forEach(row -> {
            if (row != MemoryTransaction.DELETED) {
                result.add(rowType.cast(row));
            }
        });
        return result;
    }
}
