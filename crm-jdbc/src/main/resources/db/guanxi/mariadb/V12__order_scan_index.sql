-- The purchase scan of the scoring run reads customer_id, order_date, total_minor and currency of the PLACED orders
-- of a tenant in (customer_id, order_date, id) order. With status, total_minor and currency in the index InnoDB
-- answers it from the index alone instead of reading every order's row with its JSON document. The index keeps
-- its name and its leading columns, so every query that used it still does.
ALTER TABLE guanxi_order DROP INDEX ix_guanxi_order_customer, ADD INDEX ix_guanxi_order_customer (tenant_id, customer_id, order_date, id, status, total_minor, currency);
