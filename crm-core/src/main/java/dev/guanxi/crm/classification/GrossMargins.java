package dev.guanxi.crm.classification;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.Order;
import dev.guanxi.crm.sales.OrderLine;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Objects;

/**
 * Where gross margins come from, for a value measure that weighs margin ({@link ValueMeasure#marginWeight()}):
 * the host knows its costs (from ERP), the CRM knows what was sold. Given to a scoring run with {@link
 * ScoringRequest#withMargins(GrossMargins)}; the run then reads the orders of the value period and adds each
 * line's margin, converted into the base currency, to {@link CustomerBase.Builder#margin(int, long)}.
 *
 * <p>Implementations must be thread-safe. A line whose cost is unknown must be an error (typically a {@link
 * ValidationException}), never a silent zero: a margin grading on half the costs would mislead.
 */
@Beta
@FunctionalInterface
public interface GrossMargins {
    /**
     * Returns the gross margin of one order line: its total minus its cost, in the order's currency; may be
     * negative.
     *
     * @param order the order (for its date and customer)
     * @param line the line
     * @return the margin
     */
    Money margin(Order order, OrderLine line);

    /**
     * Margins from unit costs per product code: {@code lineTotal − quantity × unitCost}, the cost rounded
     * half-even to the currency's minor unit.
     *
     * @param unitCosts the cost of one unit per product code, in the currency the product is sold in
     * @return the margins
     * @throws ValidationException from {@link #margin}: {@code productCode}, {@link ValidationRule#UNKNOWN_CODE}
     *     for a product without a cost
     */
    static GrossMargins fromUnitCosts(Map<String, Money> unitCosts) {
        Map<String, Money> costs = Map.copyOf(Objects.requireNonNull(unitCosts, "unitCosts"));
        return (order, line) -> {
            Money unit = costs.get(line.productCode());
            if (unit == null) {
                throw new ValidationException(
                        "productCode", ValidationRule.UNKNOWN_CODE, "no unit cost for product " + line.productCode());
            }
            Money cost = unit.times(line.quantity(), RoundingMode.HALF_EVEN);
            return line.lineTotal().minus(cost);
        };
    }
}
