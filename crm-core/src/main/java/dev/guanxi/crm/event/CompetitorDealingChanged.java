package dev.guanxi.crm.event;

import dev.guanxi.crm.competitor.CompetitorDealingId;
import dev.guanxi.crm.competitor.CompetitorId;
import dev.guanxi.crm.competitor.DealingKind;
import dev.guanxi.crm.customer.CustomerId;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A competitor's dealing with one of our customers changed kind or ended.
 *
 * <p>Immutable and thread-safe.
 *
 * @param metadata event id, tenant and time
 * @param customerId our customer the competitor deals with, not null
 * @param dealingId the dealing that changed, not null
 * @param competitorId the competitor of the dealing, not null
 * @param from the kind before
 * @param to the kind after (the same as {@code from} when a dealing ended without changing kind)
 * @param endedOn the day it ended, or {@code null} while it is open
 * @param version the dealing's version after the change
 */
public record CompetitorDealingChanged(
        EventMetadata metadata,
        CustomerId customerId,
        CompetitorDealingId dealingId,
        CompetitorId competitorId,
        DealingKind from,
        DealingKind to,
        LocalDate endedOn,
        long version)
        implements CompetitorEvent {
    /**
     * Rejects nulls (except {@code endedOn}).
     *
     * @param metadata event id, tenant and time
     * @param customerId our customer the competitor deals with, not null
     * @param dealingId the dealing that changed, not null
     * @param competitorId the competitor of the dealing, not null
     * @param from the kind before
     * @param to the kind after (the same as {@code from} when a dealing ended without changing kind)
     * @param endedOn the day it ended, or {@code null} while it is open
     * @param version the dealing's version after the change
     */
    public CompetitorDealingChanged {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(dealingId, "dealingId");
        Objects.requireNonNull(competitorId, "competitorId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /** @return the day the dealing ended, or empty while it is open */
    public Optional<LocalDate> ended() {
        return Optional.ofNullable(endedOn);
    }
}
