package dev.guanxi.crm.jdbc.internal;

import dev.guanxi.crm.spi.storage.StorageException;

/**
 * A transient concurrency failure of the database (serialization failure, deadlock): the transaction was
 * rolled back and may be run again. Thrown inside a unit of work; {@code JdbcStorage} retries on it.
 */
public final class TransientFailure extends StorageException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed
     * @param cause the database's exception
     */
    public TransientFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
