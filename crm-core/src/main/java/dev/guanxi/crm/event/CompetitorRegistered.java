package dev.guanxi.crm.event;

import dev.guanxi.crm.competitor.CompetitorId;
import java.util.Objects;

/**
 * A competitor was registered.
 *
 * <p>Immutable and thread-safe.
 *
 * @param metadata event id, tenant and time
 * @param competitorId the new competitor
 * @param name the competitor's name as registered, not null
 */
public record CompetitorRegistered(EventMetadata metadata, CompetitorId competitorId, String name)
        implements CompetitorEvent {
    /**
     * Rejects nulls.
     *
     * @param metadata event id, tenant and time
     * @param competitorId the new competitor
     * @param name the competitor's name as registered, not null
     */
    public CompetitorRegistered {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(competitorId, "competitorId");
        Objects.requireNonNull(name, "name");
    }
}
