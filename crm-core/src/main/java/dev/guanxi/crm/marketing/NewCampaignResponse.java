package dev.guanxi.crm.marketing;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.sales.OpportunityId;
import dev.guanxi.crm.sales.OrderId;
import java.time.Instant;

/**
 * What a host supplies to record a customer's response to a campaign. Immutable and thread-safe.
 *
 * @param campaignId the campaign responded to
 * @param customerId the customer who responded
 * @param stage the AIDA stage reached
 * @param respondedAt when; {@code null} means now (the CRM's clock)
 * @param channel the channel the response came in on; {@code null} means the campaign's channel
 * @param note free text, or {@code null}
 * @param orderId the order the response led to (stored without checking), or {@code null}
 * @param opportunityId the opportunity the response led to (stored without checking), or {@code null}
 */
public record NewCampaignResponse(
        CampaignId campaignId,
        CustomerId customerId,
        AidaStage stage,
        Instant respondedAt,
        Channel channel,
        String note,
        OrderId orderId,
        OpportunityId opportunityId) {
    /**
     * Validates the components.
     *
     * @param campaignId the campaign responded to
     * @param customerId the customer who responded
     * @param stage the AIDA stage reached
     * @param respondedAt when; {@code null} means now (the CRM's clock)
     * @param channel the channel the response came in on; {@code null} means the campaign's channel
     * @param note free text, or {@code null}
     * @param orderId the order the response led to (stored without checking), or {@code null}
     * @param opportunityId the opportunity the response led to (stored without checking), or {@code null}
     * @throws ValidationException naming the first field that breaks a rule
     */
    public NewCampaignResponse {
        Check.required("campaignId", campaignId);
        Check.required("customerId", customerId);
        Check.required("stage", stage);
        Check.optionalMultiline("note", note, Check.TEXT_MAX);
    }

    /**
     * Starts a response.
     *
     * @param campaignId the campaign
     * @param customerId the customer
     * @param stage the stage reached
     * @return a builder
     */
    public static Builder builder(CampaignId campaignId, CustomerId customerId, AidaStage stage) {
        return new Builder(campaignId, customerId, stage);
    }

    /** Builds a {@link NewCampaignResponse}; validation happens in {@link #build()}. Not thread-safe. */
    public static final class Builder {
        private final CampaignId campaignId;
        private final CustomerId customerId;
        private final AidaStage stage;
        private Instant respondedAt;
        private Channel channel;
        private String note;
        private OrderId orderId;
        private OpportunityId opportunityId;

        private Builder(CampaignId campaignId, CustomerId customerId, AidaStage stage) {
            this.campaignId = campaignId;
            this.customerId = customerId;
            this.stage = stage;
        }

        /**
         * @param respondedAt when the customer responded; not in the future
         * @return this builder
         */
        public Builder respondedAt(Instant respondedAt) {
            this.respondedAt = respondedAt;
            return this;
        }

        /**
         * @param channel the channel the response came in on
         * @return this builder
         */
        public Builder channel(Channel channel) {
            this.channel = channel;
            return this;
        }

        /**
         * @param note free text
         * @return this builder
         */
        public Builder note(String note) {
            this.note = note;
            return this;
        }

        /**
         * @param orderId the order the response led to
         * @return this builder
         */
        public Builder order(OrderId orderId) {
            this.orderId = orderId;
            return this;
        }

        /**
         * @param opportunityId the opportunity the response led to
         * @return this builder
         */
        public Builder opportunity(OpportunityId opportunityId) {
            this.opportunityId = opportunityId;
            return this;
        }

        /**
         * @return the response
         * @throws ValidationException if a value breaks a rule
         */
        public NewCampaignResponse build() {
            return new NewCampaignResponse(
                    campaignId, customerId, stage, respondedAt, channel, note, orderId, opportunityId);
        }
    }
}
