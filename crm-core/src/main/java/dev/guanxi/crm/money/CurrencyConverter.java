package dev.guanxi.crm.money;

import dev.guanxi.crm.Beta;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Converts amounts into one base currency (a tenant's) through a host-supplied {@link ExchangeRates}. Amounts
 * already in the base currency are returned unchanged; others are multiplied by the rate and rounded to the
 * base currency's minor unit with {@link RoundingMode#HALF_EVEN}. A missing rate is a {@link
 * MissingExchangeRateException}, never a silent mix.
 *
 * <p>Rates are looked up once per currency and day and then remembered by this converter, so a scan of
 * millions of amounts asks the host for a few thousand rates at most.
 *
 * <p>Thread-safe if the rate source is.
 */
@Beta
public final class CurrencyConverter {
    private final Currency base;
    private final ExchangeRates rates;
    private final ConcurrentHashMap<Key, ExchangeRate> cache = new ConcurrentHashMap<>();

    private record Key(Currency from, LocalDate on) {}

    private CurrencyConverter(Currency base, ExchangeRates rates) {
        this.base = base;
        this.rates = rates;
    }

    /**
     * Returns a converter into a base currency.
     *
     * @param base the target currency
     * @param rates where rates come from
     * @return the converter
     */
    public static CurrencyConverter to(Currency base, ExchangeRates rates) {
        return new CurrencyConverter(Objects.requireNonNull(base, "base"), Objects.requireNonNull(rates, "rates"));
    }

    /**
     * Returns a converter that accepts only amounts already in the base currency.
     *
     * @param base the only currency
     * @return the converter
     */
    public static CurrencyConverter single(Currency base) {
        return to(base, ExchangeRates.none());
    }

    /** @return the currency everything is converted into */
    public Currency base() {
        return base;
    }

    /**
     * Returns the rate used for an amount of a currency on a day.
     *
     * @param from the currency of the amount
     * @param on the day of the amount
     * @return the rate (the identity rate for the base currency)
     * @throws MissingExchangeRateException if the source has no rate
     */
    public ExchangeRate rate(Currency from, LocalDate on) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(on, "on");
        if (from.equals(base)) {
            return ExchangeRate.identity(base, on);
        }
        return cache.computeIfAbsent(new Key(from, on), k -> {
            ExchangeRate rate =
                    rates.rate(from, base, on).orElseThrow(() -> new MissingExchangeRateException(from, base, on));
            if (!rate.from().equals(from) || !rate.to().equals(base)) {
                throw new IllegalStateException("the rate source answered " + rate + " for " + from + " to " + base);
            }
            return rate;
        });
    }

    /**
     * Lists the rates this converter has used so far (each currency and day once), so that a result converted
     * with them can record which rates, of which days, it rests on.
     *
     * @return the rates, ordered by currency code, then day
     */
    public java.util.List<ExchangeRate> ratesUsed() {
        java.util.List<ExchangeRate> used = new java.util.ArrayList<>(cache.values());
        used.sort(java.util.Comparator.comparing((ExchangeRate r) -> r.from().getCurrencyCode())
                .thenComparing(ExchangeRate::date));
        return java.util.List.copyOf(used);
    }

    /**
     * Converts an amount.
     *
     * @param amount the amount
     * @param on the day of the amount (its rate day)
     * @return the amount in the base currency with the rate used
     * @throws MissingExchangeRateException if the source has no rate
     */
    public Conversion convert(Money amount, LocalDate on) {
        Objects.requireNonNull(amount, "amount");
        ExchangeRate rate = rate(amount.currency(), on);
        if (amount.currency().equals(base)) {
            return new Conversion(amount, rate);
        }
        return new Conversion(Money.of(amount.amount().multiply(rate.rate()), base, RoundingMode.HALF_EVEN), rate);
    }

    /**
     * Converts an amount given in minor units, the primitive path of scans.
     *
     * @param minorUnits the amount in minor units of {@code currency}
     * @param currency its currency
     * @param on the day of the amount
     * @return the amount in minor units of the base currency, rounded half-even
     * @throws MissingExchangeRateException if the source has no rate
     * @throws ArithmeticException if the result does not fit a {@code long}
     */
    public long toBaseMinor(long minorUnits, Currency currency, LocalDate on) {
        if (currency.equals(base)) {
            return minorUnits;
        }
        BigDecimal amount = BigDecimal.valueOf(minorUnits, Money.scaleOf(currency));
        return amount.multiply(rate(currency, on).rate())
                .setScale(Money.scaleOf(base), RoundingMode.HALF_EVEN)
                .unscaledValue()
                .longValueExact();
    }

    /**
     * An amount converted into the base currency, with the rate (and its day) that was used.
     *
     * @param amount the converted amount
     * @param rate the rate used
     */
    public record Conversion(Money amount, ExchangeRate rate) {
        /**
         * Rejects nulls.
         *
         * @param amount the converted amount
         * @param rate the rate used
         */
        public Conversion {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(rate, "rate");
        }
    }
}
