-- Guanxi CRM schema, version 9: personal-data erasure (个人信息删除). The tenant's suppression salt (hex), the
-- salted SHA-256 hashes of erased persons' identifiers (never the identifiers themselves), and one record per
-- erasure (who, when, why).

CREATE TABLE guanxi_privacy_salt (
    tenant_id VARCHAR(64) NOT NULL,
    salt VARCHAR(128) NOT NULL,
    PRIMARY KEY (tenant_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE guanxi_suppression (
    tenant_id VARCHAR(64) NOT NULL,
    hash CHAR(64) NOT NULL,
    PRIMARY KEY (tenant_id, hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE guanxi_erasure (
    tenant_id VARCHAR(64) NOT NULL,
    customer_id BINARY(16) NOT NULL,
    erased_at DATETIME(6) NOT NULL,
    reason VARCHAR(500) NOT NULL,
    PRIMARY KEY (tenant_id, customer_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
