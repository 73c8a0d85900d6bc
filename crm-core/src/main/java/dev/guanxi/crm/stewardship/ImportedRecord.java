package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;

/**
 * One row of an import from a Java iterable ({@link Imports#importRecords}): the same content as a row of the
 * kind's CSV layout, typed. Each kind has its record; every record carries its external id, the key that makes
 * the import idempotent, and refers to customers by their external id. None has a tenant, an id, a version, a
 * creation time or derived values: those are the CRM's.
 *
 * <p>Implementations are immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Beta
public sealed interface ImportedRecord
        permits ImportedCustomer, ImportedContact, ImportedPurchase, ImportedPayment, ImportedInteraction {
    /** The longest external id, in code points (also the limit of a customer's external id). */
    int EXTERNAL_ID_MAX = dev.guanxi.crm.customer.Customer.EXTERNAL_ID_MAX;

    /** @return what this record is */
    ImportKind kind();

    /** @return the record's external id (for a purchase, its order number) */
    String externalId();
}
