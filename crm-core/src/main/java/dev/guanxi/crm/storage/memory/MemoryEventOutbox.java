package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.event.DomainEvent;
import dev.guanxi.crm.spi.storage.EventOutbox;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** The outbox as a table of entries by sequence number; delivered entries are removed. */
final class MemoryEventOutbox implements EventOutbox {
    private final MemoryTable<Long, Entry> table;
    private final AtomicLong sequence;

    MemoryEventOutbox(MemoryTransaction tx, AtomicLong sequence) {
        this.table = new MemoryTable<>(tx, "outbox", Entry.class);
        this.sequence = sequence;
    }

    @Override
    public void append(List<DomainEvent> events) {
        for (DomainEvent event : events) {
            long seq = sequence.incrementAndGet();
            table.put(seq, new Entry(seq, event));
        }
    }

    @Override
    public List<DomainEvent> pending(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        return table.rows().stream()
                .sorted(Comparator.comparingLong(Entry::sequence))
                .limit(limit)
                .map(Entry::event)
                .toList();
    }

    @Override
    public void markDelivered(Collection<UUID> eventIds) {
        Set<UUID> ids = new HashSet<>(eventIds);
        for (Entry entry : table.rows()) {
            if (ids.contains(entry.event().metadata().eventId())) {
                table.remove(entry.sequence());
            }
        }
    }

    record Entry(long sequence, DomainEvent event) {}
}
