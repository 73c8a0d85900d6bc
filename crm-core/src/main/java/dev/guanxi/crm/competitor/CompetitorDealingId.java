package dev.guanxi.crm.competitor;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a competitor's dealing with one of our customers within a tenant.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the id's UUID, not null (a {@linkplain #random() random} one for a new record)
 */
public record CompetitorDealingId(UUID value) {
    /**
     * Rejects null.
     *
     * @param value the id's UUID, not null (a {@linkplain #random() random} one for a new record)
     */
    public CompetitorDealingId {
        Objects.requireNonNull(value, "value");
    }

    /** @return a new random id */
    public static CompetitorDealingId random() {
        return new CompetitorDealingId(UUID.randomUUID());
    }

    /**
     * Parses the form {@link #toString()} prints.
     *
     * @param text a UUID such as {@code 3f2b...}
     * @return the id
     * @throws IllegalArgumentException if {@code text} is not a UUID
     */
    public static CompetitorDealingId of(String text) {
        return new CompetitorDealingId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
