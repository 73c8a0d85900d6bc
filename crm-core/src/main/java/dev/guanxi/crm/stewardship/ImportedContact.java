package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.ContactPerson;
import dev.guanxi.crm.customer.ContactPoint;
import dev.guanxi.crm.internal.Check;

/**
 * A contact point or a contact person to add to a stored customer, keyed by its own external id. Importing the
 * same external id again with other content replaces what the earlier import added.
 *
 * <p>Immutable and thread-safe.
 *
 * @param externalId the contact's key, 1 to 128 characters
 * @param customerExternalId the external id of the customer it belongs to
 * @param contactPoint the contact point to add, or {@code null} for a contact person
 * @param contactPerson the contact person to add (organisations only), or {@code null} for a contact point
 * @since 0.1.0
 */
@Beta
public record ImportedContact(
        String externalId, String customerExternalId, ContactPoint contactPoint, ContactPerson contactPerson)
        implements ImportedRecord {
    /**
     * Validates the record.
     *
     * @param externalId the contact's key, 1 to 128 characters
     * @param customerExternalId the external id of the customer it belongs to
     * @param contactPoint the contact point to add, or {@code null} for a contact person
     * @param contactPerson the contact person to add (organisations only), or {@code null} for a contact point
     * @throws ValidationException on {@code externalId} or {@code customerExternalId} if missing, blank or too
     *     long; on {@code contactPoint} ({@link ValidationRule#REQUIRED}) if neither a contact point nor a person
     *     is given, ({@link ValidationRule#INVALID_STATE}) if both are
     */
    public ImportedContact {
        Check.text("externalId", externalId, EXTERNAL_ID_MAX);
        Check.text("customerExternalId", customerExternalId, EXTERNAL_ID_MAX);
        if ((contactPoint == null) == (contactPerson == null)) {
            throw new ValidationException(
                    "contactPoint",
                    contactPoint == null ? ValidationRule.REQUIRED : ValidationRule.INVALID_STATE,
                    "give exactly one of a contact point and a contact person");
        }
    }

    @Override
    public ImportKind kind() {
        return ImportKind.CONTACTS;
    }
}
