package dev.guanxi.crm.analytics;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.money.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One row of a {@link StatisticsTable}: the key (one value per grouping dimension) and every measure of the
 * group. Money values are exact amounts in the table's base currency; counts are whole numbers.
 *
 * <p>Immutable and thread-safe.
 *
 * @param key one value per grouping dimension, in the table's column order (e.g. {@code ["staff-7", "CN-EAST",
 *     "2026-Q3"]}); empty for the grand total
 * @param sales {@link StatisticsMeasure#SALES}
 * @param orders {@link StatisticsMeasure#ORDERS}
 * @param units {@link StatisticsMeasure#UNITS}, without trailing zeros
 * @param paymentsCollected {@link StatisticsMeasure#PAYMENTS_COLLECTED}
 * @param overdue {@link StatisticsMeasure#OVERDUE}
 * @param invoicesIssued {@link StatisticsMeasure#INVOICES_ISSUED}
 * @param casesOpened {@link StatisticsMeasure#CASES_OPENED}
 * @param casesResolved {@link StatisticsMeasure#CASES_RESOLVED}
 * @param campaignResponses {@link StatisticsMeasure#CAMPAIGN_RESPONSES}
 */
@Beta
public record StatisticsRow(
        List<String> key,
        Money sales,
        long orders,
        BigDecimal units,
        Money paymentsCollected,
        Money overdue,
        long invoicesIssued,
        long casesOpened,
        long casesResolved,
        long campaignResponses) {
    /**
     * Validates the row and copies the key.
     *
     * @param key one value per grouping dimension, in the table's column order (e.g. {@code ["staff-7", "CN-EAST",
     *     "2026-Q3"]}); empty for the grand total
     * @param sales {@link StatisticsMeasure#SALES}
     * @param orders {@link StatisticsMeasure#ORDERS}
     * @param units {@link StatisticsMeasure#UNITS}, without trailing zeros
     * @param paymentsCollected {@link StatisticsMeasure#PAYMENTS_COLLECTED}
     * @param overdue {@link StatisticsMeasure#OVERDUE}
     * @param invoicesIssued {@link StatisticsMeasure#INVOICES_ISSUED}
     * @param casesOpened {@link StatisticsMeasure#CASES_OPENED}
     * @param casesResolved {@link StatisticsMeasure#CASES_RESOLVED}
     * @param campaignResponses {@link StatisticsMeasure#CAMPAIGN_RESPONSES}
     * @throws ValidationException naming the field: {@link ValidationRule#REQUIRED} for a null, {@link
     *     ValidationRule#OUT_OF_RANGE} for a negative count or units, {@link ValidationRule#CURRENCY_MISMATCH} if
     *     the amounts are in different currencies
     */
    public StatisticsRow {
        if (key == null) {
            throw new ValidationException("key", ValidationRule.REQUIRED, "key is required");
        }
        key = List.copyOf(key);
        required("sales", sales);
        required("units", units);
        required("paymentsCollected", paymentsCollected);
        required("overdue", overdue);
        if (!paymentsCollected.currency().equals(sales.currency())) {
            throw new ValidationException(
                    "paymentsCollected", ValidationRule.CURRENCY_MISMATCH, "all amounts are in one currency");
        }
        if (!overdue.currency().equals(sales.currency())) {
            throw new ValidationException(
                    "overdue", ValidationRule.CURRENCY_MISMATCH, "all amounts are in one currency");
        }
        if (units.signum() < 0) {
            throw new ValidationException("units", ValidationRule.OUT_OF_RANGE, "units must not be negative");
        }
        units = units.signum() == 0 ? BigDecimal.ZERO : units.stripTrailingZeros();
        nonNegative("orders", orders);
        nonNegative("invoicesIssued", invoicesIssued);
        nonNegative("casesOpened", casesOpened);
        nonNegative("casesResolved", casesResolved);
        nonNegative("campaignResponses", campaignResponses);
    }

    private static void required(String field, Object value) {
        if (value == null) {
            throw new ValidationException(field, ValidationRule.REQUIRED, field + " is required");
        }
    }

    private static void nonNegative(String field, long value) {
        if (value < 0) {
            throw new ValidationException(field, ValidationRule.OUT_OF_RANGE, field + " must not be negative");
        }
    }

    /**
     * Returns one measure as an exact number: a money amount at its currency's scale, a count, or the units.
     *
     * @param measure the measure
     * @return its value in this row
     */
    public BigDecimal value(StatisticsMeasure measure) {
        Objects.requireNonNull(measure, "measure");
        return switch (measure) {
            case SALES -> sales.amount();
            case ORDERS -> BigDecimal.valueOf(orders);
            case UNITS -> units;
            case PAYMENTS_COLLECTED -> paymentsCollected.amount();
            case OVERDUE -> overdue.amount();
            case INVOICES_ISSUED -> BigDecimal.valueOf(invoicesIssued);
            case CASES_OPENED -> BigDecimal.valueOf(casesOpened);
            case CASES_RESOLVED -> BigDecimal.valueOf(casesResolved);
            case CAMPAIGN_RESPONSES -> BigDecimal.valueOf(campaignResponses);
        };
    }

    /**
     * Returns one money measure.
     *
     * @param measure {@link StatisticsMeasure#SALES}, {@link StatisticsMeasure#PAYMENTS_COLLECTED} or {@link
     *     StatisticsMeasure#OVERDUE}
     * @return the amount in the base currency
     * @throws IllegalArgumentException if the measure is not an amount of money
     */
    public Money money(StatisticsMeasure measure) {
        Objects.requireNonNull(measure, "measure");
        return switch (measure) {
            case SALES -> sales;
            case PAYMENTS_COLLECTED -> paymentsCollected;
            case OVERDUE -> overdue;
            default -> throw new IllegalArgumentException(measure + " is not an amount of money");
        };
    }
}
