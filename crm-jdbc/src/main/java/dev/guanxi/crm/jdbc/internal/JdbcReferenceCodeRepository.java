package dev.guanxi.crm.jdbc.internal;

import dev.guanxi.crm.customer.ReferenceCode;
import dev.guanxi.crm.customer.ReferenceCodeType;
import dev.guanxi.crm.spi.storage.ReferenceCodeRepository;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A tenant's reference code tables, one row per (type, code). Lists are served from the storage's cache
 * unless this unit of work changed codes; an upsert is an {@code INSERT ... ON CONFLICT} / {@code ON DUPLICATE
 * KEY} / {@code MERGE}, so concurrent upserts of one code never fail.
 */
final class JdbcReferenceCodeRepository implements ReferenceCodeRepository {
    private final JdbcUnitOfWork uow;
    private final SqlDialect sql;
    private boolean changed;

    JdbcReferenceCodeRepository(JdbcUnitOfWork uow) {
        this.uow = uow;
        this.sql = uow.sql();
    }

    @Override
    public void upsert(ReferenceCode code) {
        Objects.requireNonNull(code, "code");
        uow.requireWritable();
        String statement = switch (sql.dialect()) {
            case POSTGRESQL ->
                "INSERT INTO guanxi_reference_code (tenant_id, code_type, code, label, active)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (tenant_id, code_type, code)"
                        + " DO UPDATE SET label = EXCLUDED.label, active = EXCLUDED.active";
            case MARIADB ->
                "INSERT INTO guanxi_reference_code (tenant_id, code_type, code, label, active)"
                        + " VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE label = VALUES(label),"
                        + " active = VALUES(active)";
            case H2 ->
                "MERGE INTO guanxi_reference_code (tenant_id, code_type, code, label, active)"
                        + " KEY (tenant_id, code_type, code) VALUES (?, ?, ?, ?, ?)";
        };
        uow.update(
                statement,
                List.of(
                        sql.plain(code.type().name(), String.class),
                        sql.plain(code.code(), String.class),
                        sql.plain(code.label(), String.class),
                        sql.plain(code.active(), Boolean.class)));
        changed = true;
        uow.afterCommit(() -> uow.state().committedCodes(uow.tenant(), code.type()));
    }

    @Override
    public Optional<ReferenceCode> find(ReferenceCodeType type, String code) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(code, "code");
        return list(type).stream().filter(c -> c.code().equals(code)).findFirst();
    }

    @Override
    public List<ReferenceCode> list(ReferenceCodeType type) {
        Objects.requireNonNull(type, "type");
        StorageState state = uow.state();
        if (!changed) {
            Optional<List<ReferenceCode>> cached = state.cachedCodes(uow.tenant(), type);
            if (cached.isPresent()) {
                return cached.get();
            }
        }
        long generation = state.codeGeneration();
        List<ReferenceCode> codes = List.copyOf(uow.query(
                "SELECT code, label, active FROM guanxi_reference_code WHERE tenant_id = ? AND code_type = ?"
                        + " ORDER BY code",
                List.of(sql.plain(type.name(), String.class)),
                rs -> new ReferenceCode(type, rs.getString(1), rs.getString(2), rs.getBoolean(3))));
        if (!changed) {
            state.offerCodes(uow.tenant(), type, codes, generation);
        }
        return codes;
    }
}
