-- Guanxi CRM schema, version 7: merging duplicate customers. The merge log, one row per merge with the whole
-- entry (both customers' prior states, the moved rows with their versions) as a JSON document and undone_at set
-- by an undo; the tombstones of merged customers, each pointing to the customer it was merged into and keeping
-- the loser's external id taken; and an index of the campaign target lists by customer, which a merge reads.

CREATE TABLE guanxi_merge_log (
    tenant_id VARCHAR(128) NOT NULL,
    id UUID NOT NULL,
    survivor_id UUID NOT NULL,
    loser_id UUID NOT NULL,
    merged_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    undone_at TIMESTAMP(6) WITH TIME ZONE,
    doc CHARACTER LARGE OBJECT NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_guanxi_merge_log_survivor ON guanxi_merge_log (tenant_id, survivor_id, merged_at);
CREATE INDEX ix_guanxi_merge_log_loser ON guanxi_merge_log (tenant_id, loser_id, merged_at);

CREATE TABLE guanxi_customer_tombstone (
    tenant_id VARCHAR(128) NOT NULL,
    customer_id UUID NOT NULL,
    merged_into UUID NOT NULL,
    external_id VARCHAR(256),
    merge_id UUID NOT NULL,
    merged_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, customer_id)
);
CREATE INDEX ix_guanxi_customer_tombstone_external_id ON guanxi_customer_tombstone (tenant_id, external_id);

CREATE INDEX ix_guanxi_campaign_target_customer ON guanxi_campaign_target (tenant_id, customer_id, campaign_id);
