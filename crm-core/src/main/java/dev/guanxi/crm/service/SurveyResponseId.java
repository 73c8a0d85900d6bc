package dev.guanxi.crm.service;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a satisfaction survey response within a tenant.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the id's UUID, not null (a {@linkplain #random() random} one for a new record)
 */
public record SurveyResponseId(UUID value) {
    /**
     * Rejects null.
     *
     * @param value the id's UUID, not null (a {@linkplain #random() random} one for a new record)
     */
    public SurveyResponseId {
        Objects.requireNonNull(value, "value");
    }

    /** @return a new random id */
    public static SurveyResponseId random() {
        return new SurveyResponseId(UUID.randomUUID());
    }

    /**
     * Parses the form {@link #toString()} prints.
     *
     * @param text a UUID such as {@code 3f2b...}
     * @return the id
     * @throws IllegalArgumentException if {@code text} is not a UUID
     */
    public static SurveyResponseId of(String text) {
        return new SurveyResponseId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
