package dev.guanxi.crm.sales;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.customer.CustomerId;
import java.time.LocalDate;
import java.util.Currency;

/**
 * Receives the purchases of a tenant one by one from the purchase scan ({@link Sales#scanPurchases} and, for
 * storage adapters, {@code OrderRepository.scanPurchases}). The shape is primitive-friendly on purpose: the
 * analytics fill columns ({@code int[]} customer index, {@code int[]} day, {@code long[]} amount) from it
 * without building domain objects.
 *
 * <p>One call per order that is not cancelled, in this order: by customer (ascending by the lower-case
 * canonical string form of the customer's UUID, which is the same as unsigned 128-bit order), then by order
 * date, then by order id (same string order). All purchases of one customer therefore arrive together.
 *
 * <p>The visitor is called inside a read-only unit of work, on the caller's thread: it must not call back into
 * the CRM, and it should be quick (a slow visitor holds the transaction open). An exception it throws ends
 * the scan and reaches the caller unchanged.
 *
 * <p>Thread-safety: a scan calls its visitor from one thread, one purchase at a time, so an implementation
 * need not be thread-safe unless it is shared by scans running at the same time.
 */
@Beta
@FunctionalInterface
public interface PurchaseVisitor {
    /**
     * Receives one purchase.
     *
     * @param customer the buying customer
     * @param date the order date
     * @param amountMinorUnits the order total in minor units of {@code currency} (e.g. cents), zero or more
     * @param currency the currency of the order
     */
    void purchase(CustomerId customer, LocalDate date, long amountMinorUnits, Currency currency);
}
