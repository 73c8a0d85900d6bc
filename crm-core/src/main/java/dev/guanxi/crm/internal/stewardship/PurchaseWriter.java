package dev.guanxi.crm.internal.stewardship;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.event.PurchaseRecorded;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.internal.CrmContext;
import dev.guanxi.crm.sales.NewOrder;
import dev.guanxi.crm.sales.Order;
import dev.guanxi.crm.sales.OrderId;
import dev.guanxi.crm.stewardship.ImportedPurchase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Purchase rows: a stored order number with the same customer, date and lines is unchanged, with other values a
 * row error; a new one is placed (in bulk) with the checks and event of {@code Sales.recordPurchase}.
 */
final class PurchaseWriter implements BatchWriter {
    private final boolean csv;

    PurchaseWriter(boolean csv) {
        this.csv = csv;
    }

    @Override
    public void write(CrmContext.WriteScope scope, List<ImportRow> rows, BatchOutcome out) {
        List<Order> inserts = new ArrayList<>();
        Map<String, Customer> customers = scope.uow().customers().findByExternalIds(RowKeys.customerExternalIds(rows));
        for (ImportRow row : rows) {
            if (row.bad()) {
                out.fail(row);
                continue;
            }
            ImportedPurchase p = (ImportedPurchase) row.content();
            Optional<Customer> customer = Optional.ofNullable(customers.get(p.customerExternalId()));
            if (customer.isEmpty()) {
                out.fail(
                        row,
                        csv ? "customer_external_id" : "customerExternalId",
                        ValidationRule.UNKNOWN_REFERENCE,
                        "this tenant has no customer with external id '" + p.customerExternalId() + "'");
                continue;
            }
            Optional<Order> stored = scope.uow().orders().findByOrderNumber(p.orderNumber());
            if (stored.isPresent()) {
                Order o = stored.get();
                if (o.customerId().equals(customer.get().id())
                        && o.orderDate().equals(p.orderDate())
                        && o.lines().equals(p.lines())) {
                    out.unchanged++;
                } else {
                    out.fail(
                            row,
                            row.idField(),
                            ValidationRule.INVALID_STATE,
                            "order " + p.orderNumber() + " is stored with other values; an import never changes an"
                                    + " order");
                }
                continue;
            }
            try {
                Check.notFuture("orderDate", p.orderDate(), scope.clock());
                Order placed = Order.place(
                        OrderId.random(),
                        new NewOrder(customer.get().id(), p.orderNumber(), p.orderDate(), p.lines()),
                        scope.now());
                inserts.add(placed);
                scope.publish(new PurchaseRecorded(
                        scope.metadata(), placed.customerId(), placed.id(), placed.orderDate(), placed.total()));
                out.created++;
            } catch (ValidationException e) {
                out.fail(row, e, f -> csv ? Cells.snake(f) : f);
            }
        }
        scope.uow().orders().insertAll(inserts);
    }
}
