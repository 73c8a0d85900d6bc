-- Guanxi CRM schema, version 3: membership points. One account per member (the customer's id; balance, tier,
-- version, the JSON document as the source of truth) and the append-only ledger of point entries in plain
-- columns, unique per tenant by business key (idempotency) and by (customer, sequence). The balance of an
-- account is the sum of its entries; the SDK keeps it so with the account's version check.

CREATE TABLE guanxi_points_account (
    tenant_id VARCHAR(128) NOT NULL,
    id UUID NOT NULL,
    version BIGINT NOT NULL,
    doc CHARACTER LARGE OBJECT NOT NULL,
    balance BIGINT NOT NULL,
    tier VARCHAR(128),
    next_expiry DATE,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_guanxi_points_account_expiry ON guanxi_points_account (tenant_id, next_expiry, id);

CREATE TABLE guanxi_points_entry (
    tenant_id VARCHAR(128) NOT NULL,
    id UUID NOT NULL,
    customer_id UUID NOT NULL,
    seq BIGINT NOT NULL,
    business_key VARCHAR(400) NOT NULL,
    kind VARCHAR(32) NOT NULL,
    points BIGINT NOT NULL,
    balance_after BIGINT NOT NULL,
    occurred_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires_on DATE,
    reason VARCHAR(1000) NOT NULL,
    order_id UUID,
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX ux_guanxi_points_entry_key ON guanxi_points_entry (tenant_id, business_key);
CREATE UNIQUE INDEX ux_guanxi_points_entry_seq ON guanxi_points_entry (tenant_id, customer_id, seq);
CREATE INDEX ix_guanxi_points_entry_kind ON guanxi_points_entry (tenant_id, customer_id, kind, occurred_at);
