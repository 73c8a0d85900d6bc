package dev.guanxi.crm.jdbc.internal;

import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.spi.storage.ImportJournalRepository;
import dev.guanxi.crm.spi.storage.ImportKey;
import dev.guanxi.crm.stewardship.DuplicatePolicy;
import dev.guanxi.crm.stewardship.ImportCounts;
import dev.guanxi.crm.stewardship.ImportFlag;
import dev.guanxi.crm.stewardship.ImportJob;
import dev.guanxi.crm.stewardship.ImportKind;
import dev.guanxi.crm.stewardship.ImportStatus;
import dev.guanxi.crm.stewardship.RowError;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.argument.Argument;

/**
 * The import journal: jobs ({@code guanxi_import_job}, the update conditioned on the version that was read), error
 * reports and duplicate flags ({@code guanxi_import_error}, {@code guanxi_import_flag}, each in append order by a
 * per-job seq, written in one batch per call), and the keys of imported records ({@code guanxi_import_key}, replaced
 * by a batched delete and insert). Everything is written in the batch's own transaction.
 */
final class JdbcImportJournalRepository implements ImportJournalRepository {
    private static final String JOB_COLUMNS = "job_id, kind, source_fp, status, last_row, batches, created_rows,"
            + " updated_rows, unchanged_rows, skipped_rows, flagged_rows, failed_rows, version, started_at, updated_at";
    private static final String ERROR_COLUMNS =
            "job_id, seq, row_no, line_no, external_id, field_path, rule_code, message";
    private static final String FLAG_COLUMNS =
            "job_id, seq, row_no, external_id, flag_action, customer_id, duplicate_of, score, matchers";

    /** The most external ids one lookup binds. */
    static final int CHUNK = 500;

    private final JdbcUnitOfWork uow;
    private final SqlDialect sql;

    JdbcImportJournalRepository(JdbcUnitOfWork uow) {
        this.uow = uow;
        this.sql = uow.sql();
    }

    @Override
    public Optional<ImportJob> find(String jobId) {
        Objects.requireNonNull(jobId, "jobId");
        return uow.queryOne(
                "SELECT " + JOB_COLUMNS + " FROM guanxi_import_job WHERE tenant_id = ? AND job_id = ?",
                List.of(text(jobId)),
                this::readJob);
    }

    @Override
    public void insert(ImportJob job) {
        Objects.requireNonNull(job, "job");
        uow.requireWritable();
        List<Argument> args = new ArrayList<>(jobValues(job));
        try {
            uow.guarded(() -> uow.update(
                    "INSERT INTO guanxi_import_job (tenant_id, " + JOB_COLUMNS
                            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    args));
        } catch (UniqueViolation e) {
            throw new DuplicateKeyException("jobId", job.jobId(), job.jobId());
        }
    }

    @Override
    public void update(long expectedVersion, ImportJob job) {
        Objects.requireNonNull(job, "job");
        if (job.version() != expectedVersion + 1) {
            throw new IllegalArgumentException(
                    "new version must be " + (expectedVersion + 1) + ", got " + job.version());
        }
        uow.requireWritable();
        List<Argument> values = jobValues(job);
        List<Argument> args = new ArrayList<>(values.subList(1, values.size()));
        args.add(uow.tenantArg());
        args.add(text(job.jobId()));
        args.add(sql.plain(expectedVersion, Long.class));
        int changed = uow.updateRaw(
                "UPDATE guanxi_import_job SET kind = ?, source_fp = ?, status = ?, last_row = ?, batches = ?,"
                        + " created_rows = ?, updated_rows = ?, unchanged_rows = ?, skipped_rows = ?, flagged_rows = ?,"
                        + " failed_rows = ?, version = ?, started_at = ?, updated_at = ?"
                        + " WHERE tenant_id = ? AND job_id = ? AND version = ?",
                args);
        if (changed == 0) {
            throw new StaleVersionException("ImportJob", job.jobId(), expectedVersion);
        }
    }

    private List<Argument> jobValues(ImportJob job) {
        ImportCounts c = job.counts();
        return List.of(
                text(job.jobId()),
                text(job.kind().name()),
                text(job.source()),
                text(job.status().name()),
                number(job.lastRow()),
                number(job.batches()),
                number(c.created()),
                number(c.updated()),
                number(c.unchanged()),
                number(c.skipped()),
                number(c.flagged()),
                number(c.failed()),
                number(job.version()),
                sql.at(job.startedAt()),
                sql.at(job.updatedAt()));
    }

    private ImportJob readJob(ResultSet rs) throws SQLException {
        return new ImportJob(
                rs.getString("job_id"),
                ImportKind.valueOf(rs.getString("kind")),
                rs.getString("source_fp"),
                ImportStatus.valueOf(rs.getString("status")),
                rs.getLong("last_row"),
                rs.getLong("batches"),
                new ImportCounts(
                        rs.getLong("created_rows"),
                        rs.getLong("updated_rows"),
                        rs.getLong("unchanged_rows"),
                        rs.getLong("skipped_rows"),
                        rs.getLong("flagged_rows"),
                        rs.getLong("failed_rows")),
                rs.getLong("version"),
                sql.readInstant(rs, "started_at"),
                sql.readInstant(rs, "updated_at"));
    }

    @Override
    public void appendErrors(String jobId, List<RowError> errors) {
        Objects.requireNonNull(jobId, "jobId");
        if (errors.isEmpty()) {
            return;
        }
        uow.requireWritable();
        long seq = lastSeq("guanxi_import_error", jobId);
        List<List<Argument>> rows = new ArrayList<>(errors.size());
        for (RowError e : errors) {
            rows.add(List.of(
                    uow.tenantArg(),
                    text(jobId),
                    number(++seq),
                    number(e.row()),
                    number(e.line()),
                    text(e.externalId()),
                    text(e.field()),
                    text(e.rule().name()),
                    text(e.message())));
        }
        uow.batch(
                "INSERT INTO guanxi_import_error (tenant_id, " + ERROR_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
    }

    @Override
    public List<RowError> errors(String jobId) {
        Objects.requireNonNull(jobId, "jobId");
        return uow.query(
                "SELECT " + ERROR_COLUMNS + " FROM guanxi_import_error WHERE tenant_id = ? AND job_id = ?"
                        + " ORDER BY row_no, seq",
                List.of(text(jobId)),
                rs -> new RowError(
                        rs.getLong("row_no"),
                        rs.getLong("line_no"),
                        rs.getString("external_id"),
                        rs.getString("field_path"),
                        ValidationRule.valueOf(rs.getString("rule_code")),
                        rs.getString("message")));
    }

    @Override
    public void appendFlags(String jobId, List<ImportFlag> flags) {
        Objects.requireNonNull(jobId, "jobId");
        if (flags.isEmpty()) {
            return;
        }
        uow.requireWritable();
        long seq = lastSeq("guanxi_import_flag", jobId);
        List<List<Argument>> rows = new ArrayList<>(flags.size());
        for (ImportFlag f : flags) {
            rows.add(List.of(
                    uow.tenantArg(),
                    text(jobId),
                    number(++seq),
                    number(f.row()),
                    text(f.externalId()),
                    text(f.action().name()),
                    sql.id(f.customer() == null ? null : f.customer().value()),
                    sql.id(f.duplicateOf().value()),
                    sql.plain(f.score(), Double.class),
                    text(String.join("\n", f.matchers()))));
        }
        uow.batch(
                "INSERT INTO guanxi_import_flag (tenant_id, " + FLAG_COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
    }

    @Override
    public List<ImportFlag> flags(String jobId) {
        Objects.requireNonNull(jobId, "jobId");
        return uow.query(
                "SELECT " + FLAG_COLUMNS + " FROM guanxi_import_flag WHERE tenant_id = ? AND job_id = ?"
                        + " ORDER BY row_no, seq",
                List.of(text(jobId)),
                rs -> {
                    UUID customer = sql.readUuid(rs, "customer_id");
                    String matchers = rs.getString("matchers");
                    return new ImportFlag(
                            rs.getLong("row_no"),
                            rs.getString("external_id"),
                            DuplicatePolicy.valueOf(rs.getString("flag_action")),
                            customer == null ? null : new CustomerId(customer),
                            new CustomerId(sql.readUuid(rs, "duplicate_of")),
                            rs.getDouble("score"),
                            matchers.isEmpty() ? List.of() : Arrays.asList(matchers.split("\n", -1)));
                });
    }

    @Override
    public void clearReport(String jobId) {
        Objects.requireNonNull(jobId, "jobId");
        uow.requireWritable();
        uow.update("DELETE FROM guanxi_import_error WHERE tenant_id = ? AND job_id = ?", List.of(text(jobId)));
        uow.update("DELETE FROM guanxi_import_flag WHERE tenant_id = ? AND job_id = ?", List.of(text(jobId)));
    }

    @Override
    public Map<String, ImportKey> findKeys(ImportKind kind, Collection<String> externalIds) {
        Objects.requireNonNull(kind, "kind");
        List<String> ids = List.copyOf(externalIds);
        Map<String, ImportKey> found = new HashMap<>();
        // H2 uses an index for IN only on the index's first column, so it looks up one id at a time (embedded: no
        // round trip); the server databases take chunks
        int chunk = sql.dialect() == dev.guanxi.crm.jdbc.Dialect.H2 ? 1 : CHUNK;
        for (int from = 0; from < ids.size(); from += chunk) {
            List<String> part = ids.subList(from, Math.min(ids.size(), from + chunk));
            List<Argument> args = new ArrayList<>(part.size() + 1);
            args.add(text(kind.name()));
            part.forEach(id -> args.add(text(id)));
            uow.query(
                            "SELECT external_id, record_id, fingerprint FROM guanxi_import_key WHERE tenant_id = ?"
                                    + " AND kind = ? AND " + in("external_id", part.size()),
                            args,
                            rs -> new ImportKey(
                                    kind,
                                    rs.getString("external_id"),
                                    sql.readUuid(rs, "record_id"),
                                    rs.getString("fingerprint")))
                    .forEach(k -> found.put(k.externalId(), k));
        }
        return found;
    }

    static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** @return {@code column = ?} for one value, else {@code column IN (?, ...)} */
    static String in(String column, int n) {
        return n == 1 ? column + " = ?" : column + " IN (" + placeholders(n) + ")";
    }

    @Override
    public void putKeys(List<ImportKey> keys) {
        if (keys.isEmpty()) {
            return;
        }
        uow.requireWritable();
        List<List<Argument>> deletes = new ArrayList<>(keys.size());
        List<List<Argument>> inserts = new ArrayList<>(keys.size());
        for (ImportKey k : keys) {
            Objects.requireNonNull(k, "key");
            deletes.add(List.of(uow.tenantArg(), text(k.kind().name()), text(k.externalId())));
            inserts.add(List.of(
                    uow.tenantArg(),
                    text(k.kind().name()),
                    text(k.externalId()),
                    sql.id(k.recordId()),
                    text(k.fingerprint())));
        }
        uow.batch("DELETE FROM guanxi_import_key WHERE tenant_id = ? AND kind = ? AND external_id = ?", deletes);
        try {
            uow.batch(
                    "INSERT INTO guanxi_import_key (tenant_id, kind, external_id, record_id, fingerprint)"
                            + " VALUES (?, ?, ?, ?, ?)",
                    inserts);
        } catch (UniqueViolation e) {
            // another transaction imported the same external id meanwhile; this unit of work must roll back
            throw new StaleVersionException("ImportKey", keys.get(0).externalId(), 0);
        }
    }

    private long lastSeq(String table, String jobId) {
        return uow.queryOne(
                        "SELECT COALESCE(MAX(seq), 0) FROM " + table + " WHERE tenant_id = ? AND job_id = ?",
                        List.of(text(jobId)),
                        rs -> rs.getLong(1))
                .orElse(0L);
    }

    private Argument text(String value) {
        return sql.plain(value, String.class);
    }

    private Argument number(long value) {
        return sql.plain(value, Long.class);
    }
}
