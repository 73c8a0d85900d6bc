package dev.guanxi.crm.internal;

import dev.guanxi.crm.event.DomainEvent;
import dev.guanxi.crm.event.EventListener;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events to typed listeners, isolating each listener's failure.
 *
 * <p>Immutable and thread-safe; listeners run on the calling thread.
 */
public final class EventDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

    private final List<Registration<?>> registrations;

    /** @param registrations listeners with the event type each wants */
    public EventDispatcher(List<Registration<?>> registrations) {
        this.registrations = List.copyOf(registrations);
    }

    /** Delivers each event, in order, to every listener whose type it is an instance of. */
    public void deliver(List<DomainEvent> events) {
        for (DomainEvent event : events) {
            for (Registration<?> registration : registrations) {
                registration.offer(event);
            }
        }
    }

    /**
     * A listener and the event type it receives.
     *
     * <p>Immutable and thread-safe.
     *
     * @param type the event type (events of subtypes are delivered too)
     * @param listener the listener
     * @param <E> the event type
     */
    public record Registration<E extends DomainEvent>(Class<E> type, EventListener<? super E> listener) {
        void offer(DomainEvent event) {
            if (!type.isInstance(event)) {
                return;
            }
            try {
                listener.onEvent(type.cast(event));
            } catch (RuntimeException | LinkageError e) {
                LOG.error(
                        "Listener {} failed on {} {}; the change stays committed",
                        listener,
                        event.getClass().getSimpleName(),
                        event.metadata().eventId(),
                        e);
            }
        }
    }
}
