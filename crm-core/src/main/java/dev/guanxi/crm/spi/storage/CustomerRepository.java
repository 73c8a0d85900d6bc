package dev.guanxi.crm.spi.storage;

import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerId;

/** Stores the tenant's customers. */
public interface CustomerRepository extends AggregateRepository<CustomerId, Customer> {}
