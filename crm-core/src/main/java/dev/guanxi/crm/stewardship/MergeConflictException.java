package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.CrmException;
import dev.guanxi.crm.customer.CustomerId;
import java.util.List;
import java.util.Objects;

/**
 * Two customers cannot be merged because rows of the loser would take a unique key the survivor holds (a
 * response to the same campaign, a place on the same target list, a share with the same colleague, two points
 * accounts). A merge never resolves that by deleting a row: the host resolves each conflict (e.g. ends one of
 * the shares) and plans again. Thrown by {@link Stewardship#planMerge} and, if a conflict arose since planning,
 * by {@link Stewardship#merge}, which then changes nothing.
 *
 * <p>Thread-safe: immutable.
 *
 * @since 0.1.0
 */
@Beta
public class MergeConflictException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final transient CustomerId survivorId;
    private final transient CustomerId loserId;
    private final transient List<MergeConflict> conflicts;

    /**
     * @param survivorId the customer that was to stay
     * @param loserId the customer that was to be merged into it
     * @param conflicts every conflict found, at least one
     * @throws IllegalArgumentException if there is no conflict
     */
    public MergeConflictException(CustomerId survivorId, CustomerId loserId, List<MergeConflict> conflicts) {
        super(message(survivorId, loserId, conflicts));
        this.survivorId = Objects.requireNonNull(survivorId, "survivorId");
        this.loserId = Objects.requireNonNull(loserId, "loserId");
        this.conflicts = List.copyOf(conflicts);
    }

    private static String message(CustomerId survivorId, CustomerId loserId, List<MergeConflict> conflicts) {
        if (conflicts.isEmpty()) {
            throw new IllegalArgumentException("a merge conflict needs at least one conflicting row");
        }
        MergeConflict first = conflicts.get(0);
        return "cannot merge " + loserId + " into " + survivorId + ": " + conflicts.size()
                + (conflicts.size() == 1 ? " conflict" : " conflicts") + ", first " + first.kind() + " "
                + first.key() + ": " + first.reason();
    }

    /** @return the customer that was to stay */
    public CustomerId survivorId() {
        return survivorId;
    }

    /** @return the customer that was to be merged */
    public CustomerId loserId() {
        return loserId;
    }

    /** @return every conflict, by kind then key */
    public List<MergeConflict> conflicts() {
        return conflicts;
    }

    /** @return the kind of the first conflict */
    public ChildKind kind() {
        return conflicts.get(0).kind();
    }
}
