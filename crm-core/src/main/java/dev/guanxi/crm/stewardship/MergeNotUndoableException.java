package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.CrmException;
import java.util.Objects;

/**
 * A merge cannot be undone safely: it was undone already, or the survivor or a moved row changed since the
 * merge (undoing would silently throw that change away). {@link Stewardship#undoMerge} then changes nothing.
 *
 * <p>Thread-safe: immutable.
 *
 * @since 0.1.0
 */
@Beta
public class MergeNotUndoableException extends CrmException {
    private static final long serialVersionUID = 1L;

    /** Why a merge cannot be undone. */
    public enum Refusal {
        /** The merge was undone already. */
        ALREADY_UNDONE,
        /** The survivor changed since the merge (an update, a later merge, a deletion). */
        SURVIVOR_CHANGED,
        /** The loser's id or tombstone changed since the merge. */
        LOSER_CHANGED,
        /** A moved row changed or moved on since the merge. */
        ROW_CHANGED
    }

    private final transient MergeId mergeId;
    /** Why the merge cannot be undone. */
    private final Refusal refusal;

    /** The kind of the row that changed, or null if the refusal is not about a row. */
    private final ChildKind kind;

    /** The key of the row (or the customer) that changed, or null. */
    private final String key;

    /**
     * @param mergeId the merge
     * @param refusal why
     * @param kind the kind of the row that changed, or {@code null}
     * @param key the key of the row (or the customer) that changed, or {@code null}
     * @param detail what changed, one line
     */
    public MergeNotUndoableException(MergeId mergeId, Refusal refusal, ChildKind kind, String key, String detail) {
        super("merge " + mergeId + " cannot be undone (" + refusal + "): " + detail);
        this.mergeId = Objects.requireNonNull(mergeId, "mergeId");
        this.refusal = Objects.requireNonNull(refusal, "refusal");
        this.kind = kind;
        this.key = key;
    }

    /** @return the merge */
    public MergeId mergeId() {
        return mergeId;
    }

    /** @return why it cannot be undone */
    public Refusal refusal() {
        return refusal;
    }

    /** @return the kind of the row that changed, or {@code null} if the refusal is not about a row */
    public ChildKind kind() {
        return kind;
    }

    /** @return the key of what changed, or {@code null} */
    public String key() {
        return key;
    }
}
