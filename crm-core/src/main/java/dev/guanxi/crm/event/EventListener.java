package dev.guanxi.crm.event;

/**
 * Receives events of one type after the transaction that caused them committed. Register with {@code
 * Crm.builder().listener(CustomerRegistered.class, e -> ...)}. Delivery is at least once: use {@link
 * EventMetadata#eventId()} to ignore a redelivery. Listeners are called on the thread that made the change.
 *
 * <p>Implementations must be thread-safe if the CRM is used from several threads: each write delivers its
 * events on its own thread, so one listener may be called by several threads at once. A listener should be
 * quick, since the writing call returns only after every listener has run; slow work belongs on the host's
 * own executor.
 *
 * @param <E> the event type
 */
@FunctionalInterface
public interface EventListener<E extends DomainEvent> {
    /**
     * Handles an event. An exception is logged and does not affect the commit or other listeners.
     *
     * @param event the event
     */
    void onEvent(E event);
}
