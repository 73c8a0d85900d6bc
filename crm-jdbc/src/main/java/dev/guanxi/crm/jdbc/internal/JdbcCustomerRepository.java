package dev.guanxi.crm.jdbc.internal;

import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.CustomerQuery;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.spi.storage.CustomerRepository;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.argument.Argument;

/**
 * Customers. Reads by id go through the storage's customer cache unless this unit of work wrote the customer
 * (then it must see its own write); the cache learns committed writes after commit. Name order is the
 * UTF-16 order of {@link String#compareTo}, kept as the name's UTF-16BE bytes so that every database sorts it
 * the same; the name prefix filter matches folded copies of the names with {@code LIKE}, its wildcards
 * escaped.
 */
final class JdbcCustomerRepository extends DocRepository<CustomerId, Customer> implements CustomerRepository {
    private static final String ORDER = "name_order, id";
    private final Set<CustomerId> written = new HashSet<>();

    JdbcCustomerRepository(JdbcUnitOfWork uow) {
        super(uow, Tables.CUSTOMER);
    }

    @Override
    CustomerId idOf(UUID uuid) {
        return new CustomerId(uuid);
    }

    @Override
    public Optional<Customer> find(CustomerId id) {
        Objects.requireNonNull(id, "id");
        StorageState state = uow.state();
        if (!written.contains(id)) {
            Optional<Customer> cached = state.cachedCustomer(uow.tenant(), id);
            if (cached.isPresent()) {
                return cached;
            }
        }
        Optional<Customer> found = super.find(id);
        if (found.isPresent() && !written.contains(id)) {
            state.offer(uow.tenant(), found.get());
        }
        return found;
    }

    @Override
    void afterInsert(Customer c) {
        written.add(c.id());
        uow.afterCommit(() -> uow.state().committedInsert(uow.tenant(), c));
    }

    @Override
    void afterUpdate(Customer c) {
        written.add(c.id());
        uow.afterCommit(() -> uow.state().committedUpdate(uow.tenant(), c));
    }

    @Override
    void afterDelete(CustomerId id, long deletedVersion) {
        written.add(id);
        uow.afterCommit(() -> uow.state().committedDelete(uow.tenant(), id));
    }

    @Override
    void afterStale(CustomerId id, long expectedVersion) {
        uow.state().evict(uow.tenant(), id, expectedVersion);
    }

    @Override
    public Optional<Customer> findByExternalId(String externalId) {
        Objects.requireNonNull(externalId, "externalId");
        return uow.queryOne(
                "SELECT doc FROM guanxi_customer WHERE tenant_id = ? AND external_id = ?",
                List.of(sql.plain(externalId, String.class)),
                rs -> read(rs.getString(1)));
    }

    @Override
    public java.util.Map<String, Customer> findByExternalIds(java.util.Collection<String> externalIds) {
        if (sql.dialect() == dev.guanxi.crm.jdbc.Dialect.H2) {
            // H2 uses an index for IN only on the index's first column (tenant_id here): an IN list would scan the
            // tenant's customers. Embedded, a point lookup per id costs no round trip.
            return CustomerRepository.super.findByExternalIds(externalIds);
        }
        List<String> ids = List.copyOf(externalIds);
        java.util.Map<String, Customer> found = new java.util.HashMap<>();
        int chunkSize = JdbcImportJournalRepository.CHUNK;
        for (int from = 0; from < ids.size(); from += chunkSize) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + chunkSize));
            List<Argument> args = new ArrayList<>(chunk.size());
            chunk.forEach(id -> args.add(sql.plain(id, String.class)));
            uow.query(
                            "SELECT doc FROM guanxi_customer WHERE tenant_id = ? AND external_id IN ("
                                    + JdbcImportJournalRepository.placeholders(chunk.size()) + ")",
                            args,
                            rs -> read(rs.getString(1)))
                    .forEach(c -> found.put(c.externalId(), c));
        }
        return found;
    }

    @Override
    public Page<Customer> query(CustomerQuery query, PageRequest page) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(page, "page");
        List<Argument> args = new ArrayList<>();
        String where = where(query, args);
        return page(pageSql(where, ORDER), args, page);
    }

    @Override
    public long count(CustomerQuery query) {
        Objects.requireNonNull(query, "query");
        List<Argument> args = new ArrayList<>();
        String where = where(query, args);
        return uow.queryOne(
                        "SELECT COUNT(*) FROM guanxi_customer WHERE tenant_id = ?"
                                + (where.isEmpty() ? "" : " AND " + where),
                        args,
                        rs -> rs.getLong(1))
                .orElse(0L);
    }

    /** Builds the filter from constant fragments; every value is a bound parameter. */
    private String where(CustomerQuery q, List<Argument> args) {
        List<String> parts = new ArrayList<>();
        eq(parts, args, "kind", q.kind() == null ? null : q.kind().name());
        eq(parts, args, "customer_type", q.customerType());
        eq(parts, args, "status", q.status());
        eq(parts, args, "region", q.region());
        eq(parts, args, "industry", q.industry());
        eq(parts, args, "owner_id", q.owner() == null ? null : q.owner().value());
        eq(parts, args, "external_id", q.externalId());
        if (q.tag() != null) {
            parts.add("EXISTS (SELECT 1 FROM guanxi_customer_tag t WHERE t.tenant_id = guanxi_customer.tenant_id"
                    + " AND t.customer_id = guanxi_customer.id AND t.tag = ?)");
            args.add(sql.plain(q.tag(), String.class));
        }
        if (q.namePrefix() != null) {
            String pattern = likePrefix(CustomerQuery.foldCase(q.namePrefix()));
            parts.add("(display_fold LIKE ? ESCAPE '!' OR legal_fold LIKE ? ESCAPE '!')");
            args.add(sql.plain(pattern, String.class));
            args.add(sql.plain(pattern, String.class));
        }
        return String.join(" AND ", parts);
    }

    private void eq(List<String> parts, List<Argument> args, String column, String value) {
        if (value != null) {
            parts.add(column + " = ?");
            args.add(sql.plain(value, String.class));
        }
    }

    /**
     * @param prefix a literal prefix
     * @return a {@code LIKE} pattern matching texts that start with it, {@code !} escaping {@code % _ !}
     */
    static String likePrefix(String prefix) {
        StringBuilder b = new StringBuilder(prefix.length() + 8);
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (c == '%' || c == '_' || c == '!') {
                b.append('!');
            }
            b.append(c);
        }
        return b.append('%').toString();
    }
}
