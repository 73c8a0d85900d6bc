package dev.guanxi.crm.storage.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
