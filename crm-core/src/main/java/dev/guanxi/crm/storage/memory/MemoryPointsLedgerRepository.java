package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.NotFoundException;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.loyalty.PointsAccount;
import dev.guanxi.crm.loyalty.PointsEntry;
import dev.guanxi.crm.loyalty.PointsEntryId;
import dev.guanxi.crm.loyalty.PointsEntryKind;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.spi.storage.PointsLedgerRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * In-memory {@link PointsLedgerRepository}. Accounts are versioned rows like every aggregate's; entries are
 * kept by (customer, sequence), with indexes by id and by business key and each customer's highest sequence, so
 * that reading a ledger costs O(its entries) rather than O(the tenant's entries). Used by one unit of work at a
 * time; not thread-safe on its own.
 */
final class MemoryPointsLedgerRepository extends MemoryRepository<CustomerId, PointsAccount>
        implements PointsLedgerRepository {
    private static final String ENTRIES = PointsEntry.class.getName();
    private static final Comparator<PointsAccount> BY_CUSTOMER =
            Comparator.comparing(a -> a.id().value(), MemoryRepository::compareAsText);

    private final MemoryTable<EntryKey, PointsEntry> entries;
    private final MemoryTable<PointsEntryId, EntryKey> byId;
    private final MemoryTable<String, EntryKey> byBusinessKey;
    private final MemoryTable<CustomerId, Long> lastSequence;

    MemoryPointsLedgerRepository(MemoryTransaction tx) {
        super(tx, PointsAccount.class);
        this.entries = new MemoryTable<>(tx, ENTRIES, PointsEntry.class);
        this.byId = new MemoryTable<>(tx, ENTRIES + "#id", EntryKey.class);
        this.byBusinessKey = new MemoryTable<>(tx, ENTRIES + "#businessKey", EntryKey.class);
        this.lastSequence = new MemoryTable<>(tx, ENTRIES + "#last", Long.class);
    }

    @Override
    public void delete(CustomerId id, long expectedVersion) {
        super.delete(id, expectedVersion);
        long last = lastSequence.get(id).orElse(0L);
        for (long s = 1; s <= last; s++) {
            EntryKey key = new EntryKey(id, s);
            Optional<PointsEntry> entry = entries.get(key);
            if (entry.isPresent()) {
                entries.remove(key);
                byId.remove(entry.get().id());
                byBusinessKey.remove(entry.get().businessKey());
            }
        }
        lastSequence.remove(id);
    }

    @Override
    public void reassignCustomer(CustomerId from, long expectedVersion, CustomerId to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        PointsAccount account = find(from).orElseThrow(() -> new NotFoundException("PointsAccount", from));
        if (account.version() != expectedVersion) {
            throw new StaleVersionException("PointsAccount", from, expectedVersion);
        }
        if (find(to).isPresent()) {
            throw new DuplicateKeyException("id", to.toString(), to);
        }
        if (lastSequence.get(to).isPresent()) {
            throw new DuplicateKeyException("sequence", to + "#1", to);
        }
        long last = lastSequence.get(from).orElse(0L);
        for (long s = 1; s <= last; s++) {
            EntryKey old = new EntryKey(from, s);
            Optional<PointsEntry> entry = entries.get(old);
            if (entry.isPresent()) {
                PointsEntry e = entry.get();
                PointsEntry moved = new PointsEntry(
                        e.id(),
                        to,
                        e.sequence(),
                        e.businessKey(),
                        e.kind(),
                        e.points(),
                        e.balanceAfter(),
                        e.occurredAt(),
                        e.expiresOn(),
                        e.reason(),
                        e.orderId());
                EntryKey key = new EntryKey(to, s);
                entries.remove(old);
                entries.put(key, moved);
                byId.put(e.id(), key);
                byBusinessKey.put(e.businessKey(), key);
            }
        }
        lastSequence.remove(from);
        if (last > 0) {
            lastSequence.put(to, last);
        }
        super.delete(from, expectedVersion);
        insert(new PointsAccount(
                to,
                account.balance(),
                account.tier(),
                account.tierSince(),
                account.entries(),
                account.nextExpiry(),
                account.version(),
                account.createdAt(),
                account.updatedAt()));
    }

    @Override
    public List<PointsAccount> listAccounts(CustomerId after, LocalDate expiringBy, int limit) {
        if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
            throw new IllegalArgumentException(
                    "limit must be between 1 and " + PageRequest.MAX_LIMIT + ", got " + limit);
        }
        List<PointsAccount> matching = select(
                a -> (after == null || compareAsText(a.id().value(), after.value()) > 0)
                        && (expiringBy == null
                                || (a.nextExpiry() != null && !a.nextExpiry().isAfter(expiringBy))),
                BY_CUSTOMER);
        return List.copyOf(matching.subList(0, Math.min(limit, matching.size())));
    }

    @Override
    public void insertEntry(PointsEntry entry) {
        Objects.requireNonNull(entry, "entry");
        if (byId.get(entry.id()).isPresent()) {
            throw new DuplicateKeyException("id", entry.id().toString(), entry.id());
        }
        Optional<PointsEntry> holder = byBusinessKey.get(entry.businessKey()).flatMap(entries::get);
        if (holder.isPresent()) {
            throw new DuplicateKeyException(
                    "businessKey", entry.businessKey(), holder.get().id());
        }
        EntryKey key = new EntryKey(entry.customerId(), entry.sequence());
        Optional<PointsEntry> sameSequence = entries.get(key);
        if (sameSequence.isPresent()) {
            throw new DuplicateKeyException(
                    "sequence",
                    entry.customerId() + "#" + entry.sequence(),
                    sameSequence.get().id());
        }
        entries.put(key, entry);
        byId.put(entry.id(), key);
        byBusinessKey.put(entry.businessKey(), key);
        if (lastSequence.get(entry.customerId()).orElse(0L) < entry.sequence()) {
            lastSequence.put(entry.customerId(), entry.sequence());
        }
    }

    @Override
    public Optional<PointsEntry> findEntryByBusinessKey(String businessKey) {
        Objects.requireNonNull(businessKey, "businessKey");
        return byBusinessKey.get(businessKey).flatMap(entries::get);
    }

    @Override
    public Page<PointsEntry> listEntries(CustomerId customerId, PageRequest page) {
        Objects.requireNonNull(page, "page");
        return Page.slice(ledger(customerId), page);
    }

    @Override
    public long sumEntries(CustomerId customerId) {
        long sum = 0;
        for (PointsEntry e : ledger(customerId)) {
            sum += e.points();
        }
        return sum;
    }

    @Override
    public long sumEntries(CustomerId customerId, PointsEntryKind kind, Instant from, Instant until) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        long sum = 0;
        for (PointsEntry e : ledger(customerId)) {
            if (e.kind() == kind
                    && !e.occurredAt().isBefore(from)
                    && e.occurredAt().isBefore(until)) {
                sum += e.points();
            }
        }
        return sum;
    }

    /** The customer's entries by sequence: O(the highest sequence). */
    private List<PointsEntry> ledger(CustomerId customerId) {
        Objects.requireNonNull(customerId, "customerId");
        long last = lastSequence.get(customerId).orElse(0L);
        List<PointsEntry> list = new ArrayList<>();
        for (long s = 1; s <= last; s++) {
            entries.get(new EntryKey(customerId, s)).ifPresent(list::add);
        }
        return list;
    }

    /** Where an entry is kept. */
    /** Replaces the reasons of a customer's ledger entries; returns how many changed. */
    int scrub(CustomerId customerId, String marker) {
        int changed = 0;
        long last = lastSequence.get(customerId).orElse(0L);
        for (long s = 1; s <= last; s++) {
            EntryKey key = new EntryKey(customerId, s);
            PointsEntry e = entries.get(key).orElse(null);
            if (e != null && e.reason() != null && !e.reason().equals(marker)) {
                entries.put(
                        key,
                        new PointsEntry(
                                e.id(),
                                e.customerId(),
                                e.sequence(),
                                e.businessKey(),
                                e.kind(),
                                e.points(),
                                e.balanceAfter(),
                                e.occurredAt(),
                                e.expiresOn(),
                                marker,
                                e.orderId()));
                changed++;
            }
        }
        return changed;
    }

    record EntryKey(CustomerId customerId, long sequence) {}
}
