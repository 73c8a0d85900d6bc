package dev.guanxi.crm.interaction;

import dev.guanxi.crm.Aggregate;
import dev.guanxi.crm.Channel;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.marketing.CampaignId;
import dev.guanxi.crm.sales.OpportunityId;
import dev.guanxi.crm.service.ServiceCaseId;
import java.time.Instant;
import java.util.Objects;

/**
 * A touchpoint (交往信息) with a customer on any channel: a visit, a call, an e-mail, a message. Interactions
 * are the customer's contact history that every department sees. Once logged, only the notes and the outcome
 * may be corrected ({@link Interactions#update}); the facts (who, when, on which channel) stay as logged.
 * Immutable and thread-safe.
 *
 * @param id the interaction's id, assigned by the CRM when it is logged, not null
 * @param customerId the customer the interaction was with, required
 * @param channel the channel it happened on
 * @param direction who started it
 * @param occurredAt when it happened
 * @param subject a one-line subject, 1 to 500 characters
 * @param notes free-text notes, at most 20,000 characters, or {@code null}
 * @param outcome how it went, or {@code null}
 * @param staffId the member of staff who had it, or {@code null}
 * @param contactPerson the name of the person spoken to, or {@code null}
 * @param caseId the service case it was about (a case of the same customer), or {@code null}
 * @param opportunityId the sales opportunity it was about, or {@code null}
 * @param campaignId the campaign it was part of, or {@code null}
 * @param version 1 when logged, +1 per correction
 * @param createdAt when it was logged
 * @param updatedAt when it was last corrected (equal to {@code createdAt} until then)
 */
public record Interaction(
        InteractionId id,
        CustomerId customerId,
        Channel channel,
        Direction direction,
        Instant occurredAt,
        String subject,
        String notes,
        Outcome outcome,
        StaffId staffId,
        String contactPerson,
        ServiceCaseId caseId,
        OpportunityId opportunityId,
        CampaignId campaignId,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Aggregate<InteractionId> {
    /**
     * Validates the components.
     *
     * @param id the interaction's id, assigned by the CRM when it is logged, not null
     * @param customerId the customer the interaction was with, required
     * @param channel the channel it happened on
     * @param direction who started it
     * @param occurredAt when it happened
     * @param subject a one-line subject, 1 to 500 characters
     * @param notes free-text notes, at most 20,000 characters, or {@code null}
     * @param outcome how it went, or {@code null}
     * @param staffId the member of staff who had it, or {@code null}
     * @param contactPerson the name of the person spoken to, or {@code null}
     * @param caseId the service case it was about (a case of the same customer), or {@code null}
     * @param opportunityId the sales opportunity it was about, or {@code null}
     * @param campaignId the campaign it was part of, or {@code null}
     * @param version 1 when logged, +1 per correction
     * @param createdAt when it was logged
     * @param updatedAt when it was last corrected (equal to {@code createdAt} until then)
     * @throws dev.guanxi.crm.ValidationException naming the first field that breaks a rule
     */
    public Interaction {
        Objects.requireNonNull(id, "id");
        Check.required("customerId", customerId);
        Check.required("channel", channel);
        Check.required("direction", direction);
        Check.required("occurredAt", occurredAt);
        Check.text("subject", subject, Check.LINE_MAX);
        Check.optionalMultiline("notes", notes, Check.TEXT_MAX);
        Check.optionalText("contactPerson", contactPerson, Check.NAME_MAX);
        if (version < 1) {
            throw Check.fail("version", ValidationRule.OUT_OF_RANGE, "version must be 1 or more");
        }
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /**
     * Creates a new interaction at version 1 from a host's command. Does not check the clock or the store:
     * {@link Interactions#log} does.
     *
     * @param id the new id
     * @param draft what to log
     * @param now the instant of logging (created and updated); also {@code occurredAt} when the draft has none
     * @return the interaction
     */
    public static Interaction of(InteractionId id, NewInteraction draft, Instant now) {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(now, "now");
        return new Interaction(
                id,
                draft.customerId(),
                draft.channel(),
                draft.direction(),
                draft.occurredAt() == null ? now : draft.occurredAt(),
                draft.subject(),
                draft.notes(),
                draft.outcome(),
                draft.staffId(),
                draft.contactPerson(),
                draft.caseId(),
                draft.opportunityId(),
                draft.campaignId(),
                1,
                now,
                now);
    }

    /**
     * Returns this interaction with corrected notes and outcome, one version later.
     *
     * @param newNotes the notes (replacing the old ones; {@code null} removes them)
     * @param newOutcome the outcome (replacing the old one; {@code null} removes it)
     * @param at the instant of the correction
     * @return the corrected interaction
     * @throws dev.guanxi.crm.ValidationException if the notes break a rule
     */
    public Interaction corrected(String newNotes, Outcome newOutcome, Instant at) {
        return new Interaction(
                id,
                customerId,
                channel,
                direction,
                occurredAt,
                subject,
                newNotes,
                newOutcome,
                staffId,
                contactPerson,
                caseId,
                opportunityId,
                campaignId,
                version + 1,
                createdAt,
                Objects.requireNonNull(at, "at"));
    }
}
