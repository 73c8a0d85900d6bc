package dev.guanxi.crm.jdbc.internal;

import java.util.UUID;

/**
 * Rows of a child table derived from an aggregate (a customer's tags, an order's lines): written after the
 * aggregate's row and replaced on every update, in the same transaction.
 *
 * @param <A> the aggregate type
 */
public interface Children<A> {
    /**
     * Writes the child rows of an aggregate.
     *
     * @param uow the unit of work
     * @param aggregate the aggregate as stored
     */
    void insert(JdbcUnitOfWork uow, A aggregate);

    /**
     * Writes the child rows of many aggregates; implementations batch them.
     *
     * @param uow the unit of work
     * @param aggregates the aggregates as stored
     */
    default void insertAll(JdbcUnitOfWork uow, java.util.List<A> aggregates) {
        aggregates.forEach(a -> insert(uow, a));
    }

    /**
     * Writes the child rows of many aggregates with PostgreSQL's COPY, if this kind of children supports it.
     *
     * @param uow the unit of work
     * @param copy the driver's copy API
     * @param aggregates the aggregates as stored
     * @return {@code false} if not supported (the caller then uses {@link #insertAll})
     */
    default boolean copyAll(JdbcUnitOfWork uow, org.postgresql.copy.CopyManager copy, java.util.List<A> aggregates) {
        return false;
    }

    /**
     * Deletes the child rows of an aggregate.
     *
     * @param uow the unit of work
     * @param id the aggregate's id
     */
    void delete(JdbcUnitOfWork uow, UUID id);
}
