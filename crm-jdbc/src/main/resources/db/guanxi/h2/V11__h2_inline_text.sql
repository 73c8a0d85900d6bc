-- H2 keeps CHARACTER LARGE OBJECT values out of the row, in its LOB store, which a background cleaner prunes
-- when a row is updated or deleted. Under concurrent updates of one row that store can lose a value that is
-- still referenced (a read then fails with a NullPointerException in LobStorageMap.copyLob, and a later
-- DELETE with "Row not found when trying to delete from index", which H2 reports as a lock timeout): seen in
-- this project's lost-update test on an H2 file database, and reported upstream (h2database #1808, #2732,
-- #3445). The JSON documents of aggregates, the outbox, scores, lifecycle reasons and audit changes are
-- bounded by what one aggregate holds, so they are kept in the row as CHARACTER VARYING, up to H2's maximum
-- of 1,000,000 characters; which is also faster to read and write. The merge log, import errors and flags,
-- and churn notes, written once and possibly long, stay large objects.
ALTER TABLE guanxi_customer ALTER COLUMN doc SET DATA TYPE CHARACTER VARYING(1000000);
ALTER TABLE guanxi_customer ALTER COLUMN custom_fields SET DATA TYPE CHARACTER VARYING(1000000);
ALTER TABLE guanxi_interaction ALTER COLUMN doc SET DATA TYPE CHARACTER VARYING(1000000);
ALTER TABLE guanxi_task ALTER COLUMN doc SET DATA TYPE CHARACTER VARYING(1000000);
ALTER TABLE guanxi_order ALTER COLUMN doc SET DATA TYPE CHARACTER VARYING(1000000);
ALTER TABLE guanxi_invoice ALTER COLUMN doc SET DATA TYPE CHARACTER VARYING(1000000);
ALTER TABLE guanxi_payment ALTER COLUMN doc SET DATA TYPE CHARACTER VARYING(1000000);
ALTER TABLE guanxi_opportunity ALTER COLUMN doc SET DATA TYPE CHARACTER VARYING(1000000);
ALTER TABLE guanxi_contract ALTER COLUMN doc SET DATA TYPE CHARACTER VARYING(1000000);
ALTER TABLE guanxi_service_case ALTER COLUMN doc SET DATA TYPE CHARACTER VARYING(1000000);
ALTER TABLE guanxi_survey_response ALTER COLUMN doc SET DATA TYPE CHARACTER VARYING(1000000);
ALTER TABLE guanxi_campaign ALTER COLUMN doc SET DATA TYPE CHARACTER VARYING(1000000);
ALTER TABLE guanxi_campaign_response ALTER COLUMN doc SET DATA TYPE CHARACTER VARYING(1000000);
ALTER TABLE guanxi_competitor ALTER COLUMN doc SET DATA TYPE CHARACTER VARYING(1000000);
ALTER TABLE guanxi_competitor_dealing ALTER COLUMN doc SET DATA TYPE CHARACTER VARYING(1000000);
ALTER TABLE guanxi_outbox ALTER COLUMN payload SET DATA TYPE CHARACTER VARYING(1000000);
ALTER TABLE guanxi_score ALTER COLUMN doc SET DATA TYPE CHARACTER VARYING(1000000);
ALTER TABLE guanxi_score_run ALTER COLUMN doc SET DATA TYPE CHARACTER VARYING(1000000);
ALTER TABLE guanxi_points_account ALTER COLUMN doc SET DATA TYPE CHARACTER VARYING(1000000);
ALTER TABLE guanxi_stage_transition ALTER COLUMN reasons SET DATA TYPE CHARACTER VARYING(1000000);
ALTER TABLE guanxi_audit ALTER COLUMN changes SET DATA TYPE CHARACTER VARYING(1000000);
