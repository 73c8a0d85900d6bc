package dev.guanxi.crm.access;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;

/**
 * What one role may read and change in the {@linkplain AccessPolicy#ownTeamAll default access model}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param read whose records the role may see
 * @param write whose records the role may create, change and delete (and whose customers' shares it may manage);
 *     never wider than {@code read}
 * @since 0.1.0
 */
@Beta
public record RoleAccess(Scope read, Scope write) {
    /** No access. */
    public static final RoleAccess NONE = new RoleAccess(Scope.NONE, Scope.NONE);

    /**
     * Validates the scopes.
     *
     * @param read whose records the role may see
     * @param write whose records the role may create, change and delete (and whose customers' shares it may manage);
     *     never wider than {@code read}
     * @throws ValidationException {@link ValidationRule#REQUIRED} on {@code read} or {@code write} if missing;
     *     {@link ValidationRule#INVALID_STATE} on {@code write} if it is wider than {@code read}
     */
    public RoleAccess {
        if (read == null) {
            throw new ValidationException("read", ValidationRule.REQUIRED, "read is required");
        }
        if (write == null) {
            throw new ValidationException("write", ValidationRule.REQUIRED, "write is required");
        }
        if (!read.includes(write)) {
            throw new ValidationException(
                    "write", ValidationRule.INVALID_STATE, "a role cannot change records it cannot see");
        }
    }

    /**
     * @param read whose records the role may see
     * @param write whose records it may change
     * @return the access
     */
    public static RoleAccess of(Scope read, Scope write) {
        return new RoleAccess(read, write);
    }

    /**
     * @param other another role's access
     * @return what a principal with both roles may do: the wider scope of each
     */
    public RoleAccess union(RoleAccess other) {
        return new RoleAccess(read.widest(other.read), write.widest(other.write));
    }
}
