-- Guanxi CRM schema: the audit trail (issue 7). One row per change of one entity, numbered in the order appended
-- (seq), with who made it (user_id, NULL for the system), when (at, the write's instant), under which correlation
-- id, what (entity_kind, entity_id, and the customer it belongs to, if any), the action, and the changed fields as
-- a JSON list of [field, old, new] (values as canonical text, absent ones null). Written by the SDK in the unit of
-- work of the change; never updated except by erasure, which replaces one customer's values.

CREATE TABLE guanxi_audit (
    seq BIGINT NOT NULL DEFAULT (NEXT VALUE FOR guanxi_outbox_seq),
    tenant_id VARCHAR(64) NOT NULL,
    at DATETIME(6) NOT NULL,
    user_id VARCHAR(128),
    correlation_id VARCHAR(128) NOT NULL,
    entity_kind VARCHAR(64) NOT NULL,
    entity_id VARCHAR(300) NOT NULL,
    customer_id BINARY(16),
    action VARCHAR(16) NOT NULL,
    changes LONGTEXT NOT NULL,
    PRIMARY KEY (tenant_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_guanxi_audit_customer ON guanxi_audit (tenant_id, customer_id, seq);
CREATE INDEX ix_guanxi_audit_entity ON guanxi_audit (tenant_id, entity_kind, entity_id, seq);
CREATE INDEX ix_guanxi_audit_correlation ON guanxi_audit (tenant_id, correlation_id, seq);
