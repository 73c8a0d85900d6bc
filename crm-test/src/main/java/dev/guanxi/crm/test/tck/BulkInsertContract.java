package dev.guanxi.crm.test.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.CustomerQuery;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.Order;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Conformance tests of the bulk path {@code AggregateRepository.insertAll}: everything is stored as given, or
 * nothing is — even when the caller catches the exception and commits the rest of its unit of work — and the
 * exception names the first offending aggregate's field and holder, like a single insert would.
 */
public abstract class BulkInsertContract extends RepositoryContract {
    private static final Instant NOW = Instant.parse("2026-02-01T08:00:00.654321Z");

    /** Creates the contract. */
    protected BulkInsertContract() {}

    private static Customer customer(int n, String externalId) {
        // Quotes, commas, a backslash and a surrogate pair: what a CSV-based bulk path must carry exactly.
        return Customer.create(
                CustomerId.random(),
                CustomerDraft.person("Bulk \"客户\", O'Neil \\ 𠮷 " + n)
                        .externalId(externalId)
                        .tag("bulk")
                        .build(),
                NOW);
    }

    private long count() {
        Long n = read(TENANT_A, uow -> uow.customers().count(CustomerQuery.all()));
        return n;
    }

    @Test
    @DisplayName("a list of customers and of orders with lines is stored exactly, with tags queryable")
    void storesEverything() {
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            customers.add(customer(i, "EXT-" + i));
        }
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            orders.add(SalesFixtures.order(
                    customers.get(i).id(), LocalDate.of(2025, 1, 1).plusDays(i), "12.3" + (i % 10), "EUR", "B-" + i));
        }
        run(TENANT_A, uow -> {
            uow.customers().insertAll(customers);
            uow.orders().insertAll(orders);
        });
        assertThat(count()).isEqualTo(250);
        Long tagged =
                read(TENANT_A, uow -> uow.customers().count(CustomerQuery.all().withTag("bulk")));
        assertThat(tagged).isEqualTo(250);
        for (int i : new int[] {0, 17, 249}) {
            Customer c = customers.get(i);
            java.util.Optional<Customer> found =
                    read(TENANT_A, uow -> uow.customers().find(c.id()));
            assertThat(found).contains(c);
            String number = "B-" + i;
            java.util.Optional<Order> foundOrder =
                    read(TENANT_A, uow -> uow.orders().findByOrderNumber(number));
            assertThat(foundOrder).contains(orders.get(i));
        }
        Long purchases = read(
                TENANT_A,
                uow -> uow.orders().scanPurchases(dev.guanxi.crm.sales.PurchaseScan.all(), (c, d, m, cur) -> {}));
        assertThat(purchases).isEqualTo(250);
    }

    @Test
    @DisplayName("a duplicate external id against a stored customer refuses the whole list, naming the holder")
    void duplicateOfStoredRefusesAll() {
        Customer holder = customer(0, "EXT-TAKEN");
        run(TENANT_A, uow -> uow.customers().insert(holder));
        // Large enough for a store's fastest bulk path (e.g. PostgreSQL COPY), with the duplicate in the middle.
        List<Customer> batch = new ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            batch.add(customer(i, i == 150 ? "EXT-TAKEN" : "EXT-" + i));
        }
        // The caller swallows the refusal and commits: still nothing of the list may be stored.
        DuplicateKeyException refused = write(TENANT_A, uow -> {
            try {
                uow.customers().insertAll(batch);
                return null;
            } catch (DuplicateKeyException e) {
                return e;
            }
        });
        assertThat(refused).isNotNull();
        assertThat(refused.field()).isEqualTo("externalId");
        assertThat(refused.existingId()).contains(holder.id());
        assertThat(count()).isEqualTo(1);
        java.util.Optional<Customer> partial =
                read(TENANT_A, uow -> uow.customers().findByExternalId("EXT-1"));
        assertThat(partial).isEmpty();
    }

    @Test
    @DisplayName("two customers with one external id in the same list are refused, naming the earlier one")
    void duplicateWithinListRefusesAll() {
        Customer first = customer(1, "EXT-SAME");
        List<Customer> batch = new ArrayList<>(List.of(customer(0, "EXT-0"), first));
        for (int i = 2; i < 300; i++) {
            batch.add(customer(i, i == 299 ? "EXT-SAME" : "EXT-" + i));
        }
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.customers().insertAll(batch)))
                .isInstanceOfSatisfying(DuplicateKeyException.class, e -> {
                    assertThat(e.field()).isEqualTo("externalId");
                    assertThat(e.existingId()).contains(first.id());
                });
        assertThat(count()).isZero();
    }

    @Test
    @DisplayName("an id already stored refuses the list; the same external id in another tenant is fine")
    void idTakenAndOtherTenant() {
        Customer stored = customer(0, "EXT-A");
        run(TENANT_A, uow -> uow.customers().insert(stored));
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.customers().insertAll(List.of(customer(5, "EXT-5"), stored))))
                .isInstanceOfSatisfying(
                        DuplicateKeyException.class, e -> assertThat(e.field()).isEqualTo("id"));
        run(TENANT_B, uow -> uow.customers().insertAll(List.of(customer(9, "EXT-A"))));
        assertThat(count()).isEqualTo(1);
        assertThat(read(TENANT_B, uow -> uow.customers().query(CustomerQuery.all(), PageRequest.first(5)))
                        .items())
                .extracting(Customer::externalId)
                .containsExactly("EXT-A");
    }

    @Test
    @DisplayName("an empty list is a no-op, and a read-only unit of work refuses a list")
    void emptyAndReadOnly() {
        run(TENANT_A, uow -> uow.customers().insertAll(List.of()));
        assertThatThrownBy(() -> read(TENANT_A, uow -> {
                    uow.customers().insertAll(List.of(customer(1, "EXT-RO")));
                    return null;
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(count()).isZero();
    }
}
