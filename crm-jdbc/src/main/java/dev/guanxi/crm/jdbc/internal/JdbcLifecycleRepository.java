package dev.guanxi.crm.jdbc.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.competitor.CompetitorId;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.lifecycle.ChurnReason;
import dev.guanxi.crm.lifecycle.LifecycleReason;
import dev.guanxi.crm.lifecycle.LifecycleStage;
import dev.guanxi.crm.lifecycle.LifecycleState;
import dev.guanxi.crm.lifecycle.StageTransition;
import dev.guanxi.crm.lifecycle.TransitionCause;
import dev.guanxi.crm.spi.storage.LifecycleRepository;
import dev.guanxi.crm.spi.storage.StorageException;
import java.sql.BatchUpdateException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.Query;

/**
 * Lifecycle transition logs ({@code guanxi_stage_transition}, one row per move keyed by (customer, seq)), each
 * customer's current stage ({@code guanxi_stage_current}, with the seq of the move that entered it) and churn
 * reasons ({@code guanxi_churn_reason}, keyed by (customer, loss instant)), in plain columns; the rules behind a
 * move are a JSON list.
 *
 * <p>An append reads the current rows of the customers involved with one query per {@value #CHUNK} customers
 * (see {@link #readCurrent}), checks each move's {@code from} against them in memory (a customer appearing several times is
 * walked in list order), then writes three batches per chunk: new current rows (first placements), updates of
 * existing ones conditioned on the seq that was read, and the log rows. The conditioned update is the optimistic
 * lock: a count of 0 means another transaction moved the customer. A lost race on a key (two first placements at
 * once, or a driver that reports no update counts and a log row that another transaction already wrote) is a
 * unique violation, also reported as stale. A call that fails may have written part of its moves: the SPI has
 * the caller's unit of work roll back.
 *
 * <p>Instants are stored truncated to microseconds (what every database keeps; rounding would differ between
 * them), so an instant read back equals the one appended when it had no finer digits; period bounds are
 * compared on the same grid.
 */
final class JdbcLifecycleRepository implements LifecycleRepository {
    /** The most customers whose current rows one query reads (and one batch writes). */
    static final int CHUNK = 1000;

    private static final String ENTITY = "LifecycleStage";
    private static final String NO_REASONS = "[]";
    private static final TypeReference<List<LifecycleReason>> REASONS = new TypeReference<>() {};
    private static final ObjectWriter REASONS_WRITER = Json.mapper().writerFor(REASONS);
    private static final ObjectReader REASONS_READER = Json.mapper().readerFor(REASONS);
    /** How often a churn reason upsert that lost a race to another transaction's insert is tried again (H2). */
    private static final int CHURN_PROBES = 50;

    private static final String LOG_COLUMNS = "customer_id, seq, from_stage, to_stage, at, cause, reason, reasons";
    private static final String INSERT_LOG =
            "INSERT INTO guanxi_stage_transition (tenant_id, " + LOG_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_CURRENT =
            "INSERT INTO guanxi_stage_current (tenant_id, customer_id, stage, since, seq) VALUES (?, ?, ?, ?, ?)";
    private static final String UPDATE_CURRENT = "UPDATE guanxi_stage_current SET stage = ?, since = ?, seq = ?"
            + " WHERE tenant_id = ? AND customer_id = ? AND seq = ?";
    private static final String CHURN_COLUMNS =
            "customer_id, lost_at, code, competitor_id, note, recorded_at, recorded_by";

    private final JdbcUnitOfWork uow;
    private final SqlDialect sql;

    JdbcLifecycleRepository(JdbcUnitOfWork uow) {
        this.uow = uow;
        this.sql = uow.sql();
    }

    /** One customer's moves in one call, in list order, and the state read before them. */
    private static final class Chain {
        final CustomerId customerId;
        final List<StageTransition> moves = new ArrayList<>(1);
        /** The seq of the current row as read (0: no current row). */
        long base;
        /** Whether a current row existed when read. */
        boolean placed;

        Chain(CustomerId customerId) {
            this.customerId = customerId;
        }
    }

    /** A current row as read: the customer, the stage and the seq of the move that entered it. */
    private record Current(UUID customer, LifecycleStage stage, long seq) {}

    @Override
    public void appendAll(List<StageTransition> transitions) {
        Objects.requireNonNull(transitions, "transitions");
        Map<CustomerId, Chain> byCustomer = new LinkedHashMap<>();
        for (StageTransition t : transitions) {
            Objects.requireNonNull(t, "transition");
            byCustomer.computeIfAbsent(t.customerId(), Chain::new).moves.add(t);
        }
        if (byCustomer.isEmpty()) {
            return;
        }
        uow.requireWritable();
        List<Chain> chains = new ArrayList<>(byCustomer.values());
        // One order for every writer, so that two appends over the same customers lock their rows alike.
        chains.sort((a, b) -> a.customerId.value().compareTo(b.customerId.value()));
        // No savepoint: a failed call leaves the unit of work to be rolled back, as the SPI says. (On H2, rolling back
        // to a savepoint after a row-lock wait was also seen to leave the other waiters for the row asleep until the
        // lock timeout.)
        for (int start = 0; start < chains.size(); start += CHUNK) {
            appendChunk(chains.subList(start, Math.min(chains.size(), start + CHUNK)));
        }
    }

    private void appendChunk(List<Chain> chunk) {
        Map<UUID, Current> current = readCurrent(chunk);
        List<List<Argument>> inserts = new ArrayList<>();
        List<List<Argument>> updates = new ArrayList<>();
        List<Chain> inserted = new ArrayList<>();
        List<Chain> updated = new ArrayList<>();
        List<List<Argument>> log = new ArrayList<>(chunk.size());
        List<Chain> logged = new ArrayList<>(chunk.size());
        Argument tenant = uow.tenantArg();
        for (Chain chain : chunk) {
            Current now = current.get(chain.customerId.value());
            chain.placed = now != null;
            chain.base = now == null ? 0 : now.seq();
            LifecycleStage stage = now == null ? null : now.stage();
            long seq = chain.base;
            Instant since = null;
            Argument customer = sql.id(chain.customerId.value());
            for (StageTransition t : chain.moves) {
                if (t.from() != stage) {
                    throw new StaleVersionException(ENTITY, t.customerId(), seq);
                }
                seq++;
                stage = t.to();
                since = micros(t.at());
                log.add(List.of(
                        tenant,
                        customer,
                        sql.plain(seq, Long.class),
                        sql.plain(t.from() == null ? null : t.from().name(), String.class),
                        sql.plain(t.to().name(), String.class),
                        sql.at(since),
                        sql.plain(t.cause().name(), String.class),
                        sql.plain(t.reason(), String.class),
                        sql.plain(reasonsJson(t.reasons()), String.class)));
                logged.add(chain);
            }
            Argument stageArg = sql.plain(stage.name(), String.class);
            Argument seqArg = sql.plain(seq, Long.class);
            if (chain.placed) {
                updates.add(
                        List.of(stageArg, sql.at(since), seqArg, tenant, customer, sql.plain(chain.base, Long.class)));
                updated.add(chain);
            } else {
                inserts.add(List.of(tenant, customer, stageArg, sql.at(since), seqArg));
                inserted.add(chain);
            }
        }
        try {
            uow.batch(INSERT_CURRENT, inserts);
        } catch (UniqueViolation e) {
            throw raced(inserted, e); // a first placement of the same customer by a concurrent transaction
        }
        int[] counts = uow.batch(UPDATE_CURRENT, updates);
        for (int i = 0; i < counts.length; i++) {
            // Statement.SUCCESS_NO_INFO (a driver's bulk protocol) leaves the check to the log's key below.
            if (counts[i] == 0) {
                Chain lost = updated.get(i);
                throw new StaleVersionException(ENTITY, lost.customerId, lost.base);
            }
        }
        try {
            uow.batch(INSERT_LOG, log);
        } catch (UniqueViolation e) {
            throw raced(logged, e);
        }
    }

    /**
     * Reads the current rows of a chunk's customers with one query: an {@code IN} list on PostgreSQL and MariaDB,
     * which look each id up in the primary key; on H2 a join with a {@code VALUES} list, because H2 uses an index
     * for an {@code IN} list only on the index's first column (here the tenant) and would scan the tenant's rows.
     */
    private Map<UUID, Current> readCurrent(List<Chain> chunk) {
        // The list is padded (repeating the last id) to a few sizes, so that the database sees few distinct texts.
        int size = paddedSize(chunk.size());
        List<Argument> args = new ArrayList<>(size + 1);
        boolean h2 = sql.dialect() == dev.guanxi.crm.jdbc.Dialect.H2;
        if (!h2) {
            args.add(uow.tenantArg());
        }
        for (int i = 0; i < size; i++) {
            args.add(sql.id(chunk.get(Math.min(i, chunk.size() - 1)).customerId.value()));
        }
        String statement;
        if (h2) {
            args.add(uow.tenantArg());
            statement = "SELECT c.customer_id, c.stage, c.seq FROM (VALUES (?)" + ", (?)".repeat(size - 1)
                    + ") v(id) JOIN guanxi_stage_current c ON c.tenant_id = ? AND c.customer_id = v.id";
        } else {
            statement = "SELECT customer_id, stage, seq FROM guanxi_stage_current WHERE tenant_id = ?"
                    + " AND customer_id IN (?" + ", ?".repeat(size - 1) + ")";
        }
        Map<UUID, Current> rows = new HashMap<>(2 * chunk.size());
        stream(statement, args, rs -> {
            UUID id = sql.readUuid(rs, 1);
            rows.put(id, new Current(id, LifecycleStage.valueOf(rs.getString(2)), rs.getLong(3)));
        });
        return rows;
    }

    /** The next power of two, at most {@link #CHUNK}. */
    static int paddedSize(int n) {
        int size = Integer.highestOneBit(n);
        if (size < n) {
            size <<= 1;
        }
        return Math.min(size, CHUNK);
    }

    /**
     * Names the customer of a lost key race: the row at which the driver says the batch failed (the first marked
     * failed, or the first not run), else the batch's first.
     *
     * @param rows the chain of each row of the batch
     */
    private static StaleVersionException raced(List<Chain> rows, UniqueViolation cause) {
        int failed = 0;
        if (cause.getCause() instanceof BatchUpdateException b && b.getUpdateCounts() != null) {
            int[] counts = b.getUpdateCounts();
            failed = counts.length < rows.size() ? counts.length : 0;
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == Statement.EXECUTE_FAILED) {
                    failed = i;
                    break;
                }
            }
        }
        Chain blamed = rows.get(Math.min(failed, rows.size() - 1));
        StaleVersionException stale = new StaleVersionException(ENTITY, blamed.customerId, blamed.base);
        stale.initCause(cause);
        return stale;
    }

    @Override
    public List<StageTransition> history(CustomerId customerId) {
        Objects.requireNonNull(customerId, "customerId");
        return List.copyOf(uow.query(
                "SELECT " + LOG_COLUMNS
                        + " FROM guanxi_stage_transition WHERE tenant_id = ? AND customer_id = ? ORDER BY seq",
                List.of(sql.id(customerId.value())),
                rs -> readTransition(rs, customerId)));
    }

    @Override
    public Optional<LifecycleState> current(CustomerId customerId) {
        Objects.requireNonNull(customerId, "customerId");
        return uow.queryOne(
                "SELECT stage, since FROM guanxi_stage_current WHERE tenant_id = ? AND customer_id = ?",
                List.of(sql.id(customerId.value())),
                rs -> LifecycleState.of(LifecycleStage.valueOf(rs.getString(1)), sql.readInstant(rs, "since")));
    }

    @Override
    public long scanCurrent(BiConsumer<CustomerId, LifecycleState> visitor) {
        Objects.requireNonNull(visitor, "visitor");
        // tenant_id first: the order is the primary key's, so no database sorts the rows.
        return stream(
                "SELECT customer_id, stage, since FROM guanxi_stage_current WHERE tenant_id = ?"
                        + " ORDER BY tenant_id, customer_id",
                List.of(uow.tenantArg()),
                rs -> visitor.accept(
                        new CustomerId(sql.readUuid(rs, 1)),
                        LifecycleState.of(LifecycleStage.valueOf(rs.getString(2)), sql.readInstant(rs, "since"))));
    }

    @Override
    public long scanTransitions(Instant from, Instant to, Consumer<StageTransition> visitor) {
        checkPeriod(from, to);
        Objects.requireNonNull(visitor, "visitor");
        return stream(
                "SELECT " + LOG_COLUMNS + " FROM guanxi_stage_transition WHERE tenant_id = ? AND at >= ? AND at < ?"
                        + " ORDER BY tenant_id, at, customer_id, seq",
                List.of(uow.tenantArg(), sql.at(ceilMicros(from)), sql.at(ceilMicros(to))),
                rs -> visitor.accept(readTransition(rs, null)));
    }

    @Override
    public void putChurnReason(ChurnReason reason) {
        Objects.requireNonNull(reason, "reason");
        uow.requireWritable();
        List<Argument> args = List.of(
                sql.id(reason.customerId().value()),
                sql.at(micros(reason.lostAt())),
                sql.plain(reason.code(), String.class),
                sql.id(
                        reason.competitorId() == null
                                ? null
                                : reason.competitorId().value()),
                sql.plain(reason.note(), String.class),
                sql.at(micros(reason.recordedAt())),
                sql.plain(
                        reason.recordedBy() == null ? null : reason.recordedBy().value(), String.class));
        String values = " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        String statement = switch (sql.dialect()) {
            case POSTGRESQL ->
                "INSERT INTO guanxi_churn_reason (tenant_id, " + CHURN_COLUMNS + ")" + values
                        + " ON CONFLICT (tenant_id, customer_id, lost_at) DO UPDATE SET code = EXCLUDED.code,"
                        + " competitor_id = EXCLUDED.competitor_id, note = EXCLUDED.note,"
                        + " recorded_at = EXCLUDED.recorded_at, recorded_by = EXCLUDED.recorded_by";
            case MARIADB ->
                "INSERT INTO guanxi_churn_reason (tenant_id, " + CHURN_COLUMNS + ")" + values
                        + " ON DUPLICATE KEY UPDATE code = VALUES(code), competitor_id = VALUES(competitor_id),"
                        + " note = VALUES(note), recorded_at = VALUES(recorded_at), recorded_by = VALUES(recorded_by)";
            case H2 ->
                "MERGE INTO guanxi_churn_reason (tenant_id, " + CHURN_COLUMNS + ")"
                        + " KEY (tenant_id, customer_id, lost_at)" + values;
        };
        for (int probe = 0; ; probe++) {
            try {
                uow.guarded(() -> uow.update(statement, args));
                return;
            } catch (UniqueViolation e) {
                // H2's MERGE is an update, then an insert: another transaction's insert may come in between.
                if (probe >= CHURN_PROBES) {
                    throw new StaleVersionException("ChurnReason", reason.customerId(), probe);
                }
                pause(probe);
            }
        }
    }

    @Override
    public List<ChurnReason> churnReasons(CustomerId customerId) {
        Objects.requireNonNull(customerId, "customerId");
        return List.copyOf(uow.query(
                "SELECT " + CHURN_COLUMNS
                        + " FROM guanxi_churn_reason WHERE tenant_id = ? AND customer_id = ? ORDER BY lost_at",
                List.of(sql.id(customerId.value())),
                this::readChurn));
    }

    @Override
    public long scanChurnReasons(Instant from, Instant to, Consumer<ChurnReason> visitor) {
        checkPeriod(from, to);
        Objects.requireNonNull(visitor, "visitor");
        return stream(
                "SELECT " + CHURN_COLUMNS + " FROM guanxi_churn_reason WHERE tenant_id = ? AND lost_at >= ?"
                        + " AND lost_at < ? ORDER BY tenant_id, lost_at, customer_id",
                List.of(uow.tenantArg(), sql.at(ceilMicros(from)), sql.at(ceilMicros(to))),
                rs -> visitor.accept(readChurn(rs)));
    }

    /** Reads one row of a streaming query. */
    @FunctionalInterface
    private interface RowVisitor {
        void visit(ResultSet rs) throws SQLException;
    }

    /** Streams a query's rows with the storage's fetch size; every argument given, the tenant among them. */
    private long stream(String statement, List<Argument> args, RowVisitor visitor) {
        int fetchSize = uow.state().fetchSize();
        return uow.translate(() -> {
            try (Query q = uow.handle().createQuery(statement)) {
                for (int i = 0; i < args.size(); i++) {
                    q.bind(i, args.get(i));
                }
                q.setFetchSize(fetchSize);
                return q.scanResultSet((supplier, ctx) -> {
                    ResultSet rs = supplier.get();
                    long n = 0;
                    while (rs.next()) {
                        visitor.visit(rs);
                        n++;
                    }
                    return n;
                });
            }
        });
    }

    private StageTransition readTransition(ResultSet rs, CustomerId known) throws SQLException {
        CustomerId customer = known != null ? known : new CustomerId(sql.readUuid(rs, "customer_id"));
        String from = rs.getString("from_stage");
        String reasons = rs.getString("reasons");
        return new StageTransition(
                customer,
                from == null ? null : LifecycleStage.valueOf(from),
                LifecycleStage.valueOf(rs.getString("to_stage")),
                sql.readInstant(rs, "at"),
                TransitionCause.valueOf(rs.getString("cause")),
                rs.getString("reason"),
                NO_REASONS.equals(reasons) ? List.of() : Json.<List<LifecycleReason>>read(REASONS_READER, reasons));
    }

    private ChurnReason readChurn(ResultSet rs) throws SQLException {
        UUID competitor = sql.readUuid(rs, "competitor_id");
        String recordedBy = rs.getString("recorded_by");
        return new ChurnReason(
                new CustomerId(sql.readUuid(rs, "customer_id")),
                sql.readInstant(rs, "lost_at"),
                rs.getString("code"),
                competitor == null ? null : new CompetitorId(competitor),
                rs.getString("note"),
                sql.readInstant(rs, "recorded_at"),
                recordedBy == null ? null : new StaffId(recordedBy));
    }

    private static String reasonsJson(List<LifecycleReason> reasons) {
        return reasons.isEmpty() ? NO_REASONS : Json.write(REASONS_WRITER, reasons);
    }

    /** The instant truncated to microseconds, as stored. */
    static Instant micros(Instant t) {
        return t.getNano() % 1000 == 0 ? t : t.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * The first microsecond at or after an instant: a stored (truncated) instant is at or after {@code t} exactly
     * when it is at or after this one.
     */
    static Instant ceilMicros(Instant t) {
        Instant floor = micros(t);
        return floor.equals(t) ? t : floor.plusNanos(1000);
    }

    private static void checkPeriod(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends at " + to + " before it starts at " + from);
        }
    }

    private static void pause(int probe) {
        try {
            TimeUnit.MICROSECONDS.sleep(200L + ThreadLocalRandom.current().nextLong(200L * (1 + probe)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted", e);
        }
    }
}
