package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.customer.ReferenceCode;
import dev.guanxi.crm.customer.ReferenceCodeType;
import dev.guanxi.crm.spi.storage.ReferenceCodeRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * In-memory {@link ReferenceCodeRepository}: one table keyed by (type, code). Listing is O(n log n). Not
 * thread-safe: it belongs to one unit of work.
 */
final class MemoryReferenceCodeRepository implements ReferenceCodeRepository {
    private final MemoryTable<Key, ReferenceCode> table;

    MemoryReferenceCodeRepository(MemoryTransaction tx) {
        this.table = new MemoryTable<>(tx, ReferenceCode.class.getName(), ReferenceCode.class);
    }

    @Override
    public void upsert(ReferenceCode code) {
        Objects.requireNonNull(code, "code");
        table.put(new Key(code.type(), code.code()), code);
    }

    @Override
    public Optional<ReferenceCode> find(ReferenceCodeType type, String code) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(code, "code");
        return table.get(new Key(type, code));
    }

    @Override
    public List<ReferenceCode> list(ReferenceCodeType type) {
        Objects.requireNonNull(type, "type");
        return table.rows().stream()
                .filter(c -> c.type() == type)
                .sorted(Comparator.comparing(ReferenceCode::code))
                .toList();
    }

    private record Key(ReferenceCodeType type, String code) {}
}
