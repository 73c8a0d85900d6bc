package dev.guanxi.crm.jdbc.internal;

import dev.guanxi.crm.event.DomainEvent;
import dev.guanxi.crm.spi.storage.EventOutbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jdbi.v3.core.argument.Argument;

/**
 * The outbox table: one row per event, in append order ({@code seq}), with its type name and JSON payload;
 * delivered events are marked with {@code delivered_at} and no longer pending.
 */
final class JdbcEventOutbox implements EventOutbox {
    private static final int CHUNK = 200;
    private final JdbcUnitOfWork uow;
    private final SqlDialect sql;

    JdbcEventOutbox(JdbcUnitOfWork uow) {
        this.uow = uow;
        this.sql = uow.sql();
    }

    @Override
    public void append(List<DomainEvent> events) {
        Objects.requireNonNull(events, "events");
        if (events.isEmpty()) {
            return;
        }
        uow.requireWritable();
        List<List<Argument>> rows = new ArrayList<>(events.size());
        for (DomainEvent e : events) {
            rows.add(List.of(
                    uow.tenantArg(),
                    sql.id(e.metadata().eventId()),
                    sql.plain(Json.eventType(e), String.class),
                    sql.plain(Json.write(Json.writer(e.getClass()), e), String.class),
                    sql.at(e.metadata().occurredAt())));
        }
        uow.batch(
                "INSERT INTO guanxi_outbox (tenant_id, event_id, event_type, payload, occurred_at)"
                        + " VALUES (?, ?, ?, ?, ?)",
                rows);
    }

    @Override
    public List<DomainEvent> pending(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        return uow.query(
                "SELECT event_type, payload FROM guanxi_outbox WHERE tenant_id = ? AND delivered_at IS NULL"
                        + " ORDER BY seq LIMIT ?",
                List.of(sql.plain(limit, Integer.class)),
                rs -> (DomainEvent) Json.read(Json.reader(Json.eventClass(rs.getString(1))), rs.getString(2)));
    }

    @Override
    public void markDelivered(Collection<UUID> eventIds) {
        Objects.requireNonNull(eventIds, "eventIds");
        if (eventIds.isEmpty()) {
            return;
        }
        uow.requireWritable();
        List<UUID> ids = List.copyOf(eventIds);
        Argument now = sql.at(Instant.now());
        if (sql.dialect() == dev.guanxi.crm.jdbc.Dialect.H2) {
            // H2 does not look up an IN list of parameters in an index (EXPLAIN shows only TENANT_ID = ?1 on
            // ux_guanxi_outbox_event): each chunk would walk all the tenant's outbox rows, quadratic over a run.
            // One batched statement per event is a lookup of the unique (tenant_id, event_id) key each.
            List<List<Argument>> rows = new ArrayList<>(ids.size());
            for (UUID id : ids) {
                rows.add(List.of(now, uow.tenantArg(), sql.id(id)));
            }
            uow.batch(
                    "UPDATE guanxi_outbox SET delivered_at = ? WHERE tenant_id = ? AND event_id = ?"
                            + " AND delivered_at IS NULL",
                    rows);
            return;
        }
        // PostgreSQL and MariaDB look the IN list up in the unique (tenant_id, event_id) index
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            List<Argument> args = new ArrayList<>();
            args.add(now);
            args.add(uow.tenantArg());
            chunk.forEach(id -> args.add(sql.id(id)));
            String placeholders = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            uow.updateRaw(
                    "UPDATE guanxi_outbox SET delivered_at = ? WHERE tenant_id = ? AND delivered_at IS NULL"
                            + " AND event_id IN (" + placeholders + ")",
                    args);
        }
    }
}
