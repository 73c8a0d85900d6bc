/**
 * Marketing (营销): {@link dev.guanxi.crm.marketing.Campaign campaigns} planned on a channel for a period, a
 * target segment and a budget, moving through {@link dev.guanxi.crm.marketing.CampaignStatus one table of
 * statuses}; each campaign's target list of {@link dev.guanxi.crm.marketing.CampaignTarget targets} (added by
 * hand or from the win-back list); the customers' {@link dev.guanxi.crm.marketing.CampaignResponse responses},
 * each at the furthest {@link dev.guanxi.crm.marketing.AidaStage AIDA stage} reached; and the {@link
 * dev.guanxi.crm.marketing.CampaignFunnel funnel} that sums them up. The API is {@link
 * dev.guanxi.crm.marketing.Marketing}.
 */
package dev.guanxi.crm.marketing;
