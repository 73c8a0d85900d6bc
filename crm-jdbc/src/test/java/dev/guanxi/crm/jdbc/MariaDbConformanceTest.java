package dev.guanxi.crm.jdbc;

import dev.guanxi.crm.jdbc.testing.TestDatabases;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;

@DisplayName("JdbcStorage on MariaDB (embedded server) passes the storage conformance kit")
class MariaDbConformanceTest extends JdbcConformanceKit {
    private static DataSource database;

    @Override
    DataSource dataSource() {
        if (database == null) {
            database = TestDatabases.mariadb();
        }
        return database;
    }

    @Override
    Dialect expectedDialect() {
        return Dialect.MARIADB;
    }
}
