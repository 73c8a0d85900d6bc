package dev.guanxi.crm.interaction;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a follow-up task within a tenant.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the id's UUID, not null (a {@linkplain #random() random} one for a new record)
 */
public record TaskId(UUID value) {
    /**
     * Rejects null.
     *
     * @param value the id's UUID, not null (a {@linkplain #random() random} one for a new record)
     */
    public TaskId {
        Objects.requireNonNull(value, "value");
    }

    /** @return a new random id */
    public static TaskId random() {
        return new TaskId(UUID.randomUUID());
    }

    /**
     * Parses the form {@link #toString()} prints.
     *
     * @param text a UUID such as {@code 3f2b...}
     * @return the id
     * @throws IllegalArgumentException if {@code text} is not a UUID
     */
    public static TaskId of(String text) {
        return new TaskId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
