-- Guanxi CRM schema, version 8: the bulk import journal. One row per import job with its source fingerprint,
-- status, last committed row, counts and a version that every batch's update checks (the journal's optimistic
-- lock); each job's error report and duplicate flags in append order (seq); and the keys of the records imported by
-- external id for kinds without a unique external-id column of their own (contacts, payments, interactions), with
-- the fingerprint of the row's content. A batch writes its rows and these entries in one transaction.

CREATE TABLE guanxi_import_job (
    tenant_id VARCHAR(64) NOT NULL,
    job_id VARCHAR(128) NOT NULL,
    kind VARCHAR(16) NOT NULL,
    source_fp VARCHAR(200) NOT NULL,
    status VARCHAR(16) NOT NULL,
    last_row BIGINT NOT NULL,
    batches BIGINT NOT NULL,
    created_rows BIGINT NOT NULL,
    updated_rows BIGINT NOT NULL,
    unchanged_rows BIGINT NOT NULL,
    skipped_rows BIGINT NOT NULL,
    flagged_rows BIGINT NOT NULL,
    failed_rows BIGINT NOT NULL,
    version BIGINT NOT NULL,
    started_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    PRIMARY KEY (tenant_id, job_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE guanxi_import_error (
    tenant_id VARCHAR(64) NOT NULL,
    job_id VARCHAR(128) NOT NULL,
    seq BIGINT NOT NULL,
    row_no BIGINT NOT NULL,
    line_no BIGINT NOT NULL,
    external_id VARCHAR(128),
    field_path VARCHAR(500) NOT NULL,
    rule_code VARCHAR(32) NOT NULL,
    message LONGTEXT NOT NULL,
    PRIMARY KEY (tenant_id, job_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE guanxi_import_flag (
    tenant_id VARCHAR(64) NOT NULL,
    job_id VARCHAR(128) NOT NULL,
    seq BIGINT NOT NULL,
    row_no BIGINT NOT NULL,
    external_id VARCHAR(128) NOT NULL,
    flag_action VARCHAR(8) NOT NULL,
    customer_id BINARY(16),
    duplicate_of BINARY(16) NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    matchers LONGTEXT NOT NULL,
    PRIMARY KEY (tenant_id, job_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE guanxi_import_key (
    tenant_id VARCHAR(64) NOT NULL,
    kind VARCHAR(16) NOT NULL,
    external_id VARCHAR(128) NOT NULL,
    record_id BINARY(16) NOT NULL,
    fingerprint VARCHAR(64) NOT NULL,
    PRIMARY KEY (tenant_id, kind, external_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
