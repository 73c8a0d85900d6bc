package dev.guanxi.crm.examples;

import dev.guanxi.crm.examples.AnalyzeCommand.InputException;
import dev.guanxi.crm.jdbc.Dialect;
import dev.guanxi.crm.jdbc.JdbcStorage;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

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
            return JdbcStorage.builder(db, System.getenv(USER_VARIABLE), System.getenv(PASSWORD_VARIABLE))
                    .build();
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
}
