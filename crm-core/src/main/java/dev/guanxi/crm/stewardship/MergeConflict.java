package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;
import java.util.Objects;

/**
 * A row of the loser that cannot move to the survivor because the survivor already has one with the same
 * unique key.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind the kind of row
 * @param key the loser's row (its key as in {@link MovedRow#key()})
 * @param holder what holds the key on the survivor's side: the survivor's response for a campaign response,
 *     else the survivor's id
 * @param reason what collides, one line
 * @since 0.1.0
 */
@Beta
public record MergeConflict(ChildKind kind, String key, String holder, String reason) {
    /**
     * Rejects nulls.
     *
     * @param kind the kind of row
     * @param key the loser's row (its key as in {@link MovedRow#key()})
     * @param holder what holds the key on the survivor's side: the survivor's response for a campaign response, else
     *     the survivor's id
     * @param reason what collides, one line
     */
    public MergeConflict {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(reason, "reason");
    }
}
