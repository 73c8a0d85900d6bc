package dev.guanxi.crm;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identifies a tenant: one company whose CRM data is kept apart from every other's. Every read and write
 * happens in exactly one tenant.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value 1 to 64 characters of {@code [A-Za-z0-9_.-]}
 */
public record TenantId(String value) {
    private static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    /**
     * Validates the syntax.
     *
     * @param value 1 to 64 characters of {@code [A-Za-z0-9_.-]}
     * @throws NullPointerException if {@code value} is null
     * @throws ValidationException on field {@code tenantId} with {@link ValidationRule#INVALID_FORMAT} if {@code
     *     value} is not 1 to 64 characters of {@code [A-Za-z0-9_.-]}
     */
    public TenantId {
        Objects.requireNonNull(value, "value");
        if (!SYNTAX.matcher(value).matches()) {
            throw new ValidationException(
                    "tenantId", ValidationRule.INVALID_FORMAT, "a tenant id is 1 to 64 characters of [A-Za-z0-9_.-]");
        }
    }

    /**
     * Creates a tenant id.
     *
     * @param value 1 to 64 characters of {@code [A-Za-z0-9_.-]}
     * @return the id
     */
    public static TenantId of(String value) {
        return new TenantId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
