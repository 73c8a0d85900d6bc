package dev.guanxi.crm.customer;

import dev.guanxi.crm.NotFoundException;

/**
 * No customer with the id exists in the caller's tenant (another tenant's id gives this too).
 *
 * <p>Thread-safe: it adds no state of its own.
 */
public class NoSuchCustomerException extends NotFoundException {
    private static final long serialVersionUID = 1L;

    /** @param id the id looked up */
    public NoSuchCustomerException(CustomerId id) {
        super("Customer", id);
    }
}
