package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.audit.AuditRecord;
import dev.guanxi.crm.audit.FieldChange;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.spi.storage.AuditRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * In-memory {@link AuditRepository}: records by sequence, numbered from a counter of the store. Listing by
 * customer, entity or correlation id uses an index of the committed records built once per commit that wrote the
 * trail (O(records) then, shared by every later read), so a read costs O(its page) plus the index lookup; in a unit
 * of work that wrote the trail the index is built afresh for each read. Used by one unit of work at a time; not
 * thread-safe on its own.
 */
final class MemoryAuditRepository implements AuditRepository {
    private final MemoryTable<Long, AuditRecord> table;
    private final AtomicLong sequence;

    MemoryAuditRepository(MemoryTransaction tx, AtomicLong sequence) {
        this.table = new MemoryTable<>(tx, AuditRecord.class.getName(), AuditRecord.class);
        this.sequence = sequence;
    }

    @Override
    public void append(List<AuditRecord> records) {
        Objects.requireNonNull(records, "records");
        for (AuditRecord record : records) {
            Objects.requireNonNull(record, "record");
            long seq = sequence.incrementAndGet();
            table.put(seq, record.numbered(seq));
        }
    }

    @Override
    public Page<AuditRecord> listByCustomer(CustomerId customerId, PageRequest page) {
        Objects.requireNonNull(customerId, "customerId");
        return newestFirst(index("customer", AuditRecord::customerId).get(customerId), page);
    }

    @Override
    public Page<AuditRecord> listByEntity(String entityKind, String entityId, PageRequest page) {
        Objects.requireNonNull(entityKind, "entityKind");
        Objects.requireNonNull(entityId, "entityId");
        return newestFirst(
                index("entity", r -> List.of(r.entityKind(), r.entityId())).get(List.of(entityKind, entityId)), page);
    }

    @Override
    public Page<AuditRecord> listByCorrelation(String correlationId, PageRequest page) {
        Objects.requireNonNull(correlationId, "correlationId");
        List<AuditRecord> all = index("correlation", AuditRecord::correlationId).get(correlationId);
        return Page.slice(all == null ? List.of() : all, Objects.requireNonNull(page, "page"));
    }

    @Override
    public long scrub(CustomerId customerId, String marker) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(marker, "marker");
        if (marker.isBlank()) {
            throw new IllegalArgumentException("the marker must not be blank");
        }
        List<AuditRecord> records = index("customer", AuditRecord::customerId).get(customerId);
        if (records == null) {
            return 0;
        }
        long changed = 0;
        for (AuditRecord r : records) {
            List<FieldChange> scrubbed = new ArrayList<>(r.changes().size());
            boolean any = false;
            for (FieldChange c : r.changes()) {
                FieldChange s = new FieldChange(
                        c.field(), c.oldValue() == null ? null : marker, c.newValue() == null ? null : marker);
                any |= !s.equals(c);
                scrubbed.add(s);
            }
            if (any) {
                table.put(
                        r.sequence(),
                        new AuditRecord(
                                r.sequence(),
                                r.at(),
                                r.user(),
                                r.correlationId(),
                                r.entityKind(),
                                r.entityId(),
                                r.customerId(),
                                r.action(),
                                scrubbed));
                changed++;
            }
        }
        return changed;
    }

    private static Page<AuditRecord> newestFirst(List<AuditRecord> oldestFirst, PageRequest page) {
        Objects.requireNonNull(page, "page");
        if (oldestFirst == null) {
            return Page.slice(List.of(), page);
        }
        int n = oldestFirst.size();
        int from = (int) Math.min(page.offset(), n);
        int to = (int) Math.min((long) from + page.limit(), n);
        List<AuditRecord> items = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            items.add(oldestFirst.get(n - 1 - i));
        }
        return new Page<>(items, page, to < n);
    }

    /** The records by a key, each list oldest first; records whose key is null are left out. */
    private Map<Object, List<AuditRecord>> index(String name, Function<AuditRecord, Object> key) {
        return table.derived("index#" + name, () -> {
            List<AuditRecord> rows = new ArrayList<>(table.rows());
            rows.sort(Comparator.comparingLong(AuditRecord::sequence));
            Map<Object, List<AuditRecord>> index = new HashMap<>();
            for (AuditRecord r : rows) {
                Object k = key.apply(r);
                if (k != null) {
                    index.computeIfAbsent(k, x -> new ArrayList<>()).add(r);
                }
            }
            index.replaceAll((k, list) -> List.copyOf(list));
            return Map.copyOf(index);
        });
    }
}
