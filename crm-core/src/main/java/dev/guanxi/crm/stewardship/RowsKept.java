package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;
import java.util.Objects;

/**
 * Rows of the loser that a merge leaves under the loser's id (see {@link ChildKind#moves()}), counted for the
 * dry run.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind the kind of rows
 * @param count how many rows the loser has of that kind
 * @param reason why they stay, one line
 * @since 0.1.0
 */
@Beta
public record RowsKept(ChildKind kind, long count, String reason) {
    /**
     * Rejects a missing kind or reason and a negative count.
     *
     * @param kind the kind of rows
     * @param count how many rows the loser has of that kind
     * @param reason why they stay, one line
     * @throws IllegalArgumentException if {@code count} is negative
     */
    public RowsKept {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + count);
        }
    }
}
