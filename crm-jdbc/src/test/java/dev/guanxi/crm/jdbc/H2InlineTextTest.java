package dev.guanxi.crm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.spi.storage.UnitOfWorkContext;
import dev.guanxi.crm.test.Fixtures;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration V11 on H2: the JSON columns leave H2's LOB store (whose cleaner can lose a value under concurrent
 * updates of a row) for in-row CHARACTER VARYING; only the write-once, possibly long texts stay large objects.
 */
@DisplayName("H2 keeps JSON documents in the row (V11), and an upgraded database keeps its data")
class H2InlineTextTest {
    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    private static final TenantId TENANT = TenantId.of("t1");

    /** The large objects V11 keeps: written once, and possibly longer than H2's 1,000,000-character strings. */
    private static final List<String> STILL_LOBS = List.of(
            "guanxi_churn_reason.note",
            "guanxi_import_error.message",
            "guanxi_import_flag.matchers",
            "guanxi_merge_log.doc");

    @Test
    @DisplayName("only the merge log, import errors and flags, and churn notes stay LOBs; NOT NULL is kept")
    void onlyWriteOnceTextsStayLargeObjects() throws SQLException {
        try (JdbcStorage storage = JdbcStorage.h2InMemory("inline-" + System.nanoTime())) {
            Map<String, String> columns = textColumns(storage);
            List<String> lobs = new ArrayList<>();
            columns.forEach((column, type) -> {
                if (type.startsWith("CHARACTER LARGE OBJECT")) {
                    lobs.add(column);
                }
            });
            assertThat(lobs).containsExactlyElementsOf(STILL_LOBS);
            assertThat(columns)
                    .containsEntry("guanxi_customer.doc", "CHARACTER VARYING 1000000 NO")
                    .containsEntry("guanxi_customer.custom_fields", "CHARACTER VARYING 1000000 NO")
                    .containsEntry("guanxi_order.doc", "CHARACTER VARYING 1000000 NO")
                    .containsEntry("guanxi_outbox.payload", "CHARACTER VARYING 1000000 NO")
                    .containsEntry("guanxi_audit.changes", "CHARACTER VARYING 1000000 NO");
        }
    }

    @Test
    @DisplayName("a database made before V11 (LOB columns) is upgraded in place with its customers unchanged")
    void upgradesADatabaseOfVersion10(@TempDir Path dir) throws SQLException {
        Customer stored = Customer.create(
                CustomerId.random(),
                Fixtures.aCustomer().displayName("王小明 🎉 İstanbul").build(),
                NOW);
        try (JdbcStorage storage = JdbcStorage.h2(dir)) {
            storage.inTransaction(UnitOfWorkContext.write(TENANT), uow -> {
                uow.customers().insert(stored);
                return null;
            });
            // Back to version 10: the JSON columns as they were, large objects, and V11 not applied.
            try (Connection c = storage.dataSource().getConnection();
                    Statement s = c.createStatement()) {
                s.execute("ALTER TABLE guanxi_customer ALTER COLUMN doc SET DATA TYPE CHARACTER LARGE OBJECT");
                s.execute("ALTER TABLE guanxi_customer ALTER COLUMN custom_fields SET DATA TYPE"
                        + " CHARACTER LARGE OBJECT");
                s.execute("DELETE FROM guanxi_schema_history WHERE version = 11");
            }
            assertThat(textColumns(storage))
                    .containsEntry("guanxi_customer.doc", "CHARACTER LARGE OBJECT " + Long.MAX_VALUE + " NO");
        }
        try (JdbcStorage upgraded = JdbcStorage.h2(dir)) {
            assertThat(textColumns(upgraded)).containsEntry("guanxi_customer.doc", "CHARACTER VARYING 1000000 NO");
            Customer read = upgraded.inTransaction(
                    UnitOfWorkContext.read(TENANT),
                    uow -> uow.customers().find(stored.id()).orElseThrow());
            assertThat(read).isEqualTo(stored);
        }
    }

    /** @return table.column to "type length nullable" of every text column of the Guanxi tables, sorted */
    private static Map<String, String> textColumns(JdbcStorage storage) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = storage.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH,"
                        + " IS_NULLABLE FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC'"
                        + " AND DATA_TYPE LIKE 'CHARACTER%' AND TABLE_NAME LIKE 'GUANXI%'")) {
            while (rs.next()) {
                out.put(
                        (rs.getString(1) + "." + rs.getString(2)).toLowerCase(java.util.Locale.ROOT),
                        rs.getString(3) + " " + rs.getLong(4) + " " + rs.getString(5));
            }
        }
        return out;
    }
}
