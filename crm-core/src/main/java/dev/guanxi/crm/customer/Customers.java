package dev.guanxi.crm.customer;

import java.util.Optional;

/**
 * The customer archive of one tenant. Obtained from {@code crm.tenant(id).customers()}; thread-safe.
 */
public interface Customers {
    /**
     * Registers a new customer.
     *
     * @param draft what to register
     * @return the stored customer, at version 1
     * @throws dev.guanxi.crm.ValidationException if the draft breaks a rule; nothing is stored
     */
    Customer register(CustomerDraft draft);

    /**
     * Finds a customer.
     *
     * @param id the id
     * @return the customer, or empty if this tenant has none with that id
     */
    Optional<Customer> find(CustomerId id);

    /**
     * Returns a customer.
     *
     * @param id the id
     * @return the customer
     * @throws NoSuchCustomerException if this tenant has none with that id
     */
    default Customer get(CustomerId id) {
        return find(id).orElseThrow(() -> new NoSuchCustomerException(id));
    }
}
