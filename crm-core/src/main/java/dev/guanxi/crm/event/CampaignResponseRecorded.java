package dev.guanxi.crm.event;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.marketing.AidaStage;
import dev.guanxi.crm.marketing.CampaignId;
import dev.guanxi.crm.marketing.CampaignResponseId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer responded to a campaign for the first time, or reached a later AIDA stage.
 *
 * <p>Immutable and thread-safe.
 *
 * @param metadata event id, tenant and time
 * @param customerId the customer who responded
 * @param campaignId the campaign responded to, not null
 * @param responseId the customer's response to the campaign (one per campaign and customer), not null
 * @param stage the stage reached now
 * @param previousStage the stage reached before, or {@code null} for a first response
 * @param channel the channel the response came in on
 * @param respondedAt when the customer reached {@code stage}
 */
public record CampaignResponseRecorded(
        EventMetadata metadata,
        CustomerId customerId,
        CampaignId campaignId,
        CampaignResponseId responseId,
        AidaStage stage,
        AidaStage previousStage,
        Channel channel,
        Instant respondedAt)
        implements MarketingEvent {
    /**
     * Rejects nulls (except {@code previousStage}).
     *
     * @param metadata event id, tenant and time
     * @param customerId the customer who responded
     * @param campaignId the campaign responded to, not null
     * @param responseId the customer's response to the campaign (one per campaign and customer), not null
     * @param stage the stage reached now
     * @param previousStage the stage reached before, or {@code null} for a first response
     * @param channel the channel the response came in on
     * @param respondedAt when the customer reached {@code stage}
     */
    public CampaignResponseRecorded {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(responseId, "responseId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(respondedAt, "respondedAt");
    }

    /** @return {@code true} if this is the customer's first response to the campaign */
    public boolean isFirstResponse() {
        return previousStage == null;
    }

    /** @return the stage reached before, or empty for a first response */
    public Optional<AidaStage> previous() {
        return Optional.ofNullable(previousStage);
    }
}
