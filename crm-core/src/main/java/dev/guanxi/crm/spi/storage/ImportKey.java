package dev.guanxi.crm.spi.storage;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.stewardship.ImportKind;
import dev.guanxi.crm.stewardship.ImportedRecord;
import java.util.Objects;
import java.util.UUID;

/**
 * What an import stored for an external id of a kind whose records have no unique external-id column of their
 * own (contacts, payments, interactions): the record it became and the fingerprint of the row's content, so that
 * a re-import can tell "unchanged" from "changed".
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind the kind of import the external id belongs to ({@code CONTACTS}, {@code PAYMENTS} or {@code
 *     INTERACTIONS}), not null
 * @param externalId the row's external id, 1 to 128 characters
 * @param recordId the id of the stored record (for a contact: the customer it was added to)
 * @param fingerprint the SHA-256 of the row's content in lower-case hex (64 characters)
 * @since 0.1.0
 */
@Beta
public record ImportKey(ImportKind kind, String externalId, UUID recordId, String fingerprint) {
    /**
     * Validates the components.
     *
     * @param kind the kind of import the external id belongs to ({@code CONTACTS}, {@code PAYMENTS} or {@code
     *     INTERACTIONS}), not null
     * @param externalId the row's external id, 1 to 128 characters
     * @param recordId the id of the stored record (for a contact: the customer it was added to)
     * @param fingerprint the SHA-256 of the row's content in lower-case hex (64 characters)
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the external id is empty or too long, or the fingerprint is not 64 hex
     *     digits
     */
    public ImportKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(fingerprint, "fingerprint");
        if (externalId.isEmpty()
                || externalId.codePointCount(0, externalId.length()) > ImportedRecord.EXTERNAL_ID_MAX) {
            throw new IllegalArgumentException("externalId is empty or too long");
        }
        if (!fingerprint.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("fingerprint is not 64 lower-case hex digits: " + fingerprint);
        }
    }
}
