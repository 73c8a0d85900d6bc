package dev.guanxi.crm.internal;

import dev.guanxi.crm.Aggregate;
import dev.guanxi.crm.NotFoundException;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.NoSuchCustomerException;
import dev.guanxi.crm.service.ServiceCase;
import dev.guanxi.crm.service.ServiceCaseId;
import dev.guanxi.crm.spi.storage.AggregateRepository;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import java.util.Optional;

/**
 * Lookups every focused API makes inside a unit of work, written once. Stateless and thread-safe.
 */
public final class Aggregates {
    private Aggregates() {}

    /**
     * Requires a customer of the unit of work's tenant; another tenant's id is "no such customer" too.
     *
     * @param uow the unit of work
     * @param customerId the id
     * @throws dev.guanxi.crm.ValidationException if the id is null
     * @throws NoSuchCustomerException if the tenant has no such customer
     */
    public static void requireCustomer(UnitOfWork uow, CustomerId customerId) {
        Check.required("customerId", customerId);
        if (uow.customers().find(customerId).isEmpty()) {
            throw new NoSuchCustomerException(customerId);
        }
    }

    /**
     * Requires a service case of the unit of work's tenant that belongs to the given customer; a missing case, a
     * case of another customer and another tenant's case are all reported alike.
     *
     * @param uow the unit of work
     * @param caseId the case's id
     * @param customerId the customer it must belong to
     * @throws dev.guanxi.crm.ValidationException ({@code caseId}, {@code UNKNOWN_REFERENCE}) if it does not
     */
    public static void requireCaseOf(UnitOfWork uow, ServiceCaseId caseId, CustomerId customerId) {
        Optional<ServiceCase> linked = uow.serviceCases().find(caseId);
        if (linked.isEmpty() || !linked.get().customerId().equals(customerId)) {
            throw Check.fail("caseId", ValidationRule.UNKNOWN_REFERENCE, "the customer has no service case " + caseId);
        }
    }

    /**
     * Loads an aggregate for a change, refusing a missing one and a stale expected version before any rule is
     * checked, so the caller learns of the conflict first.
     *
     * @throws NotFoundException if there is no such aggregate in the tenant
     * @throws StaleVersionException if its version is not {@code expectedVersion}
     */
    public static <I, A extends Aggregate<I>> A current(
            AggregateRepository<I, A> repository, String entityType, I id, long expectedVersion) {
        A current = repository.find(id).orElseThrow(() -> new NotFoundException(entityType, id));
        if (current.version() != expectedVersion) {
            throw new StaleVersionException(entityType, id, expectedVersion);
        }
        return current;
    }

    /**
     * Loads a customer for a change, as {@link #current} does, but reports a missing one as the customer API
     * documents it.
     *
     * @param uow the unit of work
     * @param id the customer's id
     * @param expectedVersion the version the caller last read
     * @return the customer
     * @throws NoSuchCustomerException if the tenant has no such customer
     * @throws StaleVersionException if its version is not {@code expectedVersion}
     */
    public static Customer currentCustomer(UnitOfWork uow, CustomerId id, long expectedVersion) {
        Customer current = uow.customers().find(id).orElseThrow(() -> new NoSuchCustomerException(id));
        if (current.version() != expectedVersion) {
            throw new StaleVersionException("Customer", id, expectedVersion);
        }
        return current;
    }

    /**
     * Runs a repository write of customer {@code id} (update or delete with an expected version), reporting a
     * customer that vanished under the write as the customer API documents it. A customer read in this unit of
     * work may be deleted or merged away by a transaction that commits before this one's write (which then waits
     * for its row lock and finds no row): the repository's generic {@link NotFoundException} becomes a {@link
     * NoSuchCustomerException}, as when the customer was already gone at the read.
     *
     * @param id the customer written
     * @param write the repository call
     * @throws NoSuchCustomerException if the customer is gone
     */
    public static void writeCustomer(CustomerId id, Runnable write) {
        try {
            write.run();
        } catch (NoSuchCustomerException e) {
            throw e;
        } catch (NotFoundException e) {
            if (!"Customer".equals(e.entityType()) || !id.equals(e.id())) {
                throw e;
            }
            throw new NoSuchCustomerException(id);
        }
    }
}
