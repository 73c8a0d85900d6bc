package dev.guanxi.crm.spi.storage;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.audit.AuditRecord;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import java.util.List;

/**
 * The audit trail's records ({@link AuditRecord}), appended by the SDK in the unit of work whose changes they
 * describe, so that they commit or roll back with them. Scoped to the unit of work's tenant.
 *
 * <p>The trail is append-only: there is no method to change or delete a record, except {@link #scrub}, which
 * personal-data erasure uses to replace the values of one customer's records. A store keeps every record exactly
 * as appended (values, instants to the microsecond, the order of the changes), numbers the records of a tenant in
 * increasing order of appending, and pages them deterministically by that number.
 *
 * <p>Thread-safety: as every repository, it belongs to one unit of work and its thread; see {@link
 * AggregateRepository}.
 *
 * @since 0.1.0
 */
@Beta
public interface AuditRepository {
    /**
     * Appends records, in order. Each is stored with the next number of the tenant ({@link
     * AuditRecord#sequence()} of the given records is ignored); numbers taken by a unit of work that rolls back
     * may be skipped.
     *
     * @param records the records
     * @throws IllegalStateException in a read-only unit of work
     */
    void append(List<AuditRecord> records);

    /**
     * Lists the records that belong to a customer ({@link AuditRecord#customerId()}), newest first.
     *
     * @param customerId the customer
     * @param page which slice
     * @return the records by descending sequence
     */
    Page<AuditRecord> listByCustomer(CustomerId customerId, PageRequest page);

    /**
     * Lists the records of one entity, newest first.
     *
     * @param entityKind the entity's kind
     * @param entityId the entity's id as text
     * @param page which slice
     * @return the records by descending sequence
     */
    Page<AuditRecord> listByEntity(String entityKind, String entityId, PageRequest page);

    /**
     * Lists the records of one correlation id, oldest first.
     *
     * @param correlationId the correlation id
     * @param page which slice
     * @return the records by ascending sequence
     */
    Page<AuditRecord> listByCorrelation(String correlationId, PageRequest page);

    /**
     * Erases the values of one customer's records: every old and new value of every record whose {@link
     * AuditRecord#customerId()} is {@code customerId} is replaced by {@code marker} (absent values stay absent).
     * Who, when, what, which fields and the correlation id are kept, so the trail still tells that something
     * changed, not what it was. Idempotent. Not part of the public API: personal-data erasure calls it in the
     * unit of work that erases the customer's other data.
     *
     * @param customerId the customer
     * @param marker what the values become, e.g. {@code "[erased]"}; not blank
     * @return how many records were changed (records already holding only the marker do not count)
     * @throws IllegalArgumentException if {@code marker} is blank
     * @throws IllegalStateException in a read-only unit of work
     */
    long scrub(CustomerId customerId, String marker);
}
