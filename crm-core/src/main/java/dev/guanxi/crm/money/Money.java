package dev.guanxi.crm.money;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * An exact amount of money in one ISO 4217 currency, always at that currency's scale (USD 2, JPY 0, BHD 3).
 *
 * <p>Creating money never rounds: {@code Money.of("1.005", "USD")} is a {@link ValidationException} with rule
 * {@link ValidationRule#SCALE}; use {@link #of(BigDecimal, Currency, RoundingMode)} to round on purpose.
 * Arithmetic between two currencies throws {@link CurrencyMismatchException}. Amounts are limited to {@value
 * #MAX_INTEGER_DIGITS} integer digits so that every store can hold them exactly.
 *
 * <p>Immutable and thread-safe; {@link #equals} compares currency and amount (both at the same scale).
 *
 * @param amount the amount, at the currency's scale
 * @param currency the currency
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {
    /** The most integer digits an amount may have. */
    public static final int MAX_INTEGER_DIGITS = 15;

    /**
     * Validates scale and size; trailing zeros beyond the scale are accepted ({@code 1.50} USD).
     *
     * @param amount the amount, required: no more decimals than the currency's scale except trailing zeros (it is
     *     set to that scale), at most {@value #MAX_INTEGER_DIGITS} integer digits
     * @param currency the currency, required; one without minor units (XAU) is refused
     */
    public Money {
        if (currency == null) {
            throw new ValidationException("currency", ValidationRule.REQUIRED, "currency is required");
        }
        if (amount == null) {
            throw new ValidationException("amount", ValidationRule.REQUIRED, "amount is required");
        }
        int scale = scaleOf(currency);
        BigDecimal scaled;
        try {
            scaled = amount.setScale(scale, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new ValidationException(
                    "amount",
                    ValidationRule.SCALE,
                    amount.toPlainString() + " has more than " + scale + " decimals allowed for " + currency);
        }
        if (scaled.precision() - scaled.scale() > MAX_INTEGER_DIGITS) {
            throw new ValidationException(
                    "amount",
                    ValidationRule.TOO_LONG,
                    "amounts have at most " + MAX_INTEGER_DIGITS + " integer digits");
        }
        amount = scaled;
    }

    /**
     * Returns the number of decimals of a currency, refusing pseudo-currencies without minor units (XAU).
     *
     * @param currency the currency
     * @return its scale, 0 to 3 (4 for a few)
     */
    public static int scaleOf(Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        if (digits < 0) {
            throw new ValidationException(
                    "currency", ValidationRule.UNKNOWN_CURRENCY, currency + " has no decimal minor unit");
        }
        return digits;
    }

    /**
     * Looks up an ISO 4217 currency by code.
     *
     * @param code a three-letter code such as {@code CNY}
     * @return the currency
     * @throws ValidationException with {@link ValidationRule#UNKNOWN_CURRENCY} for an unknown code
     */
    public static Currency currency(String code) {
        if (code == null) {
            throw new ValidationException("currency", ValidationRule.REQUIRED, "currency is required");
        }
        try {
            Currency c = Currency.getInstance(code);
            scaleOf(c);
            return c;
        } catch (IllegalArgumentException e) {
            throw new ValidationException(
                    "currency", ValidationRule.UNKNOWN_CURRENCY, "'" + code + "' is not an ISO 4217 currency code");
        }
    }

    /**
     * Creates money without rounding.
     *
     * @param amount the amount, with at most the currency's number of decimals
     * @param currency the currency
     * @return the money
     */
    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    /**
     * Creates money from a decimal string and a currency code, without rounding.
     *
     * @param amount a decimal such as {@code "12.50"}
     * @param currencyCode an ISO 4217 code such as {@code "EUR"}
     * @return the money
     */
    public static Money of(String amount, String currencyCode) {
        Currency currency = currency(currencyCode);
        if (amount == null) {
            throw new ValidationException("amount", ValidationRule.REQUIRED, "amount is required");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(amount.trim());
        } catch (NumberFormatException e) {
            throw new ValidationException("amount", ValidationRule.INVALID_FORMAT, "'" + amount + "' is not a decimal");
        }
        return new Money(value, currency);
    }

    /**
     * Creates money, rounding to the currency's scale with an explicit mode.
     *
     * @param amount any amount
     * @param currency the currency
     * @param rounding how to round extra decimals
     * @return the money
     */
    public static Money of(BigDecimal amount, Currency currency, RoundingMode rounding) {
        Objects.requireNonNull(rounding, "rounding");
        if (amount == null) {
            throw new ValidationException("amount", ValidationRule.REQUIRED, "amount is required");
        }
        if (currency == null) {
            throw new ValidationException("currency", ValidationRule.REQUIRED, "currency is required");
        }
        return new Money(amount.setScale(scaleOf(currency), rounding), currency);
    }

    /**
     * Creates money from an amount in minor units (cents, fen).
     *
     * @param minorUnits the amount in minor units
     * @param currency the currency
     * @return the money
     */
    public static Money ofMinor(long minorUnits, Currency currency) {
        return new Money(BigDecimal.valueOf(minorUnits, scaleOf(currency)), currency);
    }

    /**
     * Returns zero in a currency.
     *
     * @param currency the currency
     * @return zero at the currency's scale
     */
    public static Money zero(Currency currency) {
        return ofMinor(0, currency);
    }

    /**
     * Parses the form {@link #toString()} prints, e.g. {@code "USD 12.50"}.
     *
     * @param text currency code, a space, the amount
     * @return the money
     */
    public static Money parse(String text) {
        Objects.requireNonNull(text, "text");
        String[] parts = text.trim().split("\\s+");
        if (parts.length != 2) {
            throw new ValidationException(
                    "amount", ValidationRule.INVALID_FORMAT, "expected 'CUR 0.00', got '" + text + "'");
        }
        return of(parts[1], parts[0]);
    }

    /**
     * Sums amounts of one currency.
     *
     * @param amounts the amounts, all in {@code currency}
     * @param currency the currency of the result (and of an empty sum)
     * @return the exact sum
     */
    public static Money sum(Collection<Money> amounts, Currency currency) {
        Money total = zero(currency);
        for (Money m : amounts) {
            total = total.plus(m);
        }
        return total;
    }

    /** @return the amount in minor units, e.g. 1250 for USD 12.50 */
    public long minorUnits() {
        return amount.movePointRight(amount.scale()).longValueExact();
    }

    /**
     * Adds money of the same currency.
     *
     * @param other the amount to add
     * @return the exact sum
     * @throws CurrencyMismatchException if the currencies differ
     */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    /**
     * Subtracts money of the same currency.
     *
     * @param other the amount to subtract
     * @return the exact difference
     * @throws CurrencyMismatchException if the currencies differ
     */
    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    /**
     * Multiplies by a whole number; always exact.
     *
     * @param factor the factor
     * @return the product
     */
    public Money times(long factor) {
        return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
    }

    /**
     * Multiplies by a decimal factor (a quantity, a rate), rounding to the currency's scale.
     *
     * @param factor the factor
     * @param rounding how to round the product
     * @return the rounded product
     */
    public Money times(BigDecimal factor, RoundingMode rounding) {
        Objects.requireNonNull(factor, "factor");
        Objects.requireNonNull(rounding, "rounding");
        return of(amount.multiply(factor), currency, rounding);
    }

    /**
     * Splits this amount into {@code parts} amounts that differ by at most one minor unit and add up exactly to
     * this amount; the first parts get the extra units.
     *
     * @param parts how many parts, at least 1
     * @return the parts, in order
     */
    public List<Money> allocate(int parts) {
        if (parts < 1) {
            throw new IllegalArgumentException("parts must be at least 1, got " + parts);
        }
        BigInteger minor = amount.unscaledValue();
        BigInteger[] qr = minor.divideAndRemainder(BigInteger.valueOf(parts));
        int remainder = qr[1].intValue();
        int step = Integer.signum(remainder);
        List<Money> result = new ArrayList<>(parts);
        for (int i = 0; i < parts; i++) {
            BigInteger share = qr[0];
            if (i < Math.abs(remainder)) {
                share = share.add(BigInteger.valueOf(step));
            }
            result.add(new Money(new BigDecimal(share, amount.scale()), currency));
        }
        return List.copyOf(result);
    }

    /** @return the negated amount */
    public Money negated() {
        return new Money(amount.negate(), currency);
    }

    /** @return the absolute amount */
    public Money abs() {
        return amount.signum() < 0 ? negated() : this;
    }

    /** @return {@code true} if the amount is zero */
    public boolean isZero() {
        return amount.signum() == 0;
    }

    /** @return {@code true} if the amount is below zero */
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /** @return {@code true} if the amount is above zero */
    public boolean isPositive() {
        return amount.signum() > 0;
    }

    /**
     * Compares amounts of the same currency.
     *
     * @param other money in the same currency
     * @return negative, zero or positive
     * @throws CurrencyMismatchException if the currencies differ
     */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    /**
     * @param other money in the same currency
     * @return {@code true} if this is strictly greater
     */
    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    /**
     * @param other money in the same currency
     * @return {@code true} if this is strictly smaller
     */
    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    private void requireSameCurrency(Money other) {
        Objects.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
    }

    /** @return the currency code, a space and the plain amount, e.g. {@code USD 12.50} */
    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + amount.toPlainString();
    }
}
