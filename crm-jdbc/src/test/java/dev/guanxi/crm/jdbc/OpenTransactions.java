package dev.guanxi.crm.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Test helper: finds the database sessions, other than the one asking, that hold a transaction open with
 * changes (H2: uncommitted rows; PostgreSQL: idle in a transaction; MariaDB: an InnoDB transaction on a
 * sleeping connection), and aborts them. Once a test has ended no unit of work of the SDK runs, so such a
 * session is a transaction that outlived its unit of work: its row locks would block every later writer of
 * those rows (and every later test's cleanup), until the lock timeout, on every statement.
 */
final class OpenTransactions {
    private OpenTransactions() {}

    /** One session with an open transaction: its id and what the database says about it. */
    record Session(long id, String description) {}

    static List<Session> find(DataSource dataSource, Dialect dialect) {
        String query = switch (dialect) {
            case H2 ->
                "SELECT SESSION_ID, SESSION_STATE, EXECUTING_STATEMENT, BLOCKER_ID, SESSION_START,"
                        + " SLEEP_SINCE FROM INFORMATION_SCHEMA.SESSIONS"
                        + " WHERE CONTAINS_UNCOMMITTED AND SESSION_ID <> SESSION_ID()";
            case POSTGRESQL ->
                "SELECT pid, state, xact_start, state_change, query FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                        + " AND state LIKE 'idle in transaction%'";
            case MARIADB ->
                "SELECT p.ID, p.COMMAND, t.trx_state, t.trx_started, t.trx_rows_locked, p.INFO"
                        + " FROM information_schema.INNODB_TRX t"
                        + " JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id"
                        + " WHERE p.ID <> CONNECTION_ID() AND p.COMMAND = 'Sleep'";
        };
        List<Session> sessions = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    b.append(i > 1 ? ", " : "")
                            .append(md.getColumnLabel(i))
                            .append('=')
                            .append(rs.getString(i));
                }
                sessions.add(new Session(rs.getLong(1), b.toString()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the open transactions: " + e.getMessage(), e);
        }
        return sessions;
    }

    /** Ends the sessions (rolling their transactions back), so that the tests after this one can run. */
    static void abort(DataSource dataSource, Dialect dialect, List<Session> sessions) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            for (Session session : sessions) {
                switch (dialect) {
                    case H2 -> s.execute("CALL ABORT_SESSION(" + session.id() + ")");
                    case POSTGRESQL -> s.execute("SELECT pg_terminate_backend(" + session.id() + ")");
                    case MARIADB -> s.execute("KILL " + session.id());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot abort the open transactions: " + e.getMessage(), e);
        }
    }

    /** @return every live thread's stack, for the report of a transaction left open */
    static String threadDump() {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<Thread, StackTraceElement[]> e :
                Thread.getAllStackTraces().entrySet()) {
            b.append('"')
                    .append(e.getKey().getName())
                    .append("\" ")
                    .append(e.getKey().getState())
                    .append('\n');
            for (StackTraceElement frame : e.getValue()) {
                b.append("    at ").append(frame).append('\n');
            }
        }
        return b.toString();
    }
}
