package dev.guanxi.crm.event;

/**
 * Receives events of one type after the transaction that caused them committed. Register with {@code
 * Crm.builder().listener(CustomerRegistered.class, e -> ...)}. Delivery is at least once: use {@link
 * EventMetadata#eventId()} to ignore a redelivery. Listeners are called on the thread that made the change.
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
