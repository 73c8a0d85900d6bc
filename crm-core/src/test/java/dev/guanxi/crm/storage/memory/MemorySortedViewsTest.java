package dev.guanxi.crm.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.NewOrder;
import dev.guanxi.crm.sales.Order;
import dev.guanxi.crm.sales.OrderId;
import dev.guanxi.crm.sales.OrderLine;
import dev.guanxi.crm.sales.PurchaseScan;
import dev.guanxi.crm.spi.storage.ScoreSnapshot;
import dev.guanxi.crm.spi.storage.UnitOfWorkContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The in-memory store's sorted views (scan order, purchase-scan order, snapshots by customer) are cached until a
 * table is next written: these tests check that a cached view never hides a later write, nor this transaction's
 * own writes, and that the orders are the documented ones.
 */
@DisplayName("The in-memory store's cached sorted views")
class MemorySortedViewsTest {
    private static final TenantId TENANT = TenantId.of("t");
    private static final Instant NOW = Instant.parse("2026-06-30T12:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 6, 1);

    private final InMemoryStorage storage = new InMemoryStorage();
    private final Random random = new Random(17);

    private Order order(CustomerId customer, LocalDate day, long cents) {
        return Order.place(
                new OrderId(new UUID(random.nextLong(), random.nextLong())),
                NewOrder.builder(customer, day)
                        .line(OrderLine.of("SKU", 1, Money.ofMinor(cents, java.util.Currency.getInstance("EUR"))))
                        .build(),
                NOW);
    }

    private void insert(List<Order> orders) {
        storage.inTransaction(UnitOfWorkContext.write(TENANT), uow -> {
            uow.orders().insertAll(orders);
            return null;
        });
    }

    /** Scans the purchases in a read-only unit of work, as "customer day cents" lines. */
    private List<String> purchases() {
        return storage.inTransaction(UnitOfWorkContext.read(TENANT), uow -> {
            List<String> seen = new ArrayList<>();
            uow.orders()
                    .scanPurchases(
                            PurchaseScan.all(), (id, date, minor, currency) -> seen.add(id + " " + date + " " + minor));
            return seen;
        });
    }

    private static List<String> expected(List<Order> orders) {
        return orders.stream()
                .filter(Order::isPlaced)
                .sorted(Comparator.comparing((Order o) -> o.customerId().toString())
                        .thenComparing(Order::orderDate)
                        .thenComparing(o -> o.id().toString()))
                .map(o -> o.customerId() + " " + o.orderDate() + " " + o.total().minorUnits())
                .toList();
    }

    @Test
    @DisplayName("the purchase scan follows customer id text, day, order id text, and sees every later commit")
    void purchasesAfterWrites() {
        List<CustomerId> customers = new ArrayList<>();
        for (int c = 0; c < 40; c++) {
            // ids with the high bit set and clear: the text order is the unsigned order
            customers.add(new CustomerId(new UUID(random.nextLong(), random.nextLong())));
        }
        List<Order> all = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            List<Order> batch = new ArrayList<>();
            for (int k = 0; k < 200; k++) {
                batch.add(order(
                        customers.get(random.nextInt(customers.size())),
                        DAY.plusDays(random.nextInt(5)),
                        100 + random.nextInt(1000)));
            }
            insert(batch);
            all.addAll(batch);

            List<String> first = purchases();
            List<String> again = purchases();

            assertThat(first).containsExactlyElementsOf(expected(all));
            assertThat(again).isEqualTo(first);
        }
        // a cancelled order leaves the scan at the next commit
        Order cancelled = all.get(7).cancel(NOW.plusSeconds(1));
        storage.inTransaction(UnitOfWorkContext.write(TENANT), uow -> {
            uow.orders().update(1, cancelled);
            return null;
        });
        all.set(7, cancelled);

        List<String> after = purchases();

        assertThat(after).hasSize(999).containsExactlyElementsOf(expected(all));
    }

    @Test
    @DisplayName("a full build of the purchase view over many blocks of the parallel pass (cancelled orders"
            + " among them, many days, shared customers) scans as the sorted orders")
    void largeBuild() {
        List<CustomerId> customers = new ArrayList<>();
        for (int c = 0; c < 5_000; c++) {
            customers.add(new CustomerId(new UUID(random.nextLong(), random.nextLong())));
        }
        List<Order> all = new ArrayList<>();
        for (int k = 0; k < 70_001; k++) { // 4+ blocks of 16,384 and a partial one
            Order o = order(
                    customers.get(random.nextInt(customers.size())),
                    DAY.minusDays(random.nextInt(900)),
                    100 + random.nextInt(100_000));
            all.add(random.nextInt(10) == 0 ? o.cancel(NOW) : o);
        }
        insert(all);

        List<String> scanned = purchases();

        assertThat(scanned).hasSizeLessThan(all.size()).containsExactlyElementsOf(expected(all));
        // the view shares one LocalDate per day and one CustomerId per customer
        java.util.IdentityHashMap<Object, Boolean> dates = new java.util.IdentityHashMap<>();
        java.util.IdentityHashMap<Object, Boolean> ids = new java.util.IdentityHashMap<>();
        storage.inTransaction(
                UnitOfWorkContext.read(TENANT),
                uow -> uow.orders().scanPurchases(PurchaseScan.all(), (id, date, minor, currency) -> {
                    dates.put(date, true);
                    ids.put(id, true);
                }));
        assertThat(dates).hasSizeLessThanOrEqualTo(900);
        assertThat(ids).hasSizeLessThanOrEqualTo(customers.size());
    }

    @Test
    @DisplayName("property: the purchase view carried over commits (inserts, cancellations, rollbacks, reads skipped)"
            + " always scans as a full build would")
    void maintainedPurchases() {
        List<CustomerId> customers = new ArrayList<>();
        for (int c = 0; c < 30; c++) {
            customers.add(new CustomerId(new UUID(random.nextLong(), random.nextLong())));
        }
        List<Order> all = new ArrayList<>();
        List<Integer> versions = new ArrayList<>();
        for (int round = 0; round < 60; round++) {
            int action = random.nextInt(5);
            if (action <= 1 || all.isEmpty()) { // insert a batch, sometimes of one order, sometimes large
                int size = random.nextInt(4) == 0 ? 1 : random.nextInt(3) == 0 ? 2_000 : 1 + random.nextInt(50);
                List<Order> batch = new ArrayList<>();
                for (int k = 0; k < size; k++) {
                    batch.add(order(
                            customers.get(random.nextInt(customers.size())),
                            DAY.plusDays(random.nextInt(4)),
                            100 + random.nextInt(1000)));
                }
                insert(batch);
                all.addAll(batch);
                batch.forEach(o -> versions.add(1));
            } else if (action == 2) { // cancel a few placed orders, one commit
                List<Integer> picked = new ArrayList<>();
                for (int k = 0; k < 1 + random.nextInt(5); k++) {
                    int at = random.nextInt(all.size());
                    if (all.get(at).isPlaced() && !picked.contains(at)) {
                        picked.add(at);
                    }
                }
                storage.inTransaction(UnitOfWorkContext.write(TENANT), uow -> {
                    for (int at : picked) {
                        uow.orders().update(versions.get(at), all.get(at).cancel(NOW.plusSeconds(1)));
                    }
                    return null;
                });
                for (int at : picked) {
                    all.set(at, all.get(at).cancel(NOW.plusSeconds(1)));
                    versions.set(at, versions.get(at) + 1);
                }
            } else if (action == 3) { // a write that rolls back changes nothing
                try {
                    storage.inTransaction(UnitOfWorkContext.write(TENANT), uow -> {
                        uow.orders().insertAll(List.of(order(customers.get(0), DAY, 5)));
                        throw new IllegalStateException("rolled back");
                    });
                } catch (IllegalStateException expected) {
                    // the order is not stored
                }
            }
            if (random.nextInt(3) > 0) { // reads are skipped now and then: changes of several commits pile up
                List<String> scanned = purchases();
                assertThat(scanned).as("round %d", round).containsExactlyElementsOf(expected(all));
            }
        }
        assertThat(purchases()).containsExactlyElementsOf(expected(all));
    }

    @Test
    @DisplayName(
            "customer ids that agree in their high bits (or differ only in the low ones) are still ordered exactly")
    void closeIds() {
        long[] highs = {0, 1, 4, 5, -1, -2, Long.MIN_VALUE, Long.MAX_VALUE};
        List<CustomerId> customers = new ArrayList<>();
        for (long hi : highs) {
            for (int k = 0; k < 3; k++) {
                customers.add(new CustomerId(new UUID(hi, random.nextLong())));
            }
        }
        List<Order> orders = new ArrayList<>();
        for (int k = 0; k < 600; k++) {
            orders.add(
                    order(customers.get(random.nextInt(customers.size())), DAY.plusDays(random.nextInt(3)), 100 + k));
        }
        insert(orders);

        List<String> scanned = purchases();

        assertThat(scanned).containsExactlyElementsOf(expected(orders));
    }

    @Test
    @DisplayName("a transaction that wrote a table sees its own writes in the scan, not the cached view")
    void ownWrites() {
        CustomerId a = new CustomerId(new UUID(1, 1));
        insert(List.of(order(a, DAY, 100)));
        purchases(); // caches the view
        Order mine = order(a, DAY.plusDays(1), 250);

        List<Long> seen = storage.inTransaction(UnitOfWorkContext.write(TENANT), uow -> {
            uow.orders().insert(mine);
            List<Long> amounts = new ArrayList<>();
            uow.orders().scanPurchases(PurchaseScan.all(), (id, date, minor, currency) -> amounts.add(minor));
            return amounts;
        });
        List<String> committed = purchases();

        assertThat(seen).containsExactly(100L, 250L);
        assertThat(committed).containsExactly(a + " " + DAY + " 100", a + " " + DAY.plusDays(1) + " 250");
    }

    @Test
    @DisplayName("scan() visits customers in id text order and sees a customer registered after the first scan")
    void scanOrder() {
        List<Customer> customers = new ArrayList<>();
        for (int c = 0; c < 50; c++) {
            customers.add(Customer.create(
                    new CustomerId(new UUID(random.nextLong(), random.nextLong())),
                    CustomerDraft.person("C" + c).build(),
                    NOW));
        }
        storage.inTransaction(UnitOfWorkContext.write(TENANT), uow -> {
            uow.customers().insertAll(customers.subList(0, 40));
            return null;
        });
        List<String> first = scanCustomers();
        storage.inTransaction(UnitOfWorkContext.write(TENANT), uow -> {
            uow.customers().insertAll(customers.subList(40, 50));
            return null;
        });

        List<String> second = scanCustomers();

        assertThat(first)
                .containsExactlyElementsOf(customers.subList(0, 40).stream()
                        .map(c -> c.id().toString())
                        .sorted()
                        .toList());
        assertThat(second)
                .containsExactlyElementsOf(
                        customers.stream().map(c -> c.id().toString()).sorted().toList());
    }

    private List<String> scanCustomers() {
        return storage.inTransaction(UnitOfWorkContext.read(TENANT), uow -> {
            List<String> ids = new ArrayList<>();
            uow.customers().scan(c -> ids.add(c.id().toString()));
            return ids;
        });
    }

    @Test
    @DisplayName("score snapshots are listed by customer id text and a page after an upsert shows the new values")
    void snapshotsByCustomer() {
        List<CustomerId> ids = new ArrayList<>();
        for (int c = 0; c < 2500; c++) {
            ids.add(new CustomerId(new UUID(random.nextLong(), random.nextLong())));
        }
        UUID run = new UUID(0, 1);
        storage.inTransaction(UnitOfWorkContext.write(TENANT), uow -> {
            uow.scores()
                    .upsertAll(ids.stream().map(id -> snapshot(id, run, "1")).toList());
            return null;
        });
        List<String> listed = listAll("1");
        storage.inTransaction(UnitOfWorkContext.write(TENANT), uow -> {
            uow.scores().upsertAll(List.of(snapshot(ids.get(0), run, "2")));
            return null;
        });

        List<String> relisted = listAll("2");

        List<String> sorted = ids.stream().map(CustomerId::toString).sorted().toList();
        assertThat(listed).containsExactlyElementsOf(sorted);
        assertThat(relisted).containsExactly(ids.get(0).toString());
    }

    private static ScoreSnapshot snapshot(CustomerId id, UUID run, String value) {
        return new ScoreSnapshot(
                id, run, DAY, null, new TreeMap<>(Map.of("x", new BigDecimal(value))), new TreeMap<>());
    }

    /** Pages through every snapshot (pages of 1,000); returns the customers whose metric x is {@code value}. */
    private List<String> listAll(String value) {
        return storage.inTransaction(UnitOfWorkContext.read(TENANT), uow -> {
            List<String> out = new ArrayList<>();
            PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
            while (true) {
                var p = uow.scores().list(page);
                p.items().stream()
                        .filter(s -> s.metrics().get("x").compareTo(new BigDecimal(value)) == 0)
                        .forEach(s -> out.add(s.customerId().toString()));
                if (!p.hasMore()) {
                    return out;
                }
                page = new PageRequest(page.offset() + page.limit(), page.limit());
            }
        });
    }
}
