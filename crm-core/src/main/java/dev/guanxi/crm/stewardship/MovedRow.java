package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;
import java.util.Objects;

/**
 * One row a merge moves from the loser to the survivor.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind the kind of row
 * @param key the row's key in the text form of its id: the aggregate's id, the campaign's id for a campaign
 *     target, the colleague's staff id for a share, the account's customer id for a points account
 * @param version in a {@link MergePlan}, the row's version when the plan was made (a merge refuses a row that
 *     changed since); in a {@link MergeLogEntry}, its version after the merge (an undo refuses a row that changed
 *     since); 0 for a row that has no version ({@link ChildKind#versioned()})
 * @since 0.1.0
 */
@Beta
public record MovedRow(ChildKind kind, String key, long version) {
    /**
     * Rejects a missing kind or key and a negative version.
     *
     * @param kind the kind of row
     * @param key the row's key in the text form of its id: the aggregate's id, the campaign's id for a campaign target,
     *     the colleague's staff id for a share, the account's customer id for a points account
     * @param version in a {@link MergePlan}, the row's version when the plan was made (a merge refuses a row that
     *     changed since); in a {@link MergeLogEntry}, its version after the merge (an undo refuses a row that changed
     *     since); 0 for a row that has no version ({@link ChildKind#versioned()})
     * @throws IllegalArgumentException if the key is blank or the version negative
     */
    public MovedRow {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        if (key.isBlank()) {
            throw new IllegalArgumentException("key is blank");
        }
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative, got " + version);
        }
    }
}
