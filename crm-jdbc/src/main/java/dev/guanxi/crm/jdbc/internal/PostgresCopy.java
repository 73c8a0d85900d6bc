package dev.guanxi.crm.jdbc.internal;

import dev.guanxi.crm.spi.storage.StorageException;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * PostgreSQL's {@code COPY ... FROM STDIN (FORMAT csv)} for the bulk path: several times faster than batched
 * inserts for large batches. Used only on PostgreSQL, when the connection unwraps to the driver's {@link
 * PGConnection} (a pool that hides it gets the batched path). In its own class so that the PostgreSQL driver
 * is needed only where PostgreSQL is used.
 */
final class PostgresCopy {
    private static final HexFormat HEX = HexFormat.of();

    private PostgresCopy() {}

    /**
     * @param uow the unit of work
     * @return the driver's copy API, or {@code null} if the connection does not expose it
     */
    static CopyManager copyManager(JdbcUnitOfWork uow) {
        try {
            Connection c = uow.handle().getConnection();
            return c.isWrapperFor(PGConnection.class)
                    ? c.unwrap(PGConnection.class).getCopyAPI()
                    : null;
        } catch (SQLException e) {
            return null;
        }
    }

    /**
     * Copies rows into a table.
     *
     * @param uow the unit of work (for error translation)
     * @param copy the copy API
     * @param statement the {@code COPY table (columns) FROM STDIN (FORMAT csv)} statement
     * @param csv the rows
     */
    static void copy(JdbcUnitOfWork uow, CopyManager copy, String statement, CharSequence csv) {
        uow.state().logStatement(statement);
        try {
            copy.copyIn(statement, new StringReader(csv.toString()));
        } catch (SQLException e) {
            throw uow.state().translate(e);
        } catch (IOException e) {
            throw new StorageException("COPY failed: " + e.getMessage(), e);
        }
    }

    /**
     * Appends one CSV field.
     *
     * @param csv the row so far
     * @param kind how the column is bound
     * @param value the value, {@code null} for SQL NULL (an unquoted empty field)
     */
    static void field(StringBuilder csv, Column.Kind kind, Object value) {
        if (value == null) {
            return;
        }
        switch (kind) {
            case UUID -> csv.append((UUID) value);
            case INSTANT -> csv.append(OffsetDateTime.ofInstant((Instant) value, ZoneOffset.UTC));
            case JSON -> quoted(csv, (String) value);
            case PLAIN -> {
                if (value instanceof String s) {
                    quoted(csv, s);
                } else if (value instanceof BigDecimal d) {
                    csv.append(d.toPlainString());
                } else if (value instanceof byte[] bytes) {
                    csv.append("\\x").append(HEX.formatHex(bytes));
                } else {
                    csv.append(value); // numbers, booleans (true/false), LocalDate (ISO)
                }
            }
        }
    }

    private static void quoted(StringBuilder csv, String s) {
        csv.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                csv.append('"');
            }
            csv.append(c);
        }
        csv.append('"');
    }

    /**
     * @param table the table
     * @param columns its columns, in order
     * @return the COPY statement
     */
    static String statement(String table, List<String> columns) {
        return "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT csv)";
    }
}
