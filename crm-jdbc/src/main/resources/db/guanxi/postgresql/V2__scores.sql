-- Guanxi CRM schema, version 2: score snapshots (one current row per customer) and scoring runs.

CREATE TABLE guanxi_score (
    tenant_id VARCHAR(64) NOT NULL,
    customer_id UUID NOT NULL,
    run_id UUID NOT NULL,
    as_of DATE NOT NULL,
    inputs_hash VARCHAR(128),
    doc TEXT NOT NULL,
    PRIMARY KEY (tenant_id, customer_id)
);
CREATE INDEX ix_guanxi_score_run ON guanxi_score (tenant_id, run_id);

CREATE TABLE guanxi_score_run (
    tenant_id VARCHAR(64) NOT NULL,
    id UUID NOT NULL,
    as_of DATE NOT NULL,
    started_at TIMESTAMPTZ(6) NOT NULL,
    completed_at TIMESTAMPTZ(6),
    doc TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_guanxi_score_run_started ON guanxi_score_run (tenant_id, started_at);
