package dev.guanxi.crm;

/**
 * A state machine (a service case's status, an opportunity's stage, a lifecycle stage...) was asked for a
 * transition that its table of allowed transitions does not contain. Carries both ends.
 *
 * <p>Thread-safe: the values it carries are final and immutable.
 */
public class IllegalTransitionException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final transient Enum<?> from;
    private final transient Enum<?> to;

    /**
     * Creates the exception.
     *
     * @param entityType the kind of entity, e.g. {@code ServiceCase}
     * @param from the current state
     * @param to the requested state
     */
    public IllegalTransitionException(String entityType, Enum<?> from, Enum<?> to) {
        super(entityType + " cannot go from " + from + " to " + to);
        this.from = from;
        this.to = to;
    }

    /** @return the state the entity is in */
    public Enum<?> from() {
        return from;
    }

    /** @return the state that was requested */
    public Enum<?> to() {
        return to;
    }
}
