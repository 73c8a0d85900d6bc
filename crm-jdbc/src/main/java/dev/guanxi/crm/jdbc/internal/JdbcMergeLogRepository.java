package dev.guanxi.crm.jdbc.internal;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.spi.storage.MergeLogRepository;
import dev.guanxi.crm.stewardship.CustomerTombstone;
import dev.guanxi.crm.stewardship.MergeId;
import dev.guanxi.crm.stewardship.MergeLogEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.argument.Argument;

/**
 * The merge log ({@code guanxi_merge_log}: the whole entry as a JSON document, the ids and instants in columns
 * for the lookups) and the tombstones of merged customers ({@code guanxi_customer_tombstone}, plain columns,
 * indexed by external id). Marking a merge undone rewrites its document in one {@code UPDATE ... WHERE undone_at
 * IS NULL}, so of two units of work undoing the same merge at most one changes the row.
 */
final class JdbcMergeLogRepository implements MergeLogRepository {
    private static final ObjectWriter WRITER = Json.writer(MergeLogEntry.class);
    private static final ObjectReader READER = Json.reader(MergeLogEntry.class);
    private static final String TOMBSTONE_COLUMNS = "customer_id, merged_into, external_id, merge_id, merged_at";
    private static final Comparator<MergeLogEntry> OLDEST_FIRST =
            Comparator.comparing(MergeLogEntry::mergedAt).thenComparing(e -> e.id().toString());
    private static final Comparator<CustomerTombstone> NEWEST_FIRST = Comparator.comparing(
                    CustomerTombstone::mergedAt, Comparator.reverseOrder())
            .thenComparing(t -> t.customerId().toString());

    private final JdbcUnitOfWork uow;
    private final SqlDialect sql;

    JdbcMergeLogRepository(JdbcUnitOfWork uow) {
        this.uow = uow;
        this.sql = uow.sql();
    }

    @Override
    public void insert(MergeLogEntry entry) {
        Objects.requireNonNull(entry, "entry");
        uow.requireWritable();
        if (find(entry.id()).isPresent()) {
            throw new DuplicateKeyException("id", entry.id().toString(), entry.id());
        }
        try {
            uow.guarded(() -> uow.update(
                    "INSERT INTO guanxi_merge_log (tenant_id, id, survivor_id, loser_id, merged_at, undone_at, doc)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    List.of(
                            sql.id(entry.id().value()),
                            sql.id(entry.survivorId().value()),
                            sql.id(entry.loserId().value()),
                            sql.at(entry.mergedAt()),
                            sql.at(entry.undoneAt()),
                            sql.plain(Json.write(WRITER, entry), String.class))));
        } catch (UniqueViolation e) {
            throw new DuplicateKeyException("id", entry.id().toString(), entry.id());
        }
    }

    @Override
    public Optional<MergeLogEntry> find(MergeId id) {
        Objects.requireNonNull(id, "id");
        return uow.queryOne(
                "SELECT doc FROM guanxi_merge_log WHERE tenant_id = ? AND id = ?",
                List.of(sql.id(id.value())),
                rs -> Json.read(READER, rs.getString(1)));
    }

    @Override
    public List<MergeLogEntry> listByCustomer(CustomerId customerId) {
        Objects.requireNonNull(customerId, "customerId");
        List<MergeLogEntry> entries = new ArrayList<>(uow.query(
                "SELECT doc FROM guanxi_merge_log WHERE tenant_id = ? AND (survivor_id = ? OR loser_id = ?)",
                List.of(sql.id(customerId.value()), sql.id(customerId.value())),
                rs -> Json.read(READER, rs.getString(1))));
        entries.sort(OLDEST_FIRST);
        return List.copyOf(entries);
    }

    @Override
    public boolean markUndone(MergeId id, Instant undoneAt) {
        Objects.requireNonNull(undoneAt, "undoneAt");
        uow.requireWritable();
        Optional<MergeLogEntry> entry = find(id);
        if (entry.isEmpty() || entry.get().isUndone()) {
            return false;
        }
        String doc = Json.write(WRITER, entry.get().withUndoneAt(undoneAt));
        List<Argument> args =
                List.of(sql.at(undoneAt), sql.plain(doc, String.class), uow.tenantArg(), sql.id(id.value()));
        return uow.updateRaw(
                        "UPDATE guanxi_merge_log SET undone_at = ?, doc = ?"
                                + " WHERE tenant_id = ? AND id = ? AND undone_at IS NULL",
                        args)
                == 1;
    }

    @Override
    public void putTombstone(CustomerTombstone tombstone) {
        Objects.requireNonNull(tombstone, "tombstone");
        uow.requireWritable();
        removeTombstone(tombstone.customerId());
        uow.update(
                "INSERT INTO guanxi_customer_tombstone (tenant_id, " + TOMBSTONE_COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?)",
                List.of(
                        sql.id(tombstone.customerId().value()),
                        sql.id(tombstone.mergedInto().value()),
                        sql.plain(tombstone.externalId(), String.class),
                        sql.id(tombstone.mergeId().value()),
                        sql.at(tombstone.mergedAt())));
    }

    @Override
    public boolean removeTombstone(CustomerId customerId) {
        Objects.requireNonNull(customerId, "customerId");
        uow.requireWritable();
        return uow.update(
                        "DELETE FROM guanxi_customer_tombstone WHERE tenant_id = ? AND customer_id = ?",
                        List.of(sql.id(customerId.value())))
                > 0;
    }

    @Override
    public Optional<CustomerTombstone> findTombstone(CustomerId customerId) {
        Objects.requireNonNull(customerId, "customerId");
        return uow.queryOne(
                "SELECT " + TOMBSTONE_COLUMNS
                        + " FROM guanxi_customer_tombstone WHERE tenant_id = ? AND customer_id = ?",
                List.of(sql.id(customerId.value())),
                this::readTombstone);
    }

    @Override
    public Optional<CustomerTombstone> findTombstoneByExternalId(String externalId) {
        Objects.requireNonNull(externalId, "externalId");
        return uow
                .query(
                        "SELECT " + TOMBSTONE_COLUMNS
                                + " FROM guanxi_customer_tombstone WHERE tenant_id = ? AND external_id = ?",
                        List.of(sql.plain(externalId, String.class)),
                        this::readTombstone)
                .stream()
                .min(NEWEST_FIRST);
    }

    private CustomerTombstone readTombstone(ResultSet rs) throws SQLException {
        return new CustomerTombstone(
                new CustomerId(sql.readUuid(rs, "customer_id")),
                new CustomerId(sql.readUuid(rs, "merged_into")),
                rs.getString("external_id"),
                new MergeId(sql.readUuid(rs, "merge_id")),
                sql.readInstant(rs, "merged_at"));
    }
}
