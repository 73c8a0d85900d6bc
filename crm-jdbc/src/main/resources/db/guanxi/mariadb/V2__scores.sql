-- Guanxi CRM schema, version 2: score snapshots (one current row per customer) and scoring runs.

CREATE TABLE guanxi_score (
    tenant_id VARCHAR(64) NOT NULL,
    customer_id BINARY(16) NOT NULL,
    run_id BINARY(16) NOT NULL,
    as_of DATE NOT NULL,
    inputs_hash VARCHAR(128),
    doc LONGTEXT NOT NULL,
    PRIMARY KEY (tenant_id, customer_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_guanxi_score_run ON guanxi_score (tenant_id, run_id);

CREATE TABLE guanxi_score_run (
    tenant_id VARCHAR(64) NOT NULL,
    id BINARY(16) NOT NULL,
    as_of DATE NOT NULL,
    started_at DATETIME(6) NOT NULL,
    completed_at DATETIME(6),
    doc LONGTEXT NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_guanxi_score_run_started ON guanxi_score_run (tenant_id, started_at);
