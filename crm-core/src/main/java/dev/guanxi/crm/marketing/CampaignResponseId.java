package dev.guanxi.crm.marketing;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a campaign response within a tenant.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the id's UUID, not null (a {@linkplain #random() random} one for a new record)
 */
public record CampaignResponseId(UUID value) {
    /**
     * Rejects null.
     *
     * @param value the id's UUID, not null (a {@linkplain #random() random} one for a new record)
     */
    public CampaignResponseId {
        Objects.requireNonNull(value, "value");
    }

    /** @return a new random id */
    public static CampaignResponseId random() {
        return new CampaignResponseId(UUID.randomUUID());
    }

    /**
     * Parses the form {@link #toString()} prints.
     *
     * @param text a UUID such as {@code 3f2b...}
     * @return the id
     * @throws IllegalArgumentException if {@code text} is not a UUID
     */
    public static CampaignResponseId of(String text) {
        return new CampaignResponseId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
