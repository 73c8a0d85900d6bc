package dev.guanxi.crm.internal.audit;

import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.audit.AuditAction;
import dev.guanxi.crm.audit.AuditRecord;
import dev.guanxi.crm.audit.FieldChange;
import dev.guanxi.crm.spi.storage.AuditRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the audit records of one write and appends them to the store in batches, in the write's own unit of
 * work. Confined to the thread running the unit of work; not thread-safe.
 */
public final class AuditRecorder {
    /** How many records are appended at once; bounds the memory a bulk write holds for its trail. */
    static final int BATCH = 1_000;

    private final AuditRepository target;
    private final Instant at;
    private final StaffId user;
    private final String correlationId;
    private final List<AuditRecord> pending = new ArrayList<>();
    private long written;

    /**
     * @param target where the records go (the raw unit of work's repository)
     * @param at the write's instant
     * @param user who writes, or {@code null} for the system
     * @param correlationId the write's correlation id
     */
    public AuditRecorder(AuditRepository target, Instant at, StaffId user, String correlationId) {
        this.target = target;
        this.at = at;
        this.user = user;
        this.correlationId = correlationId;
    }

    /**
     * Records a change of one entity; nothing if no field differs.
     *
     * @param subject what changed
     * @param before the entity before, or {@code null} if it is new
     * @param after the entity after, or {@code null} if it was removed
     */
    public void record(Subject subject, Object before, Object after) {
        List<FieldChange> changes;
        if (before == null) {
            changes = FlatState.created(after);
        } else if (after == null) {
            changes = FlatState.deleted(before);
        } else {
            changes = FlatState.diff(before, after);
            if (changes.isEmpty()) {
                return;
            }
        }
        AuditAction action =
                before == null ? AuditAction.CREATE : after == null ? AuditAction.DELETE : AuditAction.UPDATE;
        pending.add(new AuditRecord(
                0, at, user, correlationId, subject.kind(), subject.id(), subject.customerId(), action, changes));
        if (pending.size() >= BATCH) {
            flush();
        }
    }

    /**
     * Records a change the SDK describes itself (e.g. a data steward's override of the suppression list), not
     * a diff of an entity.
     *
     * @param subject what the record names
     * @param action what the change did
     * @param changes the fields to record, at least one
     */
    public void note(Subject subject, AuditAction action, List<FieldChange> changes) {
        pending.add(new AuditRecord(
                0, at, user, correlationId, subject.kind(), subject.id(), subject.customerId(), action, changes));
        if (pending.size() >= BATCH) {
            flush();
        }
    }

    /** Appends the records not yet appended. */
    public void flush() {
        if (!pending.isEmpty()) {
            target.append(List.copyOf(pending));
            written += pending.size();
            pending.clear();
        }
    }

    /** @return how many records were appended so far */
    public long written() {
        return written;
    }
}
