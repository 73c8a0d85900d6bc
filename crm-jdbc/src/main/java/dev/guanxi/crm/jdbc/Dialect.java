package dev.guanxi.crm.jdbc;

import dev.guanxi.crm.spi.storage.StorageException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The SQL databases {@link JdbcStorage} supports. Each has its own schema (its own migrations) and its own
 * statements where the databases differ (upserts, streaming, identifiers' types); the behaviour seen through
 * the storage SPI is the same on all of them.
 *
 * <p>Immutable and thread-safe.
 */
public enum Dialect {
    /** H2 2.x, embedded (file or in-memory): the default for demos, tests and small installations. */
    H2("h2"),
    /** PostgreSQL 13 or later. */
    POSTGRESQL("postgresql"),
    /** MariaDB 10.6 or later (and MySQL 8, untested), with InnoDB tables in {@code utf8mb4}. */
    MARIADB("mariadb");

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    /**
     * Returns where this dialect's migrations are on the classpath, for hosts that apply them with their own
     * tool: the folder holds Flyway-style versioned scripts ({@code V1__schema.sql}, ...). With Flyway, pass
     * {@code "classpath:" + migrationLocation()} as a location.
     *
     * @return the classpath folder, e.g. {@code db/guanxi/postgresql}
     */
    public String migrationLocation() {
        return "db/guanxi/" + folder;
    }

    /**
     * Finds the dialect of a database from its JDBC metadata.
     *
     * @param dataSource a data source of the database; one connection is opened and closed
     * @return the dialect
     * @throws StorageException if the database cannot be reached or is none of the supported ones
     */
    public static Dialect detect(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            return ofProductName(meta.getDatabaseProductName(), meta.getURL());
        } catch (SQLException e) {
            throw new StorageException("cannot connect to detect the database: " + e.getMessage(), e);
        }
    }

    /**
     * Finds the dialect from a JDBC URL.
     *
     * @param jdbcUrl a URL such as {@code jdbc:postgresql://host/db}
     * @return the dialect
     * @throws IllegalArgumentException if the URL is not for H2, PostgreSQL, MariaDB or MySQL
     */
    public static Dialect ofUrl(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
            return MARIADB;
        }
        throw new IllegalArgumentException("not a JDBC URL of H2, PostgreSQL, MariaDB or MySQL: " + jdbcUrl);
    }

    private static Dialect ofProductName(String product, String url) {
        String p = product.toLowerCase(Locale.ROOT);
        if (p.contains("h2")) {
            return H2;
        }
        if (p.contains("postgres")) {
            return POSTGRESQL;
        }
        if (p.contains("mariadb") || p.contains("mysql")) {
            return MARIADB;
        }
        throw new StorageException("unsupported database '" + product + "' at " + url);
    }
}
