package dev.guanxi.crm.money;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import java.util.Currency;

/**
 * Amounts in two different currencies were combined without an exchange rate.
 *
 * <p>Thread-safe: the values it carries are final and immutable.
 */
public class CurrencyMismatchException extends ValidationException {
    private static final long serialVersionUID = 1L;

    private final transient Currency first;
    private final transient Currency second;

    /**
     * Creates the exception.
     *
     * @param first the currency of the left operand
     * @param second the currency of the right operand
     */
    public CurrencyMismatchException(Currency first, Currency second) {
        super("currency", ValidationRule.CURRENCY_MISMATCH, "cannot combine " + first + " with " + second);
        this.first = first;
        this.second = second;
    }

    /**
     * Creates the exception with its own message, for subclasses.
     *
     * @param first the currency of the left operand
     * @param second the currency of the right operand
     * @param message what happened
     * @since 0.1.0
     */
    protected CurrencyMismatchException(Currency first, Currency second, String message) {
        super("currency", ValidationRule.CURRENCY_MISMATCH, message);
        this.first = first;
        this.second = second;
    }

    /** @return the currency of the left operand */
    public Currency first() {
        return first;
    }

    /** @return the currency of the right operand */
    public Currency second() {
        return second;
    }
}
