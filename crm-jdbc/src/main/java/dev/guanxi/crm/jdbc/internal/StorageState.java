package dev.guanxi.crm.jdbc.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.ReferenceCode;
import dev.guanxi.crm.customer.ReferenceCodeType;
import dev.guanxi.crm.spi.storage.StorageException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * What the units of work of one storage share: the dialect, the read caches and the translation of database
 * failures.
 *
 * <p>The caches hold committed state only. The customer cache maps (tenant, id) to a versioned entry and
 * never lets an older version replace a newer one, so a reader that loaded a customer just before another
 * thread's update committed cannot put the old state back; a delete leaves a tombstone that no read can
 * overwrite. Reference code lists are guarded by a generation counter for the same reason. Keys always
 * include the tenant, so no tenant is ever served another tenant's rows. A stale-version failure evicts the
 * entry (another JVM may have changed the row).
 *
 * <p>Thread-safe.
 */
public final class StorageState {
    private final SqlDialect sql;
    private final int fetchSize;
    private final Consumer<String> statementLog;
    private final Cache<CustomerKey, Versioned> customers;
    private final Cache<CodeKey, List<ReferenceCode>> codes;
    private final AtomicLong codeGeneration = new AtomicLong();

    /**
     * @param sql the dialect helper
     * @param cacheSize the most customers (and reference code lists) to cache; 0 disables the caches
     * @param fetchSize rows fetched per round trip by streaming reads
     * @param statementLog receives the text of statements run outside jdbi (batches), or {@code null}
     */
    public StorageState(SqlDialect sql, long cacheSize, int fetchSize, Consumer<String> statementLog) {
        this.sql = sql;
        this.statementLog = statementLog;
        this.fetchSize = fetchSize;
        this.customers = cacheSize > 0
                ? Caffeine.newBuilder().maximumSize(cacheSize).recordStats().build()
                : null;
        this.codes = cacheSize > 0
                ? Caffeine.newBuilder()
                        .maximumSize(Math.max(64, cacheSize / 100))
                        .build()
                : null;
    }

    /** @return the dialect helper */
    public SqlDialect sql() {
        return sql;
    }

    /**
     * Reports a statement run on plain JDBC (jdbi's logger sees the others).
     *
     * @param statement the SQL text
     */
    void logStatement(String statement) {
        if (statementLog != null) {
            statementLog.accept(statement);
        }
    }

    /** @return rows per round trip for streaming reads */
    int fetchSize() {
        return fetchSize;
    }

    /**
     * @return hits and misses of the customer cache so far, or empty if caching is off
     */
    public Optional<com.github.benmanes.caffeine.cache.stats.CacheStats> customerCacheStats() {
        return customers == null ? Optional.empty() : Optional.of(customers.stats());
    }

    Optional<Customer> cachedCustomer(TenantId tenant, CustomerId id) {
        if (customers == null) {
            return Optional.empty();
        }
        Versioned v = customers.getIfPresent(new CustomerKey(tenant, id));
        return v == null || v.customer == null ? Optional.empty() : Optional.of(v.customer);
    }

    /** @return whether a tombstone says the customer was deleted (and no later insert was seen) */
    boolean cachedAsDeleted(TenantId tenant, CustomerId id) {
        if (customers == null) {
            return false;
        }
        Versioned v = customers.getIfPresent(new CustomerKey(tenant, id));
        return v != null && v.deleted;
    }

    /** Offers a customer read from the database; kept only if no newer state is cached. */
    void offer(TenantId tenant, Customer customer) {
        if (customers == null) {
            return;
        }
        Versioned fresh = new Versioned(customer.version(), customer, false);
        customers.asMap().merge(new CustomerKey(tenant, customer.id()), fresh, Versioned::newer);
    }

    /** Stores the committed state of an inserted customer, replacing anything cached (even a tombstone). */
    void committedInsert(TenantId tenant, Customer customer) {
        if (customers != null) {
            customers.put(new CustomerKey(tenant, customer.id()), new Versioned(customer.version(), customer, false));
        }
    }

    /** Stores the committed state of an updated customer unless a newer one is cached. */
    void committedUpdate(TenantId tenant, Customer customer) {
        offer(tenant, customer);
    }

    /** Leaves a tombstone for a deleted customer. */
    void committedDelete(TenantId tenant, CustomerId id) {
        if (customers != null) {
            customers.put(new CustomerKey(tenant, id), new Versioned(Long.MAX_VALUE, null, true));
        }
    }

    /**
     * Forgets a customer after a stale-version failure, leaving a floor: the database has a version above
     * {@code staleVersion} (versions only grow) or no row, so a reader that read an older row before the newer
     * commit and offers it late cannot put it back (a plain invalidation let such a late offer cache a version
     * several commits old, seen once under heavy load by the C1 hammer on H2).
     *
     * @param tenant the tenant
     * @param id the customer
     * @param staleVersion the version that an update or delete expected and did not find
     */
    void evict(TenantId tenant, CustomerId id, long staleVersion) {
        if (customers != null) {
            customers
                    .asMap()
                    .merge(new CustomerKey(tenant, id), new Versioned(staleVersion + 1, null, false), Versioned::newer);
        }
    }

    Optional<List<ReferenceCode>> cachedCodes(TenantId tenant, ReferenceCodeType type) {
        return codes == null ? Optional.empty() : Optional.ofNullable(codes.getIfPresent(new CodeKey(tenant, type)));
    }

    /** @return the generation to pass to {@link #offerCodes} after reading from the database */
    long codeGeneration() {
        return codeGeneration.get();
    }

    /** Caches a list read at {@code generation}, unless a write committed since. */
    void offerCodes(TenantId tenant, ReferenceCodeType type, List<ReferenceCode> list, long generation) {
        if (codes == null) {
            return;
        }
        CodeKey key = new CodeKey(tenant, type);
        codes.put(key, list);
        if (codeGeneration.get() != generation) {
            codes.invalidate(key);
        }
    }

    /** Forgets a tenant's list of a type after a committed upsert. */
    void committedCodes(TenantId tenant, ReferenceCodeType type) {
        if (codes != null) {
            codeGeneration.incrementAndGet();
            codes.invalidate(new CodeKey(tenant, type));
        }
    }

    /**
     * Translates a jdbi failure.
     *
     * @param e the failure
     * @return {@link TransientFailure}, {@link UniqueViolation} or a plain {@link StorageException}, with the
     *     driver's {@link SQLException} as the cause
     */
    StorageException translate(Exception e) {
        SQLException cause = SqlDialect.sqlCause(e);
        Throwable reported = cause != null ? cause : e;
        if (sql.isTransient(e)) {
            return new TransientFailure("transient concurrency failure: " + reported.getMessage(), reported);
        }
        if (sql.isUniqueViolation(e)) {
            return new UniqueViolation(reported);
        }
        return new StorageException("database failure: " + reported.getMessage(), reported);
    }

    private record CustomerKey(TenantId tenant, CustomerId id) {}

    private record CodeKey(TenantId tenant, ReferenceCodeType type) {}

    /**
     * A cached state: a customer at its version; a tombstone ({@code deleted}, version {@code Long.MAX_VALUE}); or
     * a floor (no customer, not deleted) below which nothing may be cached — read as a miss.
     */
    private record Versioned(long version, Customer customer, boolean deleted) {
        /** Keeps the newer state; a customer at a floor's version replaces the floor. */
        static Versioned newer(Versioned old, Versioned offered) {
            if (offered.version > old.version) {
                return offered;
            }
            if (offered.version == old.version && old.customer == null && !old.deleted && offered.customer != null) {
                return offered;
            }
            return old;
        }
    }
}
