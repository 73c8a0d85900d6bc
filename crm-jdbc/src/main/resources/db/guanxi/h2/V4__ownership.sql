-- Guanxi CRM schema, version 4: customer ownership (客户共享和移交). Each customer's ownership ledger, one row
-- per owner period in the order appended (seq), the current one with valid_to NULL; and the customers' shares
-- with colleagues, one per (customer, staff). The SDK writes a ledger row in the unit of work that changes the
-- customer's owner, whose version check keeps two such writes apart.

CREATE TABLE guanxi_ownership (
    tenant_id VARCHAR(128) NOT NULL,
    customer_id UUID NOT NULL,
    seq BIGINT NOT NULL,
    owner_id VARCHAR(256),
    valid_from TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    valid_to TIMESTAMP(6) WITH TIME ZONE,
    reason VARCHAR(1000) NOT NULL,
    changed_by VARCHAR(256),
    PRIMARY KEY (tenant_id, customer_id, seq)
);

CREATE TABLE guanxi_customer_share (
    tenant_id VARCHAR(128) NOT NULL,
    customer_id UUID NOT NULL,
    staff_id VARCHAR(256) NOT NULL,
    access_level VARCHAR(16) NOT NULL,
    since TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    reason VARCHAR(1000) NOT NULL,
    PRIMARY KEY (tenant_id, customer_id, staff_id)
);
CREATE INDEX ix_guanxi_customer_share_staff ON guanxi_customer_share (tenant_id, staff_id, customer_id);
