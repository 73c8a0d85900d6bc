package dev.guanxi.crm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.CustomerQuery;
import dev.guanxi.crm.jdbc.testing.TestDatabases;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.PurchaseScan;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import dev.guanxi.crm.spi.storage.UnitOfWorkContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The customer API's queries and the per-customer lists are served by indexes: on PostgreSQL with 20,000
 * customers (analysed), the generic plan (with {@code plan_cache_mode = force_generic_plan}: valid for any parameter values) of
 * each statement the storage actually ran uses an index and never scans a whole table.
 */
class PostgresIndexUsageTest {
    private static final TenantId TENANT = TenantId.of("plans");
    private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");

    @Test
    @DisplayName("every customer filter, the customer's orders and a lookup by number run on an index")
    void queriesUseIndexes() throws SQLException {
        DataSource ds = TestDatabases.postgres();
        List<String> statements = new CopyOnWriteArrayList<>();
        try (JdbcStorage storage =
                JdbcStorage.builder(ds).statementLog(statements::add).build()) {
            List<Customer> customers = new ArrayList<>();
            for (int i = 0; i < 20_000; i++) {
                customers.add(Customer.create(
                        CustomerId.random(),
                        CustomerDraft.person("Customer " + i)
                                .externalId("EXT-" + i)
                                .region("R" + (i % 50))
                                .status("S" + (i % 40))
                                .customerType("T" + (i % 30))
                                .industry("I" + (i % 60))
                                .owner(StaffId.of("owner-" + (i % 100)))
                                .tag("tag-" + (i % 200))
                                .build(),
                        NOW));
            }
            for (int from = 0; from < customers.size(); from += 2_000) {
                List<Customer> batch = customers.subList(from, from + 2_000);
                storage.inTransaction(UnitOfWorkContext.write(TENANT), uow -> {
                    uow.customers().insertAll(batch);
                    List<dev.guanxi.crm.sales.Order> orders = new ArrayList<>();
                    for (Customer c : batch) {
                        orders.add(dev.guanxi.crm.sales.Order.place(
                                dev.guanxi.crm.sales.OrderId.random(),
                                dev.guanxi.crm.test.Fixtures.anOrder(c.id()).build(),
                                NOW));
                    }
                    uow.orders().insertAll(orders);
                    return null;
                });
            }
            String visibility = vacuumUntilAllVisible(ds);
            CustomerId someone = customers.get(123).id();
            Map<String, Consumer<UnitOfWork>> paths = Map.ofEntries(
                    Map.entry(
                            "by region",
                            uow -> uow.customers().query(CustomerQuery.all().withRegion("R7"), page())),
                    Map.entry(
                            "by status",
                            uow -> uow.customers().query(CustomerQuery.all().withStatus("S7"), page())),
                    Map.entry(
                            "by type",
                            uow -> uow.customers().query(CustomerQuery.all().withCustomerType("T7"), page())),
                    Map.entry(
                            "by industry",
                            uow -> uow.customers().query(CustomerQuery.all().withIndustry("I7"), page())),
                    Map.entry(
                            "by owner",
                            uow -> uow.customers().query(CustomerQuery.all().withOwner(StaffId.of("owner-7")), page())),
                    Map.entry(
                            "by tag",
                            uow -> uow.customers().query(CustomerQuery.all().withTag("tag-7"), page())),
                    Map.entry("by external id", uow -> uow.customers().findByExternalId("EXT-77")),
                    Map.entry(
                            "count by region",
                            uow -> uow.customers().count(CustomerQuery.all().withRegion("R9"))),
                    Map.entry("all, first page", uow -> uow.customers().query(CustomerQuery.all(), page())),
                    Map.entry("by id", uow -> uow.customers().find(someone)),
                    Map.entry("orders", uow -> uow.orders().listByCustomer(someone, page())),
                    Map.entry("order by number", uow -> uow.orders().findByOrderNumber("NO-1")));
            try (Connection c = ds.getConnection()) {
                for (Map.Entry<String, Consumer<UnitOfWork>> path : paths.entrySet()) {
                    statements.clear();
                    storage.inTransaction(UnitOfWorkContext.read(TENANT), uow -> {
                        path.getValue().accept(uow);
                        return null;
                    });
                    for (String sql : statements) {
                        if (!sql.startsWith("SELECT") || sql.contains("@@")) {
                            continue;
                        }
                        String plan = genericPlan(c, sql);
                        assertThat(plan).as(path.getKey() + ": " + sql).containsIgnoringCase("Index");
                        assertThat(plan).as(path.getKey() + ": " + sql).doesNotContain("Seq Scan");
                    }
                }
                // The scoring run's purchase scan is answered from ix_guanxi_order_customer alone (V12), without
                // reading any order row and its JSON document.
                statements.clear();
                storage.inTransaction(
                        UnitOfWorkContext.read(TENANT),
                        uow -> uow.orders().scanPurchases(PurchaseScan.all(), (customer, date, minor, currency) -> {}));
                List<String> scans = statements.stream()
                        .filter(sql -> sql.startsWith("SELECT customer_id"))
                        .toList();
                assertThat(scans).hasSize(1);
                assertThat(genericPlan(c, scans.get(0)))
                        .as("purchase scan (" + visibility + "): " + scans.get(0))
                        .contains("Index Only Scan using ix_guanxi_order_customer");
            }
        }
    }

    private static PageRequest page() {
        return PageRequest.first(20);
    }

    /**
     * {@code VACUUM ANALYZE}: the statistics, and the visibility map an index-only scan needs. A VACUUM cannot mark
     * a page all-visible while an older snapshot may still need its rows (another session of the shared test
     * server, autovacuum), and the planner then prices an index-only scan as an index scan with heap fetches: so
     * it is repeated, for up to 10 s, until every page of {@code guanxi_order} is all-visible.
     *
     * @return the last {@code relallvisible / relpages} of {@code guanxi_order}, for the assertion's message
     */
    private static String vacuumUntilAllVisible(DataSource ds) throws SQLException {
        String visibility = "";
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE");
            while (true) {
                try (ResultSet rs = s.executeQuery(
                        "SELECT relallvisible, relpages FROM pg_class WHERE oid = 'guanxi_order'::regclass")) {
                    rs.next();
                    int visible = rs.getInt(1);
                    int pages = rs.getInt(2);
                    visibility = "all-visible pages of guanxi_order: " + visible + " of " + pages;
                    if (visible >= pages || System.nanoTime() > deadline) {
                        return visibility;
                    }
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return visibility;
                }
                s.execute("VACUUM ANALYZE guanxi_order");
            }
        }
    }

    private static String genericPlan(Connection c, String sql) throws SQLException {
        StringBuilder numbered = new StringBuilder();
        int n = 0;
        for (char ch : sql.toCharArray()) {
            if (ch == '?') {
                numbered.append('$').append(++n);
            } else {
                numbered.append(ch);
            }
        }
        StringBuilder plan = new StringBuilder();
        try (Statement s = c.createStatement()) {
            s.execute("SET plan_cache_mode = force_generic_plan");
            s.execute("DEALLOCATE ALL");
            s.execute("PREPARE audited AS " + numbered);
            String nulls = String.join(", ", java.util.Collections.nCopies(n, "NULL"));
            try (ResultSet rs = s.executeQuery("EXPLAIN EXECUTE audited" + (n == 0 ? "" : "(" + nulls + ")"))) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            s.execute("DEALLOCATE audited");
        }
        return plan.toString();
    }
}
