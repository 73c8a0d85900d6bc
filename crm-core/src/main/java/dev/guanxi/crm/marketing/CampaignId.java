package dev.guanxi.crm.marketing;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a marketing campaign within a tenant.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the id's UUID, not null (a {@linkplain #random() random} one for a new record)
 */
public record CampaignId(UUID value) {
    /**
     * Rejects null.
     *
     * @param value the id's UUID, not null (a {@linkplain #random() random} one for a new record)
     */
    public CampaignId {
        Objects.requireNonNull(value, "value");
    }

    /** @return a new random id */
    public static CampaignId random() {
        return new CampaignId(UUID.randomUUID());
    }

    /**
     * Parses the form {@link #toString()} prints.
     *
     * @param text a UUID such as {@code 3f2b...}
     * @return the id
     * @throws IllegalArgumentException if {@code text} is not a UUID
     */
    public static CampaignId of(String text) {
        return new CampaignId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
