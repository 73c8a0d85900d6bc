package dev.guanxi.crm.audit;

import dev.guanxi.crm.Beta;
import java.util.Objects;

/**
 * One field of an entity before and after a change, as canonical text.
 *
 * <p>A field is named by its path in the entity: record components by name, joined by {@code .}, list elements
 * by index and map entries and set members by key in brackets (a {@code ]} or {@code \} inside a key is escaped
 * with {@code \}), e.g. {@code displayName}, {@code contactPoints[0].value}, {@code tags[vip]}, {@code
 * customFields[erp.segment]}, {@code creditLimit.amount}. A value is the canonical text of the leaf: text as
 * stored, a decimal in plain notation at its scale ({@code "128.50"}), an instant or a date in ISO-8601, an enum
 * constant by name, a currency by code, an id by its canonical text. A field that is absent on one side (a
 * {@code null}, an empty optional, an element beyond the end of a list) has a {@code null} value on that side.
 *
 * <p>Immutable and thread-safe.
 *
 * @param field the path of the field, never blank
 * @param oldValue the value before the change, or {@code null} if the field was absent
 * @param newValue the value after the change, or {@code null} if the field is absent now
 * @since 0.1.0
 */
@Beta
public record FieldChange(String field, String oldValue, String newValue) {
    /**
     * Validates the components.
     *
     * @param field the path of the field, never blank
     * @param oldValue the value before the change, or {@code null} if the field was absent
     * @param newValue the value after the change, or {@code null} if the field is absent now
     * @throws NullPointerException if {@code field} is null
     * @throws IllegalArgumentException if {@code field} is blank, or both values are absent
     */
    public FieldChange {
        Objects.requireNonNull(field, "field");
        if (field.isBlank()) {
            throw new IllegalArgumentException("a field change needs a field path");
        }
        if (oldValue == null && newValue == null) {
            throw new IllegalArgumentException("field " + field + " is absent before and after the change");
        }
    }
}
