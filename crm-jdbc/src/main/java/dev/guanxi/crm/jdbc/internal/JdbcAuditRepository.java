package dev.guanxi.crm.jdbc.internal;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.audit.AuditAction;
import dev.guanxi.crm.audit.AuditRecord;
import dev.guanxi.crm.audit.FieldChange;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.spi.storage.AuditRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jdbi.v3.core.argument.Argument;

/**
 * The audit trail ({@code guanxi_audit}): one row per record, numbered by the database ({@code seq}, an identity
 * column; a sequence on MariaDB), the changed fields as a JSON list of {@code [field, old, new]} string triples (no
 * type information is stored or read). Appends are one batched insert per call; the lists page by {@code seq}
 * through the indexes by customer, by entity and by correlation id, all led by the tenant.
 */
final class JdbcAuditRepository implements AuditRepository {
    private static final ObjectWriter WRITER = Json.writer(String[][].class);
    private static final ObjectReader READER = Json.reader(String[][].class);
    private static final String COLUMNS =
            "seq, at, user_id, correlation_id, entity_kind, entity_id, customer_id, action, changes";

    private final JdbcUnitOfWork uow;
    private final SqlDialect sql;

    JdbcAuditRepository(JdbcUnitOfWork uow) {
        this.uow = uow;
        this.sql = uow.sql();
    }

    @Override
    public void append(List<AuditRecord> records) {
        Objects.requireNonNull(records, "records");
        if (records.isEmpty()) {
            return;
        }
        uow.requireWritable();
        List<List<Argument>> rows = new ArrayList<>(records.size());
        for (AuditRecord r : records) {
            rows.add(List.of(
                    uow.tenantArg(),
                    sql.at(r.at()),
                    sql.plain(r.user() == null ? null : r.user().value(), String.class),
                    sql.plain(r.correlationId(), String.class),
                    sql.plain(r.entityKind(), String.class),
                    sql.plain(r.entityId(), String.class),
                    sql.id(r.customerId() == null ? null : r.customerId().value()),
                    sql.plain(r.action().name(), String.class),
                    sql.plain(changes(r.changes()), String.class)));
        }
        uow.batch(
                "INSERT INTO guanxi_audit (tenant_id, at, user_id, correlation_id, entity_kind, entity_id,"
                        + " customer_id, action, changes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
    }

    @Override
    public Page<AuditRecord> listByCustomer(CustomerId customerId, PageRequest page) {
        Objects.requireNonNull(customerId, "customerId");
        return page("customer_id = ? ORDER BY seq DESC", List.of(sql.id(customerId.value())), page);
    }

    @Override
    public Page<AuditRecord> listByEntity(String entityKind, String entityId, PageRequest page) {
        Objects.requireNonNull(entityKind, "entityKind");
        Objects.requireNonNull(entityId, "entityId");
        return page(
                "entity_kind = ? AND entity_id = ? ORDER BY seq DESC",
                List.of(sql.plain(entityKind, String.class), sql.plain(entityId, String.class)),
                page);
    }

    @Override
    public Page<AuditRecord> listByCorrelation(String correlationId, PageRequest page) {
        Objects.requireNonNull(correlationId, "correlationId");
        return page("correlation_id = ? ORDER BY seq", List.of(sql.plain(correlationId, String.class)), page);
    }

    @Override
    public long scrub(CustomerId customerId, String marker) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(marker, "marker");
        if (marker.isBlank()) {
            throw new IllegalArgumentException("the marker must not be blank");
        }
        uow.requireWritable();
        List<Object[]> stored = uow.query(
                "SELECT seq, changes FROM guanxi_audit WHERE tenant_id = ? AND customer_id = ? ORDER BY seq",
                List.of(sql.id(customerId.value())),
                rs -> new Object[] {rs.getLong(1), rs.getString(2)});
        List<List<Argument>> updates = new ArrayList<>();
        for (Object[] row : stored) {
            String[][] triples = Json.read(READER, (String) row[1]);
            boolean any = false;
            for (String[] t : triples) {
                for (int i = 1; i < 3; i++) {
                    if (t[i] != null && !t[i].equals(marker)) {
                        t[i] = marker;
                        any = true;
                    }
                }
            }
            if (any) {
                updates.add(List.of(
                        sql.plain(Json.write(WRITER, triples), String.class),
                        uow.tenantArg(),
                        sql.plain(row[0], Long.class)));
            }
        }
        uow.batch("UPDATE guanxi_audit SET changes = ? WHERE tenant_id = ? AND seq = ?", updates);
        return updates.size();
    }

    private Page<AuditRecord> page(String condition, List<Argument> args, PageRequest page) {
        Objects.requireNonNull(page, "page");
        List<Argument> all = new ArrayList<>(args);
        all.add(sql.plain(page.limit() + 1, Integer.class));
        all.add(sql.plain(page.offset(), Integer.class));
        List<AuditRecord> rows = uow.query(
                "SELECT " + COLUMNS + " FROM guanxi_audit WHERE tenant_id = ? AND " + condition + " LIMIT ? OFFSET ?",
                all,
                this::read);
        boolean more = rows.size() > page.limit();
        return new Page<>(more ? rows.subList(0, page.limit()) : rows, page, more);
    }

    private AuditRecord read(ResultSet rs) throws SQLException {
        String user = rs.getString("user_id");
        UUID customer = sql.readUuid(rs, "customer_id");
        String[][] triples = Json.read(READER, rs.getString("changes"));
        List<FieldChange> changes = new ArrayList<>(triples.length);
        for (String[] t : triples) {
            if (t == null || t.length != 3) {
                throw new dev.guanxi.crm.spi.storage.StorageException("a stored audit record is damaged");
            }
            changes.add(new FieldChange(t[0], t[1], t[2]));
        }
        return new AuditRecord(
                rs.getLong("seq"),
                sql.readInstant(rs, "at"),
                user == null ? null : new StaffId(user),
                rs.getString("correlation_id"),
                rs.getString("entity_kind"),
                rs.getString("entity_id"),
                customer == null ? null : new CustomerId(customer),
                AuditAction.valueOf(rs.getString("action")),
                changes);
    }

    private static String changes(List<FieldChange> changes) {
        String[][] triples = new String[changes.size()][];
        for (int i = 0; i < triples.length; i++) {
            FieldChange c = changes.get(i);
            triples[i] = new String[] {c.field(), c.oldValue(), c.newValue()};
        }
        return Json.write(WRITER, triples);
    }
}
