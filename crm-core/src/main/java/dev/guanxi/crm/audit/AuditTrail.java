package dev.guanxi.crm.audit;

import dev.guanxi.crm.Aggregate;
import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;

/**
 * The audit trail of one tenant: who changed what, when, and the values before and after. Obtained from {@code
 * crm.tenant(id).audit()}.
 *
 * <h2>What is recorded</h2>
 *
 * Every write of the SDK runs in one unit of work, and every change it makes to an entity is recorded there, in
 * the same transaction, as one {@link AuditRecord}: so a change that is rolled back leaves no record, and no
 * service can forget to audit. Recorded are: every aggregate (customers, interactions, tasks, orders, invoices,
 * payments, opportunities, contracts, service cases, survey responses, campaigns, campaign responses,
 * competitors, competitor dealings, points accounts) when it is created, updated or deleted, one at a time or in
 * bulk; customer shares, reference codes, campaign targets and churn reasons when they are set or removed; points
 * ledger entries; and lifecycle moves made by hand.
 *
 * <p>Not recorded, because they add nothing a record does not already hold: the results of scoring runs (score
 * snapshots and runs, and the lifecycle moves a run derives; they are recomputed from recorded data, and each run
 * is kept with its instant and inputs); the lines of the ownership ledger (each is written together with a
 * customer whose {@code owner} change is recorded); and the event outbox.
 *
 * <p>A create records every field that has a value, an update the fields that differ (always including {@code
 * version} and {@code updatedAt}), a delete every field the entity had. Replaying an entity's records oldest
 * first, setting each field to its new value, rebuilds the entity's fields exactly as stored. Values are
 * rendered as described in {@link FieldChange}.
 *
 * <p>Who: the user of the call's {@link dev.guanxi.crm.access.Principal} ({@code crm.tenant(id).as(principal)}),
 * or no user (shown as {@value AuditRecord#SYSTEM}) for a call without one. Correlation id: the one the host
 * set ({@link dev.guanxi.crm.TenantCrm#correlated}), otherwise a new one per write.
 *
 * <p>There is no API to change or delete audit records. The one exception is personal-data erasure, which
 * replaces the values of one customer's records through the storage SPI ({@link
 * dev.guanxi.crm.spi.storage.AuditRepository#scrub}).
 *
 * <p>With an {@link dev.guanxi.crm.access.AccessPolicy}, a principal reads the records of the customers it may
 * read, and the records of tenant-wide entities if it may read those.
 *
 * <p>Cost: a create records its set fields and an update the fields it changes, found by comparing the entity's
 * top-level fields before and after and flattening only those that differ (O(fields) per entity); records are
 * appended in batches of 1,000 in the write's unit of work. Measured on the bulk path (docs/BENCHMARKS.md, "Audit
 * trail"): about a third to a half more time per created or updated aggregate on H2 and PostgreSQL. The in-memory
 * store and the JDBC stores index the records by customer, by entity and by correlation id.
 *
 * <p>Implementations are thread-safe.
 *
 * @since 0.1.0
 */
@Beta
public interface AuditTrail {
    /**
     * Returns an entity's fields as the audit trail names and renders them (see {@link FieldChange}): what a
     * create records, and what replaying an entity's records rebuilds. Absent values have no entry.
     *
     * <p>Cost: O(the entity's values); how a record type is taken apart is worked out once per class.
     *
     * @param entity a record, e.g. a {@code Customer}
     * @return the fields, in the order of the record's components; a new, modifiable map
     * @throws IllegalArgumentException if {@code entity} is not a record
     * @throws NullPointerException if {@code entity} is null
     */
    static java.util.Map<String, String> fieldsOf(Object entity) {
        java.util.Objects.requireNonNull(entity, "entity");
        return dev.guanxi.crm.internal.audit.FlatState.of(entity);
    }

    /**
     * Returns a customer's timeline: the records of the customer itself and of everything that belongs to it
     * (interactions, orders, cases, shares...), newest first.
     *
     * @param customerId the customer (also one deleted since: the trail outlives it)
     * @param page which slice
     * @return the records, by descending {@link AuditRecord#sequence()}
     * @throws ValidationException if an argument is missing
     */
    Page<AuditRecord> timeline(CustomerId customerId, PageRequest page);

    /**
     * Returns the history of one entity, newest first.
     *
     * @param entityKind the entity's kind, e.g. {@code "Customer"} or {@code "CustomerShare"}
     * @param entityId the canonical text of its id (see {@link AuditRecord})
     * @param page which slice
     * @return the records, by descending {@link AuditRecord#sequence()}
     * @throws ValidationException if an argument is missing or blank
     */
    Page<AuditRecord> history(String entityKind, String entityId, PageRequest page);

    /**
     * Returns the history of one aggregate, newest first: {@code history(Order.class, orderId, page)}.
     *
     * @param type the aggregate's type
     * @param id its id
     * @param page which slice
     * @param <I> the id type
     * @return the records, by descending {@link AuditRecord#sequence()}
     * @throws ValidationException if an argument is missing
     */
    <I> Page<AuditRecord> history(Class<? extends Aggregate<I>> type, I id, PageRequest page);

    /**
     * Returns everything one call changed, in the order it was written (oldest first).
     *
     * @param correlationId the call's correlation id
     * @param page which slice
     * @return the records, by ascending {@link AuditRecord#sequence()}
     * @throws ValidationException if an argument is missing or blank
     */
    Page<AuditRecord> correlated(String correlationId, PageRequest page);
}
