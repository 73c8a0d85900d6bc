package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.spi.storage.MergeLogRepository;
import dev.guanxi.crm.stewardship.CustomerTombstone;
import dev.guanxi.crm.stewardship.MergeId;
import dev.guanxi.crm.stewardship.MergeLogEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * In-memory {@link MergeLogRepository}: log entries by id, tombstones by customer id with an index by external
 * id, so finds are O(1); listing a customer's merges scans the tenant's log, O(merges). Used by one unit of work
 * at a time; not thread-safe on its own.
 */
final class MemoryMergeLogRepository implements MergeLogRepository {
    private static final Comparator<MergeLogEntry> ORDER = Comparator.comparing(MergeLogEntry::mergedAt)
            .thenComparing((a, b) -> MemoryRepository.compareAsText(a.id().value(), b.id().value()));

    /** Newest first by merge instant, then by the customer id's text form. */
    private static final Comparator<CustomerTombstone> NEWEST_FIRST = Comparator.comparing(
                    CustomerTombstone::mergedAt, Comparator.reverseOrder())
            .thenComparing((a, b) -> MemoryRepository.compareAsText(
                    a.customerId().value(), b.customerId().value()));

    private final MemoryTable<MergeId, MergeLogEntry> log;
    private final MemoryTable<CustomerId, CustomerTombstone> tombstones;
    private final MemoryTable<String, List<CustomerId>> byExternalId;

    MemoryMergeLogRepository(MemoryTransaction tx) {
        this.log = new MemoryTable<>(tx, MergeLogEntry.class.getName(), MergeLogEntry.class);
        this.tombstones = new MemoryTable<>(tx, CustomerTombstone.class.getName(), CustomerTombstone.class);
        @SuppressWarnings("unchecked")
        Class<List<CustomerId>> list = (Class<List<CustomerId>>) (Class<?>) List.class;
        this.byExternalId = new MemoryTable<>(tx, CustomerTombstone.class.getName() + "#externalId", list);
    }

    @Override
    public void insert(MergeLogEntry entry) {
        Objects.requireNonNull(entry, "entry");
        if (log.get(entry.id()).isPresent()) {
            throw new DuplicateKeyException("id", entry.id().toString(), entry.id());
        }
        log.put(entry.id(), entry);
    }

    @Override
    public Optional<MergeLogEntry> find(MergeId id) {
        return log.get(Objects.requireNonNull(id, "id"));
    }

    @Override
    public List<MergeLogEntry> listByCustomer(CustomerId customerId) {
        Objects.requireNonNull(customerId, "customerId");
        List<MergeLogEntry> list = new ArrayList<>();
        for (MergeLogEntry e : log.rows()) {
            if (e.survivorId().equals(customerId) || e.loserId().equals(customerId)) {
                list.add(e);
            }
        }
        list.sort(ORDER);
        return List.copyOf(list);
    }

    @Override
    public boolean markUndone(MergeId id, Instant undoneAt) {
        Objects.requireNonNull(undoneAt, "undoneAt");
        Optional<MergeLogEntry> entry = find(id);
        if (entry.isEmpty() || entry.get().isUndone()) {
            return false;
        }
        log.put(id, entry.get().withUndoneAt(undoneAt));
        return true;
    }

    @Override
    public void putTombstone(CustomerTombstone tombstone) {
        Objects.requireNonNull(tombstone, "tombstone");
        removeTombstone(tombstone.customerId());
        tombstones.put(tombstone.customerId(), tombstone);
        String externalId = tombstone.externalId();
        if (externalId != null) {
            List<CustomerId> holders =
                    new ArrayList<>(byExternalId.get(externalId).orElse(List.of()));
            holders.add(tombstone.customerId());
            byExternalId.put(externalId, List.copyOf(holders));
        }
    }

    @Override
    public boolean removeTombstone(CustomerId customerId) {
        Optional<CustomerTombstone> old = findTombstone(customerId);
        if (old.isEmpty()) {
            return false;
        }
        tombstones.remove(customerId);
        String externalId = old.get().externalId();
        if (externalId != null) {
            List<CustomerId> holders =
                    new ArrayList<>(byExternalId.get(externalId).orElse(List.of()));
            holders.remove(customerId);
            if (holders.isEmpty()) {
                byExternalId.remove(externalId);
            } else {
                byExternalId.put(externalId, List.copyOf(holders));
            }
        }
        return true;
    }

    @Override
    public Optional<CustomerTombstone> findTombstone(CustomerId customerId) {
        return tombstones.get(Objects.requireNonNull(customerId, "customerId"));
    }

    @Override
    public Optional<CustomerTombstone> findTombstoneByExternalId(String externalId) {
        Objects.requireNonNull(externalId, "externalId");
        return byExternalId.get(externalId).orElse(List.of()).stream()
                .map(tombstones::get)
                .flatMap(Optional::stream)
                .filter(t -> externalId.equals(t.externalId()))
                .min(NEWEST_FIRST);
    }

    /**
     * Forgets a customer's merges for its erasure: deletes the log entries it took part in (they hold both
     * customers' full prior state; such a merge can no longer be undone) and clears the external id of the
     * tombstones that point to it or stand for it (the tombstones stay, so old ids still resolve).
     */
    int scrub(CustomerId customerId) {
        int changed = 0;
        for (MergeLogEntry e : listByCustomer(customerId)) {
            log.remove(e.id());
            changed++;
        }
        List<CustomerTombstone> affected = new ArrayList<>();
        for (CustomerTombstone t : tombstones.rows()) {
            if ((t.customerId().equals(customerId) || t.mergedInto().equals(customerId)) && t.externalId() != null) {
                affected.add(t);
            }
        }
        for (CustomerTombstone t : affected) {
            putTombstone(new CustomerTombstone(t.customerId(), t.mergedInto(), null, t.mergeId(), t.mergedAt()));
            changed++;
        }
        return changed;
    }
}
