-- Guanxi CRM schema, version 6: the customers' lifecycle (客户生命周期). Each customer's transition log, one row
-- per move in the order appended (seq, from 1), with the rules behind it as a JSON list; each customer's current
-- stage with the seq of the move that entered it, which appends check and advance (the log's optimistic lock);
-- and the churn reasons recorded for losses, one per (customer, loss instant).

CREATE TABLE guanxi_stage_current (
    tenant_id VARCHAR(64) NOT NULL,
    customer_id UUID NOT NULL,
    stage VARCHAR(16) NOT NULL,
    since TIMESTAMPTZ(6) NOT NULL,
    seq BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, customer_id)
);

CREATE TABLE guanxi_stage_transition (
    tenant_id VARCHAR(64) NOT NULL,
    customer_id UUID NOT NULL,
    seq BIGINT NOT NULL,
    from_stage VARCHAR(16),
    to_stage VARCHAR(16) NOT NULL,
    at TIMESTAMPTZ(6) NOT NULL,
    cause VARCHAR(16) NOT NULL,
    reason VARCHAR(500) NOT NULL,
    reasons TEXT NOT NULL,
    PRIMARY KEY (tenant_id, customer_id, seq)
);
CREATE INDEX ix_guanxi_stage_transition_at ON guanxi_stage_transition (tenant_id, at, customer_id, seq);

CREATE TABLE guanxi_churn_reason (
    tenant_id VARCHAR(64) NOT NULL,
    customer_id UUID NOT NULL,
    lost_at TIMESTAMPTZ(6) NOT NULL,
    code VARCHAR(64) NOT NULL,
    competitor_id UUID,
    note TEXT,
    recorded_at TIMESTAMPTZ(6) NOT NULL,
    recorded_by VARCHAR(128),
    PRIMARY KEY (tenant_id, customer_id, lost_at)
);
CREATE INDEX ix_guanxi_churn_reason_lost ON guanxi_churn_reason (tenant_id, lost_at, customer_id);
