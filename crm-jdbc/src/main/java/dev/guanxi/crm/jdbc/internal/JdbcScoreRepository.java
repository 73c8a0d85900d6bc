package dev.guanxi.crm.jdbc.internal;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.spi.storage.ScoreRepository;
import dev.guanxi.crm.spi.storage.ScoreRun;
import dev.guanxi.crm.spi.storage.ScoreSnapshot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.argument.Argument;

/**
 * Score snapshots ({@code guanxi_score}, one row per customer) and runs ({@code guanxi_score_run}). A batch
 * of snapshots is one multi-row upsert ({@code ON CONFLICT}, {@code ON DUPLICATE KEY}, {@code MERGE}) inside
 * a savepoint, so each call is all or nothing.
 */
final class JdbcScoreRepository implements ScoreRepository {
    private static final ObjectWriter SNAPSHOT_WRITER = Json.writer(ScoreSnapshot.class);
    private static final ObjectReader SNAPSHOT_READER = Json.reader(ScoreSnapshot.class);
    private static final ObjectWriter RUN_WRITER = Json.writer(ScoreRun.class);
    private static final ObjectReader RUN_READER = Json.reader(ScoreRun.class);

    private final JdbcUnitOfWork uow;
    private final SqlDialect sql;

    JdbcScoreRepository(JdbcUnitOfWork uow) {
        this.uow = uow;
        this.sql = uow.sql();
    }

    @Override
    public void upsertAll(List<ScoreSnapshot> snapshots) {
        Objects.requireNonNull(snapshots, "snapshots");
        if (snapshots.isEmpty()) {
            return;
        }
        uow.requireWritable();
        Set<CustomerId> seen = new HashSet<>();
        List<List<Argument>> rows = new ArrayList<>(snapshots.size());
        for (ScoreSnapshot s : snapshots) {
            if (!seen.add(s.customerId())) {
                throw new IllegalArgumentException("two snapshots for customer " + s.customerId());
            }
            rows.add(List.of(
                    uow.tenantArg(),
                    sql.id(s.customerId().value()),
                    sql.id(s.runId()),
                    sql.plain(s.asOf(), LocalDate.class),
                    sql.plain(s.inputsHash(), String.class),
                    sql.plain(Json.write(SNAPSHOT_WRITER, s), String.class)));
        }
        String columns = "(tenant_id, customer_id, run_id, as_of, inputs_hash, doc)";
        String statement = switch (sql.dialect()) {
            case POSTGRESQL ->
                "INSERT INTO guanxi_score " + columns + " VALUES (?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (tenant_id, customer_id) DO UPDATE SET run_id = EXCLUDED.run_id,"
                        + " as_of = EXCLUDED.as_of, inputs_hash = EXCLUDED.inputs_hash, doc = EXCLUDED.doc";
            case MARIADB ->
                "INSERT INTO guanxi_score " + columns + " VALUES (?, ?, ?, ?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE run_id = VALUES(run_id), as_of = VALUES(as_of),"
                        + " inputs_hash = VALUES(inputs_hash), doc = VALUES(doc)";
            case H2 ->
                "MERGE INTO guanxi_score " + columns + " KEY (tenant_id, customer_id)" + " VALUES (?, ?, ?, ?, ?, ?)";
        };
        uow.atomically(() -> uow.batch(statement, rows));
    }

    @Override
    public Optional<ScoreSnapshot> find(CustomerId customerId) {
        Objects.requireNonNull(customerId, "customerId");
        return uow.queryOne(
                "SELECT doc FROM guanxi_score WHERE tenant_id = ? AND customer_id = ?",
                List.of(sql.id(customerId.value())),
                rs -> Json.read(SNAPSHOT_READER, rs.getString(1)));
    }

    @Override
    public Page<ScoreSnapshot> list(PageRequest page) {
        Objects.requireNonNull(page, "page");
        List<ScoreSnapshot> rows = uow.query(
                "SELECT doc FROM guanxi_score WHERE tenant_id = ? ORDER BY customer_id LIMIT ? OFFSET ?",
                List.of(sql.plain(page.limit() + 1, Integer.class), sql.plain(page.offset(), Integer.class)),
                rs -> Json.read(SNAPSHOT_READER, rs.getString(1)));
        boolean more = rows.size() > page.limit();
        return new Page<>(more ? List.copyOf(rows.subList(0, page.limit())) : rows, page, more);
    }

    /**
     * One query in primary-key order ({@code tenant_id} first, so no database sorts: the order of {@link #list}),
     * streamed with the store's fetch size.
     */
    @Override
    public long scan(java.util.function.Consumer<? super dev.guanxi.crm.spi.storage.ScoreView> visitor) {
        Objects.requireNonNull(visitor, "visitor");
        int fetchSize = uow.state().fetchSize();
        return uow.translate(() -> {
            try (org.jdbi.v3.core.statement.Query q = uow.handle()
                    .createQuery("SELECT doc FROM guanxi_score WHERE tenant_id = ? ORDER BY tenant_id, customer_id")) {
                q.bind(0, uow.tenantArg());
                q.setFetchSize(fetchSize);
                return q.scanResultSet((supplier, ctx) -> {
                    java.sql.ResultSet rs = supplier.get();
                    long n = 0;
                    while (rs.next()) {
                        visitor.accept(Json.read(SNAPSHOT_READER, rs.getString(1)));
                        n++;
                    }
                    return n;
                });
            }
        });
    }

    @Override
    public long countByRun(UUID runId) {
        Objects.requireNonNull(runId, "runId");
        return uow.queryOne(
                        "SELECT COUNT(*) FROM guanxi_score WHERE tenant_id = ? AND run_id = ?",
                        List.of(sql.id(runId)),
                        rs -> rs.getLong(1))
                .orElse(0L);
    }

    @Override
    public void saveRun(ScoreRun run) {
        Objects.requireNonNull(run, "run");
        uow.requireWritable();
        Argument asOf = sql.plain(run.asOf(), LocalDate.class);
        Argument started = sql.at(run.startedAt());
        Argument completed = sql.at(run.completedAt());
        Argument doc = sql.plain(Json.write(RUN_WRITER, run), String.class);
        Argument id = sql.id(run.id());
        for (int attempt = 0; ; attempt++) {
            int updated = uow.updateRaw(
                    "UPDATE guanxi_score_run SET as_of = ?, started_at = ?, completed_at = ?, doc = ?"
                            + " WHERE tenant_id = ? AND id = ?",
                    List.of(asOf, started, completed, doc, uow.tenantArg(), id));
            if (updated > 0) {
                return;
            }
            try {
                uow.guarded(() -> uow.update(
                        "INSERT INTO guanxi_score_run (tenant_id, id, as_of, started_at, completed_at, doc)"
                                + " VALUES (?, ?, ?, ?, ?, ?)",
                        List.of(id, asOf, started, completed, doc)));
                return;
            } catch (UniqueViolation e) {
                if (attempt > 0) {
                    throw e;
                }
                // Another unit of work inserted the run first: update it.
            }
        }
    }

    @Override
    public Optional<ScoreRun> findRun(UUID runId) {
        Objects.requireNonNull(runId, "runId");
        return uow.queryOne(
                "SELECT doc FROM guanxi_score_run WHERE tenant_id = ? AND id = ?",
                List.of(sql.id(runId)),
                rs -> Json.read(RUN_READER, rs.getString(1)));
    }

    @Override
    public Optional<ScoreRun> latestRun() {
        List<ScoreRun> runs = uow.query(
                "SELECT doc FROM guanxi_score_run WHERE tenant_id = ? ORDER BY started_at DESC, id DESC LIMIT 1",
                List.of(),
                rs -> Json.read(RUN_READER, rs.getString(1)));
        return runs.stream().findFirst();
    }
}
