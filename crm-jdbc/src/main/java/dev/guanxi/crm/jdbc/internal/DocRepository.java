package dev.guanxi.crm.jdbc.internal;

import dev.guanxi.crm.Aggregate;
import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.NotFoundException;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.spi.storage.AggregateRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.argument.Argument;

/**
 * The operations every aggregate repository has, on a {@link Table}: find by id, insert, update and delete
 * with the version check in the statement ({@code ... WHERE tenant_id = ? AND id = ? AND version = ?}), so
 * that of two changes based on the same version exactly one succeeds whatever the isolation level.
 *
 * @param <I> the id type
 * @param <A> the aggregate type
 */
abstract class DocRepository<I, A extends Aggregate<I>> implements AggregateRepository<I, A> {
    /** How often an insert that lost a unique race to a transaction not yet visible is tried again. */
    private static final int DUPLICATE_PROBES = 50;
    /** The smallest bulk insert that uses PostgreSQL's COPY (below it, a batch is as fast). */
    static final int COPY_THRESHOLD = 200;

    final JdbcUnitOfWork uow;
    final Table<I, A> table;
    final SqlDialect sql;

    DocRepository(JdbcUnitOfWork uow, Table<I, A> table) {
        this.uow = uow;
        this.table = table;
        this.sql = uow.sql();
    }

    @Override
    public Optional<A> find(I id) {
        Objects.requireNonNull(id, "id");
        return uow.queryOne(table.findSql, List.of(sql.id(table.idValue.apply(id))), rs -> read(rs.getString(1)));
    }

    /**
     * @param doc a stored document
     * @return the aggregate
     */
    final A read(String doc) {
        return Json.read(table.reader, doc);
    }

    @Override
    public void insert(A aggregate) {
        Objects.requireNonNull(aggregate, "aggregate");
        uow.requireWritable();
        List<Argument> args = new ArrayList<>();
        args.add(sql.id(table.idValue.apply(aggregate.id())));
        args.add(sql.plain(aggregate.version(), Long.class));
        args.add(sql.plain(Json.write(table.writer, aggregate), String.class));
        addProjections(args, aggregate);
        boolean postgres = sql.dialect() == dev.guanxi.crm.jdbc.Dialect.POSTGRESQL;
        String statement = table.insertSql(sql, postgres);
        for (int probe = 0; ; probe++) {
            int inserted;
            try {
                inserted = uow.update(statement, args);
            } catch (UniqueViolation e) {
                inserted = 0;
            }
            if (inserted == 1) {
                break;
            }
            Optional<DuplicateKeyException> duplicate = duplicateOf(aggregate, true);
            if (duplicate.isPresent()) {
                throw duplicate.get();
            }
            if (probe >= DUPLICATE_PROBES) {
                throw new DuplicateKeyException(
                        table.uniqueKeys.isEmpty()
                                ? "id"
                                : table.uniqueKeys.get(0).field(),
                        String.valueOf(aggregate.id()),
                        null);
            }
            // The holder of the value has not committed yet (H2 reports the conflict at once): wait for it.
            pause(probe);
        }
        table.children.ifPresent(c -> c.insert(uow, aggregate));
        afterInsert(aggregate);
    }

    /**
     * Inserts many aggregates with JDBC batches of one statement (and their child rows likewise), inside a
     * savepoint: if any row is refused, none stays, and the duplicate is then identified row by row so that
     * the exception names the same field and holder as {@link #insert} would.
     */
    @Override
    public void insertAll(List<A> aggregates) {
        Objects.requireNonNull(aggregates, "aggregates");
        if (aggregates.isEmpty()) {
            return;
        }
        uow.requireWritable();
        if (sql.dialect() == dev.guanxi.crm.jdbc.Dialect.POSTGRESQL
                && aggregates.size() >= COPY_THRESHOLD
                && copyAll(aggregates)) {
            aggregates.forEach(this::afterInsert);
            return;
        }
        String statement = table.insertSql(sql, false);
        List<List<Argument>> rows = new ArrayList<>(aggregates.size());
        for (A aggregate : aggregates) {
            Objects.requireNonNull(aggregate, "aggregate");
            List<Argument> args = new ArrayList<>(4 + table.columns.size());
            args.add(uow.tenantArg());
            args.add(sql.id(table.idValue.apply(aggregate.id())));
            args.add(sql.plain(aggregate.version(), Long.class));
            args.add(sql.plain(Json.write(table.writer, aggregate), String.class));
            addProjections(args, aggregate);
            rows.add(args);
        }
        try {
            uow.atomically(() -> {
                uow.batch(statement, rows);
                table.children.ifPresent(c -> c.insertAll(uow, aggregates));
            });
        } catch (UniqueViolation e) {
            throw firstDuplicate(aggregates, e);
        }
        aggregates.forEach(this::afterInsert);
    }

    /**
     * The bulk path on PostgreSQL: the rows and their children with COPY in a savepoint. A unique violation
     * undoes the copy and returns {@code false}, so that the batched path runs and names the duplicate.
     */
    private boolean copyAll(List<A> aggregates) {
        org.postgresql.copy.CopyManager copy = PostgresCopy.copyManager(uow);
        if (copy == null) {
            return false;
        }
        List<String> names = new ArrayList<>(List.of("tenant_id", "id", "version", "doc"));
        table.columns.forEach(c -> names.add(c.name()));
        StringBuilder csv = new StringBuilder(aggregates.size() * 512);
        String tenant = uow.tenant().value();
        for (A a : aggregates) {
            Objects.requireNonNull(a, "aggregate");
            PostgresCopy.field(csv, Column.Kind.PLAIN, tenant);
            csv.append(',');
            PostgresCopy.field(csv, Column.Kind.UUID, table.idValue.apply(a.id()));
            csv.append(',').append(a.version()).append(',');
            PostgresCopy.field(csv, Column.Kind.JSON, Json.write(table.writer, a));
            for (Column<A> c : table.columns) {
                csv.append(',');
                PostgresCopy.field(csv, c.kind(), c.value().apply(a));
            }
            csv.append('\n');
        }
        try {
            uow.atomically(() -> {
                PostgresCopy.copy(uow, copy, PostgresCopy.statement(table.name, names), csv);
                table.children.ifPresent(c -> {
                    if (!c.copyAll(uow, copy, aggregates)) {
                        c.insertAll(uow, aggregates);
                    }
                });
            });
            return true;
        } catch (UniqueViolation e) {
            return false;
        }
    }

    private RuntimeException firstDuplicate(List<A> aggregates, UniqueViolation cause) {
        java.util.Map<Object, Object> seenIds = new java.util.HashMap<>();
        java.util.Map<String, java.util.Map<List<Object>, Object>> seenKeys = new java.util.HashMap<>();
        for (A aggregate : aggregates) {
            Object previous = seenIds.putIfAbsent(aggregate.id(), aggregate.id());
            if (previous != null) {
                return new DuplicateKeyException("id", String.valueOf(aggregate.id()), aggregate.id());
            }
            Optional<DuplicateKeyException> stored = duplicateOf(aggregate, true);
            if (stored.isPresent()) {
                return stored.get();
            }
            for (UniqueKey<A> key : table.uniqueKeys) {
                List<Object> value = new ArrayList<>();
                key.columns().forEach(c -> value.add(c.value().apply(aggregate)));
                if (value.contains(null)) {
                    continue;
                }
                Object holder = seenKeys.computeIfAbsent(key.field(), f -> new java.util.HashMap<>())
                        .putIfAbsent(value, aggregate.id());
                if (holder != null) {
                    return new DuplicateKeyException(key.field(), key.display().apply(aggregate), holder);
                }
            }
        }
        // Another transaction holds a value and has not committed: report it as the single insert would.
        return new DuplicateKeyException(
                table.uniqueKeys.isEmpty() ? "id" : table.uniqueKeys.get(0).field(), cause.getMessage(), null);
    }

    @Override
    public void update(long expectedVersion, A aggregate) {
        Objects.requireNonNull(aggregate, "aggregate");
        if (aggregate.version() != expectedVersion + 1) {
            throw new IllegalArgumentException(
                    "new version must be " + (expectedVersion + 1) + ", got " + aggregate.version());
        }
        uow.requireWritable();
        UUID id = table.idValue.apply(aggregate.id());
        List<Argument> args = new ArrayList<>();
        args.add(sql.plain(aggregate.version(), Long.class));
        args.add(sql.plain(Json.write(table.writer, aggregate), String.class));
        addProjections(args, aggregate);
        args.add(uow.tenantArg());
        args.add(sql.id(id));
        args.add(sql.plain(expectedVersion, Long.class));
        String statement = table.updateSql(sql);
        int updated;
        for (int probe = 0; ; probe++) {
            try {
                updated = table.uniqueKeys.isEmpty()
                        ? uow.updateRaw(statement, args)
                        : uow.guarded(() -> uow.updateRaw(statement, args));
                break;
            } catch (UniqueViolation e) {
                Optional<DuplicateKeyException> duplicate = duplicateOf(aggregate, false);
                if (duplicate.isPresent()) {
                    throw duplicate.get();
                }
                if (probe >= DUPLICATE_PROBES) {
                    throw new DuplicateKeyException(table.uniqueKeys.get(0).field(), String.valueOf(id), null);
                }
                pause(probe);
            }
        }
        if (updated == 0) {
            afterStale(aggregate.id(), expectedVersion);
            throw missing(aggregate.id(), expectedVersion);
        }
        table.children.ifPresent(c -> {
            c.delete(uow, id);
            c.insert(uow, aggregate);
        });
        afterUpdate(aggregate);
    }

    @Override
    public void delete(I id, long expectedVersion) {
        Objects.requireNonNull(id, "id");
        uow.requireWritable();
        UUID uuid = table.idValue.apply(id);
        int deleted = uow.update(table.deleteSql, List.of(sql.id(uuid), sql.plain(expectedVersion, Long.class)));
        if (deleted == 0) {
            afterStale(id, expectedVersion);
            throw missing(id, expectedVersion);
        }
        table.children.ifPresent(c -> c.delete(uow, uuid));
        afterDelete(id, expectedVersion);
    }

    /** Called after a successful insert; the customer repository maintains its cache here. */
    void afterInsert(A aggregate) {}

    /** Called after a successful update. */
    void afterUpdate(A aggregate) {}

    /** Called after a successful delete. */
    void afterDelete(I id, long deletedVersion) {}

    /**
     * Called when an update or delete found another version (or none).
     *
     * @param id the aggregate
     * @param expectedVersion the version the caller expected, which the database no longer has
     */
    void afterStale(I id, long expectedVersion) {}

    private RuntimeException missing(I id, long expectedVersion) {
        Optional<Long> version =
                uow.queryOne(table.existsSql, List.of(sql.id(table.idValue.apply(id))), rs -> rs.getLong(1));
        if (version.isEmpty()) {
            return new NotFoundException(table.entityType, id);
        }
        return new StaleVersionException(table.entityType, id, expectedVersion);
    }

    private void addProjections(List<Argument> args, A aggregate) {
        for (Column<A> c : table.columns) {
            args.add(sql.argument(c.kind(), c.type(), c.value().apply(aggregate)));
        }
    }

    /**
     * Finds which unique value of an aggregate another row holds.
     *
     * @param aggregate the aggregate that could not be written
     * @param checkId whether the id itself may be the conflict (inserts)
     * @return the exception naming the field and the holder, or empty if no visible row holds any of them
     */
    private Optional<DuplicateKeyException> duplicateOf(A aggregate, boolean checkId) {
        UUID id = table.idValue.apply(aggregate.id());
        if (checkId) {
            Optional<Long> existing = uow.queryOne(table.existsSql, List.of(sql.id(id)), rs -> rs.getLong(1));
            if (existing.isPresent()) {
                return Optional.of(new DuplicateKeyException("id", String.valueOf(aggregate.id()), aggregate.id()));
            }
        }
        for (UniqueKey<A> key : table.uniqueKeys) {
            List<Argument> args = new ArrayList<>();
            boolean hasNull = false;
            for (Column<A> c : key.columns()) {
                Object v = c.value().apply(aggregate);
                hasNull |= v == null;
                args.add(sql.argument(c.kind(), c.type(), v));
            }
            if (hasNull) {
                continue;
            }
            Optional<UUID> owner = uow.queryOne(table.ownerSql(key, sql), args, rs -> sql.readUuid(rs, "id"));
            if (owner.isPresent() && !owner.get().equals(id)) {
                return Optional.of(
                        new DuplicateKeyException(key.field(), key.display().apply(aggregate), idOf(owner.get())));
            }
        }
        return Optional.empty();
    }

    /**
     * @param uuid a stored id
     * @return the typed id
     */
    abstract I idOf(UUID uuid);

    private static void pause(int probe) {
        try {
            TimeUnit.MICROSECONDS.sleep(200L + ThreadLocalRandom.current().nextLong(200L * (1 + probe)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.guanxi.crm.spi.storage.StorageException("interrupted", e);
        }
    }

    @Override
    public long scan(java.util.function.Consumer<? super A> visitor) {
        Objects.requireNonNull(visitor, "visitor");
        // tenant_id first: the order is the primary key's, so no database sorts the rows.
        String statement = "SELECT doc FROM " + table.name + " WHERE tenant_id = ? ORDER BY tenant_id, id";
        int fetchSize = uow.state().fetchSize();
        return uow.translate(() -> {
            try (org.jdbi.v3.core.statement.Query q = uow.handle().createQuery(statement)) {
                q.bind(0, uow.tenantArg());
                q.setFetchSize(fetchSize);
                return q.scanResultSet((supplier, ctx) -> {
                    java.sql.ResultSet rs = supplier.get();
                    long n = 0;
                    while (rs.next()) {
                        visitor.accept(read(rs.getString(1)));
                        n++;
                    }
                    return n;
                });
            }
        });
    }

    /**
     * Reads a page of documents: the statement must end with {@code LIMIT ? OFFSET ?} and select the
     * document as its only column.
     *
     * @param statement the SQL, first parameter the tenant
     * @param args the arguments after the tenant, without the limit and offset
     * @param page the page
     * @return the page
     */
    final Page<A> page(String statement, List<Argument> args, PageRequest page) {
        Objects.requireNonNull(page, "page");
        List<Argument> all = new ArrayList<>(args);
        all.add(sql.plain(page.limit() + 1, Integer.class));
        all.add(sql.plain(page.offset(), Integer.class));
        List<A> rows = uow.query(statement, all, rs -> read(rs.getString(1)));
        boolean more = rows.size() > page.limit();
        return new Page<>(more ? List.copyOf(rows.subList(0, page.limit())) : rows, page, more);
    }

    /**
     * @param where the condition after {@code tenant_id = ? AND}, or empty
     * @param orderBy the order, ending with the id tie-break
     * @return {@code SELECT doc FROM table WHERE tenant_id = ? [AND where] ORDER BY orderBy LIMIT ? OFFSET ?}
     */
    final String pageSql(String where, String orderBy) {
        return "SELECT doc FROM " + table.name + " WHERE tenant_id = ?" + (where.isEmpty() ? "" : " AND " + where)
                + " ORDER BY " + orderBy + " LIMIT ? OFFSET ?";
    }
}
