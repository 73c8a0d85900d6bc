package dev.guanxi.crm;

import java.util.Optional;

/**
 * A value that must be unique per tenant (an external id, an order number...) is already taken. When the
 * SDK knows the id of the entity that holds it, {@link #existingId()} gives it, so a loser of a create race
 * can continue with the winner.
 *
 * <p>Thread-safe: the values it carries are final and immutable.
 */
public class DuplicateKeyException extends ValidationException {
    private static final long serialVersionUID = 1L;

    private final transient Object existingId;

    /**
     * Creates the exception.
     *
     * @param field the unique field, e.g. {@code externalId}
     * @param value the duplicated value (shown in the message)
     * @param existingId the id of the entity that already holds the value, or {@code null} if unknown
     */
    public DuplicateKeyException(String field, String value, Object existingId) {
        super(
                field,
                ValidationRule.DUPLICATE,
                "'" + value + "' is already used" + (existingId == null ? "" : " by " + existingId));
        this.existingId = existingId;
    }

    /**
     * Returns the id of the entity that already holds the value, when known.
     *
     * @return the id (a typed id such as {@code CustomerId}), or empty
     */
    public Optional<Object> existingId() {
        return Optional.ofNullable(existingId);
    }
}
