package dev.guanxi.crm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guanxi.crm.jdbc.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ARCHITECTURE (Storage): on every database, every table of the schema has {@code tenant_id} as the first
 * column of its primary key and of every other index, read back from the database's own metadata.
 */
class SchemaRulesTest {
    static Stream<Arguments> databases() {
        return Stream.of(
                Arguments.of("H2", (Supplier<DataSource>) TestDatabases::h2Memory),
                Arguments.of("PostgreSQL", (Supplier<DataSource>) TestDatabases::postgres),
                Arguments.of("MariaDB", (Supplier<DataSource>) TestDatabases::mariadb));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void everyIndexLeadsWithTheTenant(String name, Supplier<DataSource> database) throws SQLException {
        DataSource ds = database.get();
        try (JdbcStorage storage = JdbcStorage.builder(ds).build();
                Connection c = ds.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            List<String> checked = new ArrayList<>();
            for (String table : Schema.TABLES) {
                String stored = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
                List<String> leading = new ArrayList<>();
                try (ResultSet rs = meta.getIndexInfo(c.getCatalog(), null, stored, false, false)) {
                    while (rs.next()) {
                        if (rs.getShort("ORDINAL_POSITION") == 1) {
                            leading.add(rs.getString("INDEX_NAME") + ":" + rs.getString("COLUMN_NAME"));
                        }
                    }
                }
                assertThat(leading).as(table + " has indexes").isNotEmpty();
                for (String index : leading) {
                    assertThat(index.substring(index.indexOf(':') + 1).toLowerCase(Locale.ROOT))
                            .as(name + " " + table + " index " + index)
                            .isEqualTo("tenant_id");
                }
                try (ResultSet rs = meta.getPrimaryKeys(c.getCatalog(), null, stored)) {
                    boolean tenantFirst = false;
                    while (rs.next()) {
                        if (rs.getShort("KEY_SEQ") == 1) {
                            tenantFirst = rs.getString("COLUMN_NAME").equalsIgnoreCase("tenant_id");
                        }
                    }
                    assertThat(tenantFirst)
                            .as(name + " " + table + " primary key starts with tenant_id")
                            .isTrue();
                }
                checked.add(table);
            }
            assertThat(checked).hasSize(Schema.TABLES.size());
        }
    }
}
