package dev.guanxi.crm.jdbc.internal;

import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.privacy.Erasure;
import dev.guanxi.crm.spi.storage.PrivacyRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.argument.Argument;

/**
 * Erasure support on a database: the tenant's salt ({@code guanxi_privacy_salt}, hex), the suppression hashes
 * ({@code guanxi_suppression}) and the erasure records ({@code guanxi_erasure}); {@link #scrubLogs} updates the
 * free-text columns of the log tables in place and deletes the delivered outbox rows whose payload mentions the
 * customer's id (the outbox has no customer column: that statement scans the tenant's delivered events, which
 * is acceptable for an operation as rare as an erasure).
 */
final class JdbcPrivacyRepository implements PrivacyRepository {
    /** Hashes looked up per query. */
    private static final int CHUNK = 500;

    private final JdbcUnitOfWork uow;
    private final SqlDialect sql;

    JdbcPrivacyRepository(JdbcUnitOfWork uow) {
        this.uow = uow;
        this.sql = uow.sql();
    }

    @Override
    public Optional<byte[]> salt() {
        return uow.queryOne(
                        "SELECT salt FROM guanxi_privacy_salt WHERE tenant_id = ?", List.of(), rs -> rs.getString(1))
                .map(HexFormat.of()::parseHex);
    }

    @Override
    public void createSalt(byte[] salt) {
        Objects.requireNonNull(salt, "salt");
        if (salt.length < 16 || salt.length > 64) {
            throw new IllegalArgumentException("a salt has 16 to 64 bytes, got " + salt.length);
        }
        uow.requireWritable();
        try {
            uow.guarded(() -> uow.update(
                    "INSERT INTO guanxi_privacy_salt (tenant_id, salt) VALUES (?, ?)",
                    List.of(sql.plain(HexFormat.of().formatHex(salt), String.class))));
        } catch (UniqueViolation e) {
            throw new DuplicateKeyException("salt", "tenant salt", null);
        }
    }

    @Override
    public int suppress(Collection<String> hashes) {
        Objects.requireNonNull(hashes, "hashes");
        uow.requireWritable();
        Set<String> fresh = new LinkedHashSet<>(hashes);
        fresh.removeAll(suppressed(fresh));
        List<List<Argument>> rows = new ArrayList<>();
        for (String h : fresh) {
            rows.add(List.of(uow.tenantArg(), sql.plain(h, String.class)));
        }
        if (!rows.isEmpty()) {
            uow.batch("INSERT INTO guanxi_suppression (tenant_id, hash) VALUES (?, ?)", rows);
        }
        return rows.size();
    }

    @Override
    public int unsuppress(Collection<String> hashes) {
        Objects.requireNonNull(hashes, "hashes");
        uow.requireWritable();
        int removed = 0;
        for (String h : new LinkedHashSet<>(hashes)) {
            removed += uow.update(
                    "DELETE FROM guanxi_suppression WHERE tenant_id = ? AND hash = ?",
                    List.of(sql.plain(h, String.class)));
        }
        return removed;
    }

    @Override
    public Set<String> suppressed(Collection<String> hashes) {
        Objects.requireNonNull(hashes, "hashes");
        List<String> all = new ArrayList<>(new LinkedHashSet<>(hashes));
        Set<String> found = new LinkedHashSet<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            List<Argument> args = new ArrayList<>();
            StringBuilder in = new StringBuilder();
            for (String h : chunk) {
                in.append(in.length() == 0 ? "?" : ", ?");
                args.add(sql.plain(h, String.class));
            }
            found.addAll(uow.query(
                    "SELECT hash FROM guanxi_suppression WHERE tenant_id = ? AND hash IN (" + in + ")",
                    args,
                    rs -> rs.getString(1)));
        }
        return found;
    }

    @Override
    public void recordErasure(Erasure erasure) {
        Objects.requireNonNull(erasure, "erasure");
        uow.requireWritable();
        try {
            uow.guarded(() -> uow.update(
                    "INSERT INTO guanxi_erasure (tenant_id, customer_id, erased_at, reason) VALUES (?, ?, ?, ?)",
                    List.of(
                            sql.id(erasure.customerId().value()),
                            sql.at(erasure.erasedAt()),
                            sql.plain(erasure.reason(), String.class))));
        } catch (UniqueViolation e) {
            throw new DuplicateKeyException("customerId", erasure.customerId().toString(), erasure.customerId());
        }
    }

    @Override
    public Optional<Erasure> erasure(CustomerId customerId) {
        Objects.requireNonNull(customerId, "customerId");
        return uow.queryOne(
                "SELECT erased_at, reason FROM guanxi_erasure WHERE tenant_id = ? AND customer_id = ?",
                List.of(sql.id(customerId.value())),
                rs -> new Erasure(customerId, sql.readInstant(rs, "erased_at"), rs.getString("reason")));
    }

    @Override
    public Map<String, Integer> scrubLogs(CustomerId customerId, String marker) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(marker, "marker");
        uow.requireWritable();
        Map<String, Integer> changed = new TreeMap<>();
        List<Argument> args = List.of(
                sql.plain(marker, String.class),
                uow.tenantArg(),
                sql.id(customerId.value()),
                sql.plain(marker, String.class));
        changed.put(
                "points",
                uow.updateRaw(
                        "UPDATE guanxi_points_entry SET reason = ? WHERE tenant_id = ? AND customer_id = ? AND reason <> ?",
                        args));
        changed.put(
                "ownership",
                uow.updateRaw(
                                "UPDATE guanxi_ownership SET reason = ? WHERE tenant_id = ? AND customer_id = ?"
                                        + " AND reason <> ?",
                                args)
                        + uow.updateRaw(
                                "UPDATE guanxi_customer_share SET reason = ? WHERE tenant_id = ? AND customer_id = ?"
                                        + " AND reason <> ?",
                                args));
        changed.put(
                "lifecycle",
                uow.updateRaw(
                                "UPDATE guanxi_stage_transition SET reason = ? WHERE tenant_id = ? AND customer_id = ?"
                                        + " AND reason <> ?",
                                args)
                        + scrubChurnNotes(customerId, marker));
        List<Argument> twice = List.of(sql.id(customerId.value()), sql.id(customerId.value()));
        changed.put(
                "mergeLog",
                uow.update(
                                "DELETE FROM guanxi_merge_log WHERE tenant_id = ? AND (survivor_id = ? OR loser_id = ?)",
                                twice)
                        + uow.update(
                                "UPDATE guanxi_customer_tombstone SET external_id = NULL WHERE tenant_id = ?"
                                        + " AND (customer_id = ? OR merged_into = ?) AND external_id IS NOT NULL",
                                twice));
        changed.put(
                "outbox",
                uow.update(
                        "DELETE FROM guanxi_outbox WHERE tenant_id = ? AND delivered_at IS NOT NULL AND "
                                + textOf("payload") + " LIKE ?",
                        List.of(sql.plain("%" + customerId.value() + "%", String.class))));
        changed.values().removeIf(n -> n == 0);
        return changed;
    }

    /**
     * Replaces the churn notes that are not the marker yet. The note is a large-object column on H2, which does
     * not compare in SQL everywhere: the notes are read and compared here (a customer has a few losses at most).
     */
    private int scrubChurnNotes(CustomerId customerId, String marker) {
        List<Instant> toScrub = uow
                .query(
                        "SELECT lost_at, note FROM guanxi_churn_reason WHERE tenant_id = ? AND customer_id = ?",
                        List.of(sql.id(customerId.value())),
                        rs -> {
                            String note = rs.getString("note");
                            return note == null || note.equals(marker) ? null : sql.readInstant(rs, "lost_at");
                        })
                .stream()
                .filter(Objects::nonNull)
                .toList();
        int changed = 0;
        for (Instant lostAt : toScrub) {
            changed += uow.updateRaw(
                    "UPDATE guanxi_churn_reason SET note = ? WHERE tenant_id = ? AND customer_id = ? AND lost_at = ?",
                    List.of(
                            sql.plain(marker, String.class),
                            uow.tenantArg(),
                            sql.id(customerId.value()),
                            sql.at(lostAt)));
        }
        return changed;
    }

    /** The payload column as text in a LIKE (a CLOB on H2 and a LONGTEXT on MariaDB compare as they are). */
    private String textOf(String column) {
        return sql.dialect() == dev.guanxi.crm.jdbc.Dialect.POSTGRESQL ? column + "::text" : column;
    }
}
