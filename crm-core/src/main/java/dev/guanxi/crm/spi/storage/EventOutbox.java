package dev.guanxi.crm.spi.storage;

import dev.guanxi.crm.event.DomainEvent;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The transactional outbox: domain events are appended in the same unit of work as the change that caused
 * them, delivered to listeners after commit, then marked delivered. Events still pending after a crash are
 * delivered again (at least once), in the order they were appended.
 *
 * <p>Belongs to one {@link UnitOfWork} and is called only on the thread running its work; implementations
 * need not be thread-safe.
 */
public interface EventOutbox {
    /**
     * Appends events, in order.
     *
     * @param events the events of this unit of work
     */
    void append(List<DomainEvent> events);

    /**
     * Returns events not yet marked delivered, oldest first.
     *
     * @param limit the most events to return, at least 1
     * @return the pending events
     */
    List<DomainEvent> pending(int limit);

    /**
     * Marks events delivered; unknown ids are ignored.
     *
     * @param eventIds the {@link dev.guanxi.crm.event.EventMetadata#eventId() ids} of delivered events
     */
    void markDelivered(Collection<UUID> eventIds);
}
