-- Guanxi CRM schema, version 1. Every table has tenant_id leading its primary key and every index.
-- Aggregates: id, version (optimistic locking), doc (the JSON document, the source of truth) and projection
-- columns that queries filter and sort on. Money: DECIMAL(19,4) plus an ISO-4217 currency column.
-- Instants: UTC with microseconds. Dates: DATE.

CREATE TABLE guanxi_customer (
    tenant_id VARCHAR(64) NOT NULL,
    id BINARY(16) NOT NULL,
    version BIGINT NOT NULL,
    doc LONGTEXT NOT NULL,
    kind VARCHAR(16) NOT NULL,
    name_order VARBINARY(800) NOT NULL,
    display_fold VARCHAR(200) NOT NULL,
    legal_fold VARCHAR(200),
    customer_type VARCHAR(64),
    status VARCHAR(64),
    region VARCHAR(64),
    industry VARCHAR(64),
    owner_id VARCHAR(128),
    external_id VARCHAR(128),
    custom_fields JSON NOT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE UNIQUE INDEX ux_guanxi_customer_external_id ON guanxi_customer (tenant_id, external_id);
CREATE INDEX ix_guanxi_customer_name ON guanxi_customer (tenant_id, name_order, id);
CREATE INDEX ix_guanxi_customer_display_fold ON guanxi_customer (tenant_id, display_fold);
CREATE INDEX ix_guanxi_customer_legal_fold ON guanxi_customer (tenant_id, legal_fold);
CREATE INDEX ix_guanxi_customer_type ON guanxi_customer (tenant_id, customer_type, name_order);
CREATE INDEX ix_guanxi_customer_status ON guanxi_customer (tenant_id, status, name_order);
CREATE INDEX ix_guanxi_customer_region ON guanxi_customer (tenant_id, region, name_order);
CREATE INDEX ix_guanxi_customer_industry ON guanxi_customer (tenant_id, industry, name_order);
CREATE INDEX ix_guanxi_customer_owner ON guanxi_customer (tenant_id, owner_id, name_order);

CREATE TABLE guanxi_customer_tag (
    tenant_id VARCHAR(64) NOT NULL,
    tag VARCHAR(64) NOT NULL,
    customer_id BINARY(16) NOT NULL,
    PRIMARY KEY (tenant_id, tag, customer_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_guanxi_customer_tag_customer ON guanxi_customer_tag (tenant_id, customer_id);

CREATE TABLE guanxi_reference_code (
    tenant_id VARCHAR(64) NOT NULL,
    code_type VARCHAR(32) NOT NULL,
    code VARCHAR(64) NOT NULL,
    label VARCHAR(200) NOT NULL,
    active BOOLEAN NOT NULL,
    PRIMARY KEY (tenant_id, code_type, code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE guanxi_interaction (
    tenant_id VARCHAR(64) NOT NULL,
    id BINARY(16) NOT NULL,
    version BIGINT NOT NULL,
    doc LONGTEXT NOT NULL,
    customer_id BINARY(16) NOT NULL,
    staff_id VARCHAR(128),
    case_id BINARY(16),
    occurred_at DATETIME(6) NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_guanxi_interaction_customer ON guanxi_interaction (tenant_id, customer_id, occurred_at);
CREATE INDEX ix_guanxi_interaction_staff ON guanxi_interaction (tenant_id, staff_id, occurred_at);
CREATE INDEX ix_guanxi_interaction_case ON guanxi_interaction (tenant_id, case_id, occurred_at);

CREATE TABLE guanxi_task (
    tenant_id VARCHAR(64) NOT NULL,
    id BINARY(16) NOT NULL,
    version BIGINT NOT NULL,
    doc LONGTEXT NOT NULL,
    customer_id BINARY(16),
    assignee VARCHAR(128) NOT NULL,
    status VARCHAR(16) NOT NULL,
    due_date DATE NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_guanxi_task_assignee ON guanxi_task (tenant_id, assignee, due_date);
CREATE INDEX ix_guanxi_task_status ON guanxi_task (tenant_id, status, due_date);
CREATE INDEX ix_guanxi_task_customer ON guanxi_task (tenant_id, customer_id, due_date);

CREATE TABLE guanxi_order (
    tenant_id VARCHAR(64) NOT NULL,
    id BINARY(16) NOT NULL,
    version BIGINT NOT NULL,
    doc LONGTEXT NOT NULL,
    customer_id BINARY(16) NOT NULL,
    order_number VARCHAR(64),
    order_date DATE NOT NULL,
    status VARCHAR(16) NOT NULL,
    total_amount DECIMAL(19, 4) NOT NULL,
    currency CHAR(3) NOT NULL,
    total_minor BIGINT NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE UNIQUE INDEX ux_guanxi_order_number ON guanxi_order (tenant_id, order_number);
CREATE INDEX ix_guanxi_order_customer ON guanxi_order (tenant_id, customer_id, order_date, id);

CREATE TABLE guanxi_order_line (
    tenant_id VARCHAR(64) NOT NULL,
    order_id BINARY(16) NOT NULL,
    line_no INTEGER NOT NULL,
    customer_id BINARY(16) NOT NULL,
    order_date DATE NOT NULL,
    product_code VARCHAR(64) NOT NULL,
    quantity DECIMAL(19, 6) NOT NULL,
    unit_price DECIMAL(19, 4) NOT NULL,
    discount DECIMAL(19, 4),
    currency CHAR(3) NOT NULL,
    PRIMARY KEY (tenant_id, order_id, line_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_guanxi_order_line_product ON guanxi_order_line (tenant_id, product_code);

CREATE TABLE guanxi_invoice (
    tenant_id VARCHAR(64) NOT NULL,
    id BINARY(16) NOT NULL,
    version BIGINT NOT NULL,
    doc LONGTEXT NOT NULL,
    customer_id BINARY(16) NOT NULL,
    invoice_number VARCHAR(64) NOT NULL,
    status VARCHAR(16) NOT NULL,
    open_flag BOOLEAN NOT NULL,
    due_date DATE NOT NULL,
    amount DECIMAL(19, 4) NOT NULL,
    paid_amount DECIMAL(19, 4) NOT NULL,
    currency CHAR(3) NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE UNIQUE INDEX ux_guanxi_invoice_number ON guanxi_invoice (tenant_id, invoice_number);
CREATE INDEX ix_guanxi_invoice_customer ON guanxi_invoice (tenant_id, customer_id, due_date);
CREATE INDEX ix_guanxi_invoice_open ON guanxi_invoice (tenant_id, open_flag, due_date);

CREATE TABLE guanxi_payment (
    tenant_id VARCHAR(64) NOT NULL,
    id BINARY(16) NOT NULL,
    version BIGINT NOT NULL,
    doc LONGTEXT NOT NULL,
    customer_id BINARY(16) NOT NULL,
    invoice_id BINARY(16),
    received_on DATE NOT NULL,
    amount DECIMAL(19, 4) NOT NULL,
    currency CHAR(3) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_guanxi_payment_customer ON guanxi_payment (tenant_id, customer_id, received_on);
CREATE INDEX ix_guanxi_payment_invoice ON guanxi_payment (tenant_id, invoice_id, received_on);

CREATE TABLE guanxi_opportunity (
    tenant_id VARCHAR(64) NOT NULL,
    id BINARY(16) NOT NULL,
    version BIGINT NOT NULL,
    doc LONGTEXT NOT NULL,
    customer_id BINARY(16) NOT NULL,
    pipeline VARCHAR(64) NOT NULL,
    status VARCHAR(16) NOT NULL,
    expected_close_date DATE,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_guanxi_opportunity_customer ON guanxi_opportunity (tenant_id, customer_id, created_at);
CREATE INDEX ix_guanxi_opportunity_open ON guanxi_opportunity (tenant_id, status, pipeline, expected_close_date);

CREATE TABLE guanxi_contract (
    tenant_id VARCHAR(64) NOT NULL,
    id BINARY(16) NOT NULL,
    version BIGINT NOT NULL,
    doc LONGTEXT NOT NULL,
    customer_id BINARY(16) NOT NULL,
    contract_number VARCHAR(64) NOT NULL,
    status VARCHAR(16) NOT NULL,
    start_date DATE NOT NULL,
    renewal_date DATE,
    PRIMARY KEY (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE UNIQUE INDEX ux_guanxi_contract_number ON guanxi_contract (tenant_id, contract_number);
CREATE INDEX ix_guanxi_contract_customer ON guanxi_contract (tenant_id, customer_id, start_date);
CREATE INDEX ix_guanxi_contract_renewal ON guanxi_contract (tenant_id, status, renewal_date);

CREATE TABLE guanxi_service_case (
    tenant_id VARCHAR(64) NOT NULL,
    id BINARY(16) NOT NULL,
    version BIGINT NOT NULL,
    doc LONGTEXT NOT NULL,
    customer_id BINARY(16) NOT NULL,
    status VARCHAR(16) NOT NULL,
    active BOOLEAN NOT NULL,
    opened_at DATETIME(6) NOT NULL,
    sla_due_at DATETIME(6) NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_guanxi_service_case_customer ON guanxi_service_case (tenant_id, customer_id, opened_at);
CREATE INDEX ix_guanxi_service_case_active ON guanxi_service_case (tenant_id, active, sla_due_at);

CREATE TABLE guanxi_survey_response (
    tenant_id VARCHAR(64) NOT NULL,
    id BINARY(16) NOT NULL,
    version BIGINT NOT NULL,
    doc LONGTEXT NOT NULL,
    customer_id BINARY(16) NOT NULL,
    responded_at DATETIME(6) NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_guanxi_survey_response_customer ON guanxi_survey_response (tenant_id, customer_id, responded_at);

CREATE TABLE guanxi_campaign (
    tenant_id VARCHAR(64) NOT NULL,
    id BINARY(16) NOT NULL,
    version BIGINT NOT NULL,
    doc LONGTEXT NOT NULL,
    code VARCHAR(64) NOT NULL,
    status VARCHAR(16) NOT NULL,
    start_date DATE NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE UNIQUE INDEX ux_guanxi_campaign_code ON guanxi_campaign (tenant_id, code);
CREATE INDEX ix_guanxi_campaign_start ON guanxi_campaign (tenant_id, start_date);
CREATE INDEX ix_guanxi_campaign_status ON guanxi_campaign (tenant_id, status, start_date);

CREATE TABLE guanxi_campaign_response (
    tenant_id VARCHAR(64) NOT NULL,
    id BINARY(16) NOT NULL,
    version BIGINT NOT NULL,
    doc LONGTEXT NOT NULL,
    campaign_id BINARY(16) NOT NULL,
    customer_id BINARY(16) NOT NULL,
    stage VARCHAR(16) NOT NULL,
    responded_at DATETIME(6) NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE UNIQUE INDEX ux_guanxi_campaign_response ON guanxi_campaign_response (tenant_id, campaign_id, customer_id);
CREATE INDEX ix_guanxi_campaign_response_customer ON guanxi_campaign_response (tenant_id, customer_id, responded_at);

CREATE TABLE guanxi_competitor (
    tenant_id VARCHAR(64) NOT NULL,
    id BINARY(16) NOT NULL,
    version BIGINT NOT NULL,
    doc LONGTEXT NOT NULL,
    name_key VARCHAR(200) NOT NULL,
    name_order VARBINARY(800) NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE UNIQUE INDEX ux_guanxi_competitor_name ON guanxi_competitor (tenant_id, name_key);
CREATE INDEX ix_guanxi_competitor_order ON guanxi_competitor (tenant_id, name_order, id);

CREATE TABLE guanxi_competitor_dealing (
    tenant_id VARCHAR(64) NOT NULL,
    id BINARY(16) NOT NULL,
    version BIGINT NOT NULL,
    doc LONGTEXT NOT NULL,
    customer_id BINARY(16) NOT NULL,
    competitor_id BINARY(16) NOT NULL,
    observed_on DATE NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_guanxi_competitor_dealing_customer ON guanxi_competitor_dealing (tenant_id, customer_id, observed_on);
CREATE INDEX ix_guanxi_competitor_dealing_competitor ON guanxi_competitor_dealing (tenant_id, competitor_id, observed_on);

CREATE SEQUENCE guanxi_outbox_seq;
CREATE TABLE guanxi_outbox (
    seq BIGINT NOT NULL DEFAULT (NEXT VALUE FOR guanxi_outbox_seq),
    tenant_id VARCHAR(64) NOT NULL,
    event_id BINARY(16) NOT NULL,
    event_type VARCHAR(64) NOT NULL,
    payload LONGTEXT NOT NULL,
    occurred_at DATETIME(6) NOT NULL,
    delivered_at DATETIME(6),
    PRIMARY KEY (tenant_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_guanxi_outbox_pending ON guanxi_outbox (tenant_id, delivered_at, seq);
CREATE UNIQUE INDEX ux_guanxi_outbox_event ON guanxi_outbox (tenant_id, event_id);
