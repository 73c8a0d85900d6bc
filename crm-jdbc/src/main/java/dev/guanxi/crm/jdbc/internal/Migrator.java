package dev.guanxi.crm.jdbc.internal;

import dev.guanxi.crm.jdbc.Dialect;
import dev.guanxi.crm.spi.storage.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * Applies the versioned migration scripts of a dialect ({@code db/guanxi/<dialect>/V<n>__<name>.sql}) that a
 * database has not seen, in order, recording each in {@code guanxi_schema_history} with a SHA-256 checksum.
 * A changed script that was already applied, or a database with versions this library does not know, is an
 * error. Concurrent migrations (several JVMs starting at once) are serialised by a database lock (an
 * advisory lock on PostgreSQL, {@code GET_LOCK} on MariaDB, a JVM lock for embedded H2).
 *
 * <p>Scripts hold plain statements separated by {@code ;} at the end of a line, so that a host can also apply
 * them with Flyway.
 */
public final class Migrator {
    /** The scripts, in order; a test checks that this list and the folders agree. */
    public static final List<String> SCRIPTS = List.of(
            "V1__schema.sql",
            "V2__scores.sql",
            "V3__points.sql",
            "V4__ownership.sql",
            "V5__campaign_targets.sql",
            "V6__lifecycle.sql",
            "V7__merge.sql",
            "V8__import_journal.sql",
            "V9__privacy.sql",
            "V10__audit.sql",
            "V11__h2_inline_text.sql",
            "V12__order_scan_index.sql");

    private static final Object H2_LOCK = new Object();
    private static final long PG_LOCK_KEY = 0x6775616e7869L; // "guanxi"

    private final Dialect dialect;

    /** @param dialect the database */
    public Migrator(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * Applies the missing migrations.
     *
     * @param handle an open handle (auto-commit)
     * @return how many were applied
     */
    public int migrate(Handle handle) {
        switch (dialect) {
            case H2 -> {
                synchronized (H2_LOCK) {
                    return migrateLocked(handle);
                }
            }
            case POSTGRESQL -> {
                handle.execute("SELECT pg_advisory_lock(" + PG_LOCK_KEY + ")");
                try {
                    return migrateLocked(handle);
                } finally {
                    handle.execute("SELECT pg_advisory_unlock(" + PG_LOCK_KEY + ")");
                }
            }
            case MARIADB -> {
                Integer got = handle.createQuery("SELECT GET_LOCK('guanxi_migrate', 120)")
                        .mapTo(Integer.class)
                        .one();
                if (got == null || got != 1) {
                    throw new StorageException("could not take the migration lock within 120 s");
                }
                try {
                    return migrateLocked(handle);
                } finally {
                    handle.createQuery("SELECT RELEASE_LOCK('guanxi_migrate')")
                            .mapTo(Integer.class)
                            .one();
                }
            }
            default -> throw new IllegalStateException(String.valueOf(dialect));
        }
    }

    private int migrateLocked(Handle handle) {
        handle.execute("CREATE TABLE IF NOT EXISTS guanxi_schema_history ("
                + "version INTEGER NOT NULL PRIMARY KEY, "
                + "script VARCHAR(200) NOT NULL, "
                + "checksum VARCHAR(64) NOT NULL, "
                + "applied_at VARCHAR(40) NOT NULL)");
        Map<Integer, String> applied = new TreeMap<>();
        handle.createQuery("SELECT version, checksum FROM guanxi_schema_history")
                .map((rs, ctx) -> Map.entry(rs.getInt(1), rs.getString(2)))
                .forEach(e -> applied.put(e.getKey(), e.getValue()));
        int known = SCRIPTS.size();
        for (int version : applied.keySet()) {
            if (version > known) {
                throw new StorageException("the database has schema version " + version
                        + ", newer than this library knows (" + known + "); upgrade Guanxi");
            }
        }
        int count = 0;
        for (int i = 0; i < SCRIPTS.size(); i++) {
            int version = i + 1;
            String script = SCRIPTS.get(i);
            String text = load(script);
            String checksum = sha256(text);
            String previous = applied.get(version);
            if (previous != null) {
                if (!previous.equals(checksum)) {
                    throw new StorageException("migration " + script + " was changed after it was applied");
                }
                continue;
            }
            apply(handle, text);
            handle.createUpdate("INSERT INTO guanxi_schema_history (version, script, checksum, applied_at) "
                            + "VALUES (?, ?, ?, ?)")
                    .bind(0, version)
                    .bind(1, script)
                    .bind(2, checksum)
                    .bind(3, OffsetDateTime.now(ZoneOffset.UTC).toString())
                    .execute();
            count++;
        }
        return count;
    }

    private void apply(Handle handle, String text) {
        boolean transactional = dialect != Dialect.MARIADB; // MariaDB commits DDL statement by statement
        if (transactional) {
            handle.useTransaction(h -> statements(text).forEach(h::execute));
        } else {
            statements(text).forEach(handle::execute);
        }
    }

    /**
     * Splits a script into statements: a statement ends with {@code ;} at the end of a line; {@code --}
     * comment lines are dropped.
     *
     * @param text the script
     * @return the statements
     */
    static List<String> statements(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(trimmed, 0, trimmed.length() - 1);
                out.add(current.toString());
                current.setLength(0);
            } else {
                current.append(line).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString());
        }
        return out;
    }

    private String load(String script) {
        String path = dialect.migrationLocation() + "/" + script;
        try (InputStream in = Migrator.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new StorageException("migration script missing from the classpath: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StorageException("cannot read migration " + path, e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
