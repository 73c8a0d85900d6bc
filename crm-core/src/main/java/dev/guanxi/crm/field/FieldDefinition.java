package dev.guanxi.crm.field;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Declares a custom field: its {@link FieldKey key} (and so its type), whether it is required, and its
 * constraints. Register definitions with {@code Crm.builder().customField(definition)}; every write of a
 * customer then checks its {@link CustomFields} against them.
 *
 * <pre>{@code
 * FieldDefinition<String> group = FieldDefinition.string("erp", "customer_group").maxLength(20).required();
 * FieldDefinition<Long> score = FieldDefinition.integer("erp", "score").min(0L).max(100L);
 * FieldDefinition<BigDecimal> discount = FieldDefinition.decimal("billing", "discount_rate")
 *         .min(BigDecimal.ZERO).max(BigDecimal.ONE).maxScale(4);
 * FieldDefinition<Money> deposit = FieldDefinition.money("billing", "deposit").currency("CNY");
 * }</pre>
 *
 * <p>Constraints by type:
 *
 * <ul>
 *   <li>every type: {@link #required()} (a missing value is {@link ValidationRule#REQUIRED});
 *   <li>{@code STRING}: one line, not blank, no control characters, at most {@link #maxLength(int)} code
 *       points (default {@value dev.guanxi.crm.internal.Check#LINE_MAX}; {@link ValidationRule#TOO_LONG}), and
 *       optionally a {@link #pattern(String) pattern} the whole text must match ({@link
 *       ValidationRule#INVALID_FORMAT});
 *   <li>ordered types ({@code LONG}, {@code DECIMAL}, {@code DATE}, {@code INSTANT}, {@code MONEY}): {@link
 *       #min} and {@link #max}, inclusive ({@link ValidationRule#OUT_OF_RANGE});
 *   <li>{@code DECIMAL}: {@link #maxScale(int)} decimals, trailing zeros not counted ({@link
 *       ValidationRule#SCALE});
 *   <li>{@code MONEY}: a {@link #currency(String) currency} ({@link ValidationRule#CURRENCY_MISMATCH}).
 * </ul>
 *
 * A value of another Java type than the field's is {@link ValidationRule#WRONG_TYPE}; a value for a field
 * that has no definition is {@link ValidationRule#UNKNOWN_FIELD}. The field path of every violation is
 * {@code customFields.<namespace.name>}.
 *
 * <p>Immutable and thread-safe: each constraint method returns a new definition. Calling a constraint method
 * that does not apply to the field's type throws {@link IllegalStateException}, so a wrong configuration
 * fails when the CRM is built, not when data arrives.
 *
 * @param <T> the Java type of the field's values
 */
public final class FieldDefinition<T> {
    private final FieldKey<T> key;
    private final boolean required;
    private final int maxLength;
    private final Pattern pattern;
    private final T min;
    private final T max;
    private final Integer maxScale;
    private final Currency currency;
    private final boolean personal;

    private FieldDefinition(
            FieldKey<T> key,
            boolean required,
            int maxLength,
            Pattern pattern,
            T min,
            T max,
            Integer maxScale,
            Currency currency,
            boolean personal) {
        this.key = key;
        this.required = required;
        this.maxLength = maxLength;
        this.pattern = pattern;
        this.min = min;
        this.max = max;
        this.maxScale = maxScale;
        this.currency = currency;
        this.personal = personal;
    }

    /**
     * Defines an optional field without constraints beyond those of its type.
     *
     * @param key the field's key
     * @param <T> the Java type of the values
     * @return the definition
     */
    public static <T> FieldDefinition<T> of(FieldKey<T> key) {
        Objects.requireNonNull(key, "key");
        return new FieldDefinition<>(key, false, Check.LINE_MAX, null, null, null, null, null, false);
    }

    /**
     * Defines an optional text field of at most {@value dev.guanxi.crm.internal.Check#LINE_MAX} code points.
     *
     * @param namespace the owning namespace, e.g. {@code erp}
     * @param name the name within the namespace
     * @return the definition
     * @throws ValidationException if a part is not {@code [a-z][a-z0-9_]{0,39}}
     */
    public static FieldDefinition<String> string(String namespace, String name) {
        return of(FieldKey.string(namespace, name));
    }

    /**
     * Defines an optional whole-number field ({@link FieldType#LONG}).
     *
     * @param namespace the owning namespace
     * @param name the name within the namespace
     * @return the definition
     * @throws ValidationException if a part is not {@code [a-z][a-z0-9_]{0,39}}
     */
    public static FieldDefinition<Long> integer(String namespace, String name) {
        return of(FieldKey.integer(namespace, name));
    }

    /**
     * Defines an optional exact decimal field.
     *
     * @param namespace the owning namespace
     * @param name the name within the namespace
     * @return the definition
     * @throws ValidationException if a part is not {@code [a-z][a-z0-9_]{0,39}}
     */
    public static FieldDefinition<BigDecimal> decimal(String namespace, String name) {
        return of(FieldKey.decimal(namespace, name));
    }

    /**
     * Defines an optional yes/no field.
     *
     * @param namespace the owning namespace
     * @param name the name within the namespace
     * @return the definition
     * @throws ValidationException if a part is not {@code [a-z][a-z0-9_]{0,39}}
     */
    public static FieldDefinition<Boolean> bool(String namespace, String name) {
        return of(FieldKey.bool(namespace, name));
    }

    /**
     * Defines an optional date field.
     *
     * @param namespace the owning namespace
     * @param name the name within the namespace
     * @return the definition
     * @throws ValidationException if a part is not {@code [a-z][a-z0-9_]{0,39}}
     */
    public static FieldDefinition<LocalDate> date(String namespace, String name) {
        return of(FieldKey.date(namespace, name));
    }

    /**
     * Defines an optional instant field.
     *
     * @param namespace the owning namespace
     * @param name the name within the namespace
     * @return the definition
     * @throws ValidationException if a part is not {@code [a-z][a-z0-9_]{0,39}}
     */
    public static FieldDefinition<Instant> instant(String namespace, String name) {
        return of(FieldKey.instant(namespace, name));
    }

    /**
     * Defines an optional money field (any currency unless {@link #currency(String)} is set).
     *
     * @param namespace the owning namespace
     * @param name the name within the namespace
     * @return the definition
     * @throws ValidationException if a part is not {@code [a-z][a-z0-9_]{0,39}}
     */
    public static FieldDefinition<Money> money(String namespace, String name) {
        return of(FieldKey.money(namespace, name));
    }

    /**
     * Makes the field required: every customer written must have a value.
     *
     * @return a new definition
     */
    public FieldDefinition<T> required() {
        return new FieldDefinition<>(key, true, maxLength, pattern, min, max, maxScale, currency, personal);
    }

    /**
     * Limits the length of a text field.
     *
     * @param codePoints the most code points a value may have, 1 to {@value
     *     dev.guanxi.crm.internal.Check#TEXT_MAX}
     * @return a new definition
     * @throws IllegalStateException if the field is not {@link FieldType#STRING}
     * @throws IllegalArgumentException if the limit is out of range
     */
    public FieldDefinition<T> maxLength(int codePoints) {
        requireType("maxLength", FieldType.STRING);
        if (codePoints < 1 || codePoints > Check.TEXT_MAX) {
            throw new IllegalArgumentException(
                    "maxLength must be between 1 and " + Check.TEXT_MAX + ", got " + codePoints);
        }
        return new FieldDefinition<>(key, required, codePoints, pattern, min, max, maxScale, currency, personal);
    }

    /**
     * Requires the whole text to match a regular expression.
     *
     * @param regex a {@link Pattern} expression, e.g. {@code [A-Z]{2}-\d{4}}
     * @return a new definition
     * @throws IllegalStateException if the field is not {@link FieldType#STRING}
     * @throws IllegalArgumentException if the expression does not compile
     */
    public FieldDefinition<T> pattern(String regex) {
        requireType("pattern", FieldType.STRING);
        Objects.requireNonNull(regex, "regex");
        Pattern compiled;
        try {
            compiled = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("pattern does not compile: " + e.getMessage(), e);
        }
        return new FieldDefinition<>(key, required, maxLength, compiled, min, max, maxScale, currency, personal);
    }

    /**
     * Sets the smallest allowed value (inclusive).
     *
     * @param min the minimum
     * @return a new definition
     * @throws IllegalStateException if the field type is not ordered (STRING, BOOLEAN)
     * @throws IllegalArgumentException if {@code min} is above the maximum, or a money minimum's currency
     *     differs from the field's currency or maximum
     */
    public FieldDefinition<T> min(T min) {
        Objects.requireNonNull(min, "min");
        requireOrdered("min");
        checkBounds(min, max);
        return new FieldDefinition<>(key, required, maxLength, pattern, min, max, maxScale, currency, personal);
    }

    /**
     * Sets the largest allowed value (inclusive).
     *
     * @param max the maximum
     * @return a new definition
     * @throws IllegalStateException if the field type is not ordered (STRING, BOOLEAN)
     * @throws IllegalArgumentException if {@code max} is below the minimum, or a money maximum's currency
     *     differs from the field's currency or minimum
     */
    public FieldDefinition<T> max(T max) {
        Objects.requireNonNull(max, "max");
        requireOrdered("max");
        checkBounds(min, max);
        return new FieldDefinition<>(key, required, maxLength, pattern, min, max, maxScale, currency, personal);
    }

    /**
     * Limits the number of decimals of a decimal field; trailing zeros are not counted ({@code 1.50} has one).
     *
     * @param decimals the most decimals, 0 to 18
     * @return a new definition
     * @throws IllegalStateException if the field is not {@link FieldType#DECIMAL}
     * @throws IllegalArgumentException if {@code decimals} is out of range
     */
    public FieldDefinition<T> maxScale(int decimals) {
        requireType("maxScale", FieldType.DECIMAL);
        if (decimals < 0 || decimals > 18) {
            throw new IllegalArgumentException("maxScale must be between 0 and 18, got " + decimals);
        }
        return new FieldDefinition<>(key, required, maxLength, pattern, min, max, decimals, currency, personal);
    }

    /**
     * Requires money values in one currency.
     *
     * @param currencyCode an ISO 4217 code such as {@code CNY}
     * @return a new definition
     * @throws IllegalStateException if the field is not {@link FieldType#MONEY}
     * @throws ValidationException with {@link ValidationRule#UNKNOWN_CURRENCY} if the code is unknown
     * @throws IllegalArgumentException if a minimum or maximum is in another currency
     */
    public FieldDefinition<T> currency(String currencyCode) {
        requireType("currency", FieldType.MONEY);
        Currency c = Money.currency(currencyCode);
        for (T bound : bounds()) {
            if (!((Money) bound).currency().equals(c)) {
                throw new IllegalArgumentException("bound " + bound + " is not in " + c);
            }
        }
        return new FieldDefinition<>(key, required, maxLength, pattern, min, max, maxScale, c, personal);
    }

    private List<T> bounds() {
        List<T> list = new ArrayList<>(2);
        if (min != null) {
            list.add(min);
        }
        if (max != null) {
            list.add(max);
        }
        return list;
    }

    private void requireType(String constraint, FieldType wanted) {
        if (key.type() != wanted) {
            throw new IllegalStateException(
                    constraint + " applies to " + wanted + " fields; " + qualifiedName() + " is " + key.type());
        }
    }

    private void requireOrdered(String constraint) {
        if (!key.type().isOrdered()) {
            throw new IllegalStateException(
                    constraint + " applies to ordered field types; " + qualifiedName() + " is " + key.type());
        }
    }

    private void checkBounds(T lower, T upper) {
        if (lower != null && !key.type().accepts(lower)
                || upper != null && !key.type().accepts(upper)) {
            throw new IllegalArgumentException("bounds of " + qualifiedName() + " must be " + key.type());
        }
        if (key.type() == FieldType.MONEY) {
            for (T bound : Arrays.asList(lower, upper)) {
                Currency c = bound == null ? null : ((Money) bound).currency();
                if (c != null && currency != null && !c.equals(currency)) {
                    throw new IllegalArgumentException("bound " + bound + " is not in " + currency);
                }
            }
            if (lower != null && upper != null && !((Money) lower).currency().equals(((Money) upper).currency())) {
                throw new IllegalArgumentException("min " + lower + " and max " + upper + " differ in currency");
            }
        }
        if (lower != null && upper != null && compare(lower, upper) > 0) {
            throw new IllegalArgumentException("min " + lower + " is above max " + upper);
        }
    }

    @SuppressWarnings("unchecked")
    private static int compare(Object a, Object b) {
        return ((Comparable<Object>) a).compareTo(b);
    }

    /**
     * Flags the field as personal data: erasure removes its value and the export lists it (see {@link
     * dev.guanxi.crm.privacy.PersonalData}). Fields the CRM does not define are treated as personal too.
     *
     * @return a new definition
     * @since 0.1.0
     */
    public FieldDefinition<T> personal() {
        return new FieldDefinition<>(key, required, maxLength, pattern, min, max, maxScale, currency, true);
    }

    /** @return whether the field holds personal data */
    public boolean isPersonal() {
        return personal;
    }

    /** @return the field's key */
    public FieldKey<T> key() {
        return key;
    }

    /** @return the field's type */
    public FieldType type() {
        return key.type();
    }

    /** @return {@code namespace.name}, the name under which the field is registered and stored */
    public String qualifiedName() {
        return key.qualifiedName();
    }

    /** @return the path violations of this field are reported on: {@code customFields.<namespace.name>} */
    public String path() {
        return "customFields." + qualifiedName();
    }

    /** @return {@code true} if every customer must have a value */
    public boolean isRequired() {
        return required;
    }

    /** @return the most code points of a text value; empty for fields that are not {@code STRING} */
    public OptionalInt maxLength() {
        return key.type() == FieldType.STRING ? OptionalInt.of(maxLength) : OptionalInt.empty();
    }

    /** @return the regular expression a text value must match, if any */
    public Optional<String> pattern() {
        return pattern == null ? Optional.empty() : Optional.of(pattern.pattern());
    }

    /** @return the smallest allowed value, if any */
    public Optional<T> min() {
        return Optional.ofNullable(min);
    }

    /** @return the largest allowed value, if any */
    public Optional<T> max() {
        return Optional.ofNullable(max);
    }

    /** @return the most decimals of a decimal value, if limited */
    public OptionalInt maxScale() {
        return maxScale == null ? OptionalInt.empty() : OptionalInt.of(maxScale);
    }

    /** @return the currency money values must be in, if fixed */
    public Optional<Currency> currency() {
        return Optional.ofNullable(currency);
    }

    /**
     * Checks a value against this definition.
     *
     * @param value the value, or {@code null} for none
     * @throws ValidationException on the path {@link #path()}: {@link ValidationRule#REQUIRED} if the field is
     *     required and the value {@code null}; {@link ValidationRule#WRONG_TYPE} if the value is not a {@code
     *     T}; otherwise the rule of the broken constraint (see the class comment)
     */
    public void validate(Object value) {
        String path = path();
        if (value == null) {
            if (required) {
                throw new ValidationException(path, ValidationRule.REQUIRED, qualifiedName() + " is required");
            }
            return;
        }
        if (!key.type().accepts(value)) {
            throw new ValidationException(
                    path,
                    ValidationRule.WRONG_TYPE,
                    qualifiedName() + " is " + key.type() + " ("
                            + key.type().javaType().getSimpleName() + "), not "
                            + value.getClass().getSimpleName());
        }
        switch (key.type()) {
            case STRING -> {
                Check.text(path, (String) value, maxLength);
                if (pattern != null && !pattern.matcher((String) value).matches()) {
                    throw new ValidationException(
                            path, ValidationRule.INVALID_FORMAT, qualifiedName() + " must match " + pattern);
                }
            }
            case DECIMAL -> {
                if (maxScale != null
                        && ((BigDecimal) value).stripTrailingZeros().scale() > maxScale) {
                    throw new ValidationException(
                            path, ValidationRule.SCALE, qualifiedName() + " has more than " + maxScale + " decimals");
                }
            }
            case MONEY -> {
                Currency actual = ((Money) value).currency();
                Currency expected = currency != null ? currency : min != null ? ((Money) min).currency() : null;
                if (expected == null && max != null) {
                    expected = ((Money) max).currency();
                }
                if (expected != null && !expected.equals(actual)) {
                    throw new ValidationException(
                            path,
                            ValidationRule.CURRENCY_MISMATCH,
                            qualifiedName() + " must be in " + expected + ", not " + actual);
                }
            }
            default -> {
                // no type-specific constraint
            }
        }
        if (min != null && compare(value, min) < 0) {
            throw new ValidationException(
                    path, ValidationRule.OUT_OF_RANGE, qualifiedName() + " must be at least " + min);
        }
        if (max != null && compare(value, max) > 0) {
            throw new ValidationException(
                    path, ValidationRule.OUT_OF_RANGE, qualifiedName() + " must be at most " + max);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldDefinition<?> other
                && key.equals(other.key)
                && required == other.required
                && maxLength == other.maxLength
                && Objects.equals(pattern(), other.pattern())
                && Objects.equals(min, other.min)
                && Objects.equals(max, other.max)
                && Objects.equals(maxScale, other.maxScale)
                && Objects.equals(currency, other.currency)
                && personal == other.personal;
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, required, maxLength, pattern(), min, max, maxScale, currency, personal);
    }

    /** @return the key and the constraints, for diagnostics */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("FieldDefinition[").append(key);
        if (required) {
            s.append(", required");
        }
        if (personal) {
            s.append(", personal");
        }
        maxLength().ifPresent(n -> s.append(", maxLength=").append(n));
        pattern().ifPresent(p -> s.append(", pattern=").append(p));
        min().ifPresent(m -> s.append(", min=").append(m));
        max().ifPresent(m -> s.append(", max=").append(m));
        maxScale().ifPresent(n -> s.append(", maxScale=").append(n));
        currency().ifPresent(c -> s.append(", currency=").append(c));
        return s.append(']').toString();
    }
}
