package dev.guanxi.crm.field;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The custom field values of one customer: qualified name ({@code namespace.name}) to a value of one of the
 * {@link FieldType} Java types. Read them typed with {@link #get(FieldKey)}, or all at once with {@link
 * #asMap()}.
 *
 * <p>This value checks only what it can know by itself (key syntax, no {@code null}s, a supported value type);
 * whether a field is defined, has the right type and keeps its constraints is checked when a customer is
 * written, against the {@link FieldDefinition}s of the CRM.
 *
 * <p>Immutable and thread-safe; {@link #with} and {@link #without} return new values. Iteration is in the
 * order of the qualified names. Two instances are equal when their maps are equal.
 */
public final class CustomFields {
    private static final CustomFields EMPTY = new CustomFields(new TreeMap<>());

    private final SortedMap<String, Object> values;

    private CustomFields(TreeMap<String, Object> values) {
        this.values = Collections.unmodifiableSortedMap(values);
    }

    /** @return custom fields without any value */
    public static CustomFields empty() {
        return EMPTY;
    }

    /**
     * Creates custom fields from raw values, e.g. read from a store or an import file.
     *
     * @param values qualified name to value; values must be instances of a {@link FieldType}'s Java type
     * @return the custom fields
     * @throws ValidationException on the path {@code customFields.<key>}: {@link ValidationRule#INVALID_FORMAT}
     *     for a key that is not {@code namespace.name}, {@link ValidationRule#REQUIRED} for a {@code null}
     *     value, {@link ValidationRule#WRONG_TYPE} for a value of no field type
     */
    public static CustomFields of(Map<String, ?> values) {
        Objects.requireNonNull(values, "values");
        if (values.isEmpty()) {
            return EMPTY;
        }
        TreeMap<String, Object> copy = new TreeMap<>();
        values.forEach((name, value) -> {
            checkName(name);
            copy.put(name, checkValue(name, value));
        });
        return new CustomFields(copy);
    }

    private static void checkName(String name) {
        if (!FieldKey.isQualifiedName(name)) {
            throw new ValidationException(
                    "customFields." + name,
                    ValidationRule.INVALID_FORMAT,
                    "'" + name + "' is not a qualified field name namespace.name of [a-z][a-z0-9_]{0,39}");
        }
    }

    private static Object checkValue(String name, Object value) {
        if (value == null) {
            throw new ValidationException(
                    "customFields." + name, ValidationRule.REQUIRED, "custom field values must not be null");
        }
        if (FieldType.ofValue(value).isEmpty()) {
            throw new ValidationException(
                    "customFields." + name,
                    ValidationRule.WRONG_TYPE,
                    value.getClass().getName() + " is not a custom field type");
        }
        return value;
    }

    /**
     * Returns a value, typed by its key.
     *
     * @param key the field's key
     * @param <T> the Java type of the field
     * @return the value, or empty if the field has none
     * @throws IllegalArgumentException if the stored value is not a {@code T} (the key's type differs from the
     *     field's definition)
     */
    public <T> Optional<T> get(FieldKey<T> key) {
        Objects.requireNonNull(key, "key");
        return Optional.ofNullable(key.cast(values.get(key.qualifiedName())));
    }

    /**
     * Returns a value by qualified name, untyped.
     *
     * @param qualifiedName {@code namespace.name}
     * @return the value, or empty if the field has none
     */
    public Optional<Object> get(String qualifiedName) {
        Objects.requireNonNull(qualifiedName, "qualifiedName");
        return Optional.ofNullable(values.get(qualifiedName));
    }

    /**
     * Tells whether a field has a value.
     *
     * @param qualifiedName {@code namespace.name}
     * @return {@code true} if it has one
     */
    public boolean contains(String qualifiedName) {
        return values.containsKey(qualifiedName);
    }

    /**
     * Returns these fields with one value set, replaced or (for {@code null}) removed.
     *
     * @param key the field's key
     * @param value the new value, or {@code null} to remove the field's value
     * @param <T> the Java type of the field
     * @return new custom fields
     */
    public <T> CustomFields with(FieldKey<T> key, T value) {
        Objects.requireNonNull(key, "key");
        if (value == null) {
            return without(key.qualifiedName());
        }
        TreeMap<String, Object> copy = new TreeMap<>(values);
        copy.put(key.qualifiedName(), checkValue(key.qualifiedName(), key.cast(value)));
        return new CustomFields(copy);
    }

    /**
     * Returns these fields without a field's value.
     *
     * @param key the field's key
     * @return new custom fields (or this, if the field had no value)
     */
    public CustomFields without(FieldKey<?> key) {
        Objects.requireNonNull(key, "key");
        return without(key.qualifiedName());
    }

    /**
     * Returns these fields without a field's value.
     *
     * @param qualifiedName {@code namespace.name}
     * @return new custom fields (or this, if the field had no value)
     */
    public CustomFields without(String qualifiedName) {
        Objects.requireNonNull(qualifiedName, "qualifiedName");
        if (!values.containsKey(qualifiedName)) {
            return this;
        }
        TreeMap<String, Object> copy = new TreeMap<>(values);
        copy.remove(qualifiedName);
        return copy.isEmpty() ? EMPTY : new CustomFields(copy);
    }

    /** @return an unmodifiable view: qualified name to value, sorted by qualified name */
    public SortedMap<String, Object> asMap() {
        return values;
    }

    /** @return how many fields have a value */
    public int size() {
        return values.size();
    }

    /** @return {@code true} if no field has a value */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CustomFields other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** @return the values, e.g. {@code {erp.group=A, erp.score=7}} */
    @Override
    public String toString() {
        return values.toString();
    }
}
