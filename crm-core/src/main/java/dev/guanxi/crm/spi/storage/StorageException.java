package dev.guanxi.crm.spi.storage;

import dev.guanxi.crm.CrmException;

/**
 * The underlying store failed (connection lost, disk full, a retry limit reached). Adapters wrap the
 * driver's exception as the cause; it never escapes on its own.
 *
 * <p>Thread-safe: it adds no state of its own.
 */
public class StorageException extends CrmException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed
     * @param cause the driver's exception
     */
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param message what failed */
    public StorageException(String message) {
        super(message);
    }
}
