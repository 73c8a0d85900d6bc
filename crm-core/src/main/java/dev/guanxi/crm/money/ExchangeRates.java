package dev.guanxi.crm.money;

import dev.guanxi.crm.Beta;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where exchange rates come from: implemented by the host (its treasury or ERP rate table). Used to convert
 * amounts in several currencies into a tenant's base currency before they are added; see {@link
 * CurrencyConverter}.
 *
 * <p>Implementations must be thread-safe; a scoring run may ask for many rates.
 */
@Beta
@FunctionalInterface
public interface ExchangeRates {
    /**
     * Returns the rate to use for converting an amount of a given day, or empty if the host has none. The
     * returned rate may be of an earlier day (the latest published before {@code on}); its {@link
     * ExchangeRate#date()} says which.
     *
     * @param from the currency of the amount
     * @param to the target currency
     * @param on the day of the amount (order date, invoice date)
     * @return the rate, or empty if there is none
     */
    Optional<ExchangeRate> rate(Currency from, Currency to, LocalDate on);

    /** @return a source without any rate: only amounts already in the target currency can be converted */
    static ExchangeRates none() {
        return (from, to, on) -> Optional.empty();
    }

    /**
     * Returns a source of fixed rates into one currency, each valid on every day, with the given rate date.
     * Meant for tests and for hosts that convert at a budget rate.
     *
     * @param to the target currency
     * @param rates units of {@code to} per unit of each source currency
     * @param date the date recorded with each rate
     * @return the source
     */
    static ExchangeRates fixed(Currency to, Map<Currency, java.math.BigDecimal> rates, LocalDate date) {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(date, "date");
        Map<Currency, ExchangeRate> copy = new java.util.HashMap<>();
        rates.forEach((currency, rate) -> copy.put(currency, new ExchangeRate(currency, to, rate, date)));
        return (from, target, on) -> target.equals(to) ? Optional.ofNullable(copy.get(from)) : Optional.empty();
    }
}
