-- Guanxi CRM schema, version 5: campaign target lists (目标客户). One row per (campaign, customer), replaced when
-- the customer is targeted again. target_rank holds the rank, or 2147483647 for an unranked target (ranks go up
-- to 1,000,000,000), so that "rank, unranked last, then customer id" is one ascending order on every database
-- and the index below serves it. expected_value is a score (a double), not money. The SDK changes a campaign's
-- targets in the unit of work that updates the campaign's targetListSize, whose version check keeps two such
-- writes apart.

CREATE TABLE guanxi_campaign_target (
    tenant_id VARCHAR(64) NOT NULL,
    campaign_id UUID NOT NULL,
    customer_id UUID NOT NULL,
    added_at TIMESTAMPTZ(6) NOT NULL,
    source VARCHAR(64) NOT NULL,
    target_rank INTEGER NOT NULL,
    expected_value DOUBLE PRECISION,
    reason VARCHAR(500),
    PRIMARY KEY (tenant_id, campaign_id, customer_id)
);
CREATE INDEX ix_guanxi_campaign_target_rank ON guanxi_campaign_target (tenant_id, campaign_id, target_rank, customer_id);
