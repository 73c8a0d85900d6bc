package dev.guanxi.crm.spi.storage;

/**
 * Work done inside one unit of work.
 *
 * <p>Called on the thread that called {@link Storage#inTransaction}, so it need not be thread-safe. The store
 * may call it again after a transient failure, so it must have no effects outside the unit of work.
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface TransactionWork<T> {
    /**
     * Does the work.
     *
     * @param unitOfWork the transaction's repositories, valid only during this call
     * @return the result
     */
    T run(UnitOfWork unitOfWork);
}
