package dev.guanxi.crm.event;

import dev.guanxi.crm.marketing.CampaignId;
import dev.guanxi.crm.marketing.CampaignStatus;
import java.util.Objects;

/**
 * A campaign was launched, completed or cancelled.
 *
 * <p>Immutable and thread-safe.
 *
 * @param metadata event id, tenant and time
 * @param campaignId the campaign whose status changed, not null
 * @param from the status before
 * @param to the status after
 * @param version the campaign's version after the change
 */
public record CampaignStatusChanged(
        EventMetadata metadata, CampaignId campaignId, CampaignStatus from, CampaignStatus to, long version)
        implements MarketingEvent {
    /**
     * Rejects nulls.
     *
     * @param metadata event id, tenant and time
     * @param campaignId the campaign whose status changed, not null
     * @param from the status before
     * @param to the status after
     * @param version the campaign's version after the change
     */
    public CampaignStatusChanged {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}
