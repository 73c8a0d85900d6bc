-- Guanxi CRM schema, version 4: customer ownership (客户共享和移交). Each customer's ownership ledger, one row
-- per owner period in the order appended (seq), the current one with valid_to NULL; and the customers' shares
-- with colleagues, one per (customer, staff). The SDK writes a ledger row in the unit of work that changes the
-- customer's owner, whose version check keeps two such writes apart.

CREATE TABLE guanxi_ownership (
    tenant_id VARCHAR(64) NOT NULL,
    customer_id BINARY(16) NOT NULL,
    seq BIGINT NOT NULL,
    owner_id VARCHAR(128),
    valid_from DATETIME(6) NOT NULL,
    valid_to DATETIME(6),
    reason VARCHAR(500) NOT NULL,
    changed_by VARCHAR(128),
    PRIMARY KEY (tenant_id, customer_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE guanxi_customer_share (
    tenant_id VARCHAR(64) NOT NULL,
    customer_id BINARY(16) NOT NULL,
    staff_id VARCHAR(128) NOT NULL,
    access_level VARCHAR(8) NOT NULL,
    since DATETIME(6) NOT NULL,
    reason VARCHAR(500) NOT NULL,
    PRIMARY KEY (tenant_id, customer_id, staff_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_guanxi_customer_share_staff ON guanxi_customer_share (tenant_id, staff_id, customer_id);
