package dev.guanxi.crm.jdbc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.DisplayName;

@DisplayName("JdbcStorage on an H2 file database passes the storage conformance kit")
class H2FileConformanceTest extends JdbcConformanceKit {
    private static DataSource database;

    @Override
    DataSource dataSource() {
        if (database == null) {
            try {
                Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "h2-kit")), "db");
                // Pooled, as JdbcStorage.h2(dir) does: the file database stays open between units of work.
                database = JdbcConnectionPool.create(
                        "jdbc:h2:file:" + dir.toAbsolutePath().resolve("kit") + ";LOCK_TIMEOUT=10000", "sa", "");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return database;
    }

    @Override
    Dialect expectedDialect() {
        return Dialect.H2;
    }
}
