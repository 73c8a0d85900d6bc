package dev.guanxi.crm.jdbc;

import dev.guanxi.crm.spi.storage.StorageException;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.mariadb.jdbc.MariaDbPoolDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** Data sources for server databases from a URL; in their own class so that a missing driver fails only here. */
final class ServerDataSources {
    private ServerDataSources() {}

    static DataSource postgres(String url, String user, String password) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        if (user != null) {
            ds.setUser(user);
        }
        if (password != null) {
            ds.setPassword(password);
        }
        return ds;
    }

    static DataSource mariadb(String url, String user, String password) {
        try {
            String u = url.startsWith("jdbc:mysql:") ? "jdbc:mariadb:" + url.substring("jdbc:mysql:".length()) : url;
            MariaDbPoolDataSource ds = new MariaDbPoolDataSource(u);
            if (user != null) {
                ds.setUser(user);
            }
            if (password != null) {
                ds.setPassword(password);
            }
            return ds;
        } catch (SQLException e) {
            throw new StorageException("bad MariaDB URL: " + e.getMessage(), e);
        }
    }
}
