-- Guanxi CRM schema, version 2: score snapshots (one current row per customer) and scoring runs.

CREATE TABLE guanxi_score (
    tenant_id VARCHAR(128) NOT NULL,
    customer_id UUID NOT NULL,
    run_id UUID NOT NULL,
    as_of DATE NOT NULL,
    inputs_hash VARCHAR(256),
    doc CHARACTER LARGE OBJECT NOT NULL,
    PRIMARY KEY (tenant_id, customer_id)
);
CREATE INDEX ix_guanxi_score_run ON guanxi_score (tenant_id, run_id);

CREATE TABLE guanxi_score_run (
    tenant_id VARCHAR(128) NOT NULL,
    id UUID NOT NULL,
    as_of DATE NOT NULL,
    started_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    completed_at TIMESTAMP(6) WITH TIME ZONE,
    doc CHARACTER LARGE OBJECT NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_guanxi_score_run_started ON guanxi_score_run (tenant_id, started_at);
