package dev.guanxi.crm;

/**
 * The entity does not exist in the caller's tenant. An id of another tenant's entity gets the same
 * exception, so the existence of foreign data never leaks.
 *
 * <p>Thread-safe: the values it carries are final and immutable.
 */
public class NotFoundException extends CrmException {
    private static final long serialVersionUID = 1L;

    /** The kind of entity, e.g. {@code Order}. */
    private final String entityType;

    private final transient Object id;

    /**
     * Creates the exception.
     *
     * @param entityType the kind of entity, e.g. {@code Order}
     * @param id the id that was looked up
     */
    public NotFoundException(String entityType, Object id) {
        super("No " + entityType + " " + id + " in this tenant");
        this.entityType = entityType;
        this.id = id;
    }

    /** @return the kind of entity, e.g. {@code Order} */
    public String entityType() {
        return entityType;
    }

    /** @return the id that was looked up */
    public Object id() {
        return id;
    }
}
