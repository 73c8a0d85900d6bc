package dev.guanxi.crm.interaction;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.marketing.CampaignId;
import dev.guanxi.crm.sales.OpportunityId;
import dev.guanxi.crm.service.ServiceCaseId;
import java.time.Instant;

/**
 * What a host supplies to log an interaction with {@link Interactions#log}. Holds no id, version or
 * timestamps of its own: those are the CRM's. Build one with {@link #builder}. Immutable and thread-safe.
 *
 * <p>The components are checked here (required values, lengths, characters); the checks that need the
 * clock or the store (a future {@code occurredAt}, whether the customer and the linked case exist) are made
 * by {@link Interactions#log}.
 *
 * @param customerId the customer the interaction was with; required
 * @param channel the channel it happened on; required
 * @param direction who started it; required
 * @param occurredAt when it happened, or {@code null} for "now" (the CRM's clock)
 * @param subject a one-line subject, 1 to 500 characters, no control characters
 * @param notes free-text notes (line breaks allowed), at most 20,000 characters, or {@code null}
 * @param outcome how it went, or {@code null}
 * @param staffId the member of staff who had the interaction, or {@code null}
 * @param contactPerson the name of the person spoken to (e.g. at an organisation), at most 200 characters, or
 *     {@code null}
 * @param caseId the service case it was about, or {@code null}; must be a case of the same customer
 * @param opportunityId the sales opportunity it was about (an opportunity of the same customer), or {@code null}
 * @param campaignId the marketing campaign it was part of, or {@code null}
 */
public record NewInteraction(
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
        CampaignId campaignId) {
    /**
     * Validates the components.
     *
     * @param customerId the customer the interaction was with; required
     * @param channel the channel it happened on; required
     * @param direction who started it; required
     * @param occurredAt when it happened, or {@code null} for "now" (the CRM's clock)
     * @param subject a one-line subject, 1 to 500 characters, no control characters
     * @param notes free-text notes (line breaks allowed), at most 20,000 characters, or {@code null}
     * @param outcome how it went, or {@code null}
     * @param staffId the member of staff who had the interaction, or {@code null}
     * @param contactPerson the name of the person spoken to (e.g. at an organisation), at most 200 characters, or
     *     {@code null}
     * @param caseId the service case it was about, or {@code null}; must be a case of the same customer
     * @param opportunityId the sales opportunity it was about (an opportunity of the same customer), or {@code null}
     * @param campaignId the marketing campaign it was part of, or {@code null}
     * @throws dev.guanxi.crm.ValidationException naming the first field that breaks a rule
     */
    public NewInteraction {
        Check.required("customerId", customerId);
        Check.required("channel", channel);
        Check.required("direction", direction);
        Check.text("subject", subject, Check.LINE_MAX);
        Check.optionalMultiline("notes", notes, Check.TEXT_MAX);
        Check.optionalText("contactPerson", contactPerson, Check.NAME_MAX);
    }

    /**
     * Starts a new interaction with its required values.
     *
     * @param customerId the customer
     * @param channel the channel
     * @param direction inbound or outbound
     * @param subject the subject
     * @return a builder; nothing is validated until {@link Builder#build()}
     */
    public static Builder builder(CustomerId customerId, Channel channel, Direction direction, String subject) {
        return new Builder(customerId, channel, direction, subject);
    }

    /** Builds a {@link NewInteraction}. Not thread-safe. */
    public static final class Builder {
        private final CustomerId customerId;
        private final Channel channel;
        private final Direction direction;
        private final String subject;
        private Instant occurredAt;
        private String notes;
        private Outcome outcome;
        private StaffId staffId;
        private String contactPerson;
        private ServiceCaseId caseId;
        private OpportunityId opportunityId;
        private CampaignId campaignId;

        private Builder(CustomerId customerId, Channel channel, Direction direction, String subject) {
            this.customerId = customerId;
            this.channel = channel;
            this.direction = direction;
            this.subject = subject;
        }

        /**
         * @param occurredAt when it happened; default: the CRM's clock when it is logged
         * @return this builder
         */
        public Builder occurredAt(Instant occurredAt) {
            this.occurredAt = occurredAt;
            return this;
        }

        /**
         * @param notes free-text notes
         * @return this builder
         */
        public Builder notes(String notes) {
            this.notes = notes;
            return this;
        }

        /**
         * @param outcome how it went
         * @return this builder
         */
        public Builder outcome(Outcome outcome) {
            this.outcome = outcome;
            return this;
        }

        /**
         * @param staffId the member of staff who had the interaction
         * @return this builder
         */
        public Builder staff(StaffId staffId) {
            this.staffId = staffId;
            return this;
        }

        /**
         * @param contactPerson the name of the person spoken to
         * @return this builder
         */
        public Builder contactPerson(String contactPerson) {
            this.contactPerson = contactPerson;
            return this;
        }

        /**
         * @param caseId the service case the interaction was about
         * @return this builder
         */
        public Builder serviceCase(ServiceCaseId caseId) {
            this.caseId = caseId;
            return this;
        }

        /**
         * @param opportunityId the sales opportunity the interaction was about
         * @return this builder
         */
        public Builder opportunity(OpportunityId opportunityId) {
            this.opportunityId = opportunityId;
            return this;
        }

        /**
         * @param campaignId the campaign the interaction was part of
         * @return this builder
         */
        public Builder campaign(CampaignId campaignId) {
            this.campaignId = campaignId;
            return this;
        }

        /**
         * @return the command
         * @throws dev.guanxi.crm.ValidationException if a value breaks a rule
         */
        public NewInteraction build() {
            return new NewInteraction(
                    customerId,
                    channel,
                    direction,
                    occurredAt,
                    subject,
                    notes,
                    outcome,
                    staffId,
                    contactPerson,
                    caseId,
                    opportunityId,
                    campaignId);
        }
    }
}
