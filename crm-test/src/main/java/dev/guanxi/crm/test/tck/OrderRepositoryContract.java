package dev.guanxi.crm.test.tck;

import static dev.guanxi.crm.test.tck.SalesFixtures.customer;
import static dev.guanxi.crm.test.tck.SalesFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.NotFoundException;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.NewOrder;
import dev.guanxi.crm.sales.Order;
import dev.guanxi.crm.sales.OrderId;
import dev.guanxi.crm.sales.OrderLine;
import dev.guanxi.crm.sales.PurchaseScan;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Conformance tests of {@code OrderRepository}: orders with their lines and the purchase scan. */
public abstract class OrderRepositoryContract extends RepositoryContract {
    private static final LocalDate D1 = LocalDate.of(2025, 3, 1);
    private static final LocalDate D2 = LocalDate.of(2025, 6, 1);
    private static final LocalDate D3 = LocalDate.of(2025, 9, 1);

    /** Creates the contract. */
    protected OrderRepositoryContract() {}

    /** Inserting an order and finding it gives back an equal order, lines and exact amounts included. */
    @Test
    @DisplayName("an inserted order is found again, equal in every component")
    protected void insertAndFind() {
        NewOrder draft = NewOrder.builder(CustomerId.random(), D1)
                .orderNumber("SO-订单-1")
                .line(OrderLine.of("SKU-1", new BigDecimal("0.000001"), Money.of("1234567.89", "USD"))
                        .withDescription("精密零件 🔩"))
                .line(OrderLine.of("SKU-2", 3, Money.of("0.10", "USD")).withDiscount(Money.of("0.05", "USD")))
                .build();
        Order order = Order.place(OrderId.random(), draft, SalesFixtures.T0);
        run(TENANT_A, uow -> uow.orders().insert(order));

        Optional<Order> found = find(TENANT_A, order.id());
        assertThat(found).contains(order);
        assertThat(found.get().total()).isEqualTo(Money.of("1.48", "USD"));
    }

    /** A tenant never sees another tenant's orders. */
    @Test
    @DisplayName("orders of one tenant are invisible to another")
    protected void tenantIsolation() {
        Order order = order(CustomerId.random(), D1, "10.00", "USD", "SO-1");
        run(TENANT_A, uow -> uow.orders().insert(order));

        assertThat(find(TENANT_B, order.id())).isEmpty();
        assertThat(findByOrderNumber(TENANT_B, "SO-1")).isEmpty();
        long visited = read(TENANT_B, uow -> uow.orders().scanPurchases(PurchaseScan.all(), (c, d, a, cur) -> {}));
        assertThat(visited).isZero();
        // the same number is free in the other tenant
        run(TENANT_B, uow -> uow.orders().insert(order(CustomerId.random(), D1, "10.00", "USD", "SO-1")));
    }

    /** An update based on an old version fails; one based on the current version succeeds. */
    @Test
    @DisplayName("an update with a stale version is refused and changes nothing")
    protected void staleUpdate() {
        Order order = order(CustomerId.random(), D1, "10.00");
        run(TENANT_A, uow -> uow.orders().insert(order));
        Order cancelled = order.cancel(SalesFixtures.at(1));
        run(TENANT_A, uow -> uow.orders().update(1, cancelled));

        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.orders().update(1, order.cancel(SalesFixtures.at(2)))))
                .isInstanceOf(StaleVersionException.class);
        assertThat(find(TENANT_A, order.id())).contains(cancelled);
    }

    /** Updating a missing order is a not-found error. */
    @Test
    @DisplayName("updating an order that does not exist is refused")
    protected void updateMissing() {
        Order order = order(CustomerId.random(), D1, "10.00");
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.orders().update(1, order.cancel(SalesFixtures.at(1)))))
                .isInstanceOf(NotFoundException.class);
    }

    /** Deleting needs the current version. */
    @Test
    @DisplayName("a delete with a stale version is refused; with the current one it removes the order")
    protected void delete() {
        Order order = order(CustomerId.random(), D1, "10.00");
        run(TENANT_A, uow -> uow.orders().insert(order));

        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.orders().delete(order.id(), 2)))
                .isInstanceOf(StaleVersionException.class);
        run(TENANT_A, uow -> uow.orders().delete(order.id(), 1));
        assertThat(find(TENANT_A, order.id())).isEmpty();
    }

    /** Order numbers are unique per tenant; orders without a number never clash. */
    @Test
    @DisplayName("a taken order number is a duplicate key; orders without number do not clash")
    protected void uniqueOrderNumber() {
        Order first = order(CustomerId.random(), D1, "10.00", "USD", "SO-7");
        run(TENANT_A, uow -> uow.orders().insert(first));
        run(TENANT_A, uow -> uow.orders().insert(order(CustomerId.random(), D1, "1.00")));
        run(TENANT_A, uow -> uow.orders().insert(order(CustomerId.random(), D1, "2.00")));

        assertThatThrownBy(() -> run(
                        TENANT_A, uow -> uow.orders().insert(order(CustomerId.random(), D2, "5.00", "USD", "SO-7"))))
                .isInstanceOfSatisfying(
                        DuplicateKeyException.class, e -> assertThat(e.field()).isEqualTo("orderNumber"));
        assertThat(findByOrderNumber(TENANT_A, "SO-7")).contains(first);
    }

    /** Inserting an id twice is a duplicate key. */
    @Test
    @DisplayName("inserting the same id twice is a duplicate key")
    protected void duplicateId() {
        Order order = order(CustomerId.random(), D1, "10.00");
        run(TENANT_A, uow -> uow.orders().insert(order));
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.orders().insert(order)))
                .isInstanceOf(DuplicateKeyException.class);
    }

    /** A unit of work that throws leaves nothing behind. */
    @Test
    @DisplayName("an order inserted in a unit of work that fails is not stored")
    protected void rollback() {
        Order order = order(CustomerId.random(), D1, "10.00", "USD", "SO-R");
        assertThatThrownBy(() -> run(TENANT_A, uow -> {
                    uow.orders().insert(order);
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");
        assertThat(find(TENANT_A, order.id())).isEmpty();
        assertThat(findByOrderNumber(TENANT_A, "SO-R")).isEmpty();
    }

    /** A customer's orders come newest first, in pages, and only that customer's. */
    @Test
    @DisplayName("a customer's orders are listed newest first, paged")
    protected void listByCustomer() {
        CustomerId customer = CustomerId.random();
        Order oldest = order(customer, D1, "1.00");
        Order middle = order(customer, D2, "2.00");
        Order newest = order(customer, D3, "3.00");
        run(TENANT_A, uow -> {
            uow.orders().insert(middle);
            uow.orders().insert(newest);
            uow.orders().insert(oldest);
            uow.orders().insert(order(CustomerId.random(), D3, "9.00"));
        });

        Page<Order> first = read(TENANT_A, uow -> uow.orders().listByCustomer(customer, PageRequest.first(2)));
        assertThat(first.items()).containsExactly(newest, middle);
        assertThat(first.hasMore()).isTrue();
        Page<Order> second = read(
                TENANT_A,
                uow -> uow.orders().listByCustomer(customer, first.request().next()));
        assertThat(second.items()).containsExactly(oldest);
        assertThat(second.hasMore()).isFalse();
    }

    /** Orders of one day are ordered by the instant recorded (newest first), then by id. */
    @Test
    @DisplayName("orders of the same day are listed by recording instant, newest first, then by id")
    protected void listTies() {
        CustomerId customer = CustomerId.random();
        NewOrder draft = NewOrder.builder(customer, D1)
                .line(OrderLine.of("A", 1, Money.of("1.00", "USD")))
                .build();
        Order early = Order.place(OrderId.of("00000000-0000-0000-0000-000000000009"), draft, SalesFixtures.at(1));
        Order lateA = Order.place(OrderId.of("00000000-0000-0000-0000-000000000001"), draft, SalesFixtures.at(5));
        Order lateB = Order.place(OrderId.of("00000000-0000-0000-0000-000000000002"), draft, SalesFixtures.at(5));
        run(TENANT_A, uow -> {
            uow.orders().insert(early);
            uow.orders().insert(lateB);
            uow.orders().insert(lateA);
        });
        assertThat(read(TENANT_A, uow -> uow.orders().listByCustomer(customer, PageRequest.first(10)))
                        .items())
                .containsExactly(lateA, lateB, early);
    }

    /**
     * The purchase scan visits every placed order in customer order (by the UUID's string form, not Java's
     * signed {@code UUID.compareTo}), then by date, with the total in minor units.
     */
    @Test
    @DisplayName("the purchase scan streams placed orders by customer (UUID string order), then date")
    protected void scanOrder() {
        CustomerId low = customer("10000000-0000-0000-0000-000000000000");
        CustomerId mid = customer("80000000-0000-0000-0000-000000000000");
        CustomerId high = customer("f0000000-0000-0000-0000-000000000000");
        Order cancelled = order(mid, D1, "99.00");
        run(TENANT_A, uow -> {
            uow.orders().insert(order(high, D1, "1.00"));
            uow.orders().insert(order(mid, D3, "2.50"));
            uow.orders().insert(order(low, D2, "3.00"));
            uow.orders().insert(order(mid, D2, "4.00"));
            uow.orders().insert(order(low, D1, "500", "JPY", null));
            uow.orders().insert(cancelled);
        });
        run(TENANT_A, uow -> uow.orders().update(1, cancelled.cancel(SalesFixtures.at(1))));

        List<String> seen = new ArrayList<>();
        long count = read(
                TENANT_A,
                uow -> uow.orders()
                        .scanPurchases(
                                PurchaseScan.all(),
                                (c, d, amount, currency) ->
                                        seen.add(c.value().toString().charAt(0) + " " + d + " " + amount + " "
                                                + currency.getCurrencyCode())));

        assertThat(count).isEqualTo(5);
        assertThat(seen)
                .containsExactly(
                        "1 2025-03-01 500 JPY",
                        "1 2025-06-01 300 USD",
                        "8 2025-06-01 400 USD",
                        "8 2025-09-01 250 USD",
                        "f 2025-03-01 100 USD");
    }

    /** The scan's date range is inclusive at both ends. */
    @Test
    @DisplayName("the purchase scan honours an inclusive range of order dates")
    protected void scanRange() {
        CustomerId c = CustomerId.random();
        run(TENANT_A, uow -> {
            uow.orders().insert(order(c, D1, "1.00"));
            uow.orders().insert(order(c, D2, "2.00"));
            uow.orders().insert(order(c, D3, "3.00"));
        });
        List<LocalDate> dates = new ArrayList<>();
        long count = read(
                TENANT_A,
                uow -> uow.orders().scanPurchases(PurchaseScan.between(D2, D3), (cust, d, a, cur) -> dates.add(d)));
        assertThat(count).isEqualTo(2);
        assertThat(dates).containsExactly(D2, D3);
    }

    private Optional<Order> find(TenantId tenant, OrderId id) {
        return read(tenant, uow -> uow.orders().find(id));
    }

    private Optional<Order> findByOrderNumber(TenantId tenant, String key) {
        return read(tenant, uow -> uow.orders().findByOrderNumber(key));
    }
}
