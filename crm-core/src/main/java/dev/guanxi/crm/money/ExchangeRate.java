package dev.guanxi.crm.money;

import dev.guanxi.crm.Beta;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;

/**
 * One exchange rate: one unit of {@code from} is worth {@code rate} units of {@code to}, as published for a day.
 * Results converted with a rate record it, so that a reader can see which rate (and of which day) was used.
 *
 * <p>Immutable and thread-safe.
 *
 * @param from the currency converted from
 * @param to the currency converted to
 * @param rate units of {@code to} per unit of {@code from}, greater than zero
 * @param date the day the rate is for
 */
@Beta
public record ExchangeRate(Currency from, Currency to, BigDecimal rate, LocalDate date) {
    /**
     * Validates the rate.
     *
     * @param from the currency converted from
     * @param to the currency converted to
     * @param rate units of {@code to} per unit of {@code from}, greater than zero
     * @param date the day the rate is for
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the rate is not greater than zero
     */
    public ExchangeRate {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(date, "date");
        if (rate.signum() <= 0) {
            throw new IllegalArgumentException("rate must be greater than zero: " + rate);
        }
    }

    /**
     * Returns the identity rate of a currency (1), for amounts already in the target currency.
     *
     * @param currency the currency
     * @param date the day
     * @return the rate 1 from {@code currency} to itself
     */
    public static ExchangeRate identity(Currency currency, LocalDate date) {
        return new ExchangeRate(currency, currency, BigDecimal.ONE, date);
    }
}
