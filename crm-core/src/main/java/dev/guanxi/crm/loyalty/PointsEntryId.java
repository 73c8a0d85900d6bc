package dev.guanxi.crm.loyalty;

import dev.guanxi.crm.Beta;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a {@link PointsEntry} within a tenant.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the id's UUID, not null (a {@linkplain #random() random} one for a new record)
 */
@Beta
public record PointsEntryId(UUID value) {
    /**
     * Rejects null.
     *
     * @param value the id's UUID, not null (a {@linkplain #random() random} one for a new record)
     */
    public PointsEntryId {
        Objects.requireNonNull(value, "value");
    }

    /** @return a new random id */
    public static PointsEntryId random() {
        return new PointsEntryId(UUID.randomUUID());
    }

    /**
     * Parses the form {@link #toString()} prints.
     *
     * @param text a UUID such as {@code 3f2b...}
     * @return the id
     * @throws IllegalArgumentException if {@code text} is not a UUID
     */
    public static PointsEntryId of(String text) {
        return new PointsEntryId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
