-- The purchase scan of the scoring run reads customer_id, order_date, total_minor and currency of the PLACED orders
-- of a tenant in (customer_id, order_date, id) order. With status, total_minor and currency included in the index
-- PostgreSQL can answer it with an index-only scan instead of reading every order's row with its JSON document.
-- The index keeps its name and its key columns, so every query that used it still does.
DROP INDEX ix_guanxi_order_customer;
CREATE INDEX ix_guanxi_order_customer ON guanxi_order (tenant_id, customer_id, order_date, id) INCLUDE (status, total_minor, currency);
