package dev.guanxi.crm.customer;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a customer (a person or an organisation) within a tenant.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the id's UUID, not null (a {@linkplain #random() random} one for a new record)
 */
public record CustomerId(UUID value) {
    /**
     * Rejects null.
     *
     * @param value the id's UUID, not null (a {@linkplain #random() random} one for a new record)
     */
    public CustomerId {
        Objects.requireNonNull(value, "value");
    }

    /** @return a new random id */
    public static CustomerId random() {
        return new CustomerId(UUID.randomUUID());
    }

    /**
     * Parses the form {@link #toString()} prints.
     *
     * @param text a UUID such as {@code 3f2b...}
     * @return the id
     * @throws IllegalArgumentException if {@code text} is not a UUID
     */
    public static CustomerId of(String text) {
        return new CustomerId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
