package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.CustomerShare;
import dev.guanxi.crm.marketing.CampaignTarget;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One merge in a tenant's merge log: everything needed to undo it. Written in the merge's own transaction and
 * never deleted; an undo only sets {@link #undoneAt()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the merge's id
 * @param survivorId the customer that stayed
 * @param loserId the customer merged into it
 * @param mergedAt when, by the CRM's clock
 * @param undoneAt when the merge was undone, or {@code null} while it is in effect
 * @param survivorBefore the survivor's full state before the merge
 * @param loserBefore the loser's full state before the merge (what an undo stores again, exactly)
 * @param survivorAfter the survivor's full state right after the merge (an undo requires it unchanged)
 * @param choices how each field was decided
 * @param moved every row that moved, with its version right after the merge (0 for rows without a version)
 * @param movedTargets the campaign targets that moved, as they were under the loser
 * @param movedShares the shares that moved, as they were under the loser
 * @since 0.1.0
 */
@Beta
public record MergeLogEntry(
        MergeId id,
        CustomerId survivorId,
        CustomerId loserId,
        Instant mergedAt,
        Instant undoneAt,
        Customer survivorBefore,
        Customer loserBefore,
        Customer survivorAfter,
        List<FieldChoice> choices,
        List<MovedRow> moved,
        List<CampaignTarget> movedTargets,
        List<CustomerShare> movedShares) {
    /**
     * Rejects nulls (but in {@code undoneAt}), copies the lists and checks that the states are of the named
     * customers.
     *
     * @param id the merge's id
     * @param survivorId the customer that stayed
     * @param loserId the customer merged into it
     * @param mergedAt when, by the CRM's clock
     * @param undoneAt when the merge was undone, or {@code null} while it is in effect
     * @param survivorBefore the survivor's full state before the merge
     * @param loserBefore the loser's full state before the merge (what an undo stores again, exactly)
     * @param survivorAfter the survivor's full state right after the merge (an undo requires it unchanged)
     * @param choices how each field was decided
     * @param moved every row that moved, with its version right after the merge (0 for rows without a version)
     * @param movedTargets the campaign targets that moved, as they were under the loser
     * @param movedShares the shares that moved, as they were under the loser
     * @throws IllegalArgumentException if a state is of another customer, or the survivor is the loser
     */
    public MergeLogEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(survivorId, "survivorId");
        Objects.requireNonNull(loserId, "loserId");
        Objects.requireNonNull(mergedAt, "mergedAt");
        Objects.requireNonNull(survivorBefore, "survivorBefore");
        Objects.requireNonNull(loserBefore, "loserBefore");
        Objects.requireNonNull(survivorAfter, "survivorAfter");
        choices = List.copyOf(choices);
        moved = List.copyOf(moved);
        movedTargets = List.copyOf(movedTargets);
        movedShares = List.copyOf(movedShares);
        if (survivorId.equals(loserId)) {
            throw new IllegalArgumentException("a customer cannot be merged into itself: " + survivorId);
        }
        if (!survivorBefore.id().equals(survivorId) || !survivorAfter.id().equals(survivorId)) {
            throw new IllegalArgumentException("the survivor's states are of another customer");
        }
        if (!loserBefore.id().equals(loserId)) {
            throw new IllegalArgumentException("the loser's state is of another customer");
        }
    }

    /** @return whether the merge was undone */
    public boolean isUndone() {
        return undoneAt != null;
    }

    /**
     * @param at when the merge was undone
     * @return this entry, undone at {@code at}
     */
    public MergeLogEntry withUndoneAt(Instant at) {
        return new MergeLogEntry(
                id,
                survivorId,
                loserId,
                mergedAt,
                at,
                survivorBefore,
                loserBefore,
                survivorAfter,
                choices,
                moved,
                movedTargets,
                movedShares);
    }
}
