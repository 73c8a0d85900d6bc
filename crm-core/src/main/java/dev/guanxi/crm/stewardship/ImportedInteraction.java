package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.Channel;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.interaction.Direction;
import dev.guanxi.crm.interaction.Outcome;
import dev.guanxi.crm.internal.Check;
import java.time.Instant;

/**
 * An interaction to import, keyed by its external id. Importing the same external id again with the same values
 * is unchanged; with other values it is a row error: an import never rewrites an interaction.
 *
 * <p>Immutable and thread-safe.
 *
 * @param externalId the interaction's key, 1 to 128 characters
 * @param customerExternalId the external id of the customer it was with
 * @param channel the channel the interaction happened on, required
 * @param direction who started it
 * @param occurredAt when it happened, not in the future, or {@code null} for the instant its batch is written
 * @param subject a one-line subject, 1 to 500 characters
 * @param notes free-text notes (line breaks allowed), at most 20,000 characters, or {@code null}
 * @param outcome how it went, or {@code null}
 * @param staff the member of staff who had it, or {@code null}
 * @param contactPerson the name of the person spoken to, at most 200 characters, or {@code null}
 * @since 0.1.0
 */
@Beta
public record ImportedInteraction(
        String externalId,
        String customerExternalId,
        Channel channel,
        Direction direction,
        Instant occurredAt,
        String subject,
        String notes,
        Outcome outcome,
        StaffId staff,
        String contactPerson)
        implements ImportedRecord {
    /**
     * Validates the record.
     *
     * @param externalId the interaction's key, 1 to 128 characters
     * @param customerExternalId the external id of the customer it was with
     * @param channel the channel the interaction happened on, required
     * @param direction who started it
     * @param occurredAt when it happened, not in the future, or {@code null} for the instant its batch is written
     * @param subject a one-line subject, 1 to 500 characters
     * @param notes free-text notes (line breaks allowed), at most 20,000 characters, or {@code null}
     * @param outcome how it went, or {@code null}
     * @param staff the member of staff who had it, or {@code null}
     * @param contactPerson the name of the person spoken to, at most 200 characters, or {@code null}
     * @throws ValidationException naming the field and the rule
     */
    public ImportedInteraction {
        Check.text("externalId", externalId, EXTERNAL_ID_MAX);
        Check.text("customerExternalId", customerExternalId, EXTERNAL_ID_MAX);
        Check.required("channel", channel);
        Check.required("direction", direction);
        Check.text("subject", subject, Check.LINE_MAX);
        Check.optionalMultiline("notes", notes, Check.TEXT_MAX);
        Check.optionalText("contactPerson", contactPerson, Check.NAME_MAX);
    }

    @Override
    public ImportKind kind() {
        return ImportKind.INTERACTIONS;
    }
}
