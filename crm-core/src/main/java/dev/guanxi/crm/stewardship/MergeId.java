package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifies one merge of two customers in a tenant's merge log.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the id's UUID, not null (a {@linkplain #random() random} one for a new record)
 * @since 0.1.0
 */
@Beta
public record MergeId(UUID value) {
    /**
     * Rejects null.
     *
     * @param value the id's UUID, not null (a {@linkplain #random() random} one for a new record)
     */
    public MergeId {
        Objects.requireNonNull(value, "value");
    }

    /** @return a new random id */
    public static MergeId random() {
        return new MergeId(UUID.randomUUID());
    }

    /**
     * Parses the form {@link #toString()} prints.
     *
     * @param text a UUID
     * @return the id
     * @throws IllegalArgumentException if {@code text} is not a UUID
     */
    public static MergeId of(String text) {
        return new MergeId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
