package dev.guanxi.crm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Runs {@link PostgresExample} against an embedded PostgreSQL server and checks its rows with plain JDBC. */
class PostgresExampleTest {
    private static EmbeddedPostgres server;
    private static String url;

    @BeforeAll
    static void startServer() throws Exception {
        server = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off")
                .setServerConfig("full_page_writes", "off")
                .start();
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE guanxi_example TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
        }
        url = server.getJdbcUrl("postgres", "guanxi_example");
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @DisplayName("main migrates an empty PostgreSQL database and stores the scenario's customers, scores and events")
    void runsOnPostgres() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            PostgresExample.main(new String[] {url, "postgres", ""});
        } finally {
            System.setOut(original);
        }
        String out = buffer.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("PostgreSQL schema ready (POSTGRESQL)", "billing received 6 messages:");

        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            long migrations = count(c, "SELECT count(*) FROM guanxi_schema_history");
            assertThat(migrations).isPositive();
            // four customers registered (the fifth, with a bad account code, was refused)
            assertThat(count(c, "SELECT count(*) FROM guanxi_customer WHERE tenant_id = 'acme'"))
                    .isEqualTo(4);
            // seven purchases before the first run, three after
            assertThat(count(c, "SELECT count(*) FROM guanxi_order WHERE tenant_id = 'acme'"))
                    .isEqualTo(10);
            assertThat(count(c, "SELECT count(*) FROM guanxi_score WHERE tenant_id = 'acme'"))
                    .isEqualTo(4);
            assertThat(count(c, "SELECT count(*) FROM guanxi_score_run WHERE tenant_id = 'acme'"))
                    .isEqualTo(2);
            // four placements in run 1; run 2: Northwind ACTIVE -> AT_RISK, Yang's NEW_CUSTOMER -> ACTIVE (the
            // contract customer's move was vetoed, West Lake stays)
            assertThat(count(c, "SELECT count(*) FROM guanxi_stage_transition WHERE tenant_id = 'acme'"))
                    .isEqualTo(6);
            assertThat(count(
                            c,
                            "SELECT count(*) FROM guanxi_outbox WHERE tenant_id = 'acme'"
                                    + " AND event_type = 'CustomerGradeChanged'"))
                    .isEqualTo(5);
            assertThat(count(
                            c,
                            "SELECT count(*) FROM guanxi_outbox WHERE tenant_id = 'acme'"
                                    + " AND event_type = 'ArrearsWarningRaised'"))
                    .isEqualTo(1);
            assertThat(count(c, "SELECT count(*) FROM guanxi_outbox WHERE delivered_at IS NULL"))
                    .isZero();
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
