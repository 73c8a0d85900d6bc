package dev.guanxi.crm.jdbc.internal;

import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.CustomerShare;
import dev.guanxi.crm.customer.OwnershipRecord;
import dev.guanxi.crm.customer.ShareAccess;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.spi.storage.OwnershipRepository;
import dev.guanxi.crm.spi.storage.StorageException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.argument.Argument;

/**
 * Ownership ledgers ({@code guanxi_ownership}, one row per period keyed by (customer, seq)) and shares ({@code
 * guanxi_customer_share}, keyed by (customer, staff)), in plain columns. Appending reads the ledger's highest
 * sequence; two transactions appending to the same ledger at once collide on the key, and the loser fails as a
 * stale write (the SDK's customer version check normally keeps them apart before that).
 */
final class JdbcOwnershipRepository implements OwnershipRepository {
    /** How often a share insert that lost a race to another transaction's insert is tried again. */
    private static final int SHARE_PROBES = 50;

    private static final String LEDGER_COLUMNS = "customer_id, seq, owner_id, valid_from, valid_to, reason, changed_by";
    private static final String SHARE_COLUMNS = "customer_id, staff_id, access_level, since, reason";

    private final JdbcUnitOfWork uow;
    private final SqlDialect sql;

    JdbcOwnershipRepository(JdbcUnitOfWork uow) {
        this.uow = uow;
        this.sql = uow.sql();
    }

    @Override
    public void appendOwnership(OwnershipRecord record) {
        Objects.requireNonNull(record, "record");
        if (!record.isCurrent()) {
            throw new IllegalArgumentException("an appended ownership record must be current: " + record);
        }
        uow.requireWritable();
        Argument customer = sql.id(record.customerId().value());
        long last = uow.queryOne(
                        "SELECT COALESCE(MAX(seq), 0) FROM guanxi_ownership WHERE tenant_id = ? AND customer_id = ?",
                        List.of(customer),
                        rs -> rs.getLong(1))
                .orElse(0L);
        uow.updateRaw(
                "UPDATE guanxi_ownership SET valid_to = ? WHERE tenant_id = ? AND customer_id = ? AND valid_to IS NULL",
                List.of(sql.at(record.from()), uow.tenantArg(), customer));
        List<Argument> args = List.of(
                customer,
                sql.plain(last + 1, Long.class),
                sql.plain(text(record.owner()), String.class),
                sql.at(record.from()),
                sql.at(null),
                sql.plain(record.reason(), String.class),
                sql.plain(text(record.changedBy()), String.class));
        try {
            uow.guarded(() -> uow.update(
                    "INSERT INTO guanxi_ownership (tenant_id, " + LEDGER_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    args));
        } catch (UniqueViolation e) {
            throw new StaleVersionException("OwnershipRecord", record.customerId(), last);
        }
    }

    /**
     * The bulk path: one query for the ledgers' last lines per {@value JdbcImportJournalRepository#CHUNK}
     * customers, then one batch closing the current lines and one inserting the new ones. A customer that appears
     * twice is appended one line at a time. A lost race on a key fails as stale; the unit of work must roll back.
     */
    @Override
    public void appendOwnershipAll(List<OwnershipRecord> records) {
        Objects.requireNonNull(records, "records");
        java.util.Set<CustomerId> customers = new java.util.HashSet<>();
        for (OwnershipRecord r : records) {
            Objects.requireNonNull(r, "record");
            if (!r.isCurrent()) {
                throw new IllegalArgumentException("an appended ownership record must be current: " + r);
            }
            customers.add(r.customerId());
        }
        if (records.isEmpty()) {
            return;
        }
        if (customers.size() != records.size()) {
            records.forEach(this::appendOwnership);
            return;
        }
        uow.requireWritable();
        java.util.Map<java.util.UUID, Long> last = new java.util.HashMap<>();
        // H2 uses an index for IN only on the index's first column: one customer at a time there (embedded)
        int chunkSize = sql.dialect() == dev.guanxi.crm.jdbc.Dialect.H2 ? 1 : JdbcImportJournalRepository.CHUNK;
        for (int from = 0; from < records.size(); from += chunkSize) {
            List<OwnershipRecord> chunk = records.subList(from, Math.min(records.size(), from + chunkSize));
            List<Argument> args = new ArrayList<>(chunk.size());
            chunk.forEach(r -> args.add(sql.id(r.customerId().value())));
            uow.query(
                            "SELECT customer_id, MAX(seq) FROM guanxi_ownership WHERE tenant_id = ? AND "
                                    + JdbcImportJournalRepository.in("customer_id", chunk.size())
                                    + " GROUP BY customer_id",
                            args,
                            rs -> java.util.Map.entry(sql.readUuid(rs, 1), rs.getLong(2)))
                    .forEach(e -> last.put(e.getKey(), e.getValue()));
        }
        List<List<Argument>> closes = new ArrayList<>();
        List<List<Argument>> inserts = new ArrayList<>(records.size());
        for (OwnershipRecord r : records) {
            Argument customer = sql.id(r.customerId().value());
            long seq = last.getOrDefault(r.customerId().value(), 0L);
            if (seq > 0) {
                closes.add(List.of(sql.at(r.from()), uow.tenantArg(), customer));
            }
            inserts.add(List.of(
                    uow.tenantArg(),
                    customer,
                    sql.plain(seq + 1, Long.class),
                    sql.plain(text(r.owner()), String.class),
                    sql.at(r.from()),
                    sql.at(null),
                    sql.plain(r.reason(), String.class),
                    sql.plain(text(r.changedBy()), String.class)));
        }
        uow.batch(
                "UPDATE guanxi_ownership SET valid_to = ? WHERE tenant_id = ? AND customer_id = ? AND valid_to IS NULL",
                closes);
        try {
            uow.batch(
                    "INSERT INTO guanxi_ownership (tenant_id, " + LEDGER_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    inserts);
        } catch (UniqueViolation e) {
            throw new StaleVersionException("OwnershipRecord", records.get(0).customerId(), 0);
        }
    }

    @Override
    public List<OwnershipRecord> ownershipHistory(CustomerId customerId) {
        Objects.requireNonNull(customerId, "customerId");
        return uow.query(
                "SELECT " + LEDGER_COLUMNS
                        + " FROM guanxi_ownership WHERE tenant_id = ? AND customer_id = ? ORDER BY seq",
                List.of(sql.id(customerId.value())),
                this::readRecord);
    }

    @Override
    public void putShare(CustomerShare share) {
        Objects.requireNonNull(share, "share");
        uow.requireWritable();
        List<Argument> key = List.of(
                sql.id(share.customerId().value()), sql.plain(share.staff().value(), String.class));
        List<Argument> args = List.of(
                key.get(0),
                key.get(1),
                sql.plain(share.access().name(), String.class),
                sql.at(share.since()),
                sql.plain(share.reason(), String.class));
        for (int probe = 0; ; probe++) {
            uow.update(
                    "DELETE FROM guanxi_customer_share WHERE tenant_id = ? AND customer_id = ? AND staff_id = ?", key);
            try {
                uow.guarded(() -> uow.update(
                        "INSERT INTO guanxi_customer_share (tenant_id, " + SHARE_COLUMNS
                                + ") VALUES (?, ?, ?, ?, ?, ?)",
                        args));
                return;
            } catch (UniqueViolation e) {
                if (probe >= SHARE_PROBES) {
                    throw new StaleVersionException("CustomerShare", share.customerId(), probe);
                }
                pause(probe);
            }
        }
    }

    @Override
    public boolean removeShare(CustomerId customerId, StaffId staff) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(staff, "staff");
        uow.requireWritable();
        return uow.update(
                        "DELETE FROM guanxi_customer_share WHERE tenant_id = ? AND customer_id = ? AND staff_id = ?",
                        List.of(sql.id(customerId.value()), sql.plain(staff.value(), String.class)))
                > 0;
    }

    @Override
    public List<CustomerShare> sharesOf(CustomerId customerId) {
        Objects.requireNonNull(customerId, "customerId");
        List<CustomerShare> rows = new ArrayList<>(uow.query(
                "SELECT " + SHARE_COLUMNS + " FROM guanxi_customer_share WHERE tenant_id = ? AND customer_id = ?",
                List.of(sql.id(customerId.value())),
                this::readShare));
        // Java's String order, whatever the database's collation.
        rows.sort(Comparator.comparing(s -> s.staff().value()));
        return List.copyOf(rows);
    }

    @Override
    public Page<CustomerShare> sharedWith(StaffId staff, PageRequest page) {
        Objects.requireNonNull(staff, "staff");
        Objects.requireNonNull(page, "page");
        List<CustomerShare> rows = uow.query(
                "SELECT " + SHARE_COLUMNS + " FROM guanxi_customer_share WHERE tenant_id = ? AND staff_id = ?"
                        + " ORDER BY customer_id LIMIT ? OFFSET ?",
                List.of(
                        sql.plain(staff.value(), String.class),
                        sql.plain(page.limit() + 1, Integer.class),
                        sql.plain(page.offset(), Integer.class)),
                this::readShare);
        boolean more = rows.size() > page.limit();
        return new Page<>(more ? List.copyOf(rows.subList(0, page.limit())) : rows, page, more);
    }

    private OwnershipRecord readRecord(ResultSet rs) throws SQLException {
        return new OwnershipRecord(
                new CustomerId(sql.readUuid(rs, "customer_id")),
                staff(rs.getString("owner_id")),
                sql.readInstant(rs, "valid_from"),
                sql.readInstant(rs, "valid_to"),
                rs.getString("reason"),
                staff(rs.getString("changed_by")));
    }

    private CustomerShare readShare(ResultSet rs) throws SQLException {
        return new CustomerShare(
                new CustomerId(sql.readUuid(rs, "customer_id")),
                new StaffId(rs.getString("staff_id")),
                ShareAccess.valueOf(rs.getString("access_level")),
                sql.readInstant(rs, "since"),
                rs.getString("reason"));
    }

    private static String text(StaffId staff) {
        return staff == null ? null : staff.value();
    }

    private static StaffId staff(String value) {
        return value == null ? null : new StaffId(value);
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
