package dev.guanxi.crm.service;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a service case within a tenant.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the id's UUID, not null (a {@linkplain #random() random} one for a new record)
 */
public record ServiceCaseId(UUID value) {
    /**
     * Rejects null.
     *
     * @param value the id's UUID, not null (a {@linkplain #random() random} one for a new record)
     */
    public ServiceCaseId {
        Objects.requireNonNull(value, "value");
    }

    /** @return a new random id */
    public static ServiceCaseId random() {
        return new ServiceCaseId(UUID.randomUUID());
    }

    /**
     * Parses the form {@link #toString()} prints.
     *
     * @param text a UUID such as {@code 3f2b...}
     * @return the id
     * @throws IllegalArgumentException if {@code text} is not a UUID
     */
    public static ServiceCaseId of(String text) {
        return new ServiceCaseId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
