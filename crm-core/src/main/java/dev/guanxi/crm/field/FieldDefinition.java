package dev.guanxi.crm.field;

import java.util.Objects;

/**
 * Defines a custom field. STUB: to be completed by the customer work.
 *
 * @param <T> the value type
 */
public final class FieldDefinition<T> {
    private final String qualifiedName;

    private FieldDefinition(String qualifiedName) {
        this.qualifiedName = Objects.requireNonNull(qualifiedName);
    }

    /** @return {@code namespace.name} */
    public String qualifiedName() {
        return qualifiedName;
    }
}
