package dev.guanxi.crm.sales;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.money.CurrencyMismatchException;
import dev.guanxi.crm.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * One line of an {@link Order}: a product, a quantity, a unit price and an optional discount.
 *
 * <p>The line total is {@code quantity × unitPrice}, rounded to the currency's scale with {@link #ROUNDING}
 * ({@link RoundingMode#HALF_UP}), minus the discount. The discount is an amount of money (not a rate), zero or
 * more and at most the rounded gross amount, so a line total is never negative. All amounts of a line are in
 * one currency.
 *
 * <p>Immutable and thread-safe. Create lines with {@link #of(String, BigDecimal, Money)} and refine them with
 * {@link #withDescription(String)} and {@link #withDiscount(Money)}.
 *
 * @param productCode the product's code, as the host's product catalogue or ERP knows it: 1 to {@value
 *     #PRODUCT_CODE_MAX} characters of one-line text (letters of any script, digits, spaces and punctuation;
 *     no control characters)
 * @param description a one-line description, at most 500 characters, or {@code null} if the line has none
 * @param quantity how many units, greater than zero, at most {@value #QUANTITY_SCALE} decimals and {@value
 *     #QUANTITY_INTEGER_DIGITS} integer digits; trailing zeros are removed ({@code 2.50} becomes {@code 2.5})
 * @param unitPrice the price of one unit, zero or more
 * @param discount the discount on the whole line, zero or more, at most the gross amount; {@code null} means
 *     zero
 */
public record OrderLine(String productCode, String description, BigDecimal quantity, Money unitPrice, Money discount) {
    /** The longest product code, in code points. */
    public static final int PRODUCT_CODE_MAX = SalesChecks.NUMBER_MAX;
    /** The most decimals a quantity may have. */
    public static final int QUANTITY_SCALE = 6;
    /** The most integer digits a quantity may have. */
    public static final int QUANTITY_INTEGER_DIGITS = 12;
    /** How {@code quantity × unitPrice} is rounded to the currency's scale. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    /**
     * Validates the components.
     *
     * @param productCode the product's code, as the host's product catalogue or ERP knows it: 1 to {@value
     *     #PRODUCT_CODE_MAX} characters of one-line text (letters of any script, digits, spaces and punctuation; no
     *     control characters)
     * @param description a one-line description, at most 500 characters, or {@code null} if the line has none
     * @param quantity how many units, greater than zero, at most {@value #QUANTITY_SCALE} decimals and {@value
     *     #QUANTITY_INTEGER_DIGITS} integer digits; trailing zeros are removed ({@code 2.50} becomes {@code 2.5})
     * @param unitPrice the price of one unit, zero or more
     * @param discount the discount on the whole line, zero or more, at most the gross amount; {@code null} means zero
     * @throws ValidationException naming the field ({@code productCode}, {@code description}, {@code
     *     quantity}, {@code unitPrice}, {@code discount}) and the rule
     * @throws CurrencyMismatchException if the discount is in another currency than the unit price
     */
    public OrderLine {
        Check.text("productCode", productCode, PRODUCT_CODE_MAX);
        Check.optionalText("description", description, Check.LINE_MAX);
        quantity = quantity(quantity);
        Check.nonNegative("unitPrice", unitPrice);
        if (discount == null) {
            discount = Money.zero(unitPrice.currency());
        }
        Check.nonNegative("discount", discount);
        if (!discount.currency().equals(unitPrice.currency())) {
            throw new CurrencyMismatchException(unitPrice.currency(), discount.currency());
        }
        Money gross = gross(quantity, unitPrice);
        if (discount.isGreaterThan(gross)) {
            throw Check.fail(
                    "discount",
                    ValidationRule.OUT_OF_RANGE,
                    "discount " + discount + " is more than the line's gross amount " + gross);
        }
    }

    /**
     * Creates a line without description or discount.
     *
     * @param productCode the product's code
     * @param quantity how many units, greater than zero
     * @param unitPrice the price of one unit
     * @return the line
     * @throws ValidationException if a value breaks a rule
     */
    public static OrderLine of(String productCode, BigDecimal quantity, Money unitPrice) {
        return new OrderLine(productCode, null, quantity, unitPrice, null);
    }

    /**
     * Creates a line of a whole number of units, without description or discount.
     *
     * @param productCode the product's code
     * @param quantity how many units, greater than zero
     * @param unitPrice the price of one unit
     * @return the line
     * @throws ValidationException if a value breaks a rule
     */
    public static OrderLine of(String productCode, long quantity, Money unitPrice) {
        return of(productCode, BigDecimal.valueOf(quantity), unitPrice);
    }

    /**
     * Returns this line with a description.
     *
     * @param text one-line text, at most 500 characters, or {@code null} for none
     * @return a new line
     */
    public OrderLine withDescription(String text) {
        return new OrderLine(productCode, text, quantity, unitPrice, discount);
    }

    /**
     * Returns this line with a discount on the whole line.
     *
     * @param amount zero or more, at most the gross amount, in the unit price's currency
     * @return a new line
     */
    public OrderLine withDiscount(Money amount) {
        Check.required("discount", amount);
        return new OrderLine(productCode, description, quantity, unitPrice, amount);
    }

    /** @return the currency of the line's amounts */
    public Currency currency() {
        return unitPrice.currency();
    }

    /** @return {@code quantity × unitPrice}, rounded {@link #ROUNDING HALF_UP} to the currency's scale */
    public Money gross() {
        return gross(quantity, unitPrice);
    }

    /** @return the gross amount minus the discount; never negative */
    public Money lineTotal() {
        return gross().minus(discount);
    }

    /**
     * Adds the totals of lines exactly.
     *
     * @param lines at least one line, all in one currency
     * @return the exact sum of their {@link #lineTotal() line totals}
     * @throws ValidationException with {@link ValidationRule#REQUIRED} if there is no line
     * @throws CurrencyMismatchException if the lines are in different currencies
     */
    public static Money sum(List<OrderLine> lines) {
        if (lines == null || lines.isEmpty()) {
            throw Check.fail("lines", ValidationRule.REQUIRED, "at least one line is required");
        }
        Currency currency = lines.get(0).currency();
        List<Money> totals = new ArrayList<>(lines.size());
        for (OrderLine line : lines) {
            if (!line.currency().equals(currency)) {
                throw new CurrencyMismatchException(currency, line.currency());
            }
            totals.add(line.lineTotal());
        }
        try {
            return Money.sum(totals, currency);
        } catch (ValidationException e) {
            throw Check.fail("total", ValidationRule.TOO_LONG, "the order total is too large");
        }
    }

    private static BigDecimal quantity(BigDecimal value) {
        Check.positive("quantity", value);
        BigDecimal q = value.stripTrailingZeros();
        if (q.scale() > QUANTITY_SCALE) {
            throw Check.fail(
                    "quantity",
                    ValidationRule.SCALE,
                    "quantity " + value.toPlainString() + " has more than " + QUANTITY_SCALE + " decimals");
        }
        if (q.scale() < 0) {
            q = q.setScale(0);
        }
        if (q.precision() - q.scale() > QUANTITY_INTEGER_DIGITS) {
            throw Check.fail(
                    "quantity",
                    ValidationRule.TOO_LONG,
                    "quantity has more than " + QUANTITY_INTEGER_DIGITS + " integer digits");
        }
        return q;
    }

    private static Money gross(BigDecimal quantity, Money unitPrice) {
        try {
            return unitPrice.times(quantity, ROUNDING);
        } catch (ValidationException e) {
            throw Check.fail("quantity", ValidationRule.TOO_LONG, "quantity × unit price is too large");
        }
    }
}
