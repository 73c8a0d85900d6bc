package dev.guanxi.crm.examples;

import dev.guanxi.crm.examples.AnalyzeCommand.InputException;
import dev.guanxi.crm.jdbc.Dialect;
import dev.guanxi.crm.jdbc.JdbcStorage;
import dev.guanxi.crm.spi.storage.StorageException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The {@code --db} option of the {@code crm} commands: an H2 directory (the embedded database {@code crm demo}
 * writes) or a JDBC URL of H2, PostgreSQL or MariaDB. The user and password of a server come from the URL or from
 * the environment variables {@value #USER_VARIABLE} and {@value #PASSWORD_VARIABLE}. Stateless, thread-safe.
 */
final class CrmDatabase {
    /** The environment variable with the database user, for a JDBC URL. */
    static final String USER_VARIABLE = "GUANXI_DB_USER";
    /** The environment variable with the database password, for a JDBC URL. */
    static final String PASSWORD_VARIABLE = "GUANXI_DB_PASSWORD";
    /** The help text of every {@code --db} option. */
    static final String DESCRIPTION = "an H2 database directory (as written by crm demo) or a JDBC URL"
            + " (jdbc:h2:..., jdbc:postgresql://..., jdbc:mariadb://...; user and password from the URL or from "
            + USER_VARIABLE + " and " + PASSWORD_VARIABLE + ")";

    private CrmDatabase() {}

    /**
     * Opens the store, migrating its schema.
     *
     * @param db the option's value
     * @param mustExist whether an H2 directory must already hold a database (for commands that only read or score)
     * @return the store, owned by the caller
     * @throws InputException with a one-line message if the value names no usable database
     */
    static JdbcStorage open(String db, boolean mustExist) {
        if (db.regionMatches(true, 0, "jdbc:", 0, 5)) {
            Dialect dialect;
            try {
                dialect = Dialect.ofUrl(db);
            } catch (IllegalArgumentException e) {
                throw new InputException(
                        "--db: unsupported JDBC URL (use jdbc:h2:, jdbc:postgresql: or jdbc:mariadb:): " + db);
            }
            String driver = switch (dialect) {
                case H2 -> "org.h2.Driver";
                case POSTGRESQL -> "org.postgresql.Driver";
                case MARIADB -> "org.mariadb.jdbc.Driver";
            };
            try {
                Class.forName(driver);
            } catch (ClassNotFoundException e) {
                throw new InputException("--db: the " + dialect + " JDBC driver (" + driver
                        + ") is not on the classpath; put its jar into crm-examples/target/lib");
            }
            return connect(db, System.getenv(USER_VARIABLE), System.getenv(PASSWORD_VARIABLE));
        }
        Path dir;
        try {
            dir = Path.of(db);
        } catch (InvalidPathException e) {
            throw new InputException("--db: not a directory or JDBC URL: " + db);
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new InputException("--db: not a directory: " + dir);
        }
        if (mustExist && !Files.isRegularFile(dir.resolve("guanxi.mv.db"))) {
            throw new InputException("--db: no Guanxi database in " + dir + " (create one with crm demo --db " + dir
                    + " or crm import --db " + dir + ")");
        }
        return JdbcStorage.h2(dir);
    }

    /**
     * Opens the store of a JDBC URL, migrating its schema.
     *
     * @param url a JDBC URL of H2, PostgreSQL or MariaDB
     * @param user the user, or {@code null} for the URL's (or none)
     * @param password the password, or {@code null}
     * @return the store, owned by the caller
     * @throws InputException with a one-line message (the driver's, without exception class names) if the database
     *     cannot be reached or migrated
     */
    static JdbcStorage connect(String url, String user, String password) {
        if (Dialect.ofUrl(url) != Dialect.H2) {
            probe(url, user, password);
        }
        try {
            return JdbcStorage.builder(url, user, password).build();
        } catch (StorageException e) {
            throw new InputException(
                    "cannot open the database: " + rootMessage(e)); // not the URL: it may hold a password
        }
    }

    /**
     * Opens and closes one plain connection, so that a server that cannot be reached fails at once with the driver's
     * message: MariaDB's pool would wait its connect timeout (30 s) and log a stack trace per attempt instead.
     */
    private static void probe(String url, String user, String password) {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        try (Connection unused = DriverManager.getConnection(url, properties)) {
            // reachable, and the user may log in
        } catch (SQLException e) {
            throw new InputException("cannot open the database: " + rootMessage(e));
        }
    }

    /** The first line of the innermost cause's message (the driver's own words), else of the exception's. */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : e.getMessage();
        if (message == null) {
            message = root.getClass().getSimpleName();
        }
        return message.lines().findFirst().orElse("").strip();
    }
}
