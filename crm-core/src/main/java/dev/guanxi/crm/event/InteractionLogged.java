package dev.guanxi.crm.event;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.interaction.Direction;
import dev.guanxi.crm.interaction.InteractionId;
import java.time.Instant;
import java.util.Objects;

/**
 * An interaction with a customer was logged.
 *
 * <p>Immutable and thread-safe.
 *
 * @param metadata the event's id, tenant and time
 * @param customerId the customer the interaction was with, not null
 * @param interactionId the new interaction
 * @param channel the channel it happened on
 * @param direction inbound or outbound
 * @param occurredAt when the interaction happened (the metadata says when it was logged)
 * @param staffId the member of staff who had it, or {@code null}
 */
public record InteractionLogged(
        EventMetadata metadata,
        CustomerId customerId,
        InteractionId interactionId,
        Channel channel,
        Direction direction,
        Instant occurredAt,
        StaffId staffId)
        implements InteractionEvent {
    /**
     * Rejects nulls (except {@code staffId}).
     *
     * @param metadata the event's id, tenant and time
     * @param customerId the customer the interaction was with, not null
     * @param interactionId the new interaction
     * @param channel the channel it happened on
     * @param direction inbound or outbound
     * @param occurredAt when the interaction happened (the metadata says when it was logged)
     * @param staffId the member of staff who had it, or {@code null}
     */
    public InteractionLogged {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(interactionId, "interactionId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
