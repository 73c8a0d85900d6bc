package dev.guanxi.crm.spi.storage;

import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.Order;
import dev.guanxi.crm.sales.OrderId;
import dev.guanxi.crm.sales.PurchaseScan;
import dev.guanxi.crm.sales.PurchaseVisitor;
import java.util.Optional;

/**
 * Stores the tenant's orders (purchases) with their lines. The order number is nullable; when it is set it is
 * unique per tenant ({@link dev.guanxi.crm.DuplicateKeyException} with field {@code orderNumber}), while any
 * number of orders may have none.
 *
 * <p>Besides the paged queries it offers the purchase scan, the input path of the customer-base analytics:
 * it streams every purchase of the tenant in customer order without building domain objects for the caller,
 * so an adapter can run it as one ordered query with a small fetch size.
 *
 * <p>Belongs to one {@link UnitOfWork} and is called only on the thread running its work; implementations
 * need not be thread-safe.
 */
public interface OrderRepository extends AggregateRepository<OrderId, Order> {
    /**
     * Finds an order by its number.
     *
     * @param orderNumber the order number
     * @return the order, or empty if this tenant has none with that number
     */
    Optional<Order> findByOrderNumber(String orderNumber);

    /**
     * Lists a customer's orders of every status, newest first: by order date descending, then by {@code
     * createdAt} descending, then by id (ascending by the UUID's lower-case string form).
     *
     * @param customerId the customer
     * @param page which slice
     * @return the page
     */
    Page<Order> listByCustomer(CustomerId customerId, PageRequest page);

    /**
     * Streams the tenant's purchases that the scan selects: every order that is not cancelled, with an order
     * date in the scan's range. The visitor receives them in this order: by customer id ascending by the
     * UUID's lower-case canonical string form (unsigned 128-bit order; {@code ORDER BY customer_id} on a
     * PostgreSQL {@code uuid} or on a {@code CHAR(36)} column gives the same), then by order date, then by
     * order id in the same string order. The amount is the order total in minor units of its currency.
     *
     * <p>Runs in the calling unit of work; O(n) in the tenant's orders. An exception from the visitor ends the
     * scan and propagates unchanged.
     *
     * @param scan which purchases
     * @param visitor receives each purchase
     * @return how many purchases were visited
     */
    long scanPurchases(PurchaseScan scan, PurchaseVisitor visitor);
}
