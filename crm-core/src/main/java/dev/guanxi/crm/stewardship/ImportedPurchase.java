package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.sales.Order;
import dev.guanxi.crm.sales.OrderLine;
import java.time.LocalDate;
import java.util.List;

/**
 * A purchase (an order placed) to import, keyed by its order number. An order number already stored with the
 * same customer, date and lines is unchanged; with other values it is a row error: an import never rewrites an
 * order.
 *
 * <p>Immutable and thread-safe.
 *
 * @param orderNumber the order number, unique per tenant, 1 to {@value OrderLine#PRODUCT_CODE_MAX} characters
 * @param customerExternalId the external id of the buying customer
 * @param orderDate the day of the purchase, not in the future
 * @param lines one to {@value Order#MAX_LINES} lines, all in one currency
 * @since 0.1.0
 */
@Beta
public record ImportedPurchase(
        String orderNumber, String customerExternalId, LocalDate orderDate, List<OrderLine> lines)
        implements ImportedRecord {
    /**
     * Validates the record and copies the lines.
     *
     * @param orderNumber the order number, unique per tenant, 1 to {@value OrderLine#PRODUCT_CODE_MAX} characters
     * @param customerExternalId the external id of the buying customer
     * @param orderDate the day of the purchase, not in the future
     * @param lines one to {@value Order#MAX_LINES} lines, all in one currency
     * @throws ValidationException naming the field and the rule
     * @throws dev.guanxi.crm.money.CurrencyMismatchException if the lines are in different currencies
     */
    public ImportedPurchase {
        Check.text("orderNumber", orderNumber, OrderLine.PRODUCT_CODE_MAX);
        Check.text("customerExternalId", customerExternalId, EXTERNAL_ID_MAX);
        Check.required("orderDate", orderDate);
        lines = Check.list("lines", lines, Order.MAX_LINES);
        OrderLine.sum(lines);
    }

    @Override
    public ImportKind kind() {
        return ImportKind.PURCHASES;
    }

    @Override
    public String externalId() {
        return orderNumber;
    }
}
