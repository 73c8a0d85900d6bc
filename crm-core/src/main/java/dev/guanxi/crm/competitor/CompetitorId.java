package dev.guanxi.crm.competitor;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a competitor within a tenant.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the id's UUID, not null (a {@linkplain #random() random} one for a new record)
 */
public record CompetitorId(UUID value) {
    /**
     * Rejects null.
     *
     * @param value the id's UUID, not null (a {@linkplain #random() random} one for a new record)
     */
    public CompetitorId {
        Objects.requireNonNull(value, "value");
    }

    /** @return a new random id */
    public static CompetitorId random() {
        return new CompetitorId(UUID.randomUUID());
    }

    /**
     * Parses the form {@link #toString()} prints.
     *
     * @param text a UUID such as {@code 3f2b...}
     * @return the id
     * @throws IllegalArgumentException if {@code text} is not a UUID
     */
    public static CompetitorId of(String text) {
        return new CompetitorId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
