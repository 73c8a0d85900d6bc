package dev.guanxi.crm.internal;

import dev.guanxi.crm.access.Principal;
import dev.guanxi.crm.audit.AuditRecord;
import java.util.UUID;

/**
 * Who makes a call, and under which correlation id: the call context a {@code TenantCrm} is bound to.
 *
 * <p>Immutable and thread-safe.
 *
 * @param principal who calls, or {@code null} if the host gave no principal
 * @param correlationId the host's correlation id for every write of the call, or {@code null} for a new one per
 *     write
 */
public record Caller(Principal principal, String correlationId) {
    /** No principal, a new correlation id per write. */
    public static final Caller NONE = new Caller(null, null);

    /**
     * Validates the correlation id.
     *
     * @throws dev.guanxi.crm.ValidationException on {@code correlationId} if it is blank, longer than {@value
     *     AuditRecord#CORRELATION_ID_MAX} characters or not one line
     */
    public Caller {
        if (correlationId != null) {
            Check.text("correlationId", correlationId, AuditRecord.CORRELATION_ID_MAX);
        }
    }

    /**
     * @param who the principal
     * @return this context with that principal
     */
    public Caller as(Principal who) {
        return new Caller(who, correlationId);
    }

    /**
     * @param id the correlation id
     * @return this context with that correlation id
     */
    public Caller correlated(String id) {
        return new Caller(principal, id);
    }

    /** @return the correlation id of one write: the host's, else a new random one */
    String correlationIdOfWrite() {
        return correlationId != null ? correlationId : UUID.randomUUID().toString();
    }
}
