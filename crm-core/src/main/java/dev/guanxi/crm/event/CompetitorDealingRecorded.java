package dev.guanxi.crm.event;

import dev.guanxi.crm.competitor.CompetitorDealingId;
import dev.guanxi.crm.competitor.CompetitorId;
import dev.guanxi.crm.competitor.DealingKind;
import dev.guanxi.crm.customer.CustomerId;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A competitor's dealing with one of our customers was recorded.
 *
 * <p>Immutable and thread-safe.
 *
 * @param metadata event id, tenant and time
 * @param customerId our customer the competitor deals with, not null
 * @param dealingId the new dealing
 * @param competitorId the competitor of the dealing, not null
 * @param kind what the dealing is
 * @param observedOn when we learnt of it
 */
public record CompetitorDealingRecorded(
        EventMetadata metadata,
        CustomerId customerId,
        CompetitorDealingId dealingId,
        CompetitorId competitorId,
        DealingKind kind,
        LocalDate observedOn)
        implements CompetitorEvent {
    /**
     * Rejects nulls.
     *
     * @param metadata event id, tenant and time
     * @param customerId our customer the competitor deals with, not null
     * @param dealingId the new dealing
     * @param competitorId the competitor of the dealing, not null
     * @param kind what the dealing is
     * @param observedOn when we learnt of it
     */
    public CompetitorDealingRecorded {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(dealingId, "dealingId");
        Objects.requireNonNull(competitorId, "competitorId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(observedOn, "observedOn");
    }
}
