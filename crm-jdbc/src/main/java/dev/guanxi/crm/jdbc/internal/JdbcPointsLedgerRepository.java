package dev.guanxi.crm.jdbc.internal;

import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.NotFoundException;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.loyalty.PointsAccount;
import dev.guanxi.crm.loyalty.PointsEntry;
import dev.guanxi.crm.loyalty.PointsEntryId;
import dev.guanxi.crm.loyalty.PointsEntryKind;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.OrderId;
import dev.guanxi.crm.spi.storage.PointsLedgerRepository;
import dev.guanxi.crm.spi.storage.StorageException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.argument.Argument;

/**
 * Points accounts ({@code guanxi_points_account}, versioned documents like every aggregate's) and their ledgers
 * ({@code guanxi_points_entry}, plain columns, so that sums are computed by the database). An entry's business
 * key and its (customer, sequence) are unique indexes; a violation is identified by looking the holder up, and a
 * holder that has not committed yet (H2 reports the conflict at once) is waited for, as {@link DocRepository}
 * does for aggregates.
 */
final class JdbcPointsLedgerRepository extends DocRepository<CustomerId, PointsAccount>
        implements PointsLedgerRepository {
    /** How often an insert that lost a unique race to a transaction not yet visible is tried again. */
    private static final int DUPLICATE_PROBES = 50;

    private static final String COLUMNS =
            "id, customer_id, seq, business_key, kind, points, balance_after, occurred_at, expires_on, reason, order_id";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM guanxi_points_entry WHERE tenant_id = ?";
    private static final String INSERT = "INSERT INTO guanxi_points_entry (tenant_id, " + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    JdbcPointsLedgerRepository(JdbcUnitOfWork uow) {
        super(uow, Tables.POINTS_ACCOUNT);
    }

    @Override
    CustomerId idOf(UUID uuid) {
        return new CustomerId(uuid);
    }

    @Override
    public void delete(CustomerId id, long expectedVersion) {
        super.delete(id, expectedVersion);
        uow.update(
                "DELETE FROM guanxi_points_entry WHERE tenant_id = ? AND customer_id = ?", List.of(sql.id(id.value())));
    }

    /**
     * Deletes the account row (versioned), points every entry at the new customer in one {@code UPDATE}, and
     * inserts the account under the new id with its version unchanged.
     */
    @Override
    public void reassignCustomer(CustomerId from, long expectedVersion, CustomerId to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        uow.requireWritable();
        PointsAccount account = find(from).orElseThrow(() -> new NotFoundException("PointsAccount", from));
        if (account.version() != expectedVersion) {
            throw new StaleVersionException("PointsAccount", from, expectedVersion);
        }
        if (find(to).isPresent()) {
            throw new DuplicateKeyException("id", to.toString(), to);
        }
        if (!listEntries(to, PageRequest.first(1)).items().isEmpty()) {
            throw new DuplicateKeyException("sequence", to + "#1", to);
        }
        super.delete(from, expectedVersion);
        uow.updateRaw(
                "UPDATE guanxi_points_entry SET customer_id = ? WHERE tenant_id = ? AND customer_id = ?",
                List.of(sql.id(to.value()), uow.tenantArg(), sql.id(from.value())));
        insert(new PointsAccount(
                to,
                account.balance(),
                account.tier(),
                account.tierSince(),
                account.entries(),
                account.nextExpiry(),
                account.version(),
                account.createdAt(),
                account.updatedAt()));
    }

    @Override
    public List<PointsAccount> listAccounts(CustomerId after, LocalDate expiringBy, int limit) {
        if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
            throw new IllegalArgumentException(
                    "limit must be between 1 and " + PageRequest.MAX_LIMIT + ", got " + limit);
        }
        StringBuilder statement = new StringBuilder("SELECT doc FROM guanxi_points_account WHERE tenant_id = ?");
        List<Argument> args = new ArrayList<>();
        if (after != null) {
            statement.append(" AND id > ?");
            args.add(sql.id(after.value()));
        }
        if (expiringBy != null) {
            statement.append(" AND next_expiry <= ?");
            args.add(sql.plain(expiringBy, LocalDate.class));
        }
        statement.append(" ORDER BY id LIMIT ?");
        args.add(sql.plain(limit, Integer.class));
        return uow.query(statement.toString(), args, rs -> read(rs.getString(1)));
    }

    @Override
    public void insertEntry(PointsEntry entry) {
        Objects.requireNonNull(entry, "entry");
        uow.requireWritable();
        List<Argument> args = List.of(
                sql.id(entry.id().value()),
                sql.id(entry.customerId().value()),
                sql.plain(entry.sequence(), Long.class),
                sql.plain(entry.businessKey(), String.class),
                sql.plain(entry.kind().name(), String.class),
                sql.plain(entry.points(), Long.class),
                sql.plain(entry.balanceAfter(), Long.class),
                sql.at(entry.occurredAt()),
                sql.plain(entry.expiresOn(), LocalDate.class),
                sql.plain(entry.reason(), String.class),
                sql.id(entry.orderId() == null ? null : entry.orderId().value()));
        for (int probe = 0; ; probe++) {
            try {
                uow.guarded(() -> uow.update(INSERT, args));
                return;
            } catch (UniqueViolation e) {
                Optional<DuplicateKeyException> duplicate = duplicateOf(entry);
                if (duplicate.isPresent()) {
                    throw duplicate.get();
                }
                if (probe >= DUPLICATE_PROBES) {
                    throw new DuplicateKeyException("businessKey", entry.businessKey(), null);
                }
                pause(probe);
            }
        }
    }

    /** Names the unique value of an entry that a visible row holds: its id, its business key or its sequence. */
    private Optional<DuplicateKeyException> duplicateOf(PointsEntry entry) {
        Optional<UUID> sameId = uow.queryOne(
                "SELECT id FROM guanxi_points_entry WHERE tenant_id = ? AND id = ?",
                List.of(sql.id(entry.id().value())),
                rs -> sql.readUuid(rs, 1));
        if (sameId.isPresent()) {
            return Optional.of(new DuplicateKeyException("id", entry.id().toString(), entry.id()));
        }
        Optional<UUID> sameKey = uow.queryOne(
                "SELECT id FROM guanxi_points_entry WHERE tenant_id = ? AND business_key = ?",
                List.of(sql.plain(entry.businessKey(), String.class)),
                rs -> sql.readUuid(rs, 1));
        if (sameKey.isPresent()) {
            return Optional.of(
                    new DuplicateKeyException("businessKey", entry.businessKey(), new PointsEntryId(sameKey.get())));
        }
        Optional<UUID> sameSequence = uow.queryOne(
                "SELECT id FROM guanxi_points_entry WHERE tenant_id = ? AND customer_id = ? AND seq = ?",
                List.of(sql.id(entry.customerId().value()), sql.plain(entry.sequence(), Long.class)),
                rs -> sql.readUuid(rs, 1));
        return sameSequence.map(holder -> new DuplicateKeyException(
                "sequence", entry.customerId() + "#" + entry.sequence(), new PointsEntryId(holder)));
    }

    private static void pause(int probe) {
        try {
            TimeUnit.MICROSECONDS.sleep(200L + ThreadLocalRandom.current().nextLong(200L * (1 + probe)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted", e);
        }
    }

    @Override
    public Optional<PointsEntry> findEntryByBusinessKey(String businessKey) {
        Objects.requireNonNull(businessKey, "businessKey");
        return uow.queryOne(
                SELECT + " AND business_key = ?", List.of(sql.plain(businessKey, String.class)), this::readEntry);
    }

    @Override
    public Page<PointsEntry> listEntries(CustomerId customerId, PageRequest page) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(page, "page");
        List<PointsEntry> rows = uow.query(
                SELECT + " AND customer_id = ? ORDER BY seq LIMIT ? OFFSET ?",
                List.of(
                        sql.id(customerId.value()),
                        sql.plain(page.limit() + 1, Integer.class),
                        sql.plain(page.offset(), Integer.class)),
                this::readEntry);
        boolean more = rows.size() > page.limit();
        return new Page<>(more ? List.copyOf(rows.subList(0, page.limit())) : rows, page, more);
    }

    @Override
    public long sumEntries(CustomerId customerId) {
        Objects.requireNonNull(customerId, "customerId");
        return uow.queryOne(
                        "SELECT COALESCE(SUM(points), 0) FROM guanxi_points_entry WHERE tenant_id = ? AND customer_id = ?",
                        List.of(sql.id(customerId.value())),
                        rs -> rs.getLong(1))
                .orElse(0L);
    }

    @Override
    public long sumEntries(CustomerId customerId, PointsEntryKind kind, Instant from, Instant until) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        return uow.queryOne(
                        "SELECT COALESCE(SUM(points), 0) FROM guanxi_points_entry WHERE tenant_id = ?"
                                + " AND customer_id = ? AND kind = ? AND occurred_at >= ? AND occurred_at < ?",
                        List.of(
                                sql.id(customerId.value()),
                                sql.plain(kind.name(), String.class),
                                sql.at(from),
                                sql.at(until)),
                        rs -> rs.getLong(1))
                .orElse(0L);
    }

    private PointsEntry readEntry(ResultSet rs) throws SQLException {
        UUID order = sql.readUuid(rs, "order_id");
        return new PointsEntry(
                new PointsEntryId(sql.readUuid(rs, "id")),
                new CustomerId(sql.readUuid(rs, "customer_id")),
                rs.getLong("seq"),
                rs.getString("business_key"),
                PointsEntryKind.valueOf(rs.getString("kind")),
                rs.getLong("points"),
                rs.getLong("balance_after"),
                sql.readInstant(rs, "occurred_at"),
                rs.getObject("expires_on", LocalDate.class),
                rs.getString("reason"),
                order == null ? null : new OrderId(order));
    }
}
