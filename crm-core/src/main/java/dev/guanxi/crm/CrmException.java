package dev.guanxi.crm;

/**
 * The unchecked root of every exception the SDK throws on purpose. Subclasses say what happened; no
 * {@code SQLException} or storage-library exception ever escapes the SDK unwrapped.
 *
 * <p>Thread-safe: it adds no state to {@link RuntimeException}, and the SDK's subclasses carry only final,
 * immutable values.
 */
public class CrmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what happened, for a developer
     */
    public CrmException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what happened, for a developer
     * @param cause the underlying failure
     */
    public CrmException(String message, Throwable cause) {
        super(message, cause);
    }
}
