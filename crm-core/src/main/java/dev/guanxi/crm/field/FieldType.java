package dev.guanxi.crm.field;

import dev.guanxi.crm.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The value types a custom field may have, each with exactly one Java type. Values are checked with {@link
 * Class#isInstance}: a {@code LONG} field takes a {@link Long}, not an {@link Integer}.
 *
 * <p>Immutable and thread-safe.
 */
public enum FieldType {
    /** Text ({@link String}); one line, no control characters, never trimmed. */
    STRING(String.class),
    /** A whole number ({@link Long}). */
    LONG(Long.class),
    /** An exact decimal ({@link BigDecimal}); never a {@code double}. */
    DECIMAL(BigDecimal.class),
    /** Yes or no ({@link Boolean}). */
    BOOLEAN(Boolean.class),
    /** A calendar date ({@link LocalDate}). */
    DATE(LocalDate.class),
    /** A moment ({@link Instant}). */
    INSTANT(Instant.class),
    /** An amount of money ({@link Money}). */
    MONEY(Money.class);

    private final Class<?> javaType;

    FieldType(Class<?> javaType) {
        this.javaType = javaType;
    }

    /** @return the one Java type values of this field type have */
    public Class<?> javaType() {
        return javaType;
    }

    /**
     * Tells whether a value has this type.
     *
     * @param value any value, may be {@code null}
     * @return {@code true} if {@code value} is an instance of {@link #javaType()}
     */
    public boolean accepts(Object value) {
        return javaType.isInstance(value);
    }

    /** @return {@code true} if values of this type are ordered, so that a minimum and maximum make sense */
    public boolean isOrdered() {
        return this != STRING && this != BOOLEAN;
    }

    /**
     * Returns the field type of a value.
     *
     * @param value any value, may be {@code null}
     * @return the field type whose {@link #javaType()} the value is an instance of, or empty if none
     */
    public static Optional<FieldType> ofValue(Object value) {
        for (FieldType type : values()) {
            if (type.accepts(value)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
