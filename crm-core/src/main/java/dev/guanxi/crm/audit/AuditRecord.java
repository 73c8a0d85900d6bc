package dev.guanxi.crm.audit;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.customer.CustomerId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One change of one entity, written in the same transaction as the change itself: who made it, when, to what,
 * under which correlation id, and the value of each changed field before and after. A call that changes several
 * entities writes one record per entity (a handover of 40 customers writes 40 customer records and the records
 * of the cases it reassigns), all with the call's instant and correlation id.
 *
 * <p>Entities are named by kind and id: the kind is the simple name of the entity's type ({@code Customer},
 * {@code Order}, {@code CustomerShare}...) and the id the canonical text of its id (a UUID's text for the SDK's
 * aggregates; for entities keyed by several values, the values joined by {@code /}, e.g. a share's {@code
 * <customer id>/<staff id>}). Records of an entity that belongs to a customer (the customer itself, and its
 * interactions, orders, cases, shares...) carry the customer's id, so that the customer's {@linkplain
 * AuditTrail#timeline timeline} finds them.
 *
 * <p>Immutable and thread-safe.
 *
 * @param sequence the store's number of the record, increasing in the order records were written within a
 *     tenant; {@code 0} in a record not yet stored (the store numbers the records it appends)
 * @param at the instant of the write that made the change (every record of one write has the same), UTC
 * @param user who made the change: the user of the call's {@link dev.guanxi.crm.access.Principal}, or {@code
 *     null} for a call made without a principal (the host's own process, the {@linkplain #SYSTEM system actor})
 * @param correlationId the call's correlation id: the one the host gave ({@link dev.guanxi.crm.TenantCrm#correlated}),
 *     else one generated for the write
 * @param entityKind the entity's kind, e.g. {@code Customer}
 * @param entityId the canonical text of the entity's id
 * @param customerId the customer the entity belongs to, or {@code null} for tenant-wide entities (campaigns,
 *     competitors, code tables)
 * @param action what the change did
 * @param changes the fields that changed, in the order of the entity's fields
 * @since 0.1.0
 */
@Beta
public record AuditRecord(
        long sequence,
        Instant at,
        StaffId user,
        String correlationId,
        String entityKind,
        String entityId,
        CustomerId customerId,
        AuditAction action,
        List<FieldChange> changes) {
    /** How {@link #actor()} names a change made without a principal. */
    public static final String SYSTEM = "system";

    /** The longest correlation id, in characters. */
    public static final int CORRELATION_ID_MAX = 128;

    /** The longest entity kind, in characters. */
    public static final int ENTITY_KIND_MAX = 64;

    /** The longest entity id, in characters. */
    public static final int ENTITY_ID_MAX = 300;

    /**
     * Validates the components and copies the changes.
     *
     * @param sequence the store's number of the record, increasing in the order records were written within a tenant;
     *     {@code 0} in a record not yet stored (the store numbers the records it appends)
     * @param at the instant of the write that made the change (every record of one write has the same), UTC
     * @param user who made the change: the user of the call's {@link dev.guanxi.crm.access.Principal}, or {@code null}
     *     for a call made without a principal (the host's own process, the {@linkplain #SYSTEM system actor})
     * @param correlationId the call's correlation id: the one the host gave ({@link
     *     dev.guanxi.crm.TenantCrm#correlated}), else one generated for the write
     * @param entityKind the entity's kind, e.g. {@code Customer}
     * @param entityId the canonical text of the entity's id
     * @param customerId the customer the entity belongs to, or {@code null} for tenant-wide entities (campaigns,
     *     competitors, code tables)
     * @param action what the change did
     * @param changes the fields that changed, in the order of the entity's fields
     * @throws NullPointerException if {@code at}, {@code correlationId}, {@code entityKind}, {@code entityId},
     *     {@code action} or {@code changes} is null, or a change is null
     * @throws IllegalArgumentException if {@code sequence} is negative, or a text is empty or too long
     */
    public AuditRecord {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative, got " + sequence);
        }
        Objects.requireNonNull(at, "at");
        bounded("correlationId", correlationId, CORRELATION_ID_MAX);
        bounded("entityKind", entityKind, ENTITY_KIND_MAX);
        bounded("entityId", entityId, ENTITY_ID_MAX);
        Objects.requireNonNull(action, "action");
        changes = List.copyOf(changes);
    }

    private static void bounded(String name, String value, int max) {
        Objects.requireNonNull(value, name);
        if (value.isEmpty() || value.codePointCount(0, value.length()) > max) {
            throw new IllegalArgumentException(name + " must be 1 to " + max + " characters: " + value);
        }
    }

    /**
     * Returns this record with the store's number.
     *
     * @param storeSequence the number the store gave it, at least 1
     * @return a copy numbered {@code storeSequence}
     */
    public AuditRecord numbered(long storeSequence) {
        if (storeSequence < 1) {
            throw new IllegalArgumentException("a stored record's sequence is at least 1, got " + storeSequence);
        }
        return new AuditRecord(
                storeSequence, at, user, correlationId, entityKind, entityId, customerId, action, changes);
    }

    /** @return who made the change: the user's id, or {@value #SYSTEM} for a change made without a principal */
    public String actor() {
        return user == null ? SYSTEM : user.value();
    }

    /**
     * Says what happened in one line, rendered on each call (keep it out of loops over many records), e.g.
     * {@code "alice updated Customer 3f1c…: region, tags[vip]"}. Values are not repeated here: they may be
     * personal data, which a log line should not copy.
     *
     * @return the line
     */
    public String reason() {
        StringBuilder line = new StringBuilder(64)
                .append(actor())
                .append(' ')
                .append(action.verb())
                .append(' ')
                .append(entityKind)
                .append(' ')
                .append(entityId);
        if (action == AuditAction.UPDATE) {
            int shown = 0;
            for (FieldChange change : changes) {
                if (change.field().equals("version") || change.field().equals("updatedAt")) {
                    continue; // every update changes them
                }
                line.append(shown == 0 ? ": " : ", ");
                if (shown == 5) {
                    line.append('…');
                    break;
                }
                line.append(change.field());
                shown++;
            }
        }
        return line.toString();
    }
}
