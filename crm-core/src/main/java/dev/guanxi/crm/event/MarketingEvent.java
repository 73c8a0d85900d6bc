package dev.guanxi.crm.event;

/** Events of the marketing area: campaigns planned and changing status, responses recorded. */
public sealed interface MarketingEvent extends DomainEvent
        permits CampaignPlanned, CampaignStatusChanged, CampaignResponseRecorded {}
