package dev.guanxi.crm.event;

import dev.guanxi.crm.competitor.CompetitorId;
import java.util.Objects;

/**
 * A competitor's profile changed (replaced, or a product added).
 *
 * <p>Immutable and thread-safe.
 *
 * @param metadata event id, tenant and time
 * @param competitorId the competitor whose profile changed, not null
 * @param name its name after the change
 * @param version its version after the change
 */
public record CompetitorUpdated(EventMetadata metadata, CompetitorId competitorId, String name, long version)
        implements CompetitorEvent {
    /**
     * Rejects nulls.
     *
     * @param metadata event id, tenant and time
     * @param competitorId the competitor whose profile changed, not null
     * @param name its name after the change
     * @param version its version after the change
     */
    public CompetitorUpdated {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(competitorId, "competitorId");
        Objects.requireNonNull(name, "name");
    }
}
