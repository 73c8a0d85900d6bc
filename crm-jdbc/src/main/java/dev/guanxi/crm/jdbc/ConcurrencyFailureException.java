package dev.guanxi.crm.jdbc;

import dev.guanxi.crm.spi.storage.StorageException;

/**
 * The database kept reporting transient concurrency failures (serialization failures, deadlocks) for a unit
 * of work, and {@link JdbcStorage} gave up after {@link JdbcStorage#MAX_ATTEMPTS} attempts. Nothing of the
 * work was committed; the caller may try again later.
 */
public final class ConcurrencyFailureException extends StorageException {
    private static final long serialVersionUID = 1L;

    /** How many times the unit of work was run before giving up. */
    private final int attempts;

    /**
     * @param message what failed
     * @param attempts how many times the work was run
     * @param cause the last failure reported by the database
     */
    public ConcurrencyFailureException(String message, int attempts, Throwable cause) {
        super(message, cause);
        this.attempts = attempts;
    }

    /** @return how many times the work was run */
    public int attempts() {
        return attempts;
    }
}
