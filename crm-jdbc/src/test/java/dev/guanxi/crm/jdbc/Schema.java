package dev.guanxi.crm.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/** Test helper: empties every table of the Guanxi schema, so one migrated database serves many tests. */
final class Schema {
    static final List<String> TABLES = List.of(
            "guanxi_customer",
            "guanxi_customer_tag",
            "guanxi_reference_code",
            "guanxi_interaction",
            "guanxi_task",
            "guanxi_order",
            "guanxi_order_line",
            "guanxi_invoice",
            "guanxi_payment",
            "guanxi_opportunity",
            "guanxi_contract",
            "guanxi_service_case",
            "guanxi_survey_response",
            "guanxi_campaign",
            "guanxi_campaign_response",
            "guanxi_competitor",
            "guanxi_competitor_dealing",
            "guanxi_outbox",
            "guanxi_score",
            "guanxi_score_run",
            "guanxi_points_account",
            "guanxi_points_entry",
            "guanxi_ownership",
            "guanxi_customer_share",
            "guanxi_campaign_target",
            "guanxi_stage_current",
            "guanxi_stage_transition",
            "guanxi_churn_reason",
            "guanxi_privacy_salt",
            "guanxi_suppression",
            "guanxi_erasure",
            "guanxi_merge_log",
            "guanxi_customer_tombstone",
            "guanxi_import_job",
            "guanxi_import_error",
            "guanxi_import_flag",
            "guanxi_import_key",
            "guanxi_audit");

    private Schema() {}

    static void truncate(DataSource dataSource) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            for (String table : TABLES) {
                s.execute("DELETE FROM " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
