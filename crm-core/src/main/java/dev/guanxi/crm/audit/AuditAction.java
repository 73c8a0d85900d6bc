package dev.guanxi.crm.audit;

import dev.guanxi.crm.Beta;

/**
 * What a change did to the entity it names. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Beta
public enum AuditAction {
    /** The entity was stored for the first time; every field is new (its old values are absent). */
    CREATE,
    /** The entity was replaced; the changes name the fields whose value differs. */
    UPDATE,
    /** The entity was removed; the changes hold its last values (their new values are absent). */
    DELETE;

    /** @return the verb of a sentence, e.g. {@code "updated"} */
    public String verb() {
        return switch (this) {
            case CREATE -> "created";
            case UPDATE -> "updated";
            case DELETE -> "deleted";
        };
    }
}
