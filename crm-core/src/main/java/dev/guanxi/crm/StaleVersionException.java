package dev.guanxi.crm;

/**
 * An update or delete was based on a version that is no longer current: someone else changed the entity in
 * between. Nothing was written. Re-read the entity, re-apply the change and try again; the SDK never falls
 * back to last-write-wins.
 *
 * <p>Thread-safe: the values it carries are final and immutable.
 */
public class StaleVersionException extends CrmException {
    private static final long serialVersionUID = 1L;

    /** The kind of entity, e.g. {@code Customer}. */
    private final String entityType;

    private final transient Object id;

    /** The version the caller based the change on. */
    private final long expectedVersion;

    /**
     * Creates the exception.
     *
     * @param entityType the kind of entity, e.g. {@code Customer}
     * @param id its id
     * @param expectedVersion the version the caller based the change on
     */
    public StaleVersionException(String entityType, Object id, long expectedVersion) {
        super(entityType + " " + id + " is no longer at version " + expectedVersion + "; re-read it and retry");
        this.entityType = entityType;
        this.id = id;
        this.expectedVersion = expectedVersion;
    }

    /** @return the kind of entity, e.g. {@code Customer} */
    public String entityType() {
        return entityType;
    }

    /** @return the id of the entity */
    public Object id() {
        return id;
    }

    /** @return the version the caller based the change on */
    public long expectedVersion() {
        return expectedVersion;
    }
}
