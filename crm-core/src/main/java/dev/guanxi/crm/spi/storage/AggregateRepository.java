package dev.guanxi.crm.spi.storage;

import dev.guanxi.crm.Aggregate;
import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.NotFoundException;
import dev.guanxi.crm.StaleVersionException;
import java.util.List;
import java.util.Optional;

/**
 * The operations every aggregate's repository has. All are scoped to the unit of work's tenant.
 *
 * <p>Thread-safety: a repository belongs to one {@link UnitOfWork} and is called only on the thread running
 * that unit's work, and never after the work returns; implementations therefore need not be thread-safe. What
 * they must guarantee is that the unit's writes become visible to other units of work only when it commits,
 * all at once, and that {@link #update} and {@link #delete} check the version atomically with the write, so
 * that of two concurrent changes based on the same version exactly one succeeds.
 *
 * @param <I> the id type
 * @param <A> the aggregate type
 */
public interface AggregateRepository<I, A extends Aggregate<I>> {
    /**
     * Finds an aggregate by id.
     *
     * @param id the id
     * @return the aggregate, or empty if this tenant has none with that id
     */
    Optional<A> find(I id);

    /**
     * Stores a new aggregate, as given (its version is normally 1).
     *
     * @param aggregate the new aggregate
     * @throws DuplicateKeyException if the id, or a value that must be unique per tenant, is taken
     */
    void insert(A aggregate);

    /**
     * Stores many new aggregates at once: the bulk path of imports. All or nothing: if one cannot be stored,
     * none of them is, and the exception is the one {@link #insert} would have thrown for the first offending
     * aggregate (a duplicate within the list counts too, naming the earlier aggregate as the holder). Stores
     * override this to batch the writes; the default inserts one by one, which is atomic only because the
     * unit of work is (use it inside a unit of work that ends on the exception).
     *
     * @param aggregates the new aggregates, in order
     * @throws DuplicateKeyException if an id, or a value that must be unique per tenant, is taken
     */
    default void insertAll(List<A> aggregates) {
        for (A aggregate : aggregates) {
            insert(aggregate);
        }
    }

    /**
     * Replaces an aggregate if its stored version is still {@code expectedVersion}.
     *
     * @param expectedVersion the version the change was based on
     * @param aggregate the new state, whose version must be {@code expectedVersion + 1}
     * @throws StaleVersionException if the stored version differs
     * @throws NotFoundException if there is no such aggregate
     * @throws DuplicateKeyException if the change takes a unique value another aggregate holds
     * @throws IllegalArgumentException if the new version is not {@code expectedVersion + 1}
     */
    void update(long expectedVersion, A aggregate);

    /**
     * Deletes an aggregate if its stored version is still {@code expectedVersion}.
     *
     * @param id the id
     * @param expectedVersion the version the caller read
     * @throws StaleVersionException if the stored version differs
     * @throws NotFoundException if there is no such aggregate
     */
    void delete(I id, long expectedVersion);

    /**
     * Visits every aggregate of this repository in the unit of work's tenant, once each, in ascending order of
     * id (the order of the stores of this SDK; a host's store may choose another, but it must be the same on
     * every call with the same data). Stores stream the rows (no list of the whole tenant is built), so a
     * scoring run or a statistics pass reads a large tenant in bounded memory. O(n) in the tenant's aggregates
     * of this type.
     *
     * <p>The visitor runs inside the unit of work, on its thread: it must not use the unit of work, and an
     * exception it throws ends the scan and reaches the caller unchanged.
     *
     * @param visitor receives each aggregate
     * @return how many aggregates were visited
     * @throws UnsupportedOperationException if the store does not support scans (the default)
     * @since 0.1.0
     */
    default long scan(java.util.function.Consumer<? super A> visitor) {
        throw new UnsupportedOperationException(getClass().getName() + " does not support scan");
    }
}
