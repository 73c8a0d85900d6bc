package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.CustomerShare;
import dev.guanxi.crm.customer.OwnershipRecord;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.spi.storage.OwnershipRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * In-memory {@link OwnershipRepository}. Ledger lines are kept by (customer, sequence) with each customer's
 * highest sequence, so reading or appending to a ledger costs O(its lines); shares are kept by (customer,
 * staff) and listed by a scan of the tenant's shares, O(shares), which is enough for the reference store. Used
 * by one unit of work at a time; not thread-safe on its own.
 */
final class MemoryOwnershipRepository implements OwnershipRepository {
    private static final String LEDGER = OwnershipRecord.class.getName();
    private static final String SHARES = CustomerShare.class.getName();

    private final MemoryTable<LineKey, OwnershipRecord> lines;
    private final MemoryTable<CustomerId, Long> lastSequence;
    private final MemoryTable<ShareKey, CustomerShare> shares;

    MemoryOwnershipRepository(MemoryTransaction tx) {
        this.lines = new MemoryTable<>(tx, LEDGER, OwnershipRecord.class);
        this.lastSequence = new MemoryTable<>(tx, LEDGER + "#last", Long.class);
        this.shares = new MemoryTable<>(tx, SHARES, CustomerShare.class);
    }

    @Override
    public void appendOwnership(OwnershipRecord record) {
        Objects.requireNonNull(record, "record");
        if (!record.isCurrent()) {
            throw new IllegalArgumentException("an appended ownership record must be current: " + record);
        }
        long last = lastSequence.get(record.customerId()).orElse(0L);
        if (last > 0) {
            LineKey previous = new LineKey(record.customerId(), last);
            lines.get(previous)
                    .filter(OwnershipRecord::isCurrent)
                    .ifPresent(r -> lines.put(previous, r.closedAt(record.from())));
        }
        lines.put(new LineKey(record.customerId(), last + 1), record);
        lastSequence.put(record.customerId(), last + 1);
    }

    @Override
    public List<OwnershipRecord> ownershipHistory(CustomerId customerId) {
        Objects.requireNonNull(customerId, "customerId");
        long last = lastSequence.get(customerId).orElse(0L);
        List<OwnershipRecord> list = new ArrayList<>((int) last);
        for (long s = 1; s <= last; s++) {
            lines.get(new LineKey(customerId, s)).ifPresent(list::add);
        }
        return List.copyOf(list);
    }

    @Override
    public void putShare(CustomerShare share) {
        Objects.requireNonNull(share, "share");
        shares.put(new ShareKey(share.customerId(), share.staff()), share);
    }

    @Override
    public boolean removeShare(CustomerId customerId, StaffId staff) {
        ShareKey key =
                new ShareKey(Objects.requireNonNull(customerId, "customerId"), Objects.requireNonNull(staff, "staff"));
        if (shares.get(key).isEmpty()) {
            return false;
        }
        shares.remove(key);
        return true;
    }

    @Override
    public List<CustomerShare> sharesOf(CustomerId customerId) {
        Objects.requireNonNull(customerId, "customerId");
        List<CustomerShare> list = new ArrayList<>();
        for (CustomerShare s : shares.rows()) {
            if (s.customerId().equals(customerId)) {
                list.add(s);
            }
        }
        list.sort(Comparator.comparing(s -> s.staff().value()));
        return List.copyOf(list);
    }

    @Override
    public Page<CustomerShare> sharedWith(StaffId staff, PageRequest page) {
        Objects.requireNonNull(staff, "staff");
        Objects.requireNonNull(page, "page");
        List<CustomerShare> list = new ArrayList<>();
        for (CustomerShare s : shares.rows()) {
            if (s.staff().equals(staff)) {
                list.add(s);
            }
        }
        list.sort((a, b) -> MemoryRepository.compareAsText(
                a.customerId().value(), b.customerId().value()));
        return Page.slice(list, page);
    }

    /** Where a ledger line is kept. */
    /** Replaces the reasons of a customer's ownership lines and shares; returns how many rows changed. */
    int scrub(CustomerId customerId, String marker) {
        int changed = 0;
        long last = lastSequence.get(customerId).orElse(0L);
        for (long s = 1; s <= last; s++) {
            LineKey key = new LineKey(customerId, s);
            OwnershipRecord r = lines.get(key).orElse(null);
            if (r != null && r.reason() != null && !r.reason().equals(marker)) {
                lines.put(key, new OwnershipRecord(r.customerId(), r.owner(), r.from(), r.to(), marker, r.changedBy()));
                changed++;
            }
        }
        for (CustomerShare share : sharesOf(customerId)) {
            if (share.reason() != null && !share.reason().equals(marker)) {
                shares.put(
                        new ShareKey(customerId, share.staff()),
                        new CustomerShare(customerId, share.staff(), share.access(), share.since(), marker));
                changed++;
            }
        }
        return changed;
    }

    record LineKey(CustomerId customerId, long sequence) {}

    /** Where a share is kept. */
    record ShareKey(CustomerId customerId, StaffId staff) {}
}
