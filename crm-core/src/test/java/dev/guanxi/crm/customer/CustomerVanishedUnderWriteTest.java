package dev.guanxi.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.spi.storage.CustomerRepository;
import dev.guanxi.crm.spi.storage.Storage;
import dev.guanxi.crm.spi.storage.TransactionWork;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import dev.guanxi.crm.spi.storage.UnitOfWorkContext;
import dev.guanxi.crm.stewardship.MergeOptions;
import dev.guanxi.crm.stewardship.MergePlan;
import dev.guanxi.crm.storage.memory.InMemoryStorage;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A customer deleted or merged away by another transaction after this one read it, so that the write finds no row
 * (what a database's row lock gives, RELIABILITY C7): the API reports it as {@link NoSuchCustomerException}, as it
 * documents, not as the repository's generic {@code NotFoundException}. The store here deletes the customer just
 * before the write, in the same unit of work, which is what the write then sees.
 */
@DisplayName("A customer that vanishes between the read and the write of a change is a NoSuchCustomerException")
class CustomerVanishedUnderWriteTest {
    private static final TenantId TENANT = TenantId.of("vanish");

    /** Deletes customer {@link #vanish} just before the next update or delete of it in a read-write unit of work. */
    private static final class VanishingStorage implements Storage {
        private final Storage target = new InMemoryStorage();
        private volatile CustomerId vanish;

        @Override
        public <T> T inTransaction(UnitOfWorkContext context, TransactionWork<T> work) {
            CustomerId id = vanish;
            if (id == null || context.readOnly()) {
                return target.inTransaction(context, work);
            }
            return target.inTransaction(context, uow -> work.run(vanishing(uow, id)));
        }

        private UnitOfWork vanishing(UnitOfWork uow, CustomerId id) {
            CustomerRepository real = uow.customers();
            CustomerRepository customers = (CustomerRepository) Proxy.newProxyInstance(
                    CustomerRepository.class.getClassLoader(),
                    new Class<?>[] {CustomerRepository.class},
                    (proxy, method, args) -> {
                        boolean write = method.getName().equals("update")
                                || method.getName().equals("delete");
                        if (write && vanish != null && mentions(args, id)) {
                            vanish = null;
                            real.delete(id, real.find(id).orElseThrow().version());
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            return (UnitOfWork) Proxy.newProxyInstance(
                    UnitOfWork.class.getClassLoader(), new Class<?>[] {UnitOfWork.class}, (proxy, method, args) -> {
                        if (method.getName().equals("customers")) {
                            return customers;
                        }
                        try {
                            return method.invoke(uow, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        private static boolean mentions(Object[] args, CustomerId id) {
            for (Object a : args) {
                if (id.equals(a) || (a instanceof Customer c && c.id().equals(id))) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void close() {
            target.close();
        }
    }

    private final VanishingStorage storage = new VanishingStorage();
    private final TenantCrm crm = Crm.builder().storage(storage).build().tenant(TENANT);

    private Customer register(String name) {
        return crm.customers().register(CustomerDraft.person(name).build());
    }

    @Test
    @DisplayName("update: the customer deleted under the write")
    void update() {
        Customer x = register("X");
        storage.vanish = x.id();
        assertThatThrownBy(() -> crm.customers().update(x.id(), 1, b -> b.tag("b")))
                .isExactlyInstanceOf(NoSuchCustomerException.class);
        // the unit of work rolled back: the customer is still there, unchanged
        Customer after = crm.customers().get(x.id());
        assertThat(after).isEqualTo(x);
    }

    @Test
    @DisplayName("delete: the customer deleted under the write")
    void delete() {
        Customer x = register("X");
        storage.vanish = x.id();
        assertThatThrownBy(() -> crm.customers().delete(x.id(), 1)).isExactlyInstanceOf(NoSuchCustomerException.class);
    }

    @Test
    @DisplayName("erase: the customer deleted under the erasure's write")
    void erase() {
        Customer x = register("X");
        storage.vanish = x.id();
        assertThatThrownBy(() -> crm.personalData().erase(x.id(), "request"))
                .isExactlyInstanceOf(NoSuchCustomerException.class);
        boolean erased = crm.personalData().erasure(x.id()).isPresent();
        assertThat(erased).isFalse();
    }

    @Test
    @DisplayName("merge: the loser deleted under the merge's write, and the survivor too")
    void merge() {
        Customer y = register("Y");
        Customer x = register("X");
        MergePlan plan = crm.stewardship().planMerge(y.id(), x.id(), MergeOptions.defaults());
        storage.vanish = x.id();
        assertThatThrownBy(() -> crm.stewardship().merge(plan)).isExactlyInstanceOf(NoSuchCustomerException.class);
        storage.vanish = y.id();
        assertThatThrownBy(() -> crm.stewardship().merge(plan)).isExactlyInstanceOf(NoSuchCustomerException.class);
        // nothing merged: both customers still there at version 1
        long versions = crm.customers().get(x.id()).version()
                + crm.customers().get(y.id()).version();
        assertThat(versions).isEqualTo(2);
    }
}
