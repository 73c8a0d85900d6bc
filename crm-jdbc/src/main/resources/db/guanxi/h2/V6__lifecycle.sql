-- Guanxi CRM schema, version 6: the customers' lifecycle (客户生命周期). Each customer's transition log, one row
-- per move in the order appended (seq, from 1), with the rules behind it as a JSON list; each customer's current
-- stage with the seq of the move that entered it, which appends check and advance (the log's optimistic lock);
-- and the churn reasons recorded for losses, one per (customer, loss instant).

CREATE TABLE guanxi_stage_current (
    tenant_id VARCHAR(128) NOT NULL,
    customer_id UUID NOT NULL,
    stage VARCHAR(32) NOT NULL,
    since TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    seq BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, customer_id)
);

CREATE TABLE guanxi_stage_transition (
    tenant_id VARCHAR(128) NOT NULL,
    customer_id UUID NOT NULL,
    seq BIGINT NOT NULL,
    from_stage VARCHAR(32),
    to_stage VARCHAR(32) NOT NULL,
    at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    cause VARCHAR(32) NOT NULL,
    reason VARCHAR(1000) NOT NULL,
    reasons CHARACTER LARGE OBJECT NOT NULL,
    PRIMARY KEY (tenant_id, customer_id, seq)
);
CREATE INDEX ix_guanxi_stage_transition_at ON guanxi_stage_transition (tenant_id, at, customer_id, seq);

CREATE TABLE guanxi_churn_reason (
    tenant_id VARCHAR(128) NOT NULL,
    customer_id UUID NOT NULL,
    lost_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    code VARCHAR(128) NOT NULL,
    competitor_id UUID,
    note CHARACTER LARGE OBJECT,
    recorded_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    recorded_by VARCHAR(256),
    PRIMARY KEY (tenant_id, customer_id, lost_at)
);
CREATE INDEX ix_guanxi_churn_reason_lost ON guanxi_churn_reason (tenant_id, lost_at, customer_id);
