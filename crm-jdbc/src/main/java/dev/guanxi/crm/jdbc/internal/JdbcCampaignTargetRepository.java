package dev.guanxi.crm.jdbc.internal;

import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.marketing.CampaignId;
import dev.guanxi.crm.marketing.CampaignTarget;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.spi.storage.CampaignTargetRepository;
import dev.guanxi.crm.spi.storage.StorageException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.argument.Argument;

/**
 * Campaign target lists ({@code guanxi_campaign_target}, keyed by (campaign, customer)), in plain columns. An
 * unranked target is stored with {@link #UNRANKED} as its rank, so that one ascending order over (rank, customer
 * id) lists ranked targets first on every database, served by the (tenant, campaign, rank, customer) index.
 */
final class JdbcCampaignTargetRepository implements CampaignTargetRepository {
    /** The stored rank of an unranked target: above {@link CampaignTarget#MAX_RANK}, so it sorts last. */
    static final int UNRANKED = Integer.MAX_VALUE;

    /** How often an insert that lost a race to another transaction's insert is tried again. */
    private static final int PROBES = 50;

    private static final String COLUMNS =
            "campaign_id, customer_id, added_at, source, target_rank, expected_value, reason";
    private static final String KEY = " WHERE tenant_id = ? AND campaign_id = ? AND customer_id = ?";

    private final JdbcUnitOfWork uow;
    private final SqlDialect sql;

    JdbcCampaignTargetRepository(JdbcUnitOfWork uow) {
        this.uow = uow;
        this.sql = uow.sql();
    }

    @Override
    public void put(CampaignTarget target) {
        Objects.requireNonNull(target, "target");
        uow.requireWritable();
        List<Argument> key = key(target.campaignId(), target.customerId());
        List<Argument> args = List.of(
                key.get(0),
                key.get(1),
                sql.at(target.addedAt()),
                sql.plain(target.source(), String.class),
                sql.plain(target.rank() == null ? UNRANKED : target.rank(), Integer.class),
                sql.plain(target.expectedValue(), Double.class),
                sql.plain(target.reason(), String.class));
        for (int probe = 0; ; probe++) {
            uow.update("DELETE FROM guanxi_campaign_target" + KEY, key);
            try {
                uow.guarded(() -> uow.update(
                        "INSERT INTO guanxi_campaign_target (tenant_id, " + COLUMNS
                                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        args));
                return;
            } catch (UniqueViolation e) {
                // Another transaction inserted the same target after our delete; delete theirs and try again.
                if (probe >= PROBES) {
                    throw new StaleVersionException("CampaignTarget", target.customerId(), probe);
                }
                pause(probe);
            }
        }
    }

    @Override
    public boolean remove(CampaignId campaignId, CustomerId customerId) {
        List<Argument> key = key(campaignId, customerId);
        uow.requireWritable();
        return uow.update("DELETE FROM guanxi_campaign_target" + KEY, key) > 0;
    }

    @Override
    public Optional<CampaignTarget> find(CampaignId campaignId, CustomerId customerId) {
        return uow.queryOne(
                "SELECT " + COLUMNS + " FROM guanxi_campaign_target" + KEY, key(campaignId, customerId), this::read);
    }

    @Override
    public Page<CampaignTarget> list(CampaignId campaignId, PageRequest page) {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(page, "page");
        List<CampaignTarget> rows = uow.query(
                "SELECT " + COLUMNS + " FROM guanxi_campaign_target WHERE tenant_id = ? AND campaign_id = ?"
                        + " ORDER BY target_rank, customer_id LIMIT ? OFFSET ?",
                List.of(
                        sql.id(campaignId.value()),
                        sql.plain(page.limit() + 1, Integer.class),
                        sql.plain(page.offset(), Integer.class)),
                this::read);
        boolean more = rows.size() > page.limit();
        return new Page<>(more ? List.copyOf(rows.subList(0, page.limit())) : rows, page, more);
    }

    @Override
    public long count(CampaignId campaignId) {
        Objects.requireNonNull(campaignId, "campaignId");
        return uow.queryOne(
                        "SELECT COUNT(*) FROM guanxi_campaign_target WHERE tenant_id = ? AND campaign_id = ?",
                        List.of(sql.id(campaignId.value())),
                        rs -> rs.getLong(1))
                .orElse(0L);
    }

    /** Served by the (tenant, customer, campaign) index of schema version 7. */
    @Override
    public List<CampaignTarget> listByCustomer(CustomerId customerId) {
        Objects.requireNonNull(customerId, "customerId");
        List<CampaignTarget> rows = new java.util.ArrayList<>(uow.query(
                "SELECT " + COLUMNS + " FROM guanxi_campaign_target WHERE tenant_id = ? AND customer_id = ?",
                List.of(sql.id(customerId.value())),
                this::read));
        rows.sort(java.util.Comparator.comparing(t -> t.campaignId().toString()));
        return List.copyOf(rows);
    }

    private List<Argument> key(CampaignId campaignId, CustomerId customerId) {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(customerId, "customerId");
        return List.of(sql.id(campaignId.value()), sql.id(customerId.value()));
    }

    private CampaignTarget read(ResultSet rs) throws SQLException {
        int rank = rs.getInt("target_rank");
        double value = rs.getDouble("expected_value");
        Double expectedValue = rs.wasNull() ? null : value;
        return new CampaignTarget(
                new CampaignId(sql.readUuid(rs, "campaign_id")),
                new CustomerId(sql.readUuid(rs, "customer_id")),
                sql.readInstant(rs, "added_at"),
                rs.getString("source"),
                rank == UNRANKED ? null : rank,
                expectedValue,
                rs.getString("reason"));
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
