package dev.guanxi.crm.jdbc.internal;

import dev.guanxi.crm.jdbc.Dialect;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jdbi.v3.core.argument.Argument;

/**
 * What differs between the databases below the SQL text: how ids and instants are bound and read, which
 * failures are unique violations and which are transient concurrency failures worth a retry.
 *
 * <p>Ids are native {@code uuid} on PostgreSQL and H2 and {@code BINARY(16)} on MariaDB (whose own UUID type
 * sorts differently); all three sort like the ids' canonical text, which the SPI's tie-break order is.
 * Instants are {@code timestamptz(6)} on PostgreSQL, {@code TIMESTAMP(6) WITH TIME ZONE} on H2 and {@code
 * DATETIME(6)} holding UTC on MariaDB, so no session time zone ever changes them.
 *
 * <p>Immutable and thread-safe.
 */
public final class SqlDialect {
    private final Dialect dialect;

    /** @param dialect the database */
    public SqlDialect(Dialect dialect) {
        this.dialect = dialect;
    }

    /** @return the database */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * @param id an id
     * @return the value to bind for it
     */
    public Object uuid(UUID id) {
        if (dialect != Dialect.MARIADB) {
            return id;
        }
        return ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }

    /**
     * Reads an id column.
     *
     * @param rs the row
     * @param column the column label
     * @return the id, or {@code null} for SQL NULL
     * @throws SQLException if the driver fails
     */
    public UUID readUuid(ResultSet rs, String column) throws SQLException {
        return readUuid(rs, rs.findColumn(column));
    }

    /**
     * Reads an id column by position.
     *
     * @param rs the row
     * @param column the column index, from 1
     * @return the id, or {@code null} for SQL NULL
     * @throws SQLException if the driver fails
     */
    public UUID readUuid(ResultSet rs, int column) throws SQLException {
        if (dialect != Dialect.MARIADB) {
            return rs.getObject(column, UUID.class);
        }
        byte[] bytes = rs.getBytes(column);
        if (bytes == null) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        return new UUID(b.getLong(), b.getLong());
    }

    /**
     * @param instant an instant, or {@code null}
     * @return the value to bind for it
     */
    public Object instant(Instant instant) {
        if (instant == null) {
            return null;
        }
        if (dialect == Dialect.MARIADB) {
            return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /**
     * Reads an instant column.
     *
     * @param rs the row
     * @param column the column label
     * @return the instant, or {@code null}
     * @throws SQLException if the driver fails
     */
    public Instant readInstant(ResultSet rs, String column) throws SQLException {
        if (dialect == Dialect.MARIADB) {
            LocalDateTime t = rs.getObject(column, LocalDateTime.class);
            return t == null ? null : t.toInstant(ZoneOffset.UTC);
        }
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /**
     * Returns an argument that binds a value with {@code setObject}, or {@code setNull} with the SQL type of
     * {@code type} (PostgreSQL rejects an untyped null where it cannot infer one). Values are bound without
     * jdbi's conversions, so instants never pass through the JVM's default time zone.
     *
     * @param kind how to bind
     * @param type the Java type of a plain value
     * @param value the value, or {@code null}
     * @return the argument
     */
    public Argument argument(Column.Kind kind, Class<?> type, Object value) {
        Object bound = switch (kind) {
            case UUID -> value == null ? null : uuid((UUID) value);
            case INSTANT -> instant((Instant) value);
            case PLAIN, JSON -> value;
        };
        return new Bound(bound, nullType(kind, type));
    }

    /**
     * A value bound with {@code setObject}, or {@code setNull} with its SQL type. A class rather than a lambda so
     * that describing it (jdbi does, for error messages) costs nothing.
     */
    private record Bound(Object value, int sqlType) implements Argument {
        @Override
        public void apply(
                int position, java.sql.PreparedStatement statement, org.jdbi.v3.core.statement.StatementContext ctx)
                throws SQLException {
            if (value == null) {
                statement.setNull(position, sqlType);
            } else {
                statement.setObject(position, value);
            }
        }

        @Override
        public String toString() {
            return "?";
        }
    }

    /**
     * @param value a plain value (string, number, date, boolean, byte array)
     * @param type its Java type
     * @return an argument binding it
     */
    public Argument plain(Object value, Class<?> type) {
        return argument(Column.Kind.PLAIN, type, value);
    }

    /**
     * @param id an id, or {@code null}
     * @return an argument binding it
     */
    public Argument id(UUID id) {
        return argument(Column.Kind.UUID, UUID.class, id);
    }

    /**
     * @param instant an instant, or {@code null}
     * @return an argument binding it
     */
    public Argument at(Instant instant) {
        return argument(Column.Kind.INSTANT, Instant.class, instant);
    }

    /**
     * @param kind how a column is bound
     * @return the placeholder for it: {@code ?}, or a cast to the JSON type on PostgreSQL
     */
    public String placeholder(Column.Kind kind) {
        return kind == Column.Kind.JSON && dialect == Dialect.POSTGRESQL ? "CAST(? AS jsonb)" : "?";
    }

    private int nullType(Column.Kind kind, Class<?> type) {
        if (kind == Column.Kind.UUID) {
            return dialect == Dialect.MARIADB ? Types.VARBINARY : Types.OTHER;
        }
        if (kind == Column.Kind.INSTANT) {
            return dialect == Dialect.MARIADB ? Types.TIMESTAMP : Types.TIMESTAMP_WITH_TIMEZONE;
        }
        if (kind == Column.Kind.JSON) {
            return dialect == Dialect.POSTGRESQL ? Types.OTHER : Types.VARCHAR;
        }
        if (type == BigDecimal.class) {
            return Types.NUMERIC;
        }
        if (type == LocalDate.class) {
            return Types.DATE;
        }
        if (type == Long.class) {
            return Types.BIGINT;
        }
        if (type == Integer.class) {
            return Types.INTEGER;
        }
        if (type == Double.class) {
            return Types.DOUBLE;
        }
        if (type == Boolean.class) {
            return Types.BOOLEAN;
        }
        if (type == byte[].class) {
            return Types.VARBINARY;
        }
        return Types.VARCHAR;
    }

    /**
     * @param e a failure
     * @return whether it (or its cause) is a violation of a unique constraint or primary key
     */
    public boolean isUniqueViolation(Throwable e) {
        SQLException sql = sqlCause(e);
        if (sql == null) {
            return false;
        }
        return switch (dialect) {
            case MARIADB -> sql.getErrorCode() == 1062;
            case H2, POSTGRESQL -> "23505".equals(sql.getSQLState());
        };
    }

    /**
     * Tells whether a failure is a transient concurrency failure after which the whole transaction may be
     * run again: PostgreSQL serialization failure {@code 40001} and deadlock {@code 40P01}, MariaDB deadlock
     * {@code 1213}, H2 deadlock {@code 40001} and lock timeout ({@code HYT00}, H2 waits for row locks).
     *
     * @param e a failure
     * @return whether to retry
     */
    public boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (isTransient(s)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private boolean isTransient(SQLException s) {
        String state = s.getSQLState();
        return switch (dialect) {
            case POSTGRESQL -> "40001".equals(state) || "40P01".equals(state);
            case MARIADB -> s.getErrorCode() == 1213;
            case H2 -> "40001".equals(state) || "HYT00".equals(state);
        };
    }

    /**
     * @param e a failure
     * @return the first {@link SQLException} in its cause chain, or {@code null}
     */
    public static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
