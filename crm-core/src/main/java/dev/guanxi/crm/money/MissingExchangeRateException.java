package dev.guanxi.crm.money;

import dev.guanxi.crm.Beta;
import java.time.LocalDate;
import java.util.Currency;

/**
 * An amount had to be converted into another currency, and the host's {@link ExchangeRates} had no rate for
 * it. Amounts of different currencies are never added silently.
 *
 * <p>Thread-safe: the values it carries are final and immutable.
 */
@Beta
public class MissingExchangeRateException extends CurrencyMismatchException {
    private static final long serialVersionUID = 1L;

    /** The day of the amount that could not be converted. */
    private final LocalDate on;

    /**
     * Creates the exception.
     *
     * @param from the currency of the amount
     * @param to the target currency
     * @param on the day of the amount
     */
    public MissingExchangeRateException(Currency from, Currency to, LocalDate on) {
        super(from, to, "no exchange rate from " + from + " to " + to + " on " + on);
        this.on = on;
    }

    /** @return the day of the amount that could not be converted */
    public LocalDate on() {
        return on;
    }
}
