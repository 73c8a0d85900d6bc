package dev.guanxi.crm.event;

/**
 * Events of the marketing area: campaigns planned and changing status, responses recorded.
 *
 * <p>Implemented only by the records it permits, each immutable and thread-safe.
 */
public sealed interface MarketingEvent extends DomainEvent
        permits CampaignPlanned, CampaignStatusChanged, CampaignResponseRecorded {}
