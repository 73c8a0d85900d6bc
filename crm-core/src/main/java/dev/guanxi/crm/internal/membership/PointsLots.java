package dev.guanxi.crm.internal.membership;

import dev.guanxi.crm.loyalty.PointsEntry;
import dev.guanxi.crm.loyalty.PointsEntryKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * What is left of each credit of a ledger, found by replaying the ledger in sequence order: every credit
 * (earned points, positive adjustments) is a lot, and every debit (redemption, expiry, negative adjustment) uses
 * up the lots that expire first, oldest first among equal days, lots that never expire last. The replay is
 * deterministic and depends only on the entries up to each point, so appending entries never changes how the
 * earlier ones were attributed; an expiry entry posted for the lots due, in this order, uses up exactly them.
 *
 * <p>O(n log n) in the ledger's entries. Not thread-safe (used inside one unit of work).
 */
final class PointsLots {
    private static final Comparator<Lot> FIRST_TO_EXPIRE = Comparator.comparing(
                    (Lot l) -> l.source.expiresOn(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingLong(l -> l.source.sequence());

    private final PriorityQueue<Lot> open = new PriorityQueue<>(FIRST_TO_EXPIRE);

    /** A credit and the points of it not used yet. */
    static final class Lot {
        final PointsEntry source;
        long remaining;

        Lot(PointsEntry source) {
            this.source = source;
            this.remaining = source.points();
        }
    }

    /**
     * @param ledger a member's entries in sequence order
     * @return the open lots after them
     */
    static PointsLots replay(List<PointsEntry> ledger) {
        PointsLots lots = new PointsLots();
        for (PointsEntry e : ledger) {
            if (e.points() > 0) {
                lots.open.add(new Lot(e));
            } else {
                lots.consume(-e.points());
            }
        }
        return lots;
    }

    private void consume(long points) {
        long left = points;
        while (left > 0 && !open.isEmpty()) {
            Lot head = open.peek();
            long used = Math.min(left, head.remaining);
            head.remaining -= used;
            left -= used;
            if (head.remaining == 0) {
                open.poll();
            }
        }
    }

    /**
     * @param asOf a day
     * @return the earned lots with points left whose expiry day is on or before it, first to expire first
     */
    List<Lot> dueBy(LocalDate asOf) {
        List<Lot> due = new ArrayList<>();
        PriorityQueue<Lot> copy = new PriorityQueue<>(open);
        while (!copy.isEmpty()) {
            Lot lot = copy.poll();
            if (lot.source.kind() != PointsEntryKind.EARN
                    || lot.source.expiresOn() == null
                    || lot.source.expiresOn().isAfter(asOf)) {
                break;
            }
            due.add(lot);
        }
        return due;
    }

    /**
     * @param asOf a day
     * @return the earliest expiry day after it among the lots with points left, or {@code null}
     */
    LocalDate nextExpiryAfter(LocalDate asOf) {
        LocalDate next = null;
        for (Lot lot : open) {
            LocalDate day = lot.source.expiresOn();
            if (day != null && day.isAfter(asOf) && (next == null || day.isBefore(next))) {
                next = day;
            }
        }
        return next;
    }

    /** @return the points left in all lots */
    long remaining() {
        long sum = 0;
        for (Lot lot : open) {
            sum += lot.remaining;
        }
        return sum;
    }
}
