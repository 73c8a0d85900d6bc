package dev.guanxi.crm.event;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.marketing.CampaignId;
import dev.guanxi.crm.money.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A campaign was planned.
 *
 * <p>Immutable and thread-safe.
 *
 * @param metadata event id, tenant and time
 * @param campaignId the new campaign
 * @param code its code, unique per tenant
 * @param name the campaign's name as planned, not null
 * @param channel the channel it runs on
 * @param startDate its first day
 * @param endDate its last day
 * @param budget the campaign's budget as planned, not null
 */
public record CampaignPlanned(
        EventMetadata metadata,
        CampaignId campaignId,
        String code,
        String name,
        Channel channel,
        LocalDate startDate,
        LocalDate endDate,
        Money budget)
        implements MarketingEvent {
    /**
     * Rejects nulls.
     *
     * @param metadata event id, tenant and time
     * @param campaignId the new campaign
     * @param code its code, unique per tenant
     * @param name the campaign's name as planned, not null
     * @param channel the channel it runs on
     * @param startDate its first day
     * @param endDate its last day
     * @param budget the campaign's budget as planned, not null
     */
    public CampaignPlanned {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(endDate, "endDate");
        Objects.requireNonNull(budget, "budget");
    }
}
