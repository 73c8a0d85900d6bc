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
     * Deletes the child rows of an aggregate.
     *
     * @param uow the unit of work
     * @param id the aggregate's id
     */
    void delete(JdbcUnitOfWork uow, UUID id);
}
