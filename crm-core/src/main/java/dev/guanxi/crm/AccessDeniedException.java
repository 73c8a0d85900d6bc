package dev.guanxi.crm;

/**
 * The call's principal may not do what it asked, or the CRM has an {@link dev.guanxi.crm.access.AccessPolicy}
 * and the call came without a principal. Thrown before anything is written: a denied call changes nothing (no row,
 * no audit record, no event).
 *
 * <p>A record the principal may not even see is not reported with this exception but as unknown ({@link
 * NotFoundException} and its subclasses), so that its existence does not leak.
 *
 * <p>Thread-safe: the values it carries are final and immutable.
 *
 * @since 0.1.0
 */
@Beta
public class AccessDeniedException extends CrmException {
    private static final long serialVersionUID = 1L;

    /** The user who was denied, or null for a call without a principal. */
    private final transient StaffId user;

    /** What was asked, e.g. {@code "WRITE"}. */
    private final String operation;

    /** The kind of record, e.g. {@code "Customer"}. */
    private final String entityKind;

    /** The record's id as text, or null if none applies. */
    private final String entityId;

    /** Why it was denied. */
    private final String reason;

    /**
     * Creates the exception.
     *
     * @param user the principal's user, or {@code null} if the call had no principal
     * @param operation what was asked, e.g. {@code "WRITE"}
     * @param entityKind the kind of record, e.g. {@code "Customer"}
     * @param entityId the record's id as text, or {@code null} if none applies
     * @param reason why it was denied
     */
    public AccessDeniedException(StaffId user, String operation, String entityKind, String entityId, String reason) {
        super((user == null ? "a call without a principal" : user.value()) + " may not " + operation + " " + entityKind
                + (entityId == null ? "" : " " + entityId) + ": " + reason);
        this.user = user;
        this.operation = operation;
        this.entityKind = entityKind;
        this.entityId = entityId;
        this.reason = reason;
    }

    /** @return the user who was denied, or {@code null} if the call had no principal */
    public StaffId user() {
        return user;
    }

    /** @return what was asked, e.g. {@code "WRITE"} */
    public String operation() {
        return operation;
    }

    /** @return the kind of record, e.g. {@code "Customer"} */
    public String entityKind() {
        return entityKind;
    }

    /** @return the record's id as text, or {@code null} */
    public String entityId() {
        return entityId;
    }

    /** @return why it was denied */
    public String reason() {
        return reason;
    }
}
