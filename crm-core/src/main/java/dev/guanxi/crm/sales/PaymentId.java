package dev.guanxi.crm.sales;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a payment within a tenant.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the id's UUID, not null (a {@linkplain #random() random} one for a new record)
 */
public record PaymentId(UUID value) {
    /**
     * Rejects null.
     *
     * @param value the id's UUID, not null (a {@linkplain #random() random} one for a new record)
     */
    public PaymentId {
        Objects.requireNonNull(value, "value");
    }

    /** @return a new random id */
    public static PaymentId random() {
        return new PaymentId(UUID.randomUUID());
    }

    /**
     * Parses the form {@link #toString()} prints.
     *
     * @param text a UUID such as {@code 3f2b...}
     * @return the id
     * @throws IllegalArgumentException if {@code text} is not a UUID
     */
    public static PaymentId of(String text) {
        return new PaymentId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
