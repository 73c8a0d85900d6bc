package dev.guanxi.crm;

/**
 * An operation mixed data of two tenants, e.g. a storage handle of one tenant was used for another.
 *
 * <p>Thread-safe: it adds no state of its own.
 */
public class TenantMismatchException extends CrmException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was mixed
     */
    public TenantMismatchException(String message) {
        super(message);
    }
}
