package dev.guanxi.crm.event;

import dev.guanxi.crm.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What every event carries.
 *
 * <p>Immutable and thread-safe.
 *
 * @param eventId unique id of the event (listeners use it to ignore a redelivery)
 * @param tenant the tenant the event happened in
 * @param occurredAt when the change was made, from the CRM's clock
 */
public record EventMetadata(UUID eventId, TenantId tenant, Instant occurredAt) {
    /**
     * Rejects nulls.
     *
     * @param eventId unique id of the event (listeners use it to ignore a redelivery)
     * @param tenant the tenant the event happened in
     * @param occurredAt when the change was made, from the CRM's clock
     */
    public EventMetadata {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
