package dev.guanxi.crm.test.tck;

import dev.guanxi.crm.Aggregate;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.Invoice;
import dev.guanxi.crm.sales.Order;
import dev.guanxi.crm.sales.Payment;
import dev.guanxi.crm.spi.storage.AggregateRepository;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Everything a tenant holds that a merge can touch, read through the storage SPI into records, so that two
 * dumps compare equal exactly when every row is equal: the aggregates of every repository (by scan, in id
 * order), and per given customer its campaign targets, shares, ownership ledger, points entries, lifecycle log,
 * current stage and churn reasons, score snapshot, merge log entries and tombstone; and the pending outbox.
 *
 * <p>Immutable once built; thread-safe.
 */
final class TenantDump {
    /** Rows by table name ({@code "orders"}, {@code "targets:<customer>"}, ...), in a stable order. */
    final Map<String, List<Object>> tables;

    private TenantDump(Map<String, List<Object>> tables) {
        this.tables = tables;
    }

    /**
     * Reads a dump.
     *
     * @param uow a unit of work of the tenant
     * @param customers the customers whose per-customer rows to read (tombstones' ids included)
     * @return the dump
     */
    static TenantDump of(UnitOfWork uow, Collection<CustomerId> customers) {
        Map<String, List<Object>> t = new LinkedHashMap<>();
        t.put("customers", scan(uow.customers()));
        t.put("interactions", scan(uow.interactions()));
        t.put("tasks", scan(uow.tasks()));
        t.put("orders", scan(uow.orders()));
        t.put("invoices", scan(uow.invoices()));
        t.put("payments", scan(uow.payments()));
        t.put("opportunities", scan(uow.opportunities()));
        t.put("contracts", scan(uow.contracts()));
        t.put("serviceCases", scan(uow.serviceCases()));
        t.put("surveyResponses", scan(uow.surveyResponses()));
        t.put("campaigns", scan(uow.campaigns()));
        t.put("campaignResponses", scan(uow.campaignResponses()));
        t.put("competitors", scan(uow.competitors()));
        t.put("competitorDealings", scan(uow.competitorDealings()));
        t.put("pointsAccounts", scan(uow.points()));
        t.put("scores", all(p -> uow.scores().list(p)));
        for (CustomerId c : customers) {
            t.put("targets:" + c, List.copyOf(uow.campaignTargets().listByCustomer(c)));
            t.put("shares:" + c, List.copyOf(uow.ownership().sharesOf(c)));
            t.put("ledger:" + c, List.copyOf(uow.ownership().ownershipHistory(c)));
            t.put("pointsEntries:" + c, all(p -> uow.points().listEntries(c, p)));
            t.put("lifecycle:" + c, List.copyOf(uow.lifecycle().history(c)));
            t.put("stage:" + c, List.of(uow.lifecycle().current(c)));
            t.put("churn:" + c, List.copyOf(uow.lifecycle().churnReasons(c)));
            t.put("mergeLog:" + c, List.copyOf(uow.mergeLog().listByCustomer(c)));
            t.put("tombstone:" + c, List.of(uow.mergeLog().findTombstone(c)));
        }
        t.put("outbox", List.copyOf(uow.outbox().pending(10_000)));
        return new TenantDump(t);
    }

    /** @return the dump without the tables whose names start with one of the prefixes */
    TenantDump without(String... prefixes) {
        Map<String, List<Object>> kept = new LinkedHashMap<>();
        tables.forEach((name, rows) -> {
            for (String p : prefixes) {
                if (name.startsWith(p)) {
                    return;
                }
            }
            kept.put(name, rows);
        });
        return new TenantDump(kept);
    }

    /**
     * Sums the money of the orders (totals), invoices (amounts) and payments, per kind and currency.
     *
     * @return e.g. {@code {"orders BHD": 12.345, ...}}, the sums at the currencies' scales
     */
    Map<String, BigDecimal> sums() {
        Map<String, BigDecimal> sums = new TreeMap<>();
        for (Object o : tables.get("orders")) {
            add(sums, "orders", ((Order) o).total());
        }
        for (Object o : tables.get("invoices")) {
            add(sums, "invoices", ((Invoice) o).amount());
        }
        for (Object o : tables.get("payments")) {
            add(sums, "payments", ((Payment) o).amount());
        }
        return sums;
    }

    private static void add(Map<String, BigDecimal> sums, String kind, Money m) {
        sums.merge(kind + " " + m.currency().getCurrencyCode(), m.amount(), BigDecimal::add);
    }

    /** @return how many rows each table has */
    Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        tables.forEach((name, rows) -> counts.put(name, rows.size()));
        return counts;
    }

    private static <I, A extends Aggregate<I>> List<Object> scan(AggregateRepository<I, A> repository) {
        List<Object> rows = new ArrayList<>();
        repository.scan(rows::add);
        return rows;
    }

    private static <T> List<Object> all(Function<PageRequest, Page<T>> lister) {
        List<Object> rows = new ArrayList<>();
        PageRequest request = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<T> page = lister.apply(request);
            rows.addAll(page.items());
            if (!page.hasMore()) {
                return rows;
            }
            request = request.next();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TenantDump d && d.tables.equals(tables);
    }

    @Override
    public int hashCode() {
        return tables.hashCode();
    }

    @Override
    public String toString() {
        return "TenantDump" + counts();
    }
}
