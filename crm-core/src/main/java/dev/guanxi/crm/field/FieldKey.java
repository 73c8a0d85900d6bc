package dev.guanxi.crm.field;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The typed name of a custom field: a namespace (the host module or integration that owns the field, e.g.
 * {@code erp}) and a name, each {@code [a-z][a-z0-9_]{0,39}}, plus the {@link FieldType} and its Java type
 * {@code T}. The {@linkplain #qualifiedName() qualified name} {@code namespace.name} identifies the field in
 * a tenant; the type lets {@link CustomFields#get(FieldKey)} return a {@code T} without a cast.
 *
 * <p>Immutable and thread-safe. Two keys are equal when namespace, name and type are equal.
 *
 * @param <T> the Java type of the field's values
 */
public final class FieldKey<T> {
    private static final Pattern PART = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final Pattern QUALIFIED = Pattern.compile("[a-z][a-z0-9_]{0,39}\\.[a-z][a-z0-9_]{0,39}");

    private final String namespace;
    private final String name;
    private final FieldType type;
    private final Class<T> javaType;

    private FieldKey(String namespace, String name, FieldType type, Class<T> javaType) {
        this.namespace = checkPart("namespace", namespace);
        this.name = checkPart("name", name);
        this.type = Objects.requireNonNull(type, "type");
        this.javaType = javaType;
    }

    private static String checkPart(String field, String value) {
        if (value == null) {
            throw new ValidationException(field, ValidationRule.REQUIRED, "a field key needs a " + field);
        }
        if (!PART.matcher(value).matches()) {
            throw new ValidationException(
                    field,
                    ValidationRule.INVALID_FORMAT,
                    "'" + value + "' is not a valid field " + field + ": use [a-z][a-z0-9_]{0,39}");
        }
        return value;
    }

    /**
     * Creates the key of a text field.
     *
     * @param namespace the owning namespace, e.g. {@code erp}
     * @param name the field's name within the namespace
     * @return the key
     * @throws ValidationException with {@link ValidationRule#INVALID_FORMAT} if a part is not {@code
     *     [a-z][a-z0-9_]{0,39}}
     */
    public static FieldKey<String> string(String namespace, String name) {
        return new FieldKey<>(namespace, name, FieldType.STRING, String.class);
    }

    /**
     * Creates the key of a whole-number field ({@link FieldType#LONG}).
     *
     * @param namespace the owning namespace
     * @param name the field's name within the namespace
     * @return the key
     * @throws ValidationException if a part is not {@code [a-z][a-z0-9_]{0,39}}
     */
    public static FieldKey<Long> integer(String namespace, String name) {
        return new FieldKey<>(namespace, name, FieldType.LONG, Long.class);
    }

    /**
     * Creates the key of an exact decimal field.
     *
     * @param namespace the owning namespace
     * @param name the field's name within the namespace
     * @return the key
     * @throws ValidationException if a part is not {@code [a-z][a-z0-9_]{0,39}}
     */
    public static FieldKey<BigDecimal> decimal(String namespace, String name) {
        return new FieldKey<>(namespace, name, FieldType.DECIMAL, BigDecimal.class);
    }

    /**
     * Creates the key of a yes/no field.
     *
     * @param namespace the owning namespace
     * @param name the field's name within the namespace
     * @return the key
     * @throws ValidationException if a part is not {@code [a-z][a-z0-9_]{0,39}}
     */
    public static FieldKey<Boolean> bool(String namespace, String name) {
        return new FieldKey<>(namespace, name, FieldType.BOOLEAN, Boolean.class);
    }

    /**
     * Creates the key of a date field.
     *
     * @param namespace the owning namespace
     * @param name the field's name within the namespace
     * @return the key
     * @throws ValidationException if a part is not {@code [a-z][a-z0-9_]{0,39}}
     */
    public static FieldKey<LocalDate> date(String namespace, String name) {
        return new FieldKey<>(namespace, name, FieldType.DATE, LocalDate.class);
    }

    /**
     * Creates the key of an instant field.
     *
     * @param namespace the owning namespace
     * @param name the field's name within the namespace
     * @return the key
     * @throws ValidationException if a part is not {@code [a-z][a-z0-9_]{0,39}}
     */
    public static FieldKey<Instant> instant(String namespace, String name) {
        return new FieldKey<>(namespace, name, FieldType.INSTANT, Instant.class);
    }

    /**
     * Creates the key of a money field.
     *
     * @param namespace the owning namespace
     * @param name the field's name within the namespace
     * @return the key
     * @throws ValidationException if a part is not {@code [a-z][a-z0-9_]{0,39}}
     */
    public static FieldKey<Money> money(String namespace, String name) {
        return new FieldKey<>(namespace, name, FieldType.MONEY, Money.class);
    }

    /**
     * Creates a key whose type is only known at run time (e.g. read from configuration).
     *
     * @param namespace the owning namespace
     * @param name the field's name within the namespace
     * @param type the field type
     * @return the key, typed by {@code type.javaType()}
     * @throws ValidationException if a part is not {@code [a-z][a-z0-9_]{0,39}}
     */
    public static FieldKey<?> of(String namespace, String name, FieldType type) {
        Objects.requireNonNull(type, "type");
        return create(namespace, name, type, type.javaType());
    }

    private static <T> FieldKey<T> create(String namespace, String name, FieldType type, Class<T> javaType) {
        return new FieldKey<>(namespace, name, type, javaType);
    }

    /**
     * Tells whether a text is a syntactically valid qualified name {@code namespace.name}.
     *
     * @param qualifiedName any text, may be {@code null}
     * @return {@code true} if it is two parts of {@code [a-z][a-z0-9_]{0,39}} joined by a dot
     */
    public static boolean isQualifiedName(String qualifiedName) {
        return qualifiedName != null && QUALIFIED.matcher(qualifiedName).matches();
    }

    /** @return the namespace, e.g. {@code erp} */
    public String namespace() {
        return namespace;
    }

    /** @return the name within the namespace, e.g. {@code customer_group} */
    public String name() {
        return name;
    }

    /** @return {@code namespace.name}, e.g. {@code erp.customer_group} */
    public String qualifiedName() {
        return namespace + "." + name;
    }

    /** @return the field type */
    public FieldType type() {
        return type;
    }

    /** @return the Java type of the values, {@code type().javaType()} */
    public Class<T> javaType() {
        return javaType;
    }

    /**
     * Casts a value to this key's Java type.
     *
     * @param value a value of this field, may be {@code null}
     * @return the value as {@code T}
     * @throws IllegalArgumentException if the value is of another type
     */
    public T cast(Object value) {
        if (value != null && !javaType.isInstance(value)) {
            throw new IllegalArgumentException(
                    "custom field " + qualifiedName() + " is read as " + type + " (" + javaType.getSimpleName()
                            + ") but holds a " + value.getClass().getSimpleName());
        }
        return javaType.cast(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldKey<?> other
                && namespace.equals(other.namespace)
                && name.equals(other.name)
                && type == other.type;
    }

    @Override
    public int hashCode() {
        return Objects.hash(namespace, name, type);
    }

    /** @return {@code namespace.name:TYPE}, e.g. {@code erp.score:LONG} */
    @Override
    public String toString() {
        return qualifiedName() + ":" + type;
    }
}
